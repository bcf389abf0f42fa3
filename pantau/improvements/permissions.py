"""Who may do what with the improvement register (issue 21): the unit head plans and drops, the
unit's officers update what was done, evaluators and agency heads read across their units."""

from typing import Any

from pantau.organisations.permissions import can_manage_unit, can_serve_unit, can_view_unit
from pantau.organisations.selectors import scope_for

from .models import Action


def can_read_register(user: Any, unit: Any) -> bool:
    return can_view_unit(user, unit)


def can_plan(user: Any, unit: Any) -> bool:
    """The unit head (or the agency head above, or an administrator) plans and revises actions."""
    return can_manage_unit(user, unit)


def can_update(user: Any, action: Action) -> bool:
    """The unit's own people (officers and head) record progress and evidence."""
    return can_serve_unit(user, action.unit)


def can_drop(user: Any, action: Action) -> bool:
    return can_manage_unit(user, action.unit)


def can_read_across_units(user: Any) -> bool:
    """Evaluators, agency heads and administrators compare the registers of the units they reach."""
    scope = scope_for(user)
    return bool(scope.sees_everything or scope.evaluated_agencies or scope.headed_agencies)
