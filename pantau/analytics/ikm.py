"""The satisfaction index (IKM) of PermenPANRB 14/2017, computed exactly.

For each element (unsur) i of n, from the questionnaires that answered it::

    NRR_i            = sum of the scores (1–4) for i / number of questionnaires answering i
    weight           = 1/n exactly ("exact", the default), or the regulation's rounded 0,111 for
                       nine elements ("0.111"; in general 1/n rounded to three decimals)
    weighted NRR_i   = NRR_i × weight
    IKM (1–4)        = Σ weighted NRR_i
    IKM (25–100)     = IKM (1–4) × 25

The grade is read from the interval table on the 25–100 value rounded half-up to two decimals. The
table's rows meet at two decimals (64,99 | 65,00; 76,60 | 76,61; 88,30 | 88,31), so a value that falls
between two rows before rounding (e.g. 64,995) takes the row of its rounded value (65,00 → C). The
arithmetic uses exact fractions, so a value that is mathematically 64,995 is never mis-rounded to 64,99.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

WEIGHT_MODES = ("exact", "0.111")


@dataclass(frozen=True)
class Band:
    grade: str
    performance: str
    ni_min: Decimal  # on the 1–4 scale (informative)
    ni_max: Decimal
    nik_min: Decimal  # on the 25–100 scale (decides the grade)
    nik_max: Decimal


D = Decimal
# Domain spec 1.4 (PermenPANRB 14/2017): interval table, worst first.
DEFAULT_BANDS: tuple[Band, ...] = (
    Band("D", "Tidak Baik", D("1.00"), D("2.5996"), D("25.00"), D("64.99")),
    Band("C", "Kurang Baik", D("2.60"), D("3.064"), D("65.00"), D("76.60")),
    Band("B", "Baik", D("3.0644"), D("3.532"), D("76.61"), D("88.30")),
    Band("A", "Sangat Baik", D("3.5324"), D("4.00"), D("88.31"), D("100.00")),
)


@dataclass(frozen=True)
class ElementTotal:
    """What the database returns per element: how many answered it and the sum of their scores."""

    code: str
    answered: int
    total: int


@dataclass(frozen=True)
class ElementResult:
    code: str
    answered: int
    sum: int
    nrr: float
    weighted_nrr: float


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    elements: tuple[ElementResult, ...]
    ikm_4: float
    ikm: Decimal  # 25–100, rounded half-up to two decimals
    grade: str
    performance: str
    weights: str
    weight: float

    def weakest_first(self) -> list[ElementResult]:
        return sorted(self.elements, key=lambda e: (e.nrr, e.code))

    def as_dict(self) -> dict:
        return {
            "respondents": self.respondents,
            "elements": [
                {
                    "code": e.code,
                    "answered": e.answered,
                    "sum": e.sum,
                    "nrr": e.nrr,
                    "weighted_nrr": e.weighted_nrr,
                }
                for e in self.elements
            ],
            "ikm_4": self.ikm_4,
            "ikm": float(self.ikm),
            "grade": self.grade,
            "performance": self.performance,
            "weights": self.weights,
        }


class IkmError(ValueError):
    """The answers cannot give an IKM (no element, or an element nobody answered)."""


def element_weight(n: int, mode: str = "exact") -> Fraction:
    if n < 1:
        raise IkmError("There is no element to weigh.")
    if mode == "exact":
        return Fraction(1, n)
    if mode == "0.111":
        # The regulation writes 1/9 as 0,111; for n elements the same rounding of 1/n.
        return Fraction(round(Fraction(1000, n)), 1000)
    raise IkmError(f"Unknown weight mode {mode!r}; use one of {', '.join(WEIGHT_MODES)}.")


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    scaled = value * 10**places
    whole = int(scaled // 1)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return (
        Decimal(whole).scaleb(-places).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    )


def grade_for(ikm: Decimal, bands: Sequence[Band] = DEFAULT_BANDS) -> Band:
    """The row of the interval table for an IKM on 25–100 already rounded to two decimals.

    With the rounded weight 0,111 (nine elements weigh 0,999, not 1) answers of all 1s give
    24,98: below the table's 25,00 only because of that rounding, so it is the lowest grade (D).
    """
    for band in bands:
        if band.nik_min <= ikm <= band.nik_max:
            return band
    lowest = min(bands, key=lambda band: band.nik_min)
    if lowest.nik_min - Decimal("0.05") <= ikm < lowest.nik_min:
        return lowest
    raise IkmError(f"IKM {ikm} is outside the interval table (25,00–100,00).")


def compute_ikm(
    elements: Sequence[ElementTotal],
    *,
    respondents: int,
    weights: str = "exact",
    bands: Sequence[Band] = DEFAULT_BANDS,
) -> IkmResult:
    """The IKM from per-element totals (see the module docstring for the formulas)."""
    if not elements:
        raise IkmError("There is no element to compute.")
    missing = [e.code for e in elements if e.answered <= 0]
    if missing:
        raise IkmError(
            f"No answers for {', '.join(missing)}: the IKM needs at least one answer per element."
        )
    for e in elements:
        if not (e.answered <= e.total <= 4 * e.answered):
            raise IkmError(f"The totals of {e.code} are impossible for scores 1–4.")
    weight = element_weight(len(elements), weights)
    nrrs = [Fraction(e.total, e.answered) for e in elements]
    ikm_4 = sum((nrr * weight for nrr in nrrs), Fraction(0))
    ikm = round_half_up(ikm_4 * 25)
    band = grade_for(ikm, bands)
    return IkmResult(
        respondents=respondents,
        elements=tuple(
            ElementResult(e.code, e.answered, e.total, float(nrr), float(nrr * weight))
            for e, nrr in zip(elements, nrrs, strict=True)
        ),
        ikm_4=float(ikm_4),
        ikm=ikm,
        grade=band.grade,
        performance=band.performance,
        weights=weights,
        weight=float(weight),
    )


def totals_from_answers(
    codes: Sequence[str], rows: Iterable[Sequence[int | None]]
) -> tuple[list[ElementTotal], int]:
    """Per-element totals from respondent rows (a score 1–4 or None per code); also the row count."""
    answered = [0] * len(codes)
    totals = [0] * len(codes)
    respondents = 0
    for row in rows:
        respondents += 1
        for index, value in enumerate(row):
            if value is not None:
                answered[index] += 1
                totals[index] += value
    return [
        ElementTotal(c, a, t) for c, a, t in zip(codes, answered, totals, strict=True)
    ], respondents


# --- Sample size (Krejcie & Morgan, 1970) -------------------------------------------------------


def required_sample(
    population: int,
    *,
    chi_square: Fraction = Fraction(3841, 1000),
    proportion: Fraction = Fraction(1, 2),
    margin: Fraction = Fraction(5, 100),
) -> int:
    """S = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)), rounded half-up; never more than N.

    With the defaults (X² = 3,841, P = 0,5, d = 0,05) this reproduces every row of the Krejcie &
    Morgan table in the domain spec (1.6), e.g. 100 → 80, 1.000 → 278, 1.000.000 → 384.
    """
    if population < 1:
        return 0
    pq = proportion * (1 - proportion)
    s = chi_square * population * pq / (margin**2 * (population - 1) + chi_square * pq)
    return min(population, int(s + Fraction(1, 2)))


def margin_of_error(
    obtained: int,
    population: int | None,
    *,
    chi_square: Fraction = Fraction(3841, 1000),
    proportion: Fraction = Fraction(1, 2),
) -> float | None:
    """Margin of error at 95 % for ``obtained`` respondents out of ``population`` served.

    The Krejcie & Morgan formula solved for d: d = √(X²·P(1−P)·(N−n) / (n·(N−1))), i.e. the normal
    approximation z·√(P(1−P)/n) with the finite-population correction √((N−n)/(N−1)); with no known
    population the correction is left out. Returns a proportion (0,05 = ±5 percentage points), 0 when
    everyone answered, and None when nobody did.
    """
    if obtained < 1:
        return None
    pq = float(proportion * (1 - proportion))
    base = float(chi_square) * pq / obtained
    if population is None or population <= 1:
        return math.sqrt(base)
    if obtained >= population:
        return 0.0
    return math.sqrt(base * (population - obtained) / (population - 1))
