"""The trend chart's geometry: a bar per value standing on the axis, its state by the target,
a target line per period with a target, round ticks on a measure's own range, nothing to draw
without figures."""

from decimal import Decimal

import pytest

from pantau.kpis import charts, periods
from pantau.kpis.models import Indicator
from pantau.kpis.selectors import Point, Series
from pantau.organisations.models import ServiceUnit


def _series(metric: str, figures, direction="higher") -> Series:
    indicator = Indicator(name="KPI", metric=metric, direction=direction, unit_of_measure="x")
    months = periods.last("month", len(figures), until=periods.make("month", 2025, 6).ends_on)
    points = []
    for period, (value, target, met) in zip(months, figures, strict=True):
        points.append(
            Point(
                period=period,
                value=None if value is None else Decimal(value),
                target=None if target is None else Decimal(target),
                met=met,
            )
        )
    return Series(indicator=indicator, unit=ServiceUnit(name="U"), points=points)


@pytest.mark.parametrize(
    ("span", "step"), [(75, 20), (100, 25), (4, 1), (5, 2), (130, 50), (0.3, 0.1)]
)
def test_nice_steps_cut_a_span_in_about_four(span, step):
    assert charts.nice_step(span) == pytest.approx(step)


def test_an_ikm_chart_uses_the_ikm_range_and_marks_each_bar_by_its_target():
    line = _series(
        "skm.ikm",
        [("80", "85", False), ("90", "85", True), ("70", None, None), (None, "85", None)],
    )
    chart = charts.build(line)
    assert [bar.state for bar in chart.bars] == ["not-met", "met", "no-target"]
    assert len(chart.targets) == 3
    assert chart.ticks[0].text == "25" and chart.ticks[-1].text == "100"
    assert chart.ticks[0].y == chart.baseline
    top, bottom = charts.TOP, chart.baseline
    for bar in chart.bars:
        assert top <= bar.y <= bottom and bar.y + bar.height == pytest.approx(bottom)
    assert chart.bars[1].y < chart.bars[0].y < chart.bars[2].y  # 90 above 80 above 70
    assert [bar.value_text for bar in chart.bars] == ["80,00", "90,00", "70,00"]
    assert [label for _x, label in chart.labels] == ["3/25", "4/25", "5/25", "6/25"]


def test_a_custom_chart_reaches_a_round_number_above_its_highest_figure():
    chart = charts.build(_series("custom", [("90", "100", False), ("120", "100", True)]))
    assert chart.ticks[0].text == "0" and chart.ticks[-1].text == "150"


def test_negative_values_hang_below_zero():
    chart = charts.build(_series("custom", [("-20", None, None), ("30", None, None)]))
    assert chart.ticks[0].text == "-20" and chart.ticks[-1].text == "40"
    zero = next(tick.y for tick in chart.ticks if tick.text == "0")
    below, above = chart.bars
    assert chart.baseline == zero
    assert below.y == zero and below.height > 0  # hangs from zero
    assert above.y + above.height == pytest.approx(zero)


def test_nothing_is_drawn_without_a_value_or_a_target():
    assert charts.build(_series("custom", [(None, None, None)] * 3)) is None
