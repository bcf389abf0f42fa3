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


def _published_period(unit, head, service, scores_list):
    import uuid

    from pantau.satisfaction import services
    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.surveys.models import Item
    from pantau.surveys.services import submit_response

    period = services.create_period(
        actor=head,
        unit=unit,
        kind="quarter",
        year=2025,
        number=1,
        population=50,
        services=[service],
    )
    services.change_period_status(actor=head, period=period, action="open")
    items = {i.key: i for i in Item.objects.filter(version=period.collection.version)}
    for scores in scores_list:
        submit_response(
            collection=period.collection,
            answers=[(items[k], s, "") for k, s in zip(ELEMENT_KEYS, scores, strict=True)],
            submission_token=uuid.uuid4(),
            source="web",
            service=service,
        )
    return period


def test_unpublished_results_stay_private(client, unit_a, unit_head_a):
    service = ServiceFactory(unit=unit_a)
    _published_period(unit_a, unit_head_a, service, [(4,) * 9])
    body = client.get(reverse("portal:unit-skm", args=[unit_a.slug])).content.decode()
    assert "belum mempublikasikan" in body
    assert (
        "100,00"
        not in client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    )


def test_published_results_show_ikm_trend_and_poster(client, unit_a, unit_head_a):
    from pantau.satisfaction import services

    service = ServiceFactory(unit=unit_a)
    period = _published_period(
        unit_a, unit_head_a, service, [(4, 4, 4, 4, 4, 4, 4, 4, 3), (4, 3, 4, 4, 4, 4, 4, 4, 3)]
    )
    services.publish_period(
        actor=unit_head_a, period=period, media=["website"], reason="Uji coba dua responden"
    )
    detail = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert "95,83" in detail  # Σ NRR = 34,5 → 34,5/9 × 25 = 95,83 (A)
    page = client.get(reverse("portal:unit-skm", args=[unit_a.slug]))
    assert page.status_code == 200
    assert [p.ikm.ikm for p in page.context["trend"]] == [page.context["latest"].ikm.ikm]
    poster = client.get(reverse("portal:unit-poster", args=[unit_a.slug])).content.decode()
    assert "95,83" in poster and "data:image/svg+xml" in poster


def test_trend_uses_one_grouped_query_for_all_periods(
    unit_a, unit_head_a, django_assert_num_queries
):
    from pantau.satisfaction import selectors

    service = ServiceFactory(unit=unit_a)
    period = _published_period(unit_a, unit_head_a, service, [(3,) * 9])
    periods = [period]
    with django_assert_num_queries(3):
        points = selectors.trend(periods)
    assert points[0].ikm.ikm == 75
