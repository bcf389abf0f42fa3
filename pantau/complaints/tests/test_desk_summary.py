"""The staff home page starts with what waits on the user's desk (issue 16)."""

from datetime import date

from django.urls import reverse

from pantau.complaints import selectors, services
from pantau.complaints.tests.conftest import report


def test_an_agency_head_sees_the_reports_of_their_units_due_and_late(
    client_for, agency_head_a, unit_a, unit_b, officer_a
):
    late, _code = report(unit_a)
    late.verify_due = date(2020, 1, 6)
    late.save()
    waiting, _code = report(unit_a)
    services.transition(actor=officer_a, complaint=waiting, action="postpone", note="Kirim KTP")
    report(unit_b)  # another government's: not counted
    desk = selectors.desk_summary(agency_head_a, date(2026, 3, 2))
    assert desk["open"] == 2 and desk["overdue"] == 1 and desk["waiting"] == 1
    body = client_for(agency_head_a).get(reverse("accounts:home")).content.decode()
    assert "Laporan di meja Anda" in body and "melewati tenggat" in body


def test_an_officer_of_another_unit_sees_nothing_of_unit_a(client_for, officer_b, unit_a):
    report(unit_a)
    assert selectors.desk_summary(officer_b, date(2026, 3, 2))["open"] == 0
    body = client_for(officer_b).get(reverse("accounts:home")).content.decode()
    assert "Laporan di meja Anda" not in body


def test_the_desk_summary_is_one_query(django_assert_num_queries, coordinator_a, unit_a):
    report(unit_a)
    from pantau.organisations.selectors import scope_for

    scope_for(coordinator_a)
    with django_assert_num_queries(1):
        selectors.desk_summary(coordinator_a, date(2026, 3, 2))
