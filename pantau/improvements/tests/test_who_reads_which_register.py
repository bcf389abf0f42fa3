"""Unit staff read their unit's register; evaluators and agency heads read across the units of
their tree; a user of another unit reads none of it. The lists filter and count in the database."""

from datetime import date

import pytest
from django.http import Http404

from pantau.improvements import selectors, services
from pantau.improvements.models import Source
from pantau.improvements.services import SourceRef

from .factories import make_action

pytestmark = pytest.mark.django_db

TODAY = date(2025, 5, 14)


def test_each_reader_sees_the_units_they_reach(
    unit_a, unit_b, officer_a, officer_b, evaluator_a, agency_head_a, national_evaluator
):
    a = make_action(unit_a)
    b = make_action(unit_b)
    assert set(selectors.visible_actions(officer_a)) == {a}
    assert set(selectors.visible_actions(officer_b)) == {b}
    assert set(selectors.visible_actions(evaluator_a)) == {a}
    assert set(selectors.visible_actions(agency_head_a)) == {a}
    assert set(selectors.visible_actions(national_evaluator)) == {a, b}
    assert selectors.get_visible_action(officer_a, a.pk) == a
    with pytest.raises(Http404):
        selectors.get_visible_action(officer_b, a.pk)


def test_the_register_filters_by_status_and_source(unit_a, unit_head_a):
    late = make_action(unit_a, due_on=date(2025, 4, 1))
    later = make_action(
        unit_a, due_on=date(2025, 8, 1), source=SourceRef(Source.MYSTERY_SHOPPING, note="x")
    )
    done = make_action(unit_a, due_on=date(2025, 3, 1))
    services.record_progress(
        actor=unit_head_a, action=done, status="done", completed_on=date(2025, 3, 1)
    )
    dropped = make_action(unit_a)
    services.drop_action(actor=unit_head_a, action=dropped, reason="Tidak perlu lagi.")

    def listed(**filters):
        return list(selectors.unit_register(unit_a, today=TODAY, **filters))

    assert listed() == [late, dropped, later, done]  # open (and dropped) first, then done
    assert listed(status="overdue") == [late]
    assert listed(status="open") == [late, later]
    assert listed(status="dropped") == [dropped]
    assert listed(source="mystery_shopping") == [later]
    assert len(listed(status="nonsense", source="nonsense")) == 4
    counts = selectors.unit_counts(unit_a, today=TODAY)
    assert (counts.planned, counts.done, counts.dropped, counts.overdue, counts.total) == (
        2,
        1,
        1,
        1,
        3,
    )
    assert counts.done_percent == 33


def test_the_overview_counts_each_unit_in_one_query(
    unit_a, unit_b, national_evaluator, django_assert_max_num_queries
):
    make_action(unit_a, due_on=date(2025, 4, 1))
    make_action(unit_b)
    make_action(unit_b)
    with django_assert_max_num_queries(4):
        rows = selectors.overview(national_evaluator, today=TODAY)
    by_unit = {unit.slug: counts for unit, counts in rows}
    assert (by_unit["unit-a"].overdue, by_unit["unit-b"].planned) == (1, 2)
    assert rows[0][0] == unit_a  # the unit with overdue actions first


def test_the_public_sees_public_actions_not_dropped(unit_a, unit_head_a):
    shown = make_action(unit_a, is_public=True)
    hidden = make_action(unit_a)  # an own initiative is not shown unless staff say so
    dropped = make_action(unit_a, is_public=True)
    services.drop_action(actor=unit_head_a, action=dropped, reason="Diganti rencana lain.")
    assert list(selectors.public_actions(unit_a)) == [shown]
    assert hidden not in selectors.public_actions(unit_a)
