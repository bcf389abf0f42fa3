"""The score of an observation checklist (mystery shopping, issue 21). Plain functions, no ORM; the
answers come from ``pantau.observations`` once a visit is submitted.

Each item of a checklist has a weight ``w`` (a whole number from 1) and one answer: yes (1), no (0)
or not applicable (-1). The score is the weighted share of "yes" among the items that apply::

    score = 100 × Σ w_i · [a_i = yes] / Σ w_i · [a_i ≠ not applicable]

A "not applicable" item leaves both sums: a fee that cannot be checked at a free service neither
helps nor hurts the unit. When no item applies (every answer "not applicable", or no answer) there
is no score (None), never 0 or 100. Items with a "no" answer are the failed items, offered as
actions for the improvement register.

Worked example: weights 3, 2, 1, 2 answered yes, no, yes, not applicable ⇒ applicable weight
3 + 2 + 1 = 6, weight answered yes 3 + 1 = 4, score 100 × 4 / 6 = 66.67.
"""

from collections.abc import Iterable
from dataclasses import dataclass

YES, NO, NOT_APPLICABLE = 1, 0, -1
ANSWERS = frozenset({YES, NO, NOT_APPLICABLE})


@dataclass(frozen=True)
class ChecklistScore:
    score: float | None  # 0..100, None when no item applies
    yes_weight: int
    applicable_weight: int
    items: int  # answered items, "not applicable" included
    applicable: int
    failed: int  # items answered "no"


def checklist_score(answers: Iterable[tuple[int, int]]) -> ChecklistScore:
    """The score of ``(weight, answer)`` pairs by the formula above (rounded to 2 decimals).

    A weight below 1 or an answer other than 1, 0 or -1 is a ValueError: a score computed from a
    value the checklist cannot hold would be a wrong figure, not a smaller one.
    """
    yes_weight = applicable_weight = items = applicable = failed = 0
    for weight, answer in answers:
        if isinstance(weight, bool) or not isinstance(weight, int) or weight < 1:
            raise ValueError(f"a checklist item's weight is a whole number from 1, not {weight!r}")
        if answer not in ANSWERS:
            raise ValueError(f"a checklist answer is 1, 0 or -1, not {answer!r}")
        items += 1
        if answer == NOT_APPLICABLE:
            continue
        applicable += 1
        applicable_weight += weight
        if answer == YES:
            yes_weight += weight
        else:
            failed += 1
    score = round(100 * yes_weight / applicable_weight, 2) if applicable_weight else None
    return ChecklistScore(
        score=score,
        yes_weight=yes_weight,
        applicable_weight=applicable_weight,
        items=items,
        applicable=applicable,
        failed=failed,
    )


def mean_score(scores: Iterable[float | None]) -> float | None:
    """The plain mean of the visits' scores that exist (each visit counts once, whatever its
    number of items), rounded to 2 decimals; None when there is none."""
    present = [score for score in scores if score is not None]
    return round(sum(present) / len(present), 2) if present else None
