"""The IKM against the formulas, the interval table boundaries, and an independent oracle."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.analytics.ikm import (
    DEFAULT_BANDS,
    ElementTotal,
    IkmError,
    compute_ikm,
    element_weight,
    grade_for,
    required_sample,
    totals_from_answers,
)

CODES = [f"U{i}" for i in range(1, 10)]


def _single_element_with_ikm(ikm: str) -> list[ElementTotal]:
    """One element whose NRR gives exactly this IKM (weight 1): NRR = IKM / 25."""
    nrr = Fraction(ikm) / 25
    answered = nrr.denominator
    while not answered <= nrr * answered <= 4 * answered:
        answered *= 2
    return [ElementTotal("U1", answered, int(nrr * answered))]


@pytest.mark.parametrize(
    ("ikm", "grade", "performance"),
    [
        ("25", "D", "Tidak Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("64.994", "D", "Tidak Baik"),
        ("64.995", "C", "Kurang Baik"),  # between rows: rounds to 65,00
        ("65.00", "C", "Kurang Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("76.604", "C", "Kurang Baik"),
        ("76.605", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("88.30", "B", "Baik"),
        ("88.304", "B", "Baik"),
        ("88.305", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("100", "A", "Sangat Baik"),
    ],
)
def test_every_boundary_of_the_interval_table_from_both_sides(ikm, grade, performance):
    result = compute_ikm(_single_element_with_ikm(ikm), respondents=1)
    assert (result.grade, result.performance) == (grade, performance)


def test_interval_rows_meet_at_two_decimals():
    for lower, upper in zip(DEFAULT_BANDS, DEFAULT_BANDS[1:], strict=False):
        assert upper.nik_min - lower.nik_max == Decimal("0.01")
    assert DEFAULT_BANDS[0].nik_min == Decimal("25.00") and DEFAULT_BANDS[-1].nik_max == Decimal(
        "100.00"
    )


def test_grade_for_refuses_values_outside_the_table():
    with pytest.raises(IkmError):
        grade_for(Decimal("24.90"))
    with pytest.raises(IkmError):
        grade_for(Decimal("100.01"))


def test_just_under_25_from_the_rounded_weight_is_the_lowest_grade():
    # Nine elements of 0,111 weigh 0,999: all answers 1 give 24,98 (issue 17).
    assert grade_for(Decimal("24.98")).grade == "D"


def test_worked_example_nine_elements():
    # Ten respondents; element totals chosen by hand. NRR = sum / 10.
    sums = [33, 31, 30, 40, 35, 36, 38, 29, 27]
    elements = [ElementTotal(code, 10, total) for code, total in zip(CODES, sums, strict=True)]
    result = compute_ikm(elements, respondents=10)
    # Σ NRR = 29,9; IKM(1–4) = 29,9 / 9 = 3,3222…; × 25 = 83,0555… → 83,06 (B, Baik)
    assert result.ikm_4 == pytest.approx(29.9 / 9)
    assert result.ikm == Decimal("83.06")
    assert (result.grade, result.performance) == ("B", "Baik")
    assert [e.code for e in result.weakest_first()][:2] == ["U9", "U8"]
    assert result.elements[0].nrr == pytest.approx(3.3)
    assert result.elements[0].weighted_nrr == pytest.approx(3.3 / 9)


def test_rounded_weight_reproduces_old_reports():
    sums = [33, 31, 30, 40, 35, 36, 38, 29, 27]
    elements = [ElementTotal(code, 10, total) for code, total in zip(CODES, sums, strict=True)]
    result = compute_ikm(elements, respondents=10, weights="0.111")
    # Σ NRR × 0,111 × 25 = 29,9 × 2,775 = 82,9725 → 82,97
    assert result.ikm == Decimal("82.97")
    assert result.weights == "0.111" and result.weight == pytest.approx(0.111)


def test_weight_is_one_over_n_for_added_elements():
    assert element_weight(9) == Fraction(1, 9)
    assert element_weight(13) == Fraction(1, 13)
    assert element_weight(9, "0.111") == Fraction(111, 1000)
    with pytest.raises(IkmError):
        element_weight(9, "0.11")


def test_element_without_answers_is_refused():
    with pytest.raises(IkmError, match="U2"):
        compute_ikm([ElementTotal("U1", 3, 9), ElementTotal("U2", 0, 0)], respondents=3)


def test_impossible_totals_are_refused():
    with pytest.raises(IkmError):
        compute_ikm([ElementTotal("U1", 2, 9)], respondents=2)


def test_unanswered_cells_do_not_count_toward_nrr():
    totals, respondents = totals_from_answers(["U1", "U2"], [(4, None), (2, 3), (None, 1)])
    assert respondents == 3
    assert totals == [ElementTotal("U1", 2, 6), ElementTotal("U2", 2, 4)]


answers = st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(answers)
def test_ikm_matches_an_independent_numpy_oracle(rows):
    totals, n = totals_from_answers(CODES, rows)
    result = compute_ikm(totals, respondents=n)
    oracle = np.asarray(rows, dtype=float).mean(axis=0).mean() * 25
    assert result.ikm_4 * 25 == pytest.approx(oracle)
    assert abs(float(result.ikm) - oracle) <= 0.005 + 1e-9


@settings(max_examples=150, deadline=None)
@given(answers, st.integers(0, 39), st.integers(0, 8))
def test_ikm_is_monotone_in_each_answer_and_stays_in_range(rows, row_index, element):
    row_index %= len(rows)
    before = compute_ikm(totals_from_answers(CODES, rows)[0], respondents=len(rows))
    assert Decimal("25") <= before.ikm <= Decimal("100")
    if rows[row_index][element] < 4:
        raised = [list(r) for r in rows]
        raised[row_index][element] += 1
        after = compute_ikm(totals_from_answers(CODES, raised)[0], respondents=len(rows))
        assert after.ikm_4 > before.ikm_4 and after.ikm >= before.ikm


KREJCIE_MORGAN = {
    10: 10,
    15: 14,
    20: 19,
    25: 24,
    30: 28,
    35: 32,
    40: 36,
    45: 40,
    50: 44,
    55: 48,
    60: 52,
    65: 56,
    70: 59,
    75: 63,
    80: 66,
    85: 70,
    90: 73,
    95: 76,
    100: 80,
    110: 86,
    120: 92,
    130: 97,
    140: 103,
    150: 108,
    160: 113,
    170: 118,
    180: 123,
    190: 127,
    200: 132,
    210: 136,
    220: 140,
    230: 144,
    240: 148,
    250: 152,
    260: 155,
    270: 159,
    280: 162,
    290: 165,
    300: 169,
    320: 175,
    340: 181,
    360: 186,
    380: 191,
    400: 196,
    420: 201,
    440: 205,
    460: 210,
    480: 214,
    500: 217,
    550: 226,
    600: 234,
    650: 242,
    700: 248,
    750: 254,
    800: 260,
    850: 265,
    900: 269,
    950: 274,
    1000: 278,
    1100: 285,
    1200: 291,
    1300: 297,
    1400: 302,
    1500: 306,
    1600: 310,
    1700: 313,
    1800: 317,
    1900: 320,
    2000: 322,
    2200: 327,
    2400: 331,
    2600: 335,
    2800: 338,
    3000: 341,
    3500: 346,
    4000: 351,
    4500: 354,
    5000: 357,
    6000: 361,
    7000: 364,
    8000: 367,
    9000: 368,
    10000: 370,
    15000: 375,
    20000: 377,
    30000: 379,
    40000: 380,
    50000: 381,
    75000: 382,
    1000000: 384,
}


@pytest.mark.parametrize(("population", "sample"), sorted(KREJCIE_MORGAN.items()))
def test_required_sample_reproduces_the_krejcie_morgan_table(population, sample):
    assert required_sample(population) == sample


def test_required_sample_of_tiny_populations():
    assert required_sample(0) == 0
    assert required_sample(1) == 1
    assert required_sample(5) == 5
