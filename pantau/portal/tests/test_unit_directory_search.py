"""The public directory's search page (issue 19): the services that matched under each unit, a
"did you mean" link when a typing error finds nothing, and a fixed number of queries however
many units match."""

from django.urls import reverse

from pantau.organisations.tests.factories import ServiceFactory, ServiceUnitFactory


def _units_with_immunisation(count: int, province: str = "Provinsi A") -> None:
    for number in range(count):
        unit = ServiceUnitFactory(name=f"Puskesmas Contoh {number}", province=province)
        ServiceFactory(unit=unit, name="Imunisasi dasar lengkap")
        ServiceFactory(unit=unit, name="Pemeriksaan umum")


def test_the_services_that_matched_are_listed_under_the_unit(client, db):
    unit = ServiceUnitFactory(name="Loket Dinas Sosial")
    ServiceFactory(unit=unit, name="Rekomendasi Kartu Indonesia Pintar")
    ServiceFactory(unit=unit, name="Pemutakhiran data DTKS")
    response = client.get(reverse("portal:unit-list"), {"q": "KIP"})
    (shown,) = response.context["page"].object_list
    assert [service.name for service in shown.matching_services] == [
        "Rekomendasi Kartu Indonesia Pintar"
    ]


def test_a_typing_error_gets_a_did_you_mean_link(client, db):
    _units_with_immunisation(2)
    response = client.get(reverse("portal:unit-list"), {"q": "imunisai"})
    assert response.context["page"].paginator.count == 0
    assert response.context["suggestion"] == "imunisasi"
    assert 'href="/units/?q=imunisasi"' in response.content.decode()


def test_the_corrected_query_keeps_the_words_that_were_right(client, db):
    _units_with_immunisation(1)
    response = client.get(reverse("portal:unit-list"), {"q": "Imunisai Dasar"})
    assert response.context["suggestion"] == "imunisasi dasar"


def test_no_suggestion_when_something_was_found(client, db):
    _units_with_immunisation(1)
    response = client.get(reverse("portal:unit-list"), {"q": "imunisasi"})
    assert response.context["suggestion"] == ""


def test_no_suggestion_when_no_word_is_near(client, db):
    _units_with_immunisation(1)
    response = client.get(reverse("portal:unit-list"), {"q": "xqzwv"})
    assert response.context["suggestion"] == ""
    assert "q=xqzwv" not in response.content.decode()


def test_no_suggestion_that_would_find_nothing_in_the_chosen_province(client, db):
    _units_with_immunisation(1, province="Provinsi A")
    ServiceUnitFactory(name="Kantor Lain", province="Provinsi B")
    response = client.get(reverse("portal:unit-list"), {"q": "imunisai", "province": "Provinsi B"})
    assert response.context["suggestion"] == ""
    response = client.get(reverse("portal:unit-list"), {"q": "imunisai", "province": "Provinsi A"})
    assert response.context["suggestion"] == "imunisasi"
    assert "province=Provinsi%20A" in response.content.decode()


def _queries(client, django_assert_num_queries, expected: int, **params) -> None:
    client.get(reverse("portal:unit-list"), params)  # provinces cached for a minute
    with django_assert_num_queries(expected):
        client.get(reverse("portal:unit-list"), params)


def test_a_search_costs_the_same_queries_for_3_or_30_units(client, db, django_assert_num_queries):
    # The matching ids in order, the shown units, their service and member counts, and the
    # services that matched.
    _units_with_immunisation(3)
    _queries(client, django_assert_num_queries, 5, q="imunisasi dasar")
    _units_with_immunisation(27)
    _queries(client, django_assert_num_queries, 5, q="imunisasi dasar")


def test_a_typing_error_costs_a_few_queries_more(client, db, django_assert_num_queries):
    # The (empty) matching ids; the words the vocabulary knows, the nearest word of the unknown
    # one, and whether the corrected query finds something.
    _units_with_immunisation(30)
    _queries(client, django_assert_num_queries, 4, q="imunisai dasar")


def test_search_results_are_paged_like_the_directory(client, db):
    _units_with_immunisation(45)
    names = []
    for number in ("1", "2", "3"):
        page = client.get(reverse("portal:unit-list"), {"q": "imunisasi", "page": number}).context[
            "page"
        ]
        assert page.paginator.count == 45 and page.paginator.num_pages == 3
        names += [unit.name for unit in page.object_list]
    assert len(names) == 45 and len(set(names)) == 45
    past_the_end = client.get(reverse("portal:unit-list"), {"q": "imunisasi", "page": "9"})
    assert past_the_end.context["page"].number == 3
    not_a_number = client.get(reverse("portal:unit-list"), {"q": "imunisasi", "page": "x"})
    assert not_a_number.context["page"].number == 1
    assert "page=2" in not_a_number.content.decode()
