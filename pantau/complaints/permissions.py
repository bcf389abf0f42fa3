from pantau.organisations.selectors import scope_for

from .models import Complaint


def can_handle(user, complaint: Complaint) -> bool:
    """Unit staff of the report's unit, its coordinators and agency heads, administrators."""
    return can_coordinate(user, complaint) or (
        complaint.unit_id is not None and complaint.unit_id in scope_for(user).unit_roles
    )


def can_coordinate(user, complaint: Complaint) -> bool:
    """Assign and forward across units: coordinators and agency heads over the report's unit or region."""
    scope = scope_for(user)
    if scope.is_admin:
        return True
    tree = scope.coordinated_agencies | scope.headed_agencies
    agency_id = complaint.unit.agency_id if complaint.unit_id else complaint.agency_id
    return agency_id in tree


def can_assign(user, complaint: Complaint, unit) -> bool:
    """Coordinators assign anywhere in their scope; a unit head assigns a report of the unit to it."""
    from pantau.accounts.models import Role

    if can_coordinate(user, complaint):
        return True
    roles = scope_for(user).unit_roles.get(complaint.unit_id, set())
    return unit is not None and unit.pk == complaint.unit_id and Role.UNIT_HEAD in roles
