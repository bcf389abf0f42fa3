"""The built-in metrics read Pantau's own records for a unit and a period: published SKM results,
complaint handling, standards in force and reviewed, the announced IPP; None without data; a
fixed number of grouped queries however many periods are asked."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from pantau.complaints.models import Complaint
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.kpis import metrics, periods
from pantau.kpis.models import BUILT_IN_KEYS
from pantau.organisations.tests.factories import ServiceFactory
from pantau.standards.models import StandardVersion

from .factories import published_skm

pytestmark = pytest.mark.django_db

Q1 = periods.make("quarter", 2025, 1)
Q2 = periods.make("quarter", 2025, 2)


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def test_the_registry_lists_every_key_the_database_accepts():
    assert tuple(metrics.metrics()) == BUILT_IN_KEYS
    assert all(m.minimum < m.maximum for m in metrics.metrics().values())


def test_ikm_is_the_published_result_of_the_period(unit_a, unit_head_a):
    published_skm(unit_a, unit_head_a, year=2025, number=1, scores=[(3,) * 9])
    assert metrics.value("skm.ikm", unit=unit_a, period=Q1) == Decimal("75.00")
    assert metrics.value("skm.ikm", unit=unit_a, period=Q2) is None
    year = periods.make("year", 2025, 1)
    assert metrics.value("skm.ikm", unit=unit_a, period=year) == Decimal("75.00")


def test_an_unpublished_skm_result_does_not_count(unit_a, unit_head_a):
    from pantau.satisfaction.tests.factories import SurveyPeriodFactory

    SurveyPeriodFactory(unit=unit_a, actor=unit_head_a, year=2025, number=2, opened=True)
    assert metrics.value("skm.ikm", unit=unit_a, period=Q2) is None


def _report(unit, *, received, status="received", answered=None, due=None, rating=None, **extra):
    complaint = ComplaintFactory(unit=unit)
    Complaint.objects.filter(pk=complaint.pk).update(
        created_at=_at(received),
        status=status,
        answered_at=_at(answered) if answered else None,
        resolution_due=due,
        rating=rating,
        **extra,
    )
    return complaint


@pytest.fixture
def reports_q1(unit_a, unit_b):
    """Q1 2025 in unit A: answered in 1, 3 and 10 days (the last late), one open past its
    deadline, one open within it; rated 5 and 3. Noise: unit B, an integrity report, Q2."""
    jan = date(2025, 1, 10)
    _report(
        unit_a,
        received=jan,
        status="answered",
        answered=jan + timedelta(1),
        due=date(2025, 2, 1),
        rating=5,
    )
    _report(
        unit_a,
        received=jan,
        status="closed",
        answered=jan + timedelta(3),
        due=date(2025, 2, 1),
        rating=3,
    )
    _report(
        unit_a,
        received=jan,
        status="answered",
        answered=jan + timedelta(10),
        due=jan + timedelta(5),
    )
    _report(unit_a, received=date(2025, 3, 1), status="in_progress", due=date(2025, 3, 20))
    _report(unit_a, received=date(2025, 3, 30), status="in_progress", due=date(2099, 1, 1))
    _report(
        unit_b, received=jan, status="answered", answered=jan + timedelta(30), due=jan, rating=1
    )
    _report(
        unit_a,
        received=jan,
        status="answered",
        answered=jan + timedelta(40),
        due=jan,
        integrity=True,
    )
    _report(
        unit_a,
        received=date(2025, 4, 2),
        status="answered",
        answered=date(2025, 4, 3),
        due=date(2025, 5, 1),
        rating=1,
    )


def test_on_time_share_counts_open_reports_past_the_deadline_as_missed(unit_a, reports_q1):
    # 2 on time, 1 late, 1 open past its deadline: 2 / 4.
    assert metrics.value("complaints.on_time_share", unit=unit_a, period=Q1) == Decimal("50.0")
    assert metrics.value("complaints.on_time_share", unit=unit_a, period=Q2) == Decimal("100.0")


def test_median_days_to_answer_of_odd_and_even_counts(unit_a, reports_q1):
    assert metrics.value("complaints.median_days_to_answer", unit=unit_a, period=Q1) == Decimal(
        "3.0"
    )
    _report(
        unit_a,
        received=date(2025, 2, 1),
        status="answered",
        answered=date(2025, 2, 6),
        due=date(2025, 3, 1),
    )
    # 1, 3, 5, 10 days: (3 + 5) / 2.
    assert metrics.value("complaints.median_days_to_answer", unit=unit_a, period=Q1) == Decimal(
        "4.0"
    )


def test_rating_is_the_mean_of_the_rated_answers(unit_a, reports_q1):
    assert metrics.value("complaints.rating", unit=unit_a, period=Q1) == Decimal("4.00")
    assert (
        metrics.value("complaints.rating", unit=unit_a, period=periods.make("quarter", 2025, 3))
        is None
    )


def test_a_kpi_about_one_service_counts_its_reports_only(unit_a):
    service = ServiceFactory(unit=unit_a)
    jan = date(2025, 1, 10)
    _report(
        unit_a,
        received=jan,
        status="answered",
        answered=jan + timedelta(2),
        due=date(2025, 2, 1),
        service=service,
    )
    _report(unit_a, received=jan, status="answered", answered=jan + timedelta(20), due=jan)
    value = metrics.value("complaints.on_time_share", unit=unit_a, period=Q1, service=service)
    assert value == Decimal("100.0")
    assert metrics.value("complaints.on_time_share", unit=unit_a, period=Q1) == Decimal("50.0")


def test_complaint_metrics_answer_many_units_and_periods_in_one_query_each(
    unit_a, unit_b, reports_q1, django_assert_num_queries
):
    quarters = periods.between("quarter", date(2024, 1, 1), date(2025, 12, 31))
    with django_assert_num_queries(1):
        shares = metrics.values(
            "complaints.on_time_share", units=[unit_a, unit_b], periods=quarters
        )
    assert shares[(unit_a.pk, quarters.index(Q1))] == Decimal("50.0")
    assert shares[(unit_b.pk, quarters.index(Q1))] == Decimal("0.0")
    with django_assert_num_queries(1):
        medians = metrics.values(
            "complaints.median_days_to_answer", units=[unit_a, unit_b], periods=quarters
        )
    assert medians[(unit_b.pk, quarters.index(Q1))] == Decimal("30.0")
    assert (unit_a.pk, 0) not in medians


def _version(
    service, *, number=1, status="published", published, decree, superseded=None, months=12
):
    return StandardVersion.objects.create(
        service=service,
        number=number,
        status=status,
        published_at=_at(published),
        superseded_at=_at(superseded) if superseded else None,
        decree_number="188/1/2024",
        decree_date=decree,
        review_months=months,
    )


@time_machine.travel(date(2025, 12, 15))
def test_standards_in_force_and_reviewed_at_the_end_of_each_period(
    unit_a, django_assert_num_queries
):
    first, second, third, fourth = (ServiceFactory(unit=unit_a) for _ in range(4))
    ServiceFactory(unit=unit_a, is_active=False)  # an inactive service does not count
    for service in (first, second, third, fourth):
        type(service).objects.filter(pk=service.pk).update(created_at=_at(date(2024, 1, 1)))
    # In force since 2024, set 1 Feb 2024 with a yearly review: due 1 Feb 2025.
    _version(first, published=date(2024, 2, 1), decree=date(2024, 2, 1))
    # Version 1 replaced in May 2025 by version 2 (set 1 May 2025).
    _version(
        second,
        status="superseded",
        published=date(2024, 3, 1),
        decree=date(2024, 3, 1),
        superseded=date(2025, 5, 1),
    )
    _version(second, number=2, published=date(2025, 5, 1), decree=date(2025, 5, 1))
    # Published only in the second half of 2025, with a two-year review.
    _version(third, published=date(2025, 8, 1), decree=date(2025, 7, 1), months=24)
    semesters = [periods.make("semester", 2025, 1), periods.make("semester", 2025, 2)]
    with django_assert_num_queries(1):
        in_force = metrics.values("standards.in_force_share", units=[unit_a], periods=semesters)
    assert in_force == {(unit_a.pk, 0): Decimal("50.0"), (unit_a.pk, 1): Decimal("75.0")}
    with django_assert_num_queries(2):
        reviewed = metrics.values("standards.reviewed_share", units=[unit_a], periods=semesters)
    # End of S1 (30 June): the first is past its review (1 Feb), the second's v2 is fresh.
    # Today (15 Dec) for S2: the second (due 1 May 2026) and the third (due July 2027).
    assert reviewed == {(unit_a.pk, 0): Decimal("25.0"), (unit_a.pk, 1): Decimal("50.0")}


def test_standards_metrics_are_empty_without_services(unit_a):
    assert metrics.value("standards.in_force_share", unit=unit_a, period=Q1) is None
    assert metrics.value("standards.reviewed_share", unit=unit_a, period=Q1) is None


def test_ipp_is_the_latest_announced_result_of_the_period(unit_a, province_a, evaluator_a):
    from pantau.evaluations.models import Lokus, Round
    from pantau.evaluations.tests.factories import LokusFactory, RoundFactory

    def announced(results_on, ipp, status=Round.Status.RESULTS):
        round_ = RoundFactory(body=province_a, actor=evaluator_a, year=results_on.year)
        lokus = LokusFactory(round_=round_, unit=unit_a, actor=evaluator_a)
        Round.objects.filter(pk=round_.pk).update(status=status, results_on=results_on)
        Lokus.objects.filter(pk=lokus.pk).update(ipp=Decimal(ipp))

    announced(date(2025, 2, 10), "3.10")
    announced(date(2025, 3, 20), "3.62")
    announced(date(2025, 5, 1), "4.90", status=Round.Status.SCORING)  # not announced
    assert metrics.value("pekppp.ipp", unit=unit_a, period=Q1) == Decimal("3.62")
    assert metrics.value("pekppp.ipp", unit=unit_a, period=Q2) is None
