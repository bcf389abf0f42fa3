from django.urls import reverse

from pantau.organisations.tests.factories import (
    ContactChannelFactory,
    OpeningHoursFactory,
    ServiceFactory,
    ServiceUnitFactory,
)


def test_public_home_shows_figures_without_sign_in(client, unit_a, unit_b):
    ServiceFactory(unit=unit_a)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert response.context["counts"] == {"units": 2, "services": 1, "agencies": 2}


def test_unit_directory_finds_units_by_service_name(client, unit_a, unit_b):
    ServiceFactory(unit=unit_a, name="Rekomendasi Kartu Indonesia Pintar")
    body = client.get(reverse("portal:unit-list"), {"q": "indonesia pintar"}).content.decode()
    assert unit_a.name in body and unit_b.name not in body


def test_unit_directory_filters_by_province(client, unit_a, unit_b):
    body = client.get(reverse("portal:unit-list"), {"province": "Provinsi B"}).content.decode()
    assert unit_b.name in body and unit_a.name not in body


def test_inactive_unit_is_hidden_from_the_public(client, unit_a):
    unit_a.is_active = False
    unit_a.save()
    assert client.get(reverse("portal:unit-detail", args=[unit_a.slug])).status_code == 404
    assert unit_a.name not in client.get(reverse("portal:unit-list")).content.decode()


def test_public_unit_page_shows_hours_channels_and_active_services(client, unit_a):
    OpeningHoursFactory(unit=unit_a, weekday=1)
    ContactChannelFactory(unit=unit_a, kind="whatsapp", value="+62 812 1111 2222")
    ServiceFactory(unit=unit_a, name="Layanan aktif")
    ServiceFactory(unit=unit_a, name="Layanan lama", is_active=False)
    body = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert "Senin" in body and "08.00–16.00 WIB" in body
    assert "+62 812 1111 2222" in body
    assert "Layanan aktif" in body and "Layanan lama" not in body


def test_public_unit_page_never_shows_staff(client, unit_a, officer_a):
    body = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert officer_a.username not in body and "Personel" not in body


def test_unit_directory_query_count_is_flat(client, db, django_assert_max_num_queries):
    ServiceUnitFactory.create_batch(20)
    # count, page, service counts, member counts, provinces (cached afterwards)
    with django_assert_max_num_queries(5):
        client.get(reverse("portal:unit-list"))


def test_overlong_search_is_cut_not_refused(client, unit_a):
    assert client.get(reverse("portal:unit-list"), {"q": "x" * 5000}).status_code == 200
