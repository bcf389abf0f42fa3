"""Service standards metrics, as they stood at the end of each period (or today, for a period
not yet over): which of a unit's active services had a standard in force (published before that
moment and not yet replaced), and which of those were within their review interval (decree date
plus the version's interval still ahead, as ``StandardVersion.review_is_due`` reads it). One
grouped query per figure, for every unit and period at once."""

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from pantau.analytics import kpi
from pantau.organisations.models import Service, ServiceUnit
from pantau.standards.models import StandardVersion, add_months

from ..periods import Period
from .buckets import as_decimal, day_start

PUBLISHED = StandardVersion.Status.PUBLISHED
SUPERSEDED = StandardVersion.Status.SUPERSEDED


def _moments(periods: Sequence[Period]) -> list[date]:
    today = timezone.localdate()
    return [min(period.ends_on, today) for period in periods]


def earliest_decree_not_due(moment: date, months: int) -> date:
    """The earliest decree date whose review date (``add_months(decree, months)``) is still after
    ``moment``: review dates clip to a month's last day, so step from the naive answer."""
    day = add_months(moment, -months)
    while add_months(day, months) <= moment:
        day += timedelta(days=1)
    return day


def _in_force_at(moment: date) -> Q:
    end = day_start(moment + timedelta(days=1))
    return Q(
        standard_versions__status__in=(PUBLISHED, SUPERSEDED),
        standard_versions__published_at__lt=end,
    ) & (
        Q(standard_versions__superseded_at__isnull=True)
        | Q(standard_versions__superseded_at__gte=end)
    )


def _not_due_at(moment: date, intervals: Sequence[int]) -> Q:
    """The version's review date is after ``moment``, one condition per review interval in use
    (``intervals`` is not empty)."""
    conditions = [
        Q(
            standard_versions__review_months=months,
            standard_versions__decree_date__gte=earliest_decree_not_due(moment, months),
        )
        for months in intervals
    ]
    condition = conditions[0]
    for other in conditions[1:]:
        condition |= other
    return condition


def _counts(
    units: Sequence[ServiceUnit], periods: Sequence[Period], *, reviewed: bool
) -> dict[tuple[int, int], Decimal]:
    moments = _moments(periods)
    services = Service.objects.filter(unit_id__in=[unit.pk for unit in units], is_active=True)
    intervals: list[int] = []
    if reviewed:
        intervals = sorted(
            set(
                StandardVersion.objects.filter(service__in=services)
                .values_list("review_months", flat=True)
                .distinct()
            )
        )
    annotations = {}
    for index, moment in enumerate(moments):
        existing = Q(created_at__lt=day_start(moment + timedelta(days=1)))
        annotations[f"all_{index}"] = Count("id", filter=existing, distinct=True)
        if reviewed and not intervals:
            continue  # no standard at all: none is within its interval
        condition = _in_force_at(moment)
        if reviewed:
            condition &= _not_due_at(moment, intervals)
        annotations[f"in_{index}"] = Count("id", filter=existing & condition, distinct=True)
    found: dict[tuple[int, int], Decimal] = {}
    for row in services.values("unit_id").annotate(**annotations).order_by():
        for index in range(len(periods)):
            share = kpi.share(row.get(f"in_{index}", 0), row[f"all_{index}"])
            value = as_decimal(share, 1)
            if value is not None:
                found[(row["unit_id"], index)] = value
    return found


def in_force_share(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> dict[tuple[int, int], Decimal]:
    return _counts(units, periods, reviewed=False)


def reviewed_share(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> dict[tuple[int, int], Decimal]:
    return _counts(units, periods, reviewed=True)
