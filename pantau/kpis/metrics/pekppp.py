"""The PEKPPP public service index (IPP, 0–5) of a unit: the result announced for it in a round
whose results fall in the period (``evaluations.selectors.ANNOUNCED``: a round past its results
step; a lokus with an IPP computed)."""

from collections.abc import Sequence
from decimal import Decimal

from pantau.evaluations.models import Lokus
from pantau.evaluations.selectors import ANNOUNCED
from pantau.organisations.models import Service, ServiceUnit

from ..periods import Period
from .buckets import day_bucket


def ipp(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> dict[tuple[int, int], Decimal]:
    """The latest announced IPP of each unit and period (one query; the rows come latest first
    and the first of each unit and period is kept)."""
    rows = (
        Lokus.objects.filter(
            unit_id__in=[unit.pk for unit in units],
            ipp__isnull=False,
            round__status__in=ANNOUNCED,
            round__results_on__gte=min(p.starts_on for p in periods),
            round__results_on__lte=max(p.ends_on for p in periods),
        )
        .annotate(bucket=day_bucket("round__results_on", periods))
        .exclude(bucket__isnull=True)
        .order_by("-round__results_on", "-round_id")
        .values_list("unit_id", "bucket", "ipp")
    )
    found: dict[tuple[int, int], Decimal] = {}
    for unit_id, bucket, value in rows:
        if value is not None:  # filtered above; the column is nullable
            found.setdefault((unit_id, bucket), value)
    return found
