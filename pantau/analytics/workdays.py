"""Working days: Monday to Friday, except Indonesia's national holidays (the maintained ``holidays``
package) and any extra days off given (an agency's collective leave, cuti bersama)."""

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def national_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Indonesia(years=year, language="id").keys())


def is_working_day(day: date, extra_days_off: frozenset[date] = frozenset()) -> bool:
    return (
        day.weekday() < 5 and day not in national_holidays(day.year) and day not in extra_days_off
    )


def add_working_days(start: date, days: int, extra_days_off: Iterable[date] = ()) -> date:
    """The date ``days`` working days after ``start`` (the start day itself does not count).

    ``add_working_days(friday, 1)`` is the next Monday; zero days gives ``start``.
    """
    off = frozenset(extra_days_off)
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if is_working_day(current, off):
            left -= 1
    return current


def working_days_between(start: date, end: date, extra_days_off: Iterable[date] = ()) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    off = frozenset(extra_days_off)
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, off):
            count += 1
    return count
