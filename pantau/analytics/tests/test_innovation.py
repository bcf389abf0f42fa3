"""PEKPPP aspect 6 (29.f.B, 30.f.B) as the criteria in evaluations.instruments read, case by
case; a unit's suggestion is its best innovation's."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from pantau.analytics.innovation import (
    DRAFT_BASIS,
    NO_BASIS,
    SET_BASIS,
    InnovationFacts,
    creation_score,
    ran_a_year,
    sustainability_score,
    unit_scores,
)

TODAY = date(2025, 5, 14)


def _running(since: date, result: str = "") -> InnovationFacts:
    return InnovationFacts(stage="implemented", implemented_on=since, competition_result=result)


def test_creation_follows_the_criteria():
    for stage in ("idea", "action_plan", "trial"):
        assert creation_score(InnovationFacts(stage, None), today=TODAY) == 1  # learning
    assert creation_score(_running(date(2024, 9, 1)), today=TODAY) == 2  # under a year
    assert creation_score(_running(date(2024, 5, 14)), today=TODAY) == 3  # a year today
    assert creation_score(_running(date(2024, 5, 15)), today=TODAY) == 2
    assert creation_score(_running(date(2023, 1, 1), "entered"), today=TODAY) == 4
    assert creation_score(_running(date(2025, 1, 1), "entered"), today=TODAY) == 2
    assert creation_score(_running(date(2025, 1, 1), "won"), today=TODAY) == 5
    institutionalised = InnovationFacts("institutionalised", date(2022, 1, 1))
    assert creation_score(institutionalised, today=TODAY) == 3
    # A trial that entered and won a competition is still learning by the criteria.
    assert creation_score(InnovationFacts("trial", None, "won"), today=TODAY) == 1


def test_sustainability_follows_the_criteria():
    def facts(basis: str, **resources: bool) -> InnovationFacts:
        return InnovationFacts("institutionalised", date(2022, 1, 1), "", basis, **resources)

    assert sustainability_score(facts(NO_BASIS, budget=True, facilities=True, people=True)) == 0
    assert sustainability_score(facts(DRAFT_BASIS, budget=True)) == 1
    assert sustainability_score(facts(SET_BASIS)) == 2
    assert sustainability_score(facts(SET_BASIS, budget=True)) == 3
    assert sustainability_score(facts(SET_BASIS, budget=True, people=True)) == 4
    assert sustainability_score(facts(SET_BASIS, budget=True, facilities=True, people=True)) == 5


def test_a_unit_scores_its_best_innovation_on_each_indicator():
    assert unit_scores([], today=TODAY) == (0, 0)
    old = _running(date(2020, 1, 1))
    newer_with_basis = InnovationFacts(
        "implemented", date(2025, 1, 1), legal_basis=SET_BASIS, budget=True
    )
    assert unit_scores([old, newer_with_basis], today=TODAY) == (3, 3)


def test_a_year_from_29_february():
    assert not ran_a_year(date(2024, 2, 29), date(2025, 2, 27))
    assert ran_a_year(date(2024, 2, 29), date(2025, 2, 28))


@given(
    stage=st.sampled_from(["idea", "action_plan", "trial", "implemented", "institutionalised"]),
    since=st.dates(date(2000, 1, 1), TODAY),
    result=st.sampled_from(["", "entered", "won"]),
    basis=st.sampled_from([NO_BASIS, DRAFT_BASIS, SET_BASIS]),
    resources=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_scores_stay_between_0_and_5(stage, since, result, basis, resources):
    facts = InnovationFacts(stage, since, result, basis, *resources)
    assert 1 <= creation_score(facts, today=TODAY) <= 5
    assert 0 <= sustainability_score(facts) <= 5
