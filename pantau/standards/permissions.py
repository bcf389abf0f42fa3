"""Who may do what with a unit's standards, pledge, forums and publication records."""

from pantau.accounts.models import Role
from pantau.organisations.permissions import can_manage_unit
from pantau.organisations.selectors import scope_for


def can_edit_standards(user, unit) -> bool:
    """Draft standards, run forums and record publications: the unit's officers and heads, the
    heads of the agencies above it, administrators."""
    scope = scope_for(user)
    roles = scope.unit_roles.get(unit.id, set())
    return (
        scope.is_admin
        or Role.UNIT_HEAD in roles
        or Role.UNIT_OFFICER in roles
        or unit.agency_id in scope.headed_agencies
    )


def can_set_standards(user, unit) -> bool:
    """Set (menetapkan) a standard or pledge: at least the head of the service unit (domain spec 4)."""
    return can_manage_unit(user, unit)
