from pantau.organisations.selectors import scope_for

from .models import Complaint, Queue


def can_handle(user, complaint: Complaint) -> bool:
    """Unit staff of the report's unit (never for an integrity report), whoever coordinates it."""
    if can_coordinate(user, complaint):
        return True
    return (
        not complaint.integrity
        and complaint.unit_id is not None
        and complaint.unit_id in scope_for(user).unit_roles
    )


def can_coordinate(user, complaint: Complaint) -> bool:
    """Assign and forward across units, and act on reports without a unit: coordinators and
    agency heads over the report's unit or region, whoever's queue the report is in (a
    coordinator's, an inspector's, the national desk's), administrators.

    An integrity report is handled only in the queue it was routed to (pantau.complaints.routing):
    the inspector's, or the coordinator's or national desk's when there is no inspector."""
    scope = scope_for(user)
    if scope.is_admin:
        return True
    queue, queue_agency = complaint.queue, complaint.queue_agency_id
    if scope.national_coordinator and (not complaint.integrity or queue == Queue.NATIONAL):
        return True
    in_queue = (queue == Queue.COORDINATOR and queue_agency in scope.coordinated_agencies) or (
        queue == Queue.INSPECTOR and queue_agency in scope.inspected_agencies
    )
    if complaint.integrity:
        return in_queue
    tree = scope.coordinated_agencies | scope.headed_agencies
    agency_id = complaint.unit.agency_id if complaint.unit is not None else complaint.agency_id
    return in_queue or agency_id in tree


def can_assign(user, complaint: Complaint, unit) -> bool:
    """Coordinators assign anywhere in their scope; a unit head assigns a report of the unit to it."""
    from pantau.accounts.models import Role

    if can_coordinate(user, complaint):
        return True
    if complaint.integrity:
        return False
    roles = scope_for(user).unit_roles.get(complaint.unit_id or 0, set())
    return unit is not None and unit.pk == complaint.unit_id and Role.UNIT_HEAD in roles
