"""Report cards (Citizen Report Card, issue 21 item 4): how a unit's figures stand among its
peers'. Pure functions on numbers; ``pantau.reportcards.selectors`` computes each unit's figures
in the database (through the KPI metrics, a fixed number of grouped queries for all the peers)
and hands them here.

Median of n values ordered x(1) ≤ … ≤ x(n)::

    median = x((n + 1) / 2)                          when n is odd
    median = (x(n / 2) + x(n / 2 + 1)) / 2           when n is even

Rank of a unit among the units with a value (competition ranking, "1224": tied units share the
better rank and the next rank is skipped), 1 being the best::

    rank = 1 + number of units whose value is strictly better

where "better" is higher for the IKM, the on-time share, the rating and the standards' shares,
and lower for the median days to answer.

Share of a whole::

    share = part / whole × 100                        (none when whole = 0)

Weakest elements of an SKM result: the elements ordered by NRR from the lowest, ties by their
code, the first ``count`` of them (the regulation's reading: the lowest NRR is what to improve
first).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

Number = int | Decimal | Fraction


def median(values: Sequence[Number]) -> Fraction | None:
    """The median of ``values``, exactly; None when there is none."""
    if not values:
        return None
    ordered = sorted(Fraction(value) for value in values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def rank(value: Number, values: Sequence[Number], *, higher_is_better: bool) -> int:
    """The rank of ``value`` among ``values`` (which hold it), 1 the best, ties sharing."""
    own = Fraction(value)
    if not any(Fraction(other) == own for other in values):
        raise ValueError("The value ranked must be one of the values.")
    if higher_is_better:
        better = sum(1 for other in values if Fraction(other) > own)
    else:
        better = sum(1 for other in values if Fraction(other) < own)
    return 1 + better


@dataclass(frozen=True)
class Standing:
    """A unit's figure beside its peers': the median of every unit with a value (the unit
    included), its rank among them, and how many they are."""

    median: Fraction | None
    rank: int | None
    of: int
    better_than_median: bool | None


def standing(own: Number | None, peers: Sequence[Number], *, higher_is_better: bool) -> Standing:
    """``own`` (None when the unit has no figure) among ``peers`` (the other units' figures,
    without the unit's own)."""
    values = [*peers] if own is None else [own, *peers]
    middle = median(values)
    if own is None:
        return Standing(median=middle, rank=None, of=len(values), better_than_median=None)
    position = rank(own, values, higher_is_better=higher_is_better)
    if middle is None:  # cannot happen: values holds own
        raise ValueError("No values to compare.")
    if Fraction(own) == middle:
        better = None
    else:
        better = Fraction(own) > middle if higher_is_better else Fraction(own) < middle
    return Standing(median=middle, rank=position, of=len(values), better_than_median=better)


def share(part: int, whole: int) -> Fraction | None:
    """``part`` as a percentage of ``whole``; None when there is no whole."""
    if whole <= 0:
        return None
    if not 0 <= part <= whole:
        raise ValueError("The part must be between 0 and the whole.")
    return Fraction(part * 100, whole)


def weakest(elements: Sequence[tuple[str, Number]], count: int = 3) -> list[tuple[str, Number]]:
    """The ``count`` elements (code, NRR) with the lowest NRR, lowest first, ties by code."""
    if count < 0:
        raise ValueError("The count cannot be negative.")
    return sorted(elements, key=lambda element: (Fraction(element[1]), element[0]))[:count]
