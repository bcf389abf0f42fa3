"""The public report card: satisfaction, complaints and standards side by side, with the peers."""

from datetime import date

from django.urls import reverse

from pantau.organisations.tests.factories import ServiceFactory, ServiceUnitFactory
from pantau.standards import selectors


def test_compliance_counts_standards_pledge_and_recent_forums(published_a):
    unit = published_a.service.unit
    ServiceFactory(unit=unit)  # a second service without a standard
    compliance = selectors.public_compliance(unit, today=date(2026, 6, 1))
    assert (compliance.services, compliance.in_force, compliance.on_time) == (2, 1, 1)
    assert compliance.share == 50
    assert compliance.pledge is False
    assert compliance.forums_last_year == 1
    assert selectors.public_compliance(unit, today=date(2027, 6, 1)).forums_last_year == 0


def test_report_card_compares_units_of_the_same_agency(client, published_a):
    unit = published_a.service.unit
    peer = ServiceUnitFactory(agency=unit.agency, name="Loket kedua", slug="loket-kedua")
    other = ServiceUnitFactory(name="Unit lain")
    response = client.get(reverse("portal:unit-report-card", args=[unit.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert peer.name in html and other.name not in html
    assert "1 / 1" in html  # services with a standard in force


def test_report_card_of_an_inactive_unit_is_hidden(client, unit_a):
    unit_a.is_active = False
    unit_a.save()
    assert client.get(reverse("portal:unit-report-card", args=[unit_a.slug])).status_code == 404


def test_a_unit_alone_in_its_agency_is_compared_with_its_sibling_agencies(client, unit_a, agency_a):
    from pantau.organisations.tests.factories import AgencyFactory

    sibling = AgencyFactory(name="Dinas Kesehatan A", parent=agency_a.parent)
    peer = ServiceUnitFactory(agency=sibling, name="Puskesmas A")
    html = client.get(reverse("portal:unit-report-card", args=[unit_a.slug])).content.decode()
    assert peer.name in html and agency_a.parent.name in html


def test_the_year_is_not_written_as_a_number_with_a_separator(client, unit_a):
    html = client.get(reverse("portal:unit-report-card", args=[unit_a.slug])).content.decode()
    assert "2.02" not in html


def test_directory_search_links_straight_to_the_matching_service(client, published_a):
    unit = published_a.service.unit
    ServiceFactory(unit=unit, name="Layanan lain")
    html = client.get(reverse("portal:unit-list"), {"q": "PBI"}).content.decode()
    assert reverse("public_standards:service", args=[unit.slug, published_a.service.slug]) in html
    assert "Layanan lain" not in html


def test_a_mall_page_shows_its_units_together_with_time_and_cost(client, published_a):
    from pantau.organisations.models import ServiceMall

    unit = published_a.service.unit
    mall = ServiceMall.objects.create(name="MPP Kabupaten A", slug="mpp-a", host_agency=unit.agency)
    unit.mall = mall
    unit.save()
    ServiceUnitFactory(mall=mall, name="Loket Dukcapil A")
    ServiceUnitFactory(mall=mall, name="Loket tutup", is_active=False)
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:mall-detail", args=["mpp-a"]) in home
    html = client.get(reverse("portal:mall-detail", args=["mpp-a"])).content.decode()
    assert "Loket Dukcapil A" in html and "Loket tutup" not in html
    assert published_a.service.name in html and "Gratis (Rp0)" in html


def test_a_mall_without_active_units_is_not_found(client, agency_a):
    from pantau.organisations.models import ServiceMall

    ServiceMall.objects.create(name="MPP kosong", slug="mpp-kosong", host_agency=agency_a)
    assert client.get(reverse("portal:mall-detail", args=["mpp-kosong"])).status_code == 404


def test_open_data_of_published_skm_and_complaint_statistics(client, unit_a):
    json_skm = client.get(reverse("portal:open-data-skm", args=[unit_a.slug, "json"])).json()
    assert json_skm["licence"].startswith("CC BY 4.0") and json_skm["periods"] == []
    stats = client.get(reverse("portal:open-data-complaints", args=[unit_a.slug, 2026, "json"]))
    months = stats.json()["months"]
    assert [m["month"] for m in months] == list(range(1, 13))
    csv_text = client.get(
        reverse("portal:open-data-complaints", args=[unit_a.slug, 2026, "csv"])
    ).content.decode()
    assert csv_text.splitlines()[0].endswith(",licence") and len(csv_text.splitlines()) == 13
    assert client.get(reverse("portal:open-data-skm", args=[unit_a.slug, "xml"])).status_code == 404
    unit_page = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert reverse("portal:open-data-skm", args=[unit_a.slug, "csv"]) in unit_page
