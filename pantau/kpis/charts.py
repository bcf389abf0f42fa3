"""The trend chart of one KPI as geometry for an inline SVG drawn by the template (no script, no
external asset): a bar per period, filled when the target is met, outlined when it is not, grey
without a target; the target of each period as a dashed line across its slot; a value axis with
round ticks. The same figures are in the table under the chart."""

import math
from dataclasses import dataclass
from decimal import Decimal

from pantau.common.numbers import fmt

from .selectors import Series

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 8, 28, 44
STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    centre: float
    value_text: str
    label: str
    state: str  # "met", "not-met" or "no-target"


@dataclass(frozen=True)
class TargetLine:
    x1: float
    x2: float
    y: float


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    baseline: float
    bars: tuple[Bar, ...]
    targets: tuple[TargetLine, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[tuple[float, str], ...]


def nice_step(span: float) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that cuts ``span`` into about four."""
    raw = span / 4 if span > 0 else 1.0
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return next(step * magnitude for step in STEPS if step * magnitude >= raw)


def bounds(line: Series) -> tuple[float, float, float] | None:
    """(low, high, step) of the value axis: a built-in measure's own range when it is at most
    100 wide (IKM 25–100, shares 0–100, ratings, IPP), else zero (or below, for negative
    values) to a round number above the highest value or target."""
    figures = [float(p.value) for p in line.points if p.value is not None]
    figures += [float(p.target) for p in line.points if p.target is not None]
    if not figures:
        return None
    metric = line.metric
    if metric is not None and metric.maximum <= 100:
        low, high = float(metric.minimum), float(metric.maximum)
        return low, high, nice_step(high - low)
    low = min(0.0, min(figures))
    top = max(figures)
    step = nice_step((top - low) or abs(top) or 1.0)
    high = math.ceil(top / step) * step if top > 0 else 0.0
    low = math.floor(low / step) * step if low < 0 else 0.0
    if high <= low:
        high = low + step
    return low, high, step


def build(line: Series) -> Chart | None:
    """The chart of a series, or None when it has neither a value nor a target."""
    found = bounds(line)
    if found is None:
        return None
    low, high, step = found
    plot = HEIGHT - TOP - BOTTOM
    right = WIDTH - RIGHT
    slot = (right - LEFT) / max(len(line.points), 1)

    def y_of(value: Decimal | float) -> float:
        clipped = min(max(float(value), low), high)
        return round(TOP + plot * (high - clipped) / (high - low), 1)

    baseline = y_of(0 if low < 0 < high else low)  # bars stand on zero, or hang from it
    bars, targets, labels = [], [], []
    for index, point in enumerate(line.points):
        x = LEFT + slot * index
        centre = round(x + slot / 2, 1)
        labels.append((centre, point.period.short_label))
        if point.target is not None:
            targets.append(TargetLine(round(x + 2, 1), round(x + slot - 2, 1), y_of(point.target)))
        if point.value is None:
            continue
        top = y_of(point.value)
        state = "no-target" if point.met is None else ("met" if point.met else "not-met")
        bars.append(
            Bar(
                x=round(x + slot * 0.2, 1),
                y=min(top, baseline),
                width=round(slot * 0.6, 1),
                height=round(abs(baseline - top), 1),
                centre=centre,
                value_text=fmt(point.value, line.decimals),
                label=point.period.short_label,
                state=state,
            )
        )
    ticks = []
    value = low
    while value <= high + step / 1000:
        ticks.append(Tick(y_of(value), fmt(value, 0 if step >= 1 else 1)))
        value = (math.floor(value / step + 1e-9) + 1) * step
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=right,
        baseline=baseline,
        bars=tuple(bars),
        targets=tuple(targets),
        ticks=tuple(ticks),
        labels=tuple(labels),
    )
