"""Small predicates: may this user do this to this unit?"""

from pantau.accounts.models import Role

from .models import ServiceUnit
from .selectors import scope_for


def can_view_unit(user, unit: ServiceUnit) -> bool:
    scope = scope_for(user)
    return (
        scope.sees_everything
        or scope.national_coordinator
        or unit.id in scope.unit_roles
        or unit.agency_id in scope.evaluated_agencies
        or unit.agency_id in scope.headed_agencies
        or unit.agency_id in scope.coordinated_agencies
    )


def can_manage_unit(user, unit: ServiceUnit) -> bool:
    """Edit the unit's profile, hours, channels and services; read its audit trail."""
    scope = scope_for(user)
    return (
        scope.is_admin
        or Role.UNIT_HEAD in scope.unit_roles.get(unit.id, set())
        or unit.agency_id in scope.headed_agencies
    )


def can_serve_unit(user, unit: ServiceUnit) -> bool:
    """The unit's own people (officers and head) and administrators: they handle its residents'
    requests, such as home visits."""
    scope = scope_for(user)
    return scope.is_admin or unit.id in scope.unit_roles or unit.agency_id in scope.headed_agencies
