"""One way to compute each figure (issue 21): the register's figure before and after an action
and the unit's built-in KPI read the IKM and the on-time share of complaints through the same
functions (``kpis.metrics.skm.published_results``, ``kpis.metrics.complaints.on_time_counts``),
so they agree on the same records."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from pantau.complaints.models import Complaint
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.improvements import figures
from pantau.kpis import metrics as kpi_metrics
from pantau.kpis import periods
from pantau.kpis.periods import Period
from pantau.kpis.tests.factories import published_skm

from .factories import make_action

pytestmark = pytest.mark.django_db


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))


def _report(unit, *, received, status, answered=None, due):
    complaint = ComplaintFactory(unit=unit)
    Complaint.objects.filter(pk=complaint.pk).update(
        created_at=_at(received),
        status=status,
        answered_at=_at(answered) if answered else None,
        resolution_due=due,
    )


def test_ikm_before_an_action_is_the_kpi_of_the_same_period(unit_a, unit_head_a):
    published_skm(unit_a, unit_head_a, year=2025, number=1, scores=[(3,) * 9, (4,) * 9])
    action = make_action(unit_a, metric_key="skm.ikm")
    figures.attach([action], today=date(2025, 5, 14))
    kpi = kpi_metrics.value("skm.ikm", unit=unit_a, period=periods.make("quarter", 2025, 1))
    assert kpi is not None
    assert action.figure.before.value == float(kpi) == 87.5


def test_on_time_share_before_an_action_is_the_kpi_of_the_same_months(unit_a):
    # planned in May 2025: "before" is February to April
    _report(
        unit_a,
        received=date(2025, 2, 3),
        status="answered",
        answered=date(2025, 2, 5),
        due=date(2025, 2, 10),
    )
    _report(
        unit_a,
        received=date(2025, 3, 3),
        status="answered",
        answered=date(2025, 3, 20),
        due=date(2025, 3, 10),
    )
    _report(unit_a, received=date(2025, 4, 1), status="received", due=date(2025, 4, 7))
    _report(
        unit_a,
        received=date(2025, 4, 2),
        status="answered",
        answered=date(2025, 4, 3),
        due=date(2025, 4, 9),
    )
    _report(
        unit_a,
        received=date(2025, 1, 6),
        status="answered",
        answered=date(2025, 1, 30),
        due=date(2025, 1, 9),
    )
    action = make_action(unit_a, metric_key="complaints.on_time_share")
    figures.attach([action], today=timezone.localdate())
    window = Period(date(2025, 2, 1), date(2025, 4, 30), "month", 2025, 2)
    kpi = kpi_metrics.value("complaints.on_time_share", unit=unit_a, period=window)
    assert kpi is not None
    assert action.figure.before.value == float(kpi) == 50.0  # 2 on time of 4 known (January out)
    assert action.figure.after is None
    assert action.figure.name == "complaints resolved within the deadline (%)"


def test_on_time_figures_of_many_actions_cost_one_query(unit_a, django_assert_num_queries):
    actions = [make_action(unit_a, metric_key="complaints.on_time_share") for _ in range(4)]
    with django_assert_num_queries(1):
        figures.attach(actions, today=timezone.localdate())
