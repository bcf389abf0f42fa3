"""The card compares the unit with the units of the same kind under the same parent agency,
figures computed in the database for all of them; mystery shopping appears when the
observations app answers."""

from datetime import date
from types import SimpleNamespace

import pytest

from pantau.improvements.tests.factories import answered_period, head_of
from pantau.organisations.tests.factories import ServiceUnitFactory
from pantau.reportcards import selectors

from .factories import prepared_card

pytestmark = pytest.mark.django_db


def test_peers_are_the_units_of_the_same_kind_under_the_same_parent(unit_a, unit_b, agency_a):
    same_agency = ServiceUnitFactory(agency=agency_a, name="Loket Dinsos A kedua")
    from pantau.organisations.tests.factories import AgencyFactory

    sibling = AgencyFactory(name="Dinas lain", slug="dinas-lain", parent=agency_a.parent)
    sibling_unit = ServiceUnitFactory(agency=sibling, name="Loket Dinas lain")
    other_kind = AgencyFactory(
        name="Kecamatan", slug="kec-x", parent=agency_a.parent, kind="sub_district"
    )
    ServiceUnitFactory(agency=other_kind, name="PTSP Kecamatan X")
    peers, group = selectors.peers_of(unit_a)
    assert {p.name for p in peers} == {same_agency.name, sibling_unit.name}
    assert "Pemerintah Kabupaten A" in group


def test_the_unit_is_ranked_among_its_peers(unit_a, unit_head_a, agency_a, next_year):
    peer = ServiceUnitFactory(agency=agency_a, name="Loket Dinsos A kedua", slug="unit-a2")
    third = ServiceUnitFactory(agency=agency_a, name="Loket Dinsos A ketiga", slug="unit-a3")
    answered_period(unit_a, actor=unit_head_a, number=1, scores={"waktu": 2})
    answered_period(peer, actor=head_of(peer), number=1, scores={"waktu": 4, "biaya": 4})
    answered_period(third, actor=head_of(third), number=1)
    next_year()
    card = prepared_card(unit_a, actor=unit_head_a)
    ikm = next(row for row in card.figures["peers"]["figures"] if row["key"] == "ikm")
    assert ikm["of"] == 3
    assert ikm["rank"] == 3  # the lowest IKM of the three
    assert ikm["better_than_median"] is False
    # The median is the third unit's (all threes): 75.00.
    assert ikm["median"] == "75.00"
    rows = selectors.comparison_rows(card)
    assert rows[0].label.startswith("IKM")


def test_the_mystery_shopping_summary_is_kept_without_observers():
    summary = SimpleNamespace(
        checklists=(
            SimpleNamespace(
                kind="standard",
                label="Standard displayed and applied",
                visits=2,
                latest_score=87.5,
                latest_on=date(2025, 11, 3),
                average_score=81.25,
                failed_items=(
                    SimpleNamespace(
                        key="terap-biaya",
                        code="P4",
                        text="Fee as published",
                        weight=2,
                        times_failed=2,
                    ),
                ),
            ),
        )
    )
    kept = selectors.observation_figures(summary)
    assert kept == {
        "visits": 2,
        "checklists": [
            {
                "kind": "standard",
                "label": "Standard displayed and applied",
                "visits": 2,
                "latest_score": "87.5",
                "latest_on": "2025-11-03",
                "average_score": "81.3",
                "failed": [{"code": "P4", "text": "Fee as published", "times_failed": 2}],
            }
        ],
    }
    assert selectors.observation_figures(SimpleNamespace(checklists=())) is None


def test_without_the_observations_app_the_card_says_so(unit_a, unit_head_a, next_year):
    from pantau.reportcards import document

    next_year()
    card = prepared_card(unit_a, actor=unit_head_a)
    assert card.figures["observations"] is None
    built = document.build(card, observations_available=False)
    found = next(s for s in built.sections if s.key == "found")
    assert "not recorded in this installation" in found.intro
    built = document.build(card, observations_available=True)
    found = next(s for s in built.sections if s.key == "found")
    assert "No mystery-shopping visit" in found.intro
