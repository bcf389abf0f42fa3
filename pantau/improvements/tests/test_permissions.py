"""Who may do what with a unit's register, predicate by predicate."""

import pytest

from pantau.improvements import permissions
from pantau.improvements.services import record_progress

from .factories import make_action

pytestmark = pytest.mark.django_db


def test_reading_a_register(officer_a, officer_b, evaluator_a, agency_head_a, unit_a):
    assert permissions.can_read_register(officer_a, unit_a)
    assert permissions.can_read_register(evaluator_a, unit_a)
    assert permissions.can_read_register(agency_head_a, unit_a)
    assert not permissions.can_read_register(officer_b, unit_a)


def test_planning_and_dropping_are_the_heads(
    unit_head_a, agency_head_a, officer_a, evaluator_a, unit_head_b, unit_a
):
    action = make_action(unit_a)
    for user in (unit_head_a, agency_head_a):
        assert permissions.can_plan(user, unit_a) and permissions.can_drop(user, action)
    for user in (officer_a, evaluator_a, unit_head_b):
        assert not permissions.can_plan(user, unit_a) and not permissions.can_drop(user, action)


def test_progress_is_the_units_own_people(officer_a, unit_head_a, evaluator_a, officer_b, unit_a):
    action = make_action(unit_a)
    assert permissions.can_update(officer_a, action) and permissions.can_update(unit_head_a, action)
    assert not permissions.can_update(evaluator_a, action)
    assert not permissions.can_update(officer_b, action)
    assert (
        record_progress(actor=officer_a, action=action, status="in_progress").status
        == "in_progress"
    )


def test_reading_across_units(
    evaluator_a, agency_head_a, national_evaluator, admin_user, officer_a, unit_head_a
):
    for user in (evaluator_a, agency_head_a, national_evaluator, admin_user):
        assert permissions.can_read_across_units(user)
    for user in (officer_a, unit_head_a):
        assert not permissions.can_read_across_units(user)
