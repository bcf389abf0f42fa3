"""The report card's arithmetic: median, rank among peers, share, weakest elements."""

import statistics
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.analytics import reportcard


def test_median_of_odd_and_even_counts():
    assert reportcard.median([3, 1, 2]) == 2
    assert reportcard.median([4, 1, 3, 2]) == Fraction(5, 2)
    assert reportcard.median([Decimal("84.12")]) == Fraction(Decimal("84.12"))
    assert reportcard.median([]) is None


@given(st.lists(st.integers(min_value=-1000, max_value=1000), min_size=1, max_size=40))
def test_median_agrees_with_the_standard_library(values):
    assert reportcard.median(values) == Fraction(statistics.median(values))


def test_rank_shares_ties_and_skips_the_next_rank():
    values = [90, 85, 85, 70]
    assert reportcard.rank(90, values, higher_is_better=True) == 1
    assert reportcard.rank(85, values, higher_is_better=True) == 2
    assert reportcard.rank(70, values, higher_is_better=True) == 4
    # Days to answer: fewer is better.
    assert reportcard.rank(70, values, higher_is_better=False) == 1
    assert reportcard.rank(90, values, higher_is_better=False) == 4


def test_rank_refuses_a_value_not_among_the_values():
    with pytest.raises(ValueError):
        reportcard.rank(1, [2, 3], higher_is_better=True)


def test_standing_among_peers():
    found = reportcard.standing(
        Decimal("82.50"), [Decimal("80"), Decimal("88")], higher_is_better=True
    )
    assert found.median == Fraction(Decimal("82.50"))
    assert found.rank == 2
    assert found.of == 3
    assert found.better_than_median is None  # it is the median

    slower = reportcard.standing(Decimal("6"), [Decimal("2"), Decimal("3")], higher_is_better=False)
    assert slower.rank == 3
    assert slower.median == 3
    assert slower.better_than_median is False


def test_standing_without_an_own_figure_still_gives_the_peers_median():
    found = reportcard.standing(None, [1, 3], higher_is_better=True)
    assert found.rank is None
    assert found.median == 2
    assert found.of == 2
    assert found.better_than_median is None
    assert reportcard.standing(None, [], higher_is_better=True).median is None


def test_share():
    assert reportcard.share(3, 4) == 75
    assert reportcard.share(0, 0) is None
    with pytest.raises(ValueError):
        reportcard.share(5, 4)


def test_weakest_elements_lowest_first_ties_by_code():
    elements = [("U1", Decimal("3.2")), ("U3", Decimal("2.9")), ("U2", Decimal("2.9")), ("U4", 4)]
    assert reportcard.weakest(elements, 2) == [("U2", Decimal("2.9")), ("U3", Decimal("2.9"))]
    assert reportcard.weakest(elements, 0) == []
    with pytest.raises(ValueError):
        reportcard.weakest(elements, -1)
