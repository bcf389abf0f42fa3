"""Jemput bola (issue 19): a resident asks a unit that offers home visits for one, gets a number,
and the unit's officers schedule it; nobody else sees the request."""

import pytest
from django.urls import reverse

from pantau.common.humancheck import passing_fields
from pantau.organisations.models import VisitRequest
from pantau.organisations.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def _payload(**overrides):
    return {
        "name": "Inaq Sumi",
        "phone": "0819-1234-5678",
        "address": "Dusun Lendang, RT 02",
        "village": "Desa Sakra",
        "reason": "elderly",
        "details": "Perlu surat rekomendasi PBI-JKN, tidak bisa berjalan jauh.",
        **passing_fields(),
        **overrides,
    }


@pytest.fixture
def visiting_unit(unit_a):
    unit_a.home_visits = True
    unit_a.home_visit_note = "Selasa dan Kamis"
    unit_a.save()
    return unit_a


def test_a_resident_asks_for_a_visit_and_gets_a_number(client, visiting_unit):
    service = ServiceFactory(unit=visiting_unit)
    page = client.get(reverse("portal:unit-detail", args=[visiting_unit.slug])).content.decode()
    assert reverse("portal:home-visit", args=[visiting_unit.slug]) in page
    sent = client.post(
        reverse("portal:home-visit", args=[visiting_unit.slug]), _payload(service=service.pk)
    )
    visit = VisitRequest.objects.get()
    assert sent.status_code == 200 and visit.number in sent.content.decode()
    assert (visit.unit, visit.service, visit.status) == (visiting_unit, service, "new")


def test_a_unit_without_visits_has_no_form(client, unit_a):
    assert client.get(reverse("portal:home-visit", args=[unit_a.slug])).status_code == 404


def test_a_request_without_a_callable_number_is_refused_and_nothing_saved(client, visiting_unit):
    sent = client.post(
        reverse("portal:home-visit", args=[visiting_unit.slug]), _payload(phone="12")
    )
    assert sent.status_code == 200 and "Galat" in sent.content.decode()
    assert not VisitRequest.objects.exists()


def test_the_units_officer_schedules_it_and_another_units_cannot_see_it(
    client, client_for, visiting_unit, officer_a, officer_b
):
    client.post(reverse("portal:home-visit", args=[visiting_unit.slug]), _payload())
    visit = VisitRequest.objects.get()
    url = reverse("organisations:home-visits", args=[visiting_unit.slug])
    assert client_for(officer_b).get(url).status_code == 404
    staff = client_for(officer_a)
    assert "Inaq Sumi" in staff.get(url).content.decode()
    prefix = f"v{visit.pk}"
    missing_date = staff.post(url, {"visit": visit.pk, f"{prefix}-status": "scheduled"})
    assert missing_date.status_code == 302
    visit.refresh_from_db()
    assert visit.status == "new"  # a scheduled visit needs its date
    staff.post(
        url,
        {
            "visit": visit.pk,
            f"{prefix}-status": "scheduled",
            f"{prefix}-scheduled_on": "2026-12-08",
        },
    )
    visit.refresh_from_db()
    assert visit.status == "scheduled" and visit.handled_by == officer_a
    assert (
        client_for(officer_b)
        .post(url, {"visit": visit.pk, f"{prefix}-status": "declined"})
        .status_code
        == 404
    )
