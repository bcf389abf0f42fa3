"""The IPP against hand-worked examples for both instrument versions, every grade boundary from
both sides, and an independent floating-point reference."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.analytics.ipp import (
    DEFAULT_GRADES,
    GUIDE_GRADES,
    AspectSpec,
    GradeRow,
    IndicatorSpec,
    IppError,
    IppModel,
    ItemTotal,
    check_grades,
    compute_ipp,
    rank,
)
from pantau.evaluations.instruments import (
    ASPECTS_17_2017,
    ASPECTS_EXISTING,
    CITIZEN_ITEMS,
    INDICATORS,
)


def existing_model(**kwargs) -> IppModel:
    """The current instrument (24/25/18/11/10/12, 30 indicators) built from the shipped data."""
    return IppModel(
        aspects=tuple(
            AspectSpec(
                code=f"A{number}",
                weight=Fraction(weight, 100),
                indicators=tuple(
                    IndicatorSpec(row[1], Fraction(row[4], 100)) for row in INDICATORS[number]
                ),
                citizen_items=tuple(
                    f"a{number}-{key}" for key, *_ in CITIZEN_ITEMS.get(number, [])
                ),
            )
            for number, _name, weight in ASPECTS_EXISTING
        ),
        **kwargs,
    )


def regulation_17_model() -> IppModel:
    """PermenPANRB 17/2017 (30/18/15/15/15/7): aspects only, scored as a composite."""
    return IppModel(
        aspects=tuple(
            AspectSpec(code=f"A{number}", weight=Fraction(weight, 100))
            for number, _name, weight, *_counts in ASPECTS_17_2017
        )
    )


SCORES = {
    # aspect 1 (weights 17/14/7/14/10/17/7/7/7)
    "1.a.Ak": 5, "2.a.P": 4, "3.a.T": 3, "4.a.K": 4, "5.a.K": 5, "6.a.B": 4, "7.a.T": 2,
    "8.a.Ak": 3, "9.a.Ak": 3,
    # aspect 2 (10/20/20/20/30)
    "10.b.As": 4, "11.b.K": 3, "12.b.Ak": 5, "13.b.K": 2, "14.b.K": 4,
    # aspect 3 (15/23/20/14/14/14)
    "15.c.K": 3, "16.c.As": 4, "17.c.As": 5, "18.c.K": 1, "19.c.As": 2, "20.c.B": 3,
    # aspect 4 (25 each), 5 (25 each), 6 (50 each)
    "21.d.T": 5, "22.d.B": 3, "23.d.As": 4, "24.d.T": 2,
    "25.e.P": 4, "26.e.P": 5, "27.e.Ak": 3, "28.e.Ak": 4,
    "29.f.B": 2, "30.f.B": 3,
}  # fmt: skip


def test_shipped_weights_add_up():
    existing_model().check()
    regulation_17_model().check()
    assert sum(len(rows) for rows in INDICATORS.values()) == 30
    assert sum(len(items) for items in CITIZEN_ITEMS.values()) == 14


def test_worked_example_existing_weighted():
    result = compute_ipp(existing_model(), indicator_scores=SCORES)
    # A1 = (85+56+21+56+50+68+14+21+21)/100 = 3,92; A2 = 360/100 = 3,60; A3 = 321/100 = 3,21;
    # A4 = 14/4 = 3,5; A5 = 16/4 = 4; A6 = 5/2 = 2,5
    assert [a.evaluator for a in result.aspects] == [
        Fraction("3.92"),
        Fraction("3.6"),
        Fraction("3.21"),
        Fraction("3.5"),
        4,
        Fraction("2.5"),
    ]
    # 0,24·3,92 + 0,25·3,60 + 0,18·3,21 + 0,11·3,5 + 0,10·4 + 0,12·2,5 = 3,5036
    assert result.exact == Fraction("3.5036")
    assert result.ipp == Decimal("3.50")
    assert (result.grade, result.label) == ("B-", "Baik (dengan catatan)")
    assert result.method == "weighted" and not result.citizen_used


def test_worked_example_existing_mean_method_rounds_half_up():
    result = compute_ipp(existing_model(), indicator_scores=SCORES, method="mean")
    # A1 = 33/9; 0,24·33/9 = 0,88; + 0,90 + 0,54 + 0,385 + 0,40 + 0,30 = 3,405 exactly → 3,41
    assert result.exact == Fraction("3.405")
    assert result.ipp == Decimal("3.41")
    assert result.grade == "B-" and result.method == "mean"


def test_worked_example_existing_with_citizen_form_blended_75_25():
    citizen = [
        ItemTotal(f"a{number}-{key}", 10, 10 * mean)
        for number, mean in [(1, 4), (2, 3), (3, 5), (4, 2), (5, 4)]
        for key, *_ in CITIZEN_ITEMS[number]
    ]
    result = compute_ipp(existing_model(), indicator_scores=SCORES, citizen_items=citizen)
    # B1 = 0,75·3,92 + 0,25·4 = 3,94; B2 = 3,45; B3 = 0,75·3,21 + 0,25·5 = 3,6575;
    # B4 = 3,125; B5 = 4; B6 = 2,5 (no citizen item in Inovasi)
    assert [a.blended for a in result.aspects] == [
        Fraction("3.94"),
        Fraction("3.45"),
        Fraction("3.6575"),
        Fraction("3.125"),
        4,
        Fraction("2.5"),
    ]
    assert result.aspects[5].citizen is None
    # 0,9456 + 0,8625 + 0,65835 + 0,34375 + 0,4 + 0,3 = 3,5102 → 3,51 (B)
    assert result.exact == Fraction("3.5102")
    assert (result.ipp, result.grade, result.label) == (Decimal("3.51"), "B", "Baik")
    assert result.citizen_used


def test_citizen_items_without_answers_are_skipped():
    citizen = [ItemTotal("a1-persyaratan", 0, 0), ItemTotal("a1-prosedur", 4, 20)]
    result = compute_ipp(existing_model(), indicator_scores=SCORES, citizen_items=citizen)
    assert result.aspects[0].citizen == 5
    assert result.aspects[1].citizen is None


def test_worked_example_permenpanrb_17_2017_composite():
    scores = {"A1": 4, "A2": 3, "A3": 5, "A4": 2, "A5": 4, "A6": 1}
    result = compute_ipp(regulation_17_model(), indicator_scores={}, aspect_scores=scores)
    # 0,30·4 + 0,18·3 + 0,15·5 + 0,15·2 + 0,15·4 + 0,07·1 = 3,46
    assert result.ipp == Decimal("3.46") and result.grade == "B-"


def _one_aspect(grades=DEFAULT_GRADES) -> IppModel:
    return IppModel(aspects=(AspectSpec("A1", Fraction(1)),), grades=grades)


def _grade_of(value: str, grades=DEFAULT_GRADES) -> str:
    return compute_ipp(
        _one_aspect(grades), indicator_scores={}, aspect_scores={"A1": Fraction(value)}
    ).grade


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        ("0", "E"), ("1.50", "E"), ("1.504", "E"), ("1.505", "D"), ("1.51", "D"),
        ("2.00", "D"), ("2.004", "D"), ("2.005", "C-"), ("2.01", "C-"),
        ("2.50", "C-"), ("2.504", "C-"), ("2.505", "C"), ("2.51", "C"),
        ("3.00", "C"), ("3.004", "C"), ("3.005", "B-"), ("3.01", "B-"),
        ("3.50", "B-"), ("3.504", "B-"), ("3.505", "B"), ("3.51", "B"),
        ("4.00", "B"), ("4.004", "B"), ("4.005", "A-"), ("4.01", "A-"),
        ("4.50", "A-"), ("4.504", "A-"), ("4.505", "A"), ("4.51", "A"), ("5", "A"),
    ],
)  # fmt: skip
def test_every_boundary_of_the_default_grade_table_from_both_sides(value, grade):
    assert _grade_of(value) == grade


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        ("2.00", "E"), ("2.004", "E"), ("2.005", "D"), ("2.01", "D"),
        ("2.50", "D"), ("2.504", "D"), ("2.505", "C"), ("2.51", "C"),
        ("3.50", "B-"), ("3.51", "B"), ("4.50", "A-"), ("4.51", "A"),
    ],
)  # fmt: skip
def test_the_guide_variant_table_from_both_sides(value, grade):
    assert _grade_of(value, GUIDE_GRADES) == grade


def test_both_tables_cover_zero_to_five_without_gaps():
    check_grades(DEFAULT_GRADES)
    check_grades(GUIDE_GRADES)
    with pytest.raises(IppError):
        check_grades(DEFAULT_GRADES[1:])
    gap = (*DEFAULT_GRADES[:-1], GradeRow("A", "Pelayanan Prima", Decimal("4.52"), Decimal("5")))
    with pytest.raises(IppError):
        check_grades(gap)


def test_missing_or_impossible_scores_are_refused_with_a_sentence():
    partial = dict(SCORES)
    del partial["7.a.T"]
    with pytest.raises(IppError, match="No score for 7.a.T"):
        compute_ipp(existing_model(), indicator_scores=partial)
    with pytest.raises(IppError, match="not between 0 and 5"):
        compute_ipp(existing_model(), indicator_scores={**SCORES, "1.a.Ak": 6})
    with pytest.raises(IppError, match="Unknown method"):
        compute_ipp(existing_model(), indicator_scores=SCORES, method="median")
    with pytest.raises(IppError, match="impossible"):
        compute_ipp(existing_model(), indicator_scores=SCORES, citizen_items=[ItemTotal("x", 1, 6)])


def test_weights_that_do_not_add_up_are_refused():
    model = IppModel(aspects=(AspectSpec("A1", Fraction(9, 10)),))
    with pytest.raises(IppError, match="add up to 90 %"):
        compute_ipp(model, indicator_scores={}, aspect_scores={"A1": 3})


def test_rank_is_competition_ranking():
    values = {"a": Decimal("3.50"), "b": Decimal("4.10"), "c": Decimal("3.50"), "d": Decimal("1")}
    assert rank(values) == {"b": 1, "a": 2, "c": 2, "d": 4}


def _reference_ipp(model: IppModel, scores: dict, citizen_means: dict, method: str) -> float:
    """Independent float implementation with NumPy (weights as arrays, blend per aspect)."""
    total = 0.0
    for aspect in model.aspects:
        values = np.array([scores[i.code] for i in aspect.indicators], dtype=float)
        weights = np.array([float(i.weight) for i in aspect.indicators])
        evaluator = float(values @ weights) if method == "weighted" else float(values.mean())
        means = [citizen_means[c] for c in aspect.citizen_items if c in citizen_means]
        share = float(model.evaluator_share)
        blended = share * evaluator + (1 - share) * float(np.mean(means)) if means else evaluator
        total += float(aspect.weight) * blended
    return total


CODES = list(SCORES)
CITIZEN_CODES = [f"a{n}-{key}" for n, items in CITIZEN_ITEMS.items() for key, *_ in items]


@settings(max_examples=200, deadline=None)
@given(
    scores=st.lists(st.integers(0, 5), min_size=30, max_size=30),
    citizen=st.lists(st.tuples(st.integers(1, 50), st.integers(0, 250)), min_size=14, max_size=14),
    use_citizen=st.booleans(),
    method=st.sampled_from(["weighted", "mean"]),
)
def test_matches_the_numpy_reference(scores, citizen, use_citizen, method):
    model = existing_model()
    score_map = dict(zip(CODES, scores, strict=True))
    totals = [
        ItemTotal(code, n, min(total, 5 * n))
        for code, (n, total) in zip(CITIZEN_CODES, citizen, strict=True)
    ]
    result = compute_ipp(
        model,
        indicator_scores=score_map,
        citizen_items=totals if use_citizen else (),
        method=method,
    )
    means = {t.code: t.total / t.answered for t in totals} if use_citizen else {}
    expected = _reference_ipp(model, score_map, means, method)
    assert float(result.exact) == pytest.approx(expected, abs=1e-9)
    assert 0 <= result.ipp <= 5
    assert abs(float(result.ipp) - expected) <= 0.005 + 1e-9


@settings(max_examples=100, deadline=None)
@given(scores=st.lists(st.integers(0, 4), min_size=30, max_size=30), which=st.integers(0, 29))
def test_raising_one_score_never_lowers_the_ipp(scores, which):
    model = existing_model()
    before = compute_ipp(model, indicator_scores=dict(zip(CODES, scores, strict=True)))
    raised = list(scores)
    raised[which] += 1
    after = compute_ipp(model, indicator_scores=dict(zip(CODES, raised, strict=True)))
    assert after.exact > before.exact


def test_the_rounded_ipp_always_shows_two_decimals():
    result = compute_ipp(existing_model(), indicator_scores={code: 5 for code in SCORES})
    assert str(result.ipp) == "5.00" and result.exact == 5
    assert str(compute_ipp(existing_model(), indicator_scores=SCORES).ipp) == "3.50"
