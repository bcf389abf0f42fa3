"""The public service index (IPP, Indeks Pelayanan Publik, 0–5) of a PEKPPP evaluation.

Inputs: the instrument version (aspects with weights, indicators with weights within their aspect,
the citizen-form items of each aspect, the evaluator/citizen blend and the grade table), the final
evaluator score of every indicator (a whole number 0–5), and optionally the citizen form's (F-03) answers per item.

For each aspect a, with indicators i = 1..n and evaluator scores s_i (0–5)::

    weighted method (default; [yusharnadi], domain spec 2.7):
        E_a = Σ_i w_i × s_i                 w_i = indicator weight within the aspect, Σ_i w_i = 1
    mean method (alternative; [swamsid]):
        E_a = (Σ_i s_i) / n                 unweighted mean of the aspect's indicators
    an aspect without indicator detail (the 2021 "komposit" scoring of PermenPANRB 17/2017):
        E_a = the aspect score given directly

    citizen form (F-03), items j of the aspect with answers (0–5):
        C_a = mean over answered items j of (sum of answers to j / number of answers to j)
    blend (s = evaluator share, default 75 % F-02 / 25 % F-03, domain spec 8.7):
        B_a = s × E_a + (1 − s) × C_a       when the aspect has answered citizen items
        B_a = E_a                           otherwise (e.g. aspect 6 Inovasi has no F-03 item)

    IPP = Σ_a W_a × B_a                     W_a = aspect weight, Σ_a W_a = 1

The grade is read from the instrument's table on the IPP rounded half-up to two decimals (the rows
meet at two decimals: 4,50 | 4,51); arithmetic uses exact fractions, so 4,505 rounds to 4,51 (A).
Every result states the method and the evaluator share it was computed with.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from math import lcm
from typing import TypeVar

METHODS = ("weighted", "mean")
K = TypeVar("K")
MAX_SCORE = 5
D = Decimal


class IppError(ValueError):
    """The scores or the instrument cannot give an IPP; the message says why, in full."""


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    weight: Fraction  # share within its aspect (0–1)


@dataclass(frozen=True)
class AspectSpec:
    code: str
    weight: Fraction  # share of the IPP (0–1)
    indicators: tuple[IndicatorSpec, ...] = ()
    citizen_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class GradeRow:
    grade: str
    label: str
    low: Decimal  # inclusive, two decimals
    high: Decimal  # inclusive, two decimals


# Domain spec 2.8 (default table); rows C-, D and E are not confirmed (spec 8.10).
DEFAULT_GRADES: tuple[GradeRow, ...] = (
    GradeRow("E", "Gagal", D("0.00"), D("1.50")),
    GradeRow("D", "Buruk", D("1.51"), D("2.00")),
    GradeRow("C-", "Cukup (dengan catatan)", D("2.01"), D("2.50")),
    GradeRow("C", "Cukup", D("2.51"), D("3.00")),
    GradeRow("B-", "Baik (dengan catatan)", D("3.01"), D("3.50")),
    GradeRow("B", "Baik", D("3.51"), D("4.00")),
    GradeRow("A-", "Sangat Baik", D("4.01"), D("4.50")),
    GradeRow("A", "Pelayanan Prima", D("4.51"), D("5.00")),
)

# The variant of [pekppp-guide wiki.json] (spec 2.8): no C-, D 2,01–2,50, E 0,00–2,00.
GUIDE_GRADES: tuple[GradeRow, ...] = (
    GradeRow("E", "Sangat Buruk", D("0.00"), D("2.00")),
    GradeRow("D", "Buruk", D("2.01"), D("2.50")),
    GradeRow("C", "Cukup", D("2.51"), D("3.00")),
    GradeRow("B-", "Baik dengan Catatan", D("3.01"), D("3.50")),
    GradeRow("B", "Baik", D("3.51"), D("4.00")),
    GradeRow("A-", "Sangat Baik", D("4.01"), D("4.50")),
    GradeRow("A", "Pelayanan Prima", D("4.51"), D("5.00")),
)


@dataclass(frozen=True)
class IppModel:
    """An instrument version reduced to what the computation needs."""

    aspects: tuple[AspectSpec, ...]
    grades: tuple[GradeRow, ...] = DEFAULT_GRADES
    evaluator_share: Fraction = Fraction(3, 4)

    @cached_property
    def checked(self) -> bool:
        """Checked once per model: a round computes thousands of units with the same model."""
        self.check()
        return True

    @cached_property
    def integer_weights(self) -> dict[str, tuple[int, tuple[tuple[str, int], ...]]]:
        """Per aspect: a common denominator and each indicator's weight as a numerator over it,
        so that the weighted sum is integer arithmetic (the result is the same exact fraction)."""
        table = {}
        for aspect in self.aspects:
            denominator = lcm(*(i.weight.denominator for i in aspect.indicators)) or 1
            table[aspect.code] = (
                denominator,
                tuple((i.code, int(i.weight * denominator)) for i in aspect.indicators),
            )
        return table

    def check(self) -> None:
        if not self.aspects:
            raise IppError("The instrument has no aspect.")
        total = sum((a.weight for a in self.aspects), Fraction(0))
        if total != 1:
            raise IppError(f"The aspect weights add up to {float(total) * 100:g} %, not 100 %.")
        for aspect in self.aspects:
            if aspect.indicators:
                within = sum((i.weight for i in aspect.indicators), Fraction(0))
                if within != 1:
                    raise IppError(
                        f"The indicator weights of aspect {aspect.code} add up to "
                        f"{float(within) * 100:g} %, not 100 %."
                    )
        if not 0 <= self.evaluator_share <= 1:
            raise IppError("The evaluator share must lie between 0 and 100 %.")
        check_grades(self.grades)


def check_grades(grades: Sequence[GradeRow]) -> None:
    """The rows must cover 0,00–5,00 without gap or overlap, meeting at two decimals."""
    rows = sorted(grades, key=lambda row: row.low)
    if not rows or rows[0].low != D("0.00") or rows[-1].high != D("5.00"):
        raise IppError("The grade table must run from 0,00 to 5,00.")
    for lower, upper in zip(rows, rows[1:], strict=False):
        if upper.low - lower.high != D("0.01"):
            raise IppError(
                f"The grade rows {lower.grade} and {upper.grade} do not meet at two decimals."
            )


@dataclass(frozen=True)
class ItemTotal:
    """The citizen answers to one F-03 item: how many answered and the sum of their scores."""

    code: str
    answered: int
    total: int


@dataclass(frozen=True)
class AspectResult:
    """One aspect's scores, held as integer numerators and denominators (a national round
    computes tens of thousands of units); the exact values are the Fraction properties."""

    code: str
    weight: Fraction
    e_num: int
    e_den: int
    c_num: int | None
    c_den: int | None
    b_num: int
    b_den: int

    @property
    def evaluator(self) -> Fraction:
        return Fraction(self.e_num, self.e_den)

    @property
    def citizen(self) -> Fraction | None:
        return None if self.c_num is None else Fraction(self.c_num, self.c_den)

    @property
    def blended(self) -> Fraction:
        return Fraction(self.b_num, self.b_den)

    @property
    def contribution(self) -> Fraction:
        return self.weight * self.blended


@dataclass(frozen=True)
class IppResult:
    aspects: tuple[AspectResult, ...]
    num: int  # the exact IPP is num / den
    den: int
    ipp: Decimal  # rounded half-up to two decimals
    grade: str
    label: str
    method: str
    evaluator_share: Fraction
    citizen_used: bool
    notes: tuple[str, ...] = field(default=())

    @property
    def exact(self) -> Fraction:
        return Fraction(self.num, self.den)

    def as_dict(self) -> dict:
        aspects = []
        for a in self.aspects:
            weight = a.weight.numerator / a.weight.denominator
            blended = a.b_num / a.b_den
            aspects.append(
                {
                    "code": a.code,
                    "weight": weight,
                    "evaluator": a.e_num / a.e_den,
                    "citizen": None if a.c_num is None else a.c_num / a.c_den,  # type: ignore[operator]
                    "blended": blended,
                    "contribution": weight * blended,
                }
            )
        return {
            "ipp": float(self.ipp),
            "grade": self.grade,
            "label": self.label,
            "method": self.method,
            "evaluator_share": float(self.evaluator_share),
            "citizen_used": self.citizen_used,
            "aspects": aspects,
        }


def grade_for(value: Decimal, grades: Sequence[GradeRow] = DEFAULT_GRADES) -> GradeRow:
    """The row of the grade table for an IPP already rounded to two decimals."""
    for row in grades:
        if row.low <= value <= row.high:
            return row
    raise IppError(f"IPP {value} is outside the grade table (0,00–5,00).")


def _score(code: str, value) -> Fraction:
    score = Fraction(value)
    if not 0 <= score <= MAX_SCORE:
        raise IppError(f"The score of {code} ({value}) is not between 0 and 5.")
    return score


def _int_score(code: str, value) -> int:
    if type(value) is int and 0 <= value <= MAX_SCORE:
        return value
    score = _score(code, value)
    if score.denominator != 1:
        raise IppError(f"The score of {code} ({value}) is not a whole number.")
    return int(score)


def compute_ipp(
    model: IppModel,
    *,
    indicator_scores: Mapping[str, int | Fraction],
    citizen_items: Sequence[ItemTotal] = (),
    aspect_scores: Mapping[str, int | Fraction] | None = None,
    method: str = "weighted",
) -> IppResult:
    """The IPP of one unit (see the module docstring for the formulas)."""
    if method not in METHODS:
        raise IppError(f"Unknown method {method!r}; use one of {', '.join(METHODS)}.")
    model.checked  # noqa: B018 - validates the model once, raising IppError when it is wrong
    aspect_scores = aspect_scores or {}
    citizen = {item.code: item for item in citizen_items}
    for item in citizen_items:
        if item.answered < 0 or not 0 <= item.total <= MAX_SCORE * item.answered:
            raise IppError(f"The citizen totals of {item.code} are impossible for scores 0–5.")
    missing = [
        i.code for a in model.aspects for i in a.indicators if i.code not in indicator_scores
    ] + [a.code for a in model.aspects if not a.indicators and a.code not in aspect_scores]
    if missing:
        raise IppError(f"No score for {', '.join(missing)}: every indicator needs a score.")
    share = model.evaluator_share
    s_num, s_den = share.numerator, share.denominator
    weights = model.integer_weights
    results = []
    total_num, total_den = 0, 1
    for aspect in model.aspects:
        if not aspect.indicators:
            composite = _score(aspect.code, aspect_scores[aspect.code])
            e_num, e_den = composite.numerator, composite.denominator
        elif method == "weighted":
            e_den, numerators = weights[aspect.code]
            e_num = sum(w * _int_score(code, indicator_scores[code]) for code, w in numerators)
        else:
            e_den = len(aspect.indicators)
            e_num = sum(_int_score(i.code, indicator_scores[i.code]) for i in aspect.indicators)
        c_num: int | None
        c_den: int | None
        answered = [
            citizen[code]
            for code in aspect.citizen_items
            if code in citizen and citizen[code].answered > 0
        ]
        if answered:
            # C = (Σ_j total_j / answered_j) / k over a common denominator
            common = lcm(*(item.answered for item in answered))
            cn = sum(item.total * (common // item.answered) for item in answered)
            cd = common * len(answered)
            c_num, c_den = cn, cd
            # B = s·E + (1 − s)·C
            b_num = s_num * e_num * cd + (s_den - s_num) * cn * e_den
            b_den = s_den * e_den * cd
        else:
            c_num = c_den = None
            b_num, b_den = e_num, e_den
        weight = aspect.weight
        total_num = total_num * weight.denominator * b_den + weight.numerator * b_num * total_den
        total_den = total_den * weight.denominator * b_den
        results.append(AspectResult(aspect.code, weight, e_num, e_den, c_num, c_den, b_num, b_den))
    hundredths, remainder = divmod(total_num * 100, total_den)
    if 2 * remainder >= total_den:
        hundredths += 1
    ipp = Decimal(hundredths).scaleb(-2)
    row = grade_for(ipp, model.grades)
    return IppResult(
        aspects=tuple(results),
        num=total_num,
        den=total_den,
        ipp=ipp,
        grade=row.grade,
        label=row.label,
        method=method,
        evaluator_share=share,
        citizen_used=any(r.c_num is not None for r in results),
    )


def rank(values: Mapping[K, Decimal]) -> dict[K, int]:
    """Competition ranking (1, 2, 2, 4) on the rounded IPP, highest first."""
    first: dict[Decimal, int] = {}
    for position, value in enumerate(sorted(values.values(), reverse=True), start=1):
        first.setdefault(value, position)
    return {key: first[value] for key, value in values.items()}
