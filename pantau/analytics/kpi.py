"""Unit KPIs (issue 21): the arithmetic behind the built-in indicators and the comparison of a
value with its target. Pure functions on numbers; the selectors of ``pantau.kpis`` count in the
database and hand the counts here.

Share of a whole (standards in force, standards reviewed)::

    share = part / whole × 100                      (none when whole = 0)

Share of complaints resolved within their deadline, over the reports whose outcome is known::

    on-time share = on time / (on time + resolved late + open past the deadline) × 100

A report still open past its resolution deadline has already missed it, whatever happens next,
so it counts against the unit; a report still open within its deadline is not counted yet.

Median of a set of n ordered values, from its middle values (the one at position (n + 1) / 2 when
n is odd, the two at n / 2 and n / 2 + 1 when n is even, which the database picks)::

    median = mean of the middle values

Target met, by the indicator's direction::

    higher is better:  value ≥ target
    lower is better:   value ≤ target

Achievement (capaian), the value as a percentage of the target, turned for indicators where
lower is better so that above 100 % always means better than the target::

    higher is better:  value / target × 100        (none when target = 0)
    lower is better:   target / value × 100        (none when value = 0)
"""

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

HIGHER = "higher"
LOWER = "lower"
DIRECTIONS = (HIGHER, LOWER)

Number = int | Decimal | Fraction


def share(part: int, whole: int) -> Fraction | None:
    """``part`` as a percentage of ``whole``, exactly; None when there is no whole."""
    if whole <= 0:
        return None
    if not 0 <= part <= whole:
        raise ValueError("The part must be between 0 and the whole.")
    return Fraction(part * 100, whole)


def on_time_share(on_time: int, late: int, overdue_open: int) -> Fraction | None:
    """Reports resolved on time as a percentage of those whose outcome is known (resolved, or
    open past the deadline); None when there is none."""
    if min(on_time, late, overdue_open) < 0:
        raise ValueError("Counts cannot be negative.")
    return share(on_time, on_time + late + overdue_open)


def median_from_middle(middle: Sequence[Number]) -> Fraction | None:
    """The median from the middle value (odd count) or the two middle values (even count)."""
    if not middle:
        return None
    if len(middle) > 2:
        raise ValueError("Give the one or two middle values only.")
    return sum((Fraction(value) for value in middle), Fraction(0)) / len(middle)


def _direction(direction: str) -> str:
    if direction not in DIRECTIONS:
        raise ValueError(f"Unknown direction: {direction!r}.")
    return direction


def target_met(value: Number | None, target: Number | None, direction: str) -> bool | None:
    """Whether ``value`` reaches ``target``; None when either is missing."""
    direction = _direction(direction)
    if value is None or target is None:
        return None
    if direction == HIGHER:
        return Fraction(value) >= Fraction(target)
    return Fraction(value) <= Fraction(target)


def achievement(value: Number | None, target: Number | None, direction: str) -> Fraction | None:
    """The value as a percentage of the target (capaian), above 100 when better than the target
    in either direction; None when it cannot be computed."""
    direction = _direction(direction)
    if value is None or target is None:
        return None
    value, target = Fraction(value), Fraction(target)
    if direction == HIGHER:
        return None if target == 0 else value / target * 100
    return None if value == 0 else target / value * 100
