"""The built-in KPI metrics: figures Pantau computes from its own records for a unit and a period.

Each metric is a function ``(units, periods, service) -> {(unit id, period index): value}`` that
reads the records of all the given units and periods in a fixed number of grouped queries (a
dashboard of many periods, or an agency's page of many units, costs the same few queries), and
leaves out a (unit, period) without data. ``value`` answers one unit and one period, or None.

| key | value | reads |
|---|---|---|
| ``skm.ikm`` | IKM (25–100) of the published SKM result of the period | ``satisfaction.selectors.trend`` |
| ``complaints.on_time_share`` | % of reports resolved within their deadline | complaints (grouped) |
| ``complaints.median_days_to_answer`` | median days from receipt to answer | complaints (window) |
| ``complaints.rating`` | mean rating of the answers (1–5) | complaints (grouped) |
| ``standards.in_force_share`` | % of active services with a standard in force | standards (grouped) |
| ``standards.reviewed_share`` | % of active services whose standard is within its review interval | standards (grouped) |
| ``pekppp.ipp`` | IPP (0–5) announced for the unit in the period | evaluations (one query) |
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pantau.organisations.models import Service, ServiceUnit

from ..models import BUILT_IN_KEYS, Direction
from ..periods import Period

Values = dict[tuple[int, int], Decimal]
Compute = Callable[[Sequence[ServiceUnit], Sequence[Period], Service | None], Values]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str | Promise
    explanation: str | Promise
    unit_of_measure: str | Promise
    direction: str
    decimals: int
    by_service: bool  # whether a unit's KPI about one service narrows the figure to it
    compute: Compute
    minimum: Decimal
    maximum: Decimal


class _Spec(NamedTuple):
    key: str
    label: str | Promise
    explanation: str | Promise
    unit_of_measure: str | Promise
    direction: str
    decimals: int
    by_service: bool
    minimum: Decimal
    maximum: Decimal


# The metrics as data, in the order they are offered; ``_registry`` adds each one's function.
SPECS = (
    _Spec(
        "skm.ikm",
        _("IKM (satisfaction index)"),
        _(
            "The IKM of the unit's published SKM result for the period: the result of the "
            "SKM period that lies within it (the longest, then the latest, if there are "
            "several)."
        ),
        "25–100",
        Direction.HIGHER,
        2,
        False,
        Decimal("25"),
        Decimal("100"),
    ),
    _Spec(
        "complaints.on_time_share",
        _("Complaints resolved within the deadline"),
        _(
            "Of the reports received in the period whose outcome is known, the share "
            "answered by their resolution deadline; a report still open past its deadline "
            "counts as missed."
        ),
        "%",
        Direction.HIGHER,
        1,
        True,
        Decimal("0"),
        Decimal("100"),
    ),
    _Spec(
        "complaints.median_days_to_answer",
        _("Median days to answer a complaint"),
        _("Of the reports received in the period and answered, the median calendar days."),
        _("days"),
        Direction.LOWER,
        1,
        True,
        Decimal("0"),
        Decimal("99999"),
    ),
    _Spec(
        "complaints.rating",
        _("Reporters' rating of the answers"),
        _("The mean rating (1–5) reporters gave the answers to reports received in the period."),
        "1–5",
        Direction.HIGHER,
        2,
        True,
        Decimal("1"),
        Decimal("5"),
    ),
    _Spec(
        "standards.in_force_share",
        _("Services with a service standard in force"),
        _(
            "At the end of the period (or today, for the current period), the share of the "
            "unit's active services whose standard was published and in force."
        ),
        "%",
        Direction.HIGHER,
        1,
        False,
        Decimal("0"),
        Decimal("100"),
    ),
    _Spec(
        "standards.reviewed_share",
        _("Services whose standard is reviewed on time"),
        _(
            "At the end of the period (or today), the share of the unit's active services "
            "whose standard in force was set or reviewed within its review interval."
        ),
        "%",
        Direction.HIGHER,
        1,
        False,
        Decimal("0"),
        Decimal("100"),
    ),
    _Spec(
        "pekppp.ipp",
        _("PEKPPP public service index (IPP)"),
        _(
            "The IPP (0–5) of the unit in a PEKPPP round whose results were announced in the "
            "period (the latest, if there are several)."
        ),
        "0–5",
        Direction.HIGHER,
        2,
        False,
        Decimal("0"),
        Decimal("5"),
    ),
)


def _registry() -> dict[str, Metric]:
    from . import complaints, pekppp, skm, standards

    computes: dict[str, Compute] = {
        "skm.ikm": skm.ikm,
        "complaints.on_time_share": complaints.on_time_share,
        "complaints.median_days_to_answer": complaints.median_days_to_answer,
        "complaints.rating": complaints.rating,
        "standards.in_force_share": standards.in_force_share,
        "standards.reviewed_share": standards.reviewed_share,
        "pekppp.ipp": pekppp.ipp,
    }
    registry = {spec.key: Metric(**spec._asdict(), compute=computes[spec.key]) for spec in SPECS}
    if tuple(registry) != BUILT_IN_KEYS:
        raise RuntimeError("models.BUILT_IN_KEYS and the metric registry disagree.")
    return registry


_METRICS: dict[str, Metric] = {}


def metrics() -> dict[str, Metric]:
    """Every built-in metric by key, in the order they are offered."""
    if not _METRICS:
        _METRICS.update(_registry())
    return _METRICS


def get(key: str) -> Metric | None:
    return metrics().get(key)


def values(
    key: str,
    *,
    units: Sequence[ServiceUnit],
    periods: Sequence[Period],
    service: Service | None = None,
) -> Values:
    """The metric's values of these units and periods: (unit id, period index) → value."""
    metric = metrics()[key]
    if not units or not periods:
        return {}
    return metric.compute(units, periods, service if metric.by_service else None)


def value(
    key: str, *, unit: ServiceUnit, period: Period, service: Service | None = None
) -> Decimal | None:
    """The metric's value for one unit and one period, or None without data."""
    return values(key, units=[unit], periods=[period], service=service).get((unit.pk, 0))
