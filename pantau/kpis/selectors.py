"""Reads of unit KPIs: which KPIs a unit has, who may see which, and each KPI's values and
targets over periods, computed for many KPIs, units and periods in a fixed number of queries
(one per built-in measure and frequency, one for the custom values, one for the targets)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pantau.analytics import kpi
from pantau.organisations.models import Agency, ServiceUnit
from pantau.organisations.selectors import (
    agency_ancestor_ids,
    agency_subtree_ids,
    get_visible_unit,
    scope_for,
    visible_agencies,
)

from . import metrics, periods
from .metrics import Metric
from .metrics.buckets import as_decimal
from .models import Indicator, Measurement, Target, applies_to
from .permissions import can_see_indicator, can_view_agency

DEFAULT_PERIODS = 8
PERIOD_BOUNDS = (2, 24)


# --- Which KPIs -------------------------------------------------------------------------------


def _with_owner(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    return indicators.select_related("unit", "unit__agency", "agency", "service")


def indicators_of_unit(unit: ServiceUnit, *, active_only: bool = True) -> QuerySet[Indicator]:
    """The unit's own KPIs and those of the agencies above it, the unit's first."""
    indicators = Indicator.objects.filter(
        Q(unit=unit) | Q(agency_id__in=agency_ancestor_ids(unit.agency_id))
    )
    if active_only:
        indicators = indicators.filter(is_active=True)
    own_first = F("agency_id").asc(nulls_first=True)  # NULL sorts apart on each database
    return _with_owner(indicators).order_by(own_first, "name", "id")


def indicators_of_agency(agency: Agency, *, active_only: bool = True) -> QuerySet[Indicator]:
    """The KPIs that apply to every unit of the agency: its own and those of agencies above."""
    indicators = Indicator.objects.filter(agency_id__in=agency_ancestor_ids(agency.pk))
    if active_only:
        indicators = indicators.filter(is_active=True)
    return _with_owner(indicators).order_by("name", "id")


def units_of_agency(agency: Agency) -> QuerySet[ServiceUnit]:
    """The active units of the agency and of the agencies below it, by name."""
    return (
        ServiceUnit.objects.filter(agency_id__in=agency_subtree_ids({agency.pk}), is_active=True)
        .select_related("agency")
        .order_by("name")
    )


def get_visible_indicator(user: Any, pk: int) -> Indicator:
    """The KPI if the user may see it; a 404 otherwise (never another unit's KPI)."""
    indicator = get_object_or_404(_with_owner(Indicator.objects.all()), pk=pk)
    if not can_see_indicator(user, indicator):
        raise Http404
    return indicator


def get_unit_indicator(user: Any, slug: str, pk: int) -> tuple[ServiceUnit, Indicator]:
    """A unit the user sees and one of its KPIs; a 404 for anything else."""
    unit = get_visible_unit(user, slug)
    indicator = get_object_or_404(_with_owner(Indicator.objects.all()), pk=pk)
    if not applies_to(indicator, unit):
        raise Http404
    return unit, indicator


def get_visible_agency(user: Any, slug: str) -> Agency:
    agency = get_object_or_404(Agency, slug=slug)
    if not can_view_agency(user, agency):
        raise Http404
    return agency


def overview_agencies(user: Any) -> QuerySet[Agency]:
    """The agencies whose KPI pages the user may open: those they head or evaluate, and every
    agency for an administrator or a national evaluator."""
    scope = scope_for(user)
    agencies = visible_agencies(user)
    if not scope.sees_everything:
        agencies = agencies.filter(id__in=scope.headed_agencies | scope.evaluated_agencies)
    return agencies.order_by("name")


def periods_wanted(raw: str | None) -> int:
    """How many periods a page shows: the ``periods`` parameter within its bounds, or the
    default for anything else."""
    try:
        count = int(raw or DEFAULT_PERIODS)
    except ValueError:
        return DEFAULT_PERIODS
    return min(max(count, PERIOD_BOUNDS[0]), PERIOD_BOUNDS[1])


# --- Values over periods ----------------------------------------------------------------------


@dataclass
class Point:
    period: periods.Period
    value: Decimal | None = None
    target: Decimal | None = None
    met: bool | None = None
    achievement: Decimal | None = None
    measurement: Measurement | None = None


@dataclass
class Series:
    """One KPI of one unit over periods, oldest first."""

    indicator: Indicator
    unit: ServiceUnit
    points: list[Point] = field(default_factory=list)

    @property
    def metric(self) -> Metric | None:
        return metrics.get(self.indicator.metric)

    @property
    def decimals(self) -> int:
        """The measure's decimals; for a custom KPI none when every figure is whole, else two."""
        metric = self.metric
        if metric is not None:
            return metric.decimals
        figures = [p.value for p in self.points] + [p.target for p in self.points]
        whole = all(f is None or f == f.to_integral_value() for f in figures)
        return 0 if whole else 2

    @property
    def latest(self) -> Point | None:
        """The latest period with a value."""
        return next((p for p in reversed(self.points) if p.value is not None), None)

    @property
    def current(self) -> Point | None:
        return self.points[-1] if self.points else None


def _targets(indicators: Sequence[Indicator], start: date, end: date) -> dict[int, list[Target]]:
    found: dict[int, list[Target]] = {}
    for target in Target.objects.filter(
        indicator__in=indicators, starts_on__lte=end, ends_on__gte=start
    ).order_by("starts_on"):
        found.setdefault(target.indicator_id, []).append(target)
    return found


def _measurements(
    indicators: Sequence[Indicator], units: Sequence[ServiceUnit], start: date, end: date
) -> dict[tuple[int, int, date], Measurement]:
    custom = [i for i in indicators if i.is_custom]
    if not custom:
        return {}
    return {
        (m.indicator_id, m.unit_id, m.starts_on): m
        for m in Measurement.objects.filter(
            indicator__in=custom,
            unit__in=units,
            starts_on__gte=start,
            starts_on__lte=end,
        ).select_related("entered_by")
    }


def _built_in(
    indicators: Sequence[Indicator],
    units: Sequence[ServiceUnit],
    windows: dict[str, list[periods.Period]],
) -> dict[tuple[str, int | None, str], metrics.Values]:
    """Each built-in measure once per (measure, service, frequency) for all the units."""
    wanted = {(i.metric, i.service_id, i.frequency): i for i in indicators if not i.is_custom}
    return {
        key: metrics.values(key[0], units=units, periods=windows[key[2]], service=indicator.service)
        for key, indicator in wanted.items()
    }


def series(
    indicators: Sequence[Indicator],
    units: Sequence[ServiceUnit],
    *,
    count: int,
    until: date,
    windows: dict[str, list[periods.Period]] | None = None,
) -> dict[tuple[int, int], Series]:
    """Each KPI's series for each unit it applies to, over the ``count`` periods up to the one
    holding ``until`` (or the given ``windows`` of periods per frequency)."""
    if not indicators or not units:
        return {}
    windows = windows or {
        frequency: periods.last(frequency, count, until=until)
        for frequency in {i.frequency for i in indicators}
    }
    start = min(window[0].starts_on for window in windows.values())
    end = max(window[-1].ends_on for window in windows.values())
    targets = _targets(indicators, start, end)
    measured = _measurements(indicators, units, start, end)
    computed = _built_in(indicators, units, windows)
    found: dict[tuple[int, int], Series] = {}
    for indicator in indicators:
        for unit in units:
            if not applies_to(indicator, unit):
                continue
            line = Series(indicator=indicator, unit=unit)
            values = computed.get((indicator.metric, indicator.service_id, indicator.frequency))
            for index, period in enumerate(windows[indicator.frequency]):
                point = Point(period=period)
                if values is not None:
                    point.value = values.get((unit.pk, index))
                else:
                    point.measurement = measured.get((indicator.pk, unit.pk, period.starts_on))
                    point.value = point.measurement.value if point.measurement else None
                _compare(point, indicator, targets.get(indicator.pk, []))
                line.points.append(point)
            found[(indicator.pk, unit.pk)] = line
    return found


def _compare(point: Point, indicator: Indicator, targets: Iterable[Target]) -> None:
    """The point's target (the one whose range holds the period), met or not, achievement."""
    for target in targets:
        if target.starts_on <= point.period.starts_on and point.period.ends_on <= target.ends_on:
            point.target = target.value
            break
    point.met = kpi.target_met(point.value, point.target, indicator.direction)
    achieved = kpi.achievement(point.value, point.target, indicator.direction)
    point.achievement = as_decimal(achieved, 1)


def unit_dashboard(unit: ServiceUnit, *, count: int, today: date) -> list[Series]:
    """Every active KPI of the unit with its last ``count`` periods."""
    indicators = list(indicators_of_unit(unit))
    lines = series(indicators, [unit], count=count, until=today)
    return [lines[(i.pk, unit.pk)] for i in indicators]


@dataclass
class UnitSummary:
    """How a unit's own KPIs stand in their latest period with a value."""

    unit: ServiceUnit
    total: int = 0
    met: int = 0
    not_met: int = 0
    without: int = 0  # no value, or no target for the latest value


@dataclass
class AgencyOverview:
    indicators: list[Indicator]
    tables: list[tuple[Indicator, list[Series]]]
    summaries: list[UnitSummary]


def agency_overview(agency: Agency, units: Sequence[ServiceUnit], *, today: date) -> AgencyOverview:
    """For a page of the agency's units: each KPI of the agency (or above) with every unit's
    latest value against its target, and how each unit's own KPIs stand."""
    shared = list(indicators_of_agency(agency))
    own = list(
        _with_owner(Indicator.objects.filter(unit__in=units, is_active=True)).order_by("name")
    )
    lines = series(shared + own, units, count=4, until=today)
    tables = [(i, [lines[(i.pk, u.pk)] for u in units if (i.pk, u.pk) in lines]) for i in shared]
    summaries = {unit.pk: UnitSummary(unit=unit) for unit in units}
    for indicator in own:
        line = lines.get((indicator.pk, indicator.unit_id or 0))
        if line is None:
            continue
        summary = summaries[line.unit.pk]
        summary.total += 1
        latest = line.latest
        if latest is None or latest.met is None:
            summary.without += 1
        elif latest.met:
            summary.met += 1
        else:
            summary.not_met += 1
    return AgencyOverview(
        indicators=shared, tables=tables, summaries=[summaries[u.pk] for u in units]
    )


def targets_of(indicator: Indicator) -> QuerySet[Target]:
    return indicator.targets.select_related("set_by").order_by("starts_on")
