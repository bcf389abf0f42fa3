"""No wrong door: every report lands in exactly one queue of a person who can act (issue 16).

- An integrity report (bribery, extortion, misconduct of staff: ticked by the reporter or implied
  by its category) goes to the nearest internal supervisor (APIP / Inspektorat) up the agency tree
  of the unit or government named, never to the unit itself; without one, to the nearest complaint
  coordinator; without one, to the national coordinator.
- Any other report goes to the unit named when it has active staff; else to the nearest complaint
  coordinator up the tree of the unit or government named; else to the national coordinator.

The queue is decided when the report arrives and again whenever it is assigned or forwarded, and
stored on the report (``queue``, ``queue_agency``), so a report never depends on who happens to be
looking. Staff who recorded a report keep seeing it (``entered_by``), whatever queue it is in.
"""

from pantau.accounts.models import Membership, Role
from pantau.common import memo

from .models import Queue
from .selectors import agency_chain


def _holder_agencies(role: str, chain: tuple[int, ...]) -> frozenset[int]:
    return memo.remembered(
        ("complaint-queue-holders", role, chain),
        lambda: frozenset(
            Membership.objects.filter(
                role=role, agency_id__in=chain, user__is_active=True
            ).values_list("agency_id", flat=True)
        ),
    )


def _nearest(role: str, chain: tuple[int, ...]) -> int | None:
    holders = _holder_agencies(role, chain)
    return next((agency_id for agency_id in chain if agency_id in holders), None)


def _unit_is_staffed(unit_id: int) -> bool:
    return memo.remembered(
        ("complaint-unit-staffed", unit_id),
        lambda: Membership.objects.filter(unit_id=unit_id, user__is_active=True).exists(),
    )


def route(*, unit=None, agency=None, integrity: bool = False) -> tuple[str, int | None]:
    """(queue, id of the agency whose coordinator or inspector holds it, or None)."""
    chain = tuple(agency_chain(unit, agency))
    if integrity:
        inspector = _nearest(Role.INSPECTOR, chain)
        if inspector is not None:
            return Queue.INSPECTOR, inspector
    elif unit is not None and _unit_is_staffed(unit.pk):
        return Queue.UNIT, None
    coordinator = _nearest(Role.COORDINATOR, chain)
    if coordinator is not None:
        return Queue.COORDINATOR, coordinator
    return Queue.NATIONAL, None
