"""The shipped instruments and their versioning."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied

from pantau.studies import instruments, services
from pantau.studies.selectors import scored_items
from pantau.surveys.models import Collection, Item
from pantau.surveys.services import submit_response


@pytest.mark.django_db
def test_form_a_and_form_b_have_five_nps_dimensions_of_at_least_four_paired_items():
    form_a = scored_items(instruments.shipped_version(instruments.FORM_A).pk)
    form_b = scored_items(instruments.shipped_version(instruments.FORM_B).pk)
    nps_a = [i for i in form_a if instruments.dimension_code(i.code) in instruments.NPS_CODES]
    assert [i.code for i in nps_a] == [i.code for i in form_b]
    assert [i.key for i in nps_a] == [i.key for i in form_b]
    for code in instruments.NPS_CODES:
        assert sum(1 for i in form_b if instruments.dimension_code(i.code) == code) >= 4
    assert all(
        a.text.startswith(
            ("Petugas", "Warga", "Ada ", "Layanan", "Usulan", "Informasi", "Saya", "Pengaduan")
        )
        for a in nps_a
    )
    assert all(
        b.text.startswith(("Saya", "Unit kami", "Layanan unit kami", "Usulan")) for b in form_b
    )
    assert all(a.text != b.text for a, b in zip(nps_a, form_b, strict=True))


@pytest.mark.django_db
def test_form_a_carries_the_service_quality_dimensions_and_the_quality_instrument_ships_alone():
    form_a = scored_items(instruments.shipped_version(instruments.FORM_A).pk)
    quality = scored_items(instruments.shipped_version(instruments.QUALITY).pk)
    y_in_a = [
        i.code for i in form_a if instruments.dimension_code(i.code) in instruments.QUALITY_CODES
    ]
    assert y_in_a == [i.code for i in quality]
    assert {instruments.dimension_code(i.code) for i in quality} == {"KPS", "AKS", "EFK"}


@pytest.mark.django_db
def test_items_use_the_five_point_agreement_labels_and_some_are_reverse_scored():
    version = instruments.shipped_version(instruments.FORM_A)
    item = version.items.filter(section__kind="scored").first()
    assert [o.label for o in item.options.all()] == list(instruments.DEFAULT_LABELS)
    assert [o.value for o in item.options.all()] == [1, 2, 3, 4, 5]
    assert version.items.filter(reverse_scored=True).count() == 2


@pytest.mark.django_db
def test_labels_are_configurable_for_a_new_version():
    instruments.shipped_version(instruments.QUALITY)
    labels = (("STS", "TS", "N", "S", "SS"), ("SD", "D", "N", "A", "SA"))
    version = instruments.build_version(instruments.QUALITY, number=2, labels=labels)
    item = version.items.filter(section__kind="scored").first()
    assert [o.label for o in item.options.all()] == list(labels[0])


@pytest.mark.django_db
def test_revising_an_unanswered_version_edits_it(admin_user):
    version = instruments.shipped_version(instruments.FORM_B)
    revised = services.revise_item(actor=admin_user, version=version, key="sns-1", text="Baru.")
    assert revised.pk == version.pk
    assert Item.objects.get(version=version, key="sns-1").text == "Baru."


@pytest.mark.django_db
def test_revising_an_answered_version_creates_a_new_version_and_keeps_the_old(admin_user, unit_a):
    version = instruments.shipped_version(instruments.FORM_B)
    collection = Collection.objects.create(version=version, unit=unit_a, status="open")
    item = Item.objects.get(version=version, key="sns-1")
    submit_response(
        collection=collection, answers=[(item, 4, "")], submission_token=uuid.uuid4(), source="web"
    )
    revised = services.revise_item(
        actor=admin_user, version=version, key="sns-1", text="Baru.", reverse_scored=True
    )
    assert revised.number == version.number + 1
    assert Item.objects.get(version=revised, key="sns-1").text == "Baru."
    assert Item.objects.get(version=revised, key="sns-1").reverse_scored
    assert Item.objects.get(version=version, key="sns-1").text == item.text
    assert revised.items.count() == version.items.count()
    assert instruments.shipped_version(instruments.FORM_B) == revised


@pytest.mark.django_db
def test_only_administrators_revise_instruments(unit_head_a):
    version = instruments.shipped_version(instruments.FORM_B)
    with pytest.raises(PermissionDenied):
        services.revise_item(actor=unit_head_a, version=version, key="sns-1", text="x")


@pytest.mark.django_db
def test_the_seven_principles_forms_are_parallel_with_four_items_each():
    form_a = scored_items(instruments.shipped_version(instruments.FORM_A7).pk)
    form_b = scored_items(instruments.shipped_version(instruments.FORM_B7).pk)
    x_a = [i for i in form_a if instruments.dimension_code(i.code) not in instruments.QUALITY_CODES]
    assert [i.code for i in x_a] == [i.code for i in form_b]
    codes = [instruments.dimension_code(i.code) for i in form_b]
    assert len(set(codes)) == 7 and all(codes.count(c) >= 4 for c in set(codes))
    assert all(a.text != b.text for a, b in zip(x_a, form_b, strict=True))
    assert {instruments.dimension_code(i.code) for i in form_a} >= set(instruments.QUALITY_CODES)


@pytest.mark.django_db
def test_a_study_on_the_seven_principles_analyses_seven_dimensions(unit_head_a, unit_a):
    from datetime import date

    from pantau.studies.selectors import study_results

    from .conftest import fill

    study = services.create_study(
        actor=unit_head_a,
        unit=unit_a,
        title="Tujuh prinsip",
        starts_on=date(2025, 1, 1),
        ends_on=date(2025, 3, 1),
        recipient_target=30,
        provider_target=5,
        form_set="nps7",
    )
    fill(study, recipients=20, providers=5)
    results = study_results(study)
    assert len(results.x_dimensions) == 7 and len(results.y_dimensions) == 3
    assert len(results.regression.coefficients) == 8
