"""How a unit's innovations score in PEKPPP aspect 6, Inovasi (F-02 Kode A; domain spec 2.4, the
criteria loaded in ``pantau.evaluations.instruments``). Plain functions, no ORM; the facts come
from ``pantau.innovations.selectors.pekppp_evidence``. The scores are *suggestions* shown beside
the indicator: the evaluator sets the score.

Indicator 29 (29.f.B, Penciptaan inovasi pelayanan; PermenPANRB 91/2021), per innovation::

    0 no innovation registered
    1 learning stage (tahap pembelajaran): an idea, an action plan or a trial
    2 implemented, running for less than 1 year (from the implementation date to today)
    3 running for 1 year or more, not entered in a competition
    4 running for 1 year or more, entered in a competition (e.g. KIPP)
    5 won a competition at any level (an implemented innovation)

Indicator 30 (30.f.B, Keberlanjutan inovasi), per innovation::

    0 no legal basis, not even a draft
    1 a draft legal basis (rancangan dasar hukum: a title, no number or date yet)
    2 a legal basis (number and date: Perda, Perbup/Perwali, a decree)
    3..5 the legal basis + 1..3 of: a budget (more than Rp 0), facilities and infrastructure
         (sarana prasarana), people (SDM, the team or its decree)

A unit's suggestion is its best innovation's score on each indicator. An innovation copied from
another unit (ATM: amati, tiru, modifikasi) counts as the unit's own, as the PEKPPP deck counts
replication among the ways to innovate; how many other units copied an innovation is shown as
evidence but the criteria give it no score.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

RUNNING_STAGES = frozenset({"implemented", "institutionalised"})
NO_BASIS, DRAFT_BASIS, SET_BASIS = "none", "draft", "set"


@dataclass(frozen=True)
class InnovationFacts:
    stage: str  # idea, action_plan, trial, implemented, institutionalised
    implemented_on: date | None
    competition_result: str = ""  # "", "entered", "won"
    legal_basis: str = NO_BASIS  # none, draft, set
    budget: bool = False
    facilities: bool = False
    people: bool = False


def ran_a_year(implemented_on: date, today: date) -> bool:
    """Whether a year has passed from ``implemented_on`` to ``today`` (29 February counts to
    28 February of the next year)."""
    try:
        anniversary = implemented_on.replace(year=implemented_on.year + 1)
    except ValueError:  # 29 February
        anniversary = date(implemented_on.year + 1, 2, 28)
    return today >= anniversary


def creation_score(facts: InnovationFacts, *, today: date) -> int:
    if facts.stage not in RUNNING_STAGES or facts.implemented_on is None:
        return 1
    if facts.competition_result == "won":
        return 5
    if not ran_a_year(facts.implemented_on, today):
        return 2
    return 4 if facts.competition_result == "entered" else 3


def sustainability_score(facts: InnovationFacts) -> int:
    if facts.legal_basis == SET_BASIS:
        return 2 + sum((facts.budget, facts.facilities, facts.people))
    return 1 if facts.legal_basis == DRAFT_BASIS else 0


def unit_scores(innovations: Sequence[InnovationFacts], *, today: date) -> tuple[int, int]:
    """(indicator 29, indicator 30) for a unit: each its best innovation's score, 0 with none."""
    creation = max((creation_score(f, today=today) for f in innovations), default=0)
    sustainability = max((sustainability_score(f) for f in innovations), default=0)
    return creation, sustainability
