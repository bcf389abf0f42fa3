"""Every staff page of unit KPIs refuses people of another unit or agency with 404, for reading
and for writing, and a refused write changes nothing; agency heads and evaluators read across
their units; an agency's KPI is seen by the people of its units."""

import pytest
from django.urls import reverse

from pantau.kpis.models import Indicator, Measurement, Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def world_a(unit_a, agency_a, measured_a, agency_kpi_a, custom_a):
    return {
        "unit": unit_a.slug,
        "agency": agency_a.slug,
        "kpi": custom_a.pk,
        "shared": agency_kpi_a.pk,
        "target": custom_a.targets.get().pk,
        "measurement": measured_a.pk,
    }


def _urls(w):
    u, k = w["unit"], w["kpi"]
    return [
        ("kpis:unit", [u]),
        ("kpis:unit-define", [u]),
        ("kpis:unit-export", [u, "csv"]),
        ("kpis:unit-export", [u, "xlsx"]),
        ("kpis:indicator", [u, k]),
        ("kpis:indicator", [u, w["shared"]]),
        ("kpis:measurement-record", [u, k]),
        ("kpis:measurement-evidence", [u, k, w["measurement"]]),
        ("kpis:indicator-edit", [k]),
        ("kpis:indicator-edit", [w["shared"]]),
        ("kpis:targets", [k]),
        ("kpis:targets", [w["shared"]]),
        ("kpis:target-remove", [k, w["target"]]),
        ("kpis:agency", [w["agency"]]),
        ("kpis:agency-define", [w["agency"]]),
        ("kpis:agency-export", [w["agency"], "csv"]),
    ]


def _counts():
    return (Indicator.objects.count(), Target.objects.count(), Measurement.objects.count())


@pytest.mark.parametrize("who", ["officer_b", "unit_head_b"])
def test_people_of_another_unit_get_404_everywhere(client_for, world_a, who, request):
    client = client_for(request.getfixturevalue(who))
    before = _counts()
    for name, args in _urls(world_a):
        url = reverse(name, args=args)
        assert client.get(url).status_code == 404, url
        assert (
            client.post(url, {"name": "x", "value": "1", "start": "2026-01"}).status_code == 404
        ), url
    assert _counts() == before


def test_the_head_of_another_agency_gets_404_everywhere(client_for, world_a, agency_b):
    from pantau.accounts.models import Role
    from pantau.accounts.tests.factories import MembershipFactory, UserFactory

    head_b = UserFactory(username="kadis_b")
    MembershipFactory(user=head_b, role=Role.AGENCY_HEAD, agency=agency_b)
    client = client_for(head_b)
    for name, args in _urls(world_a):
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert client.get(reverse("kpis:agency", args=[agency_b.slug])).status_code == 200


def test_the_index_shows_an_outsider_only_own_units(client_for, world_a, officer_b, unit_b):
    page = client_for(officer_b).get(reverse("kpis:index"))
    assert list(page.context["page"].object_list) == [unit_b]
    assert list(page.context["agencies"]) == []


def test_an_evaluator_reads_across_the_province_but_changes_nothing(
    client_for, world_a, evaluator_a
):
    client = client_for(evaluator_a)
    for name in ("kpis:unit", "kpis:indicator", "kpis:targets", "kpis:agency", "kpis:unit-export"):
        args = {
            "kpis:unit": [world_a["unit"]],
            "kpis:indicator": [world_a["unit"], world_a["kpi"]],
            "kpis:targets": [world_a["kpi"]],
            "kpis:agency": [world_a["agency"]],
            "kpis:unit-export": [world_a["unit"], "csv"],
        }[name]
        assert client.get(reverse(name, args=args)).status_code == 200, name
    for name, args in (
        ("kpis:unit-define", [world_a["unit"]]),
        ("kpis:measurement-record", [world_a["unit"], world_a["kpi"]]),
        ("kpis:agency-define", [world_a["agency"]]),
        ("kpis:indicator-edit", [world_a["kpi"]]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 403, name


def test_an_officer_sees_the_agencys_kpi_but_not_the_agency_page(client_for, world_a, officer_a):
    client = client_for(officer_a)
    assert client.get(reverse("kpis:targets", args=[world_a["shared"]])).status_code == 200
    assert client.get(reverse("kpis:agency", args=[world_a["agency"]])).status_code == 404


def test_the_agency_head_manages_the_units_kpis_not_theirs_elsewhere(
    client_for, world_a, agency_head_a, unit_b, unit_head_b
):
    from .factories import make_indicator

    client = client_for(agency_head_a)
    assert client.get(reverse("kpis:indicator-edit", args=[world_a["kpi"]])).status_code == 200
    kpi_b = make_indicator(unit_head_b, unit=unit_b, name="KPI unit B")
    assert client.get(reverse("kpis:indicator-edit", args=[kpi_b.pk])).status_code == 404
    assert client.get(reverse("kpis:unit", args=[unit_b.slug])).status_code == 404


def test_a_kpi_of_another_unit_is_not_found_under_this_units_address(
    client_for, world_a, unit_b, unit_head_b, officer_a
):
    from .factories import make_indicator

    kpi_b = make_indicator(unit_head_b, unit=unit_b, name="KPI unit B")
    url = reverse("kpis:indicator", args=[world_a["unit"], kpi_b.pk])
    assert client_for(officer_a).get(url).status_code == 404
