"""Who may do what with observation visits (issue 21).

- Evaluators (of the unit's agency tree, or national) and agency heads above the unit schedule
  visits, assign observers, cancel, and read everything about the visits of their units,
  observers included: they run the programme.
- An observer sees and enters only the visits assigned to them.
- The unit head reads the *submitted* results of the unit, never a visit still to come (a
  mystery visit announced is no longer a mystery) and never who the observer was (the observer
  may be a colleague from another unit who will visit again; naming them invites pressure or a
  friendly welcome next time). Notes and photos are shown: they are the evidence.
- Nobody else: the unit's officers, other units, other agencies get a 404.
"""

from typing import Any

from pantau.accounts.models import Role
from pantau.organisations.selectors import scope_for

from .models import Visit


def can_schedule(user: Any, unit: Any) -> bool:
    scope = scope_for(user)
    return bool(
        scope.sees_everything
        or unit.agency_id in scope.evaluated_agencies
        or unit.agency_id in scope.headed_agencies
    )


def runs_programme(user: Any) -> bool:
    """Whether the user schedules visits for some units (the coordinator's pages)."""
    scope = scope_for(user)
    return bool(scope.sees_everything or scope.evaluated_agencies or scope.headed_agencies)


def heads_unit(user: Any, unit_id: int) -> bool:
    return Role.UNIT_HEAD in scope_for(user).unit_roles.get(unit_id, set())


def can_enter(user: Any, visit: Visit) -> bool:
    return visit.observer_id == user.pk and visit.status == Visit.Status.SCHEDULED


def sees_observer(user: Any, visit: Visit) -> bool:
    """The observer's name: the visit's own observer and those who run the programme."""
    return visit.observer_id == user.pk or can_schedule(user, visit.unit)


def can_read_results(user: Any, unit: Any) -> bool:
    """The unit's results over time: its head and those who run the programme."""
    return can_schedule(user, unit) or heads_unit(user, unit.pk)
