"""Who may do what with the innovation register (issue 21): the unit's own people (officers and
head) register innovations, describe them, record evidence and effects and move them on; the
unit head institutionalises one (its legal basis) and decides what the public catalogue shows;
evaluators and agency heads read the registers of the units they reach."""

from typing import Any

from pantau.organisations.permissions import can_manage_unit, can_serve_unit, can_view_unit
from pantau.organisations.selectors import scope_for

from .models import Innovation


def can_read(user: Any, unit: Any) -> bool:
    return can_view_unit(user, unit)


def can_register(user: Any, unit: Any) -> bool:
    """The unit's officers and head, the head of an agency above it, an administrator."""
    return can_serve_unit(user, unit)


def can_edit(user: Any, innovation: Innovation) -> bool:
    return can_serve_unit(user, innovation.unit)


def can_govern(user: Any, unit: Any) -> bool:
    """The unit head (or the agency head above, or an administrator): sets the legal basis,
    institutionalises, publishes in the catalogue."""
    return can_manage_unit(user, unit)


def can_read_across_units(user: Any) -> bool:
    """Evaluators, agency heads and administrators compare the registers of the units they reach."""
    scope = scope_for(user)
    return bool(scope.sees_everything or scope.evaluated_agencies or scope.headed_agencies)
