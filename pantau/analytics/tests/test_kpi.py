"""The KPI arithmetic (pantau.analytics.kpi) against hand-computed references."""

import statistics
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.analytics import kpi


def test_share_is_exact_and_empty_without_a_whole():
    assert kpi.share(1, 3) == Fraction(100, 3)
    assert kpi.share(0, 4) == 0
    assert kpi.share(4, 4) == 100
    assert kpi.share(0, 0) is None
    with pytest.raises(ValueError):
        kpi.share(5, 4)


def test_on_time_share_counts_open_reports_past_their_deadline_as_missed():
    # 6 answered on time, 2 answered late, 2 still open past the deadline: 6 / 10.
    assert kpi.on_time_share(6, 2, 2) == 60
    assert kpi.on_time_share(3, 0, 0) == 100
    assert kpi.on_time_share(0, 0, 0) is None
    with pytest.raises(ValueError):
        kpi.on_time_share(1, -1, 0)


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40))
def test_median_from_the_middle_values_equals_the_median(values):
    ordered = sorted(values)
    n = len(ordered)
    middle = [ordered[n // 2]] if n % 2 else [ordered[n // 2 - 1], ordered[n // 2]]
    assert (
        kpi.median_from_middle(middle) == Fraction(statistics.median(ordered)).limit_denominator()
    )


def test_median_needs_one_or_two_middle_values():
    assert kpi.median_from_middle([]) is None
    assert kpi.median_from_middle([Decimal("2.5"), Decimal("3.5")]) == 3
    with pytest.raises(ValueError):
        kpi.median_from_middle([1, 2, 3])


@pytest.mark.parametrize(
    ("value", "target", "direction", "met"),
    [
        (85, 85, "higher", True),
        (Decimal("84.99"), 85, "higher", False),
        (3, 5, "lower", True),
        (Decimal("5.01"), 5, "lower", False),
        (None, 5, "lower", None),
        (5, None, "higher", None),
    ],
)
def test_target_met_respects_the_direction(value, target, direction, met):
    assert kpi.target_met(value, target, direction) is met


def test_achievement_is_above_100_when_better_than_the_target_either_way():
    assert kpi.achievement(90, 80, "higher") == Fraction(225, 2)
    assert kpi.achievement(4, 5, "lower") == 125
    assert kpi.achievement(6, 5, "lower") == Fraction(250, 3)
    assert kpi.achievement(10, 0, "higher") is None
    assert kpi.achievement(0, 5, "lower") is None
    with pytest.raises(ValueError):
        kpi.achievement(1, 1, "sideways")
