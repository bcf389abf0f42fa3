"""The figure an action should move, before and after it (issue 21), read in a fixed number of
queries for a whole page of actions:

- an SKM figure (``skm.element:<key>`` the element's NRR, ``skm.ikm`` the IKM): *before* is the
  action's source period (for an action from another source, the unit's last published period
  when it was planned), *after* the unit's next published period (for another source, the first
  published after the action was done); both through ``kpis.metrics.skm.published_results``,
  the KPI's own reading (one grouped query over the answer tallies, then ``analytics.ikm``);
- the share of complaints resolved within the deadline (``complaints.on_time_share``): among
  the reports received in the same months before and after as a category's, counted by the
  KPI's own ``kpis.metrics.complaints.on_time_counts`` (one grouped query by month);
- a complaint category (``complaints.category:<code>``): reports per month in the category, in
  the ``WINDOW_MONTHS`` whole months before the month the action was planned, and in those
  after the month it was completed (as many as have passed, at least one); one grouped query.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pantau.common.numbers import half_up, rounded

from . import metrics
from .models import Action, Source, Status

WINDOW_MONTHS = 3


@dataclass(frozen=True)
class Point:
    label: str  # the period ("Quarter I 2025") or the months ("Feb 2025 – Apr 2025")
    value: float


@dataclass(frozen=True)
class Figure:
    name: str  # "NRR U3 Waktu pelayanan", "IKM", "reports per month"
    before: Point | None
    after: Point | None
    lower_is_better: bool = False
    waiting: str = ""  # why there is no "after" yet

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after.value - self.before.value, 3)

    @property
    def improved(self) -> bool | None:
        change = self.change
        if change is None or change == 0:
            return None
        return change < 0 if self.lower_is_better else change > 0


# --- Months -----------------------------------------------------------------------------------


def _month(day: date, shift: int) -> date:
    index = day.year * 12 + day.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


def _window_label(start: date, months: int) -> str:
    last = _month(start, months - 1)
    if months == 1:
        return date_format(start, "M Y")
    return f"{date_format(start, 'M Y')} – {date_format(last, 'M Y')}"


def _windows(action: Action, today: date) -> tuple[tuple[date, int], tuple[date, int] | None]:
    """(first month, number of months) before and after the action."""
    planned = timezone.localdate(action.created_at) if action.created_at else today
    before = (_month(planned, -WINDOW_MONTHS), WINDOW_MONTHS)
    if action.status != Status.DONE or action.completed_on is None:
        return before, None
    start = _month(action.completed_on, 1)
    passed = (today.year * 12 + today.month) - (start.year * 12 + start.month)
    months = min(WINDOW_MONTHS, passed)
    return before, ((start, months) if months >= 1 else None)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _complaint_figures(actions: list[tuple[Action, str]], today: date) -> None:
    """Reports per month in the category before and after each action (one grouped query)."""
    from pantau.complaints.models import Complaint

    windows = {action.pk: _windows(action, today) for action, _code in actions}
    starts = [w[0][0] for w in windows.values()]
    ends = [_month(w[1][0], w[1][1]) for w in windows.values() if w[1]] + [
        _month(w[0][0], w[0][1]) for w in windows.values()
    ]
    counts: dict[tuple[int, str], dict[date, int]] = {}
    for unit_id, code, month, n in (
        Complaint.objects.filter(
            unit_id__in={action.unit_id for action, _code in actions},
            category__code__in={code for _action, code in actions},
            created_at__gte=_aware(min(starts)),
            created_at__lt=_aware(max(ends)),
        )
        .annotate(month=TruncMonth("created_at"))
        .values_list("unit_id", "category__code", "month")
        .annotate(n=Count("id"))
        .order_by()
    ):
        day = month.date() if isinstance(month, datetime) else month
        counts.setdefault((unit_id, code), {})[day] = n

    def point(unit_id: int, code: str, window: tuple[date, int] | None) -> Point | None:
        if window is None:
            return None
        start, months = window
        found = counts.get((unit_id, code), {})
        total = sum(found.get(_month(start, shift), 0) for shift in range(months))
        return Point(_window_label(start, months), half_up(total / months, 2) or 0.0)

    for action, code in actions:
        before, after = windows[action.pk]
        action.figure = Figure(  # type: ignore[attr-defined]
            name=_("reports per month"),
            before=point(action.unit_id, code, before),
            after=point(action.unit_id, code, after),
            lower_is_better=True,
            waiting=""
            if after
            else _("After: the whole months once the action is done.")
            if action.status != Status.DONE
            else _("After: once a whole month has passed since it was done."),
        )


def _month_periods(first: date, count: int) -> list[Any]:
    """``count`` calendar months from ``first``, as KPI periods (the buckets of one query)."""
    from datetime import timedelta

    from pantau.kpis.periods import Period

    months = []
    for shift in range(count):
        start = _month(first, shift)
        end = _month(start, 1) - timedelta(days=1)
        months.append(Period(start, end, "month", start.year, start.month))
    return months


def _on_time_figures(actions: list[Action], today: date) -> None:
    """The share of reports resolved within their deadline among those received in the months
    before and after each action, counted by ``kpis.metrics.complaints.on_time_counts`` (the
    KPI's own count, one grouped query by month) and divided by ``analytics.kpi.on_time_share``
    over each window's months."""
    from pantau.analytics import kpi
    from pantau.kpis.metrics.complaints import on_time_counts

    windows = {action.pk: _windows(action, today) for action in actions}
    spans = [w for pair in windows.values() for w in pair if w is not None]
    first = min(start for start, _n in spans)
    last = max(_month(start, months) for start, months in spans)
    count = (last.year * 12 + last.month) - (first.year * 12 + first.month)
    months = _month_periods(first, count)
    units = list({action.unit_id: action.unit for action in actions}.values())
    counts = on_time_counts(units, months, None)

    def point(unit_id: int, window: tuple[date, int] | None) -> Point | None:
        if window is None:
            return None
        start, length = window
        offset = (start.year * 12 + start.month) - (first.year * 12 + first.month)
        totals = [0, 0, 0]
        for index in range(offset, offset + length):
            for place, n in enumerate(counts.get((unit_id, index), (0, 0, 0))):
                totals[place] += n
        share = kpi.on_time_share(*totals)
        if share is None:
            return None
        return Point(_window_label(start, length), half_up(share, 1) or 0.0)

    for action in actions:
        before, after = windows[action.pk]
        action.figure = Figure(  # type: ignore[attr-defined]
            name=_("complaints resolved within the deadline (%)"),
            before=point(action.unit_id, before),
            after=point(action.unit_id, after),
            waiting=""
            if after
            else _("After: the whole months once the action is done.")
            if action.status != Status.DONE
            else _("After: once a whole month has passed since it was done."),
        )


# --- SKM --------------------------------------------------------------------------------------


def _skm_periods(action: Action, published: list[Any], today: date) -> tuple[Any, Any]:
    """(before, after) periods of one action among its unit's published periods (by start)."""
    if action.source == Source.SKM_ELEMENT and action.period is not None:
        source = action.period
        after = next((p for p in published if p.starts_on > source.ends_on), None)
        return source, after
    planned = timezone.localdate(action.created_at) if action.created_at else today
    before = next((p for p in reversed(published) if p.ends_on <= planned), None)
    after = None
    if action.status == Status.DONE and action.completed_on is not None:
        done = action.completed_on
        after = next((p for p in published if p.starts_on > done), None)
    return before, after


def _skm_value(result: Any, metric: metrics.Metric, codes: dict[str, str]) -> float | None:
    """The figure in one published result (``kpis.metrics.skm.published_results``)."""
    if result is None:
        return None
    if metric.family == metrics.SKM_IKM:
        return float(result.ikm)
    code = codes.get(metric.key)
    element = next((e for e in result.elements if e.code == code), None)
    return None if element is None else half_up(element.nrr, 3)


def _skm_figures(
    actions: list[tuple[Action, metrics.Metric]], today: date, *, public: bool = False
) -> None:
    from pantau.kpis.metrics.skm import published_results
    from pantau.satisfaction.models import SurveyPeriod
    from pantau.satisfaction.selectors import scored_items

    published: dict[int, list[Any]] = {}
    for period in (
        SurveyPeriod.objects.filter(
            unit_id__in={action.unit_id for action, _m in actions}, published_at__isnull=False
        )
        .select_related("collection__version", "unit")
        .order_by("starts_on", "pk")
    ):
        published.setdefault(period.unit_id, []).append(period)
    chosen = {
        action.pk: _skm_periods(action, published.get(action.unit_id, []), today)
        for action, _m in actions
    }
    periods = {p.pk: p for pair in chosen.values() for p in pair if p is not None}
    points = published_results(list(periods.values()))
    for action, metric in actions:
        before, after = chosen[action.pk]
        if public and before is not None and before.published_at is None:
            before = None  # results never published are not shown to the public
        reference = before or after
        items = scored_items(reference) if reference is not None else []
        codes = {item.key: item.code for item in items}
        if metric.family == metrics.SKM_IKM:
            name = "IKM"
        else:
            label = next((f"{i.code} {i.shown_label}" for i in items if i.key == metric.key), "")
            name = f"NRR {label or metric.key}"
        action.figure = Figure(  # type: ignore[attr-defined]
            name=name,
            before=_skm_point(before, points, metric, codes),
            after=_skm_point(after, points, metric, codes),
            waiting="" if after else _("After: when the unit publishes its next SKM results."),
        )


def _skm_point(
    period: Any, points: dict[int, Any], metric: metrics.Metric, codes: dict[str, str]
) -> Point | None:
    if period is None:
        return None
    value = _skm_value(points.get(period.pk), metric, codes)
    return None if value is None else Point(period.label, value)


def attach(actions: Sequence[Action], *, today: date, public: bool = False) -> None:
    """Give each action ``figure`` (a ``Figure``, or None when its figure is not one Pantau
    reads before and after). ``public``: only published SKM results are read."""
    skm: list[tuple[Action, metrics.Metric]] = []
    complaints: list[tuple[Action, str]] = []
    on_time: list[Action] = []
    for action in actions:
        action.figure = None  # type: ignore[attr-defined]
        metric = metrics.parse(action.metric_key)
        if metric is None:
            continue
        if metric.family in (metrics.SKM_IKM, "skm.element"):
            skm.append((action, metric))
        elif metric.family == "complaints.category":
            complaints.append((action, metric.key))
        elif metric.family == metrics.ON_TIME:
            on_time.append(action)
    if skm:
        _skm_figures(skm, today, public=public)
    if complaints:
        _complaint_figures(complaints, today)
    if on_time:
        _on_time_figures(on_time, today)


def baseline(unit: Any, source: Any, metric_key: str) -> Decimal | None:
    """The figure's value now, offered as the baseline of a new action from ``source``."""
    probe = Action(
        unit=unit,
        source=source.kind,
        period=source.period,
        element_key=source.element_key,
        metric_key=metric_key,
        due_on=timezone.localdate(),
        created_at=timezone.now(),
    )
    attach([probe], today=timezone.localdate())
    figure = probe.figure  # type: ignore[attr-defined]
    if figure is None or figure.before is None:
        return None
    return rounded(figure.before.value, 2)
