"""The checklist score: hand-worked cases and properties (analytics.checklist)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pantau.analytics.checklist import NO, NOT_APPLICABLE, YES, checklist_score, mean_score


def test_the_worked_example_of_the_docstring():
    result = checklist_score([(3, YES), (2, NO), (1, YES), (2, NOT_APPLICABLE)])
    assert result.score == 66.67
    assert (result.yes_weight, result.applicable_weight) == (4, 6)
    assert (result.items, result.applicable, result.failed) == (4, 3, 1)


def test_a_heavy_failed_item_costs_more_than_a_light_one():
    heavy_failed = checklist_score([(3, NO), (1, YES)])
    light_failed = checklist_score([(3, YES), (1, NO)])
    assert heavy_failed.score == 25.0
    assert light_failed.score == 75.0


def test_all_not_applicable_has_no_score_rather_than_zero():
    assert checklist_score([(2, NOT_APPLICABLE), (1, NOT_APPLICABLE)]).score is None
    assert checklist_score([]).score is None


@pytest.mark.parametrize("weight", [0, -1, 1.5, True])
def test_a_weight_that_is_not_a_whole_number_from_one_is_refused(weight):
    with pytest.raises(ValueError):
        checklist_score([(weight, YES)])


@pytest.mark.parametrize("answer", [2, -2, None])
def test_an_answer_the_checklist_cannot_hold_is_refused(answer):
    with pytest.raises(ValueError):
        checklist_score([(1, answer)])


def test_mean_score_skips_visits_without_a_score():
    assert mean_score([80.0, None, 60.0]) == 70.0
    assert mean_score([None]) is None


answers = st.lists(
    st.tuples(st.integers(1, 100), st.sampled_from([YES, NO, NOT_APPLICABLE])), max_size=25
)
# The machine running the suite may be busy: slow generation is not a failure of the formula.
patient = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@patient
@given(answers)
def test_score_is_between_0_and_100_and_matches_the_formula(pairs):
    result = checklist_score(pairs)
    applicable = [(w, a) for w, a in pairs if a != NOT_APPLICABLE]
    if not applicable:
        assert result.score is None
        return
    expected = 100 * sum(w for w, a in applicable if a == YES) / sum(w for w, _ in applicable)
    assert result.score == pytest.approx(expected, abs=0.005)
    assert 0 <= result.score <= 100
    assert result.failed == sum(1 for _, a in pairs if a == NO)


@patient
@given(answers, st.integers(1, 100))
def test_adding_a_not_applicable_item_changes_nothing(pairs, weight):
    assert checklist_score([*pairs, (weight, NOT_APPLICABLE)]).score == checklist_score(pairs).score


@patient
@given(answers, st.integers(2, 5))
def test_multiplying_every_weight_leaves_the_score(pairs, factor):
    scaled = [(w * factor, a) for w, a in pairs]
    assert checklist_score(scaled).score == checklist_score(pairs).score
