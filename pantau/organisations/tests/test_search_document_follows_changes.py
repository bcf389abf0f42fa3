"""A unit's search document follows every change of what it holds: a renamed unit, service,
agency or mall, a service added, deactivated or moved, a new city; the demo loader fills it
and ``pantau refresh_search_documents`` rebuilds every document and the vocabulary."""

from django.core.management import call_command
from django.urls import reverse

from pantau.organisations import services
from pantau.organisations.models import SearchWord, ServiceMall, UnitSearchDocument
from pantau.organisations.selectors import public_units
from pantau.organisations.tests.factories import ServiceFactory, ServiceUnitFactory


def _found(query: str) -> list[str]:
    return sorted(unit.slug for unit in public_units(search=query))


def test_a_new_service_is_found(unit_head_a, unit_a):
    assert _found("imunisasi") == []
    services.create_service(actor=unit_head_a, unit=unit_a, name="Imunisasi dasar")
    assert _found("imunisasi") == ["unit-a"]
    assert SearchWord.objects.filter(word="imunisasi").exists()


def test_a_renamed_service_is_found_by_its_new_name_only(unit_head_a, unit_a):
    service = ServiceFactory(unit=unit_a, name="Rekomendasi beasiswa")
    services.update_service(
        actor=unit_head_a,
        service=service,
        name="Surat keterangan tidak mampu",
        description="",
        is_active=True,
    )
    assert _found("beasiswa") == []
    assert _found("keterangan mampu") == ["unit-a"]


def test_a_deactivated_service_is_no_longer_found(unit_head_a, unit_a):
    service = ServiceFactory(unit=unit_a, name="Rekomendasi beasiswa")
    assert _found("beasiswa") == ["unit-a"]
    services.update_service(
        actor=unit_head_a, service=service, name=service.name, description="", is_active=False
    )
    assert _found("beasiswa") == []


def test_a_new_city_is_found(unit_head_a, unit_a):
    services.update_unit_profile(actor=unit_head_a, unit=unit_a, data={"city": "Kota Mataram"})
    assert _found("mataram") == ["unit-a"]


def test_a_unit_renamed_in_the_admin_is_found_by_its_new_name(client_for, admin_user, unit_a):
    response = client_for(admin_user).post(
        reverse("admin:organisations_serviceunit_change", args=[unit_a.pk]),
        {
            "agency": unit_a.agency_id,
            "name": "Loket Terpadu Selong",
            "slug": unit_a.slug,
            "address": unit_a.address,
            "city": unit_a.city,
            "province": unit_a.province,
            "time_zone": unit_a.time_zone,
            "is_active": "on",
            **{
                f"{prefix}-{field}": value
                for prefix in ("opening_hours", "channels", "services")
                for field, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))
            },
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _found("terpadu selong") == ["unit-a"]
    assert UnitSearchDocument.objects.get(unit=unit_a).name == " loket terpadu selong "


def test_an_agency_renamed_in_the_admin_is_found_by_its_new_name(client_for, admin_user, agency_a):
    unit = ServiceUnitFactory(agency=agency_a, name="Loket Terpadu", slug="loket-terpadu")
    assert _found("sosial") == ["loket-terpadu"]
    response = client_for(admin_user).post(
        reverse("admin:organisations_agency_change", args=[agency_a.pk]),
        {
            "name": "Dinas Pemberdayaan Masyarakat dan Desa",
            "short_name": "DPMD",
            "slug": agency_a.slug,
            "kind": agency_a.kind,
            "parent": agency_a.parent_id,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _found("pemberdayaan dpmd") == [unit.slug]
    assert _found("sosial") == []


def test_a_service_moved_in_the_admin_leaves_its_old_unit(client_for, admin_user, unit_a, unit_b):
    service = ServiceFactory(unit=unit_a, name="Rekomendasi beasiswa")
    response = client_for(admin_user).post(
        reverse("admin:organisations_service_change", args=[service.pk]),
        {"unit": unit_b.pk, "name": service.name, "slug": service.slug, "is_active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _found("beasiswa") == ["unit-b"]


def test_a_renamed_mall_is_found(client_for, admin_user, unit_a, agency_a):
    mall = ServiceMall.objects.create(name="MPP Lama", slug="mpp-lama", host_agency=agency_a)
    unit_a.mall = mall
    unit_a.save()
    services.refresh_search_documents(unit_ids=[unit_a.pk])
    response = client_for(admin_user).post(
        reverse("admin:organisations_servicemall_change", args=[mall.pk]),
        {"name": "Mal Pelayanan Publik Rinjani", "slug": mall.slug, "host_agency": agency_a.pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _found("rinjani") == ["unit-a"]


def test_a_refresh_writes_only_what_changed(unit_a, unit_b):
    assert services.refresh_search_documents(unit_ids=[unit_a.pk, unit_b.pk]) == 0
    UnitSearchDocument.objects.filter(unit=unit_a).update(text=" stale ")
    assert services.refresh_search_documents(unit_ids=[unit_a.pk, unit_b.pk]) == 1
    assert _found("stale") == []


def test_the_command_rebuilds_every_document_and_the_vocabulary(db):
    unit = ServiceUnitFactory(name="Loket Imunisasi")
    UnitSearchDocument.objects.all().delete()
    SearchWord.objects.create(word="kadaluwarsa")
    assert _found("imunisasi") == []
    call_command("refresh_search_documents", verbosity=0)
    assert _found("imunisasi") == [unit.slug]
    assert SearchWord.objects.filter(word="imunisasi").exists()
    assert not SearchWord.objects.filter(word="kadaluwarsa").exists()


def test_the_demo_units_are_found_and_a_second_load_writes_nothing(db):
    from pantau.common.demo import load_demo

    load_demo(seed=2026)
    assert "dinsos-mpp-lombok-timur" in _found("bansos")
    assert "ptsp-kecamatan-cakung" in _found("surat domisili")
    documents = dict(UnitSearchDocument.objects.values_list("unit_id", "text"))
    assert services.refresh_search_documents(unit_ids=list(documents)) == 0
    load_demo(seed=2026)
    assert dict(UnitSearchDocument.objects.values_list("unit_id", "text")) == documents
