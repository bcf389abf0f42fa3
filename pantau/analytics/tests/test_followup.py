from datetime import date

import pytest

from pantau.analytics.followup import (
    months_between,
    realisation_score,
    realised_percent,
    speed_score,
)


@pytest.mark.parametrize(
    ("total", "realised", "score"),
    [(0, 0, 0), (4, 0, 1), (10, 2, 2), (10, 3, 3), (10, 8, 3), (100, 81, 4), (10, 9, 4), (5, 5, 5)],
)
def test_realisation_score_follows_indicator_8(total, realised, score):
    assert realisation_score(total, realised) == score


def test_realised_percent_is_exact():
    assert realised_percent(3, 1) * 3 == 100
    assert realised_percent(0, 0) is None
    with pytest.raises(ValueError):
        realised_percent(2, 3)


@pytest.mark.parametrize(
    ("done", "score"),
    [
        (date(2025, 4, 30), 5),
        (date(2025, 5, 1), 4),
        (date(2025, 6, 30), 4),
        (date(2025, 7, 1), 3),
        (date(2025, 9, 30), 3),
        (date(2025, 12, 30), 2),
        (date(2026, 3, 31), 1),
        (date(2026, 4, 1), 0),
        (None, 0),
    ],
)
def test_speed_score_follows_indicator_9(done, score):
    assert speed_score(date(2025, 3, 31), done) == score


def test_months_between_counts_calendar_months():
    assert months_between(date(2025, 1, 15), date(2025, 2, 15)) == 1
    assert months_between(date(2025, 1, 15), date(2025, 2, 16)) > 1
