"""Complaint-handling metrics, counted in the database over the reports a unit received in each
period (by the day the report was received, as the public statistics count them). Integrity
reports are left out: the unit does not handle them (they go to the inspector's queue)."""

from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db.models import (
    Avg,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    QuerySet,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from pantau.analytics import kpi
from pantau.complaints.models import OPEN_STATUSES, Complaint, Status
from pantau.organisations.models import Service, ServiceUnit

from ..periods import Period
from .buckets import as_decimal, moment_bucket, moment_span

RESOLVED = (Status.ANSWERED, Status.CLOSED)


def _received(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> QuerySet[Any]:
    """The reports received in the periods, each with ``bucket``, its period's index."""
    reports = Complaint.objects.filter(
        moment_span("created_at", periods),
        unit_id__in=[unit.pk for unit in units],
        integrity=False,
    )
    if service is not None:
        reports = reports.filter(service=service)
    return reports.annotate(bucket=moment_bucket("created_at", periods)).exclude(
        bucket__isnull=True
    )


Counts = dict[tuple[int, int], tuple[int, int, int]]


def on_time_counts(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> Counts:
    """(on time, resolved late, open past the deadline) of the reports each unit received in
    each period, from one grouped query: the inputs of ``analytics.kpi.on_time_share``. The one
    way Pantau counts the on-time share: the KPI below and the improvement register's figure
    before and after an action (``improvements.figures``) both read it."""
    today = timezone.localdate()
    answered = Q(status__in=RESOLVED, answered_at__isnull=False)
    in_time = answered & Q(answered_at__date__lte=F("resolution_due"))
    overdue = Q(status__in=OPEN_STATUSES, resolution_due__lt=today) & ~Q(status=Status.POSTPONED)
    rows = (
        _received(units, periods, service)
        .values("unit_id", "bucket")
        .annotate(
            answered=Count("id", filter=answered),
            on_time=Count("id", filter=in_time),
            overdue=Count("id", filter=overdue),
        )
        .order_by()
    )
    return {
        (row["unit_id"], row["bucket"]): (
            row["on_time"],
            row["answered"] - row["on_time"],
            row["overdue"],
        )
        for row in rows
    }


def on_time_share(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> dict[tuple[int, int], Decimal]:
    """``analytics.kpi.on_time_share`` of each unit and period, from ``on_time_counts``."""
    found = {}
    for key, (on_time, late, overdue) in on_time_counts(units, periods, service).items():
        share = kpi.on_time_share(on_time, late, overdue)
        if share is not None:
            found[key] = as_decimal(share, 1)
    return {key: value for key, value in found.items() if value is not None}


def median_days_to_answer(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> dict[tuple[int, int], Decimal]:
    """The median of (answered − received) in days per unit and period. The database ranks the
    answered reports of each unit and period by that time and returns only the one or two in the
    middle (``analytics.kpi.median_from_middle`` averages them): two rows per period at most."""
    partition = [F("unit_id"), F("bucket")]
    ranked = (
        _received(units, periods, service)
        .filter(status__in=RESOLVED, answered_at__isnull=False)
        .annotate(
            took=ExpressionWrapper(F("answered_at") - F("created_at"), output_field=DurationField())
        )
        .annotate(
            position=Window(RowNumber(), partition_by=partition, order_by=[F("took"), F("id")]),
            count=Window(Count("id"), partition_by=partition),
        )
        .annotate(
            half=ExpressionWrapper(F("count") / 2.0, output_field=FloatField()),
        )
        .filter(position__gte=F("half"), position__lte=F("half") + 1)
        .values_list("unit_id", "bucket", "took")
    )
    middles: dict[tuple[int, int], list[Decimal]] = {}
    for unit_id, bucket, took in ranked:
        middles.setdefault((unit_id, bucket), []).append(_days(took))
    found = {key: as_decimal(kpi.median_from_middle(values), 1) for key, values in middles.items()}
    return {key: value for key, value in found.items() if value is not None}


def _days(took: timedelta) -> Decimal:
    return Decimal(took.days) + Decimal(took.seconds) / Decimal(86400)


def rating(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> dict[tuple[int, int], Decimal]:
    """The mean rating (1–5) of the rated answers per unit and period (one grouped query)."""
    rows = (
        _received(units, periods, service)
        .filter(rating__isnull=False)
        .values("unit_id", "bucket")
        .annotate(mean=Avg("rating"))
        .order_by()
    )
    found = {(row["unit_id"], row["bucket"]): as_decimal(row["mean"], 2) for row in rows}
    return {key: value for key, value in found.items() if value is not None}
