"""The complaint desk's workflow as data (pantau.common.workflow): who holds a report in each
status and who may move it on. ``services.transition`` checks every step against it, and a test
checks that no status held by someone leaves them without a way forward (issue 16).

Roles are those a person has *towards one report* (``roles_for``): an officer or head of the
report's unit, a coordinator over it (complaint coordinator, agency head, inspector for integrity
reports, national coordinator, administrator), or the reporter (through the access code).
"""

from pantau.common.workflow import Transition, Workflow

from .models import Status

OFFICER = "officer"
HEAD = "head"
COORDINATOR = "coordinator"
REPORTER = "reporter"

STAFF = (OFFICER, HEAD, COORDINATOR)
ACTIVE = (Status.RECEIVED, Status.VERIFIED, Status.ASSIGNED, Status.IN_PROGRESS)

COMPLAINT_WORKFLOW = Workflow(
    name="complaint",
    states=tuple(Status.values),
    initial=Status.RECEIVED,
    final=frozenset({Status.CLOSED, Status.ARCHIVED}),
    holders={
        Status.RECEIVED: frozenset(STAFF),
        Status.VERIFIED: frozenset(STAFF),
        Status.ASSIGNED: frozenset(STAFF),
        Status.IN_PROGRESS: frozenset(STAFF),
        Status.POSTPONED: frozenset({*STAFF, REPORTER}),
        Status.ANSWERED: frozenset({*STAFF, REPORTER}),
    },
    transitions=(
        Transition.of("verify", [Status.RECEIVED], Status.VERIFIED, STAFF),
        Transition.of(
            "assign", [Status.RECEIVED, Status.VERIFIED], Status.ASSIGNED, [HEAD, COORDINATOR]
        ),
        # Officers start follow-up on what reaches their unit; the head's disposal is not needed.
        Transition.of("start", [Status.VERIFIED, Status.ASSIGNED], Status.IN_PROGRESS, STAFF),
        Transition.of(
            "answer", [Status.VERIFIED, Status.ASSIGNED, Status.IN_PROGRESS], Status.ANSWERED, STAFF
        ),
        Transition.of("close", [Status.ANSWERED], Status.CLOSED, STAFF),
        Transition.of("postpone", ACTIVE, Status.POSTPONED, STAFF),
        # Back to the status the report was postponed from (RETURNS_TO_PREVIOUS; services read
        # ``postponed_from``). The target written here is the furthest such status, so that the
        # reachability check sees where a resumed report can go.
        Transition.of("resume", [Status.POSTPONED], Status.IN_PROGRESS, STAFF),
        Transition.of("reporter_reply", [Status.POSTPONED], Status.IN_PROGRESS, [REPORTER]),
        Transition.of("forward", ACTIVE, Status.ASSIGNED, STAFF),
        Transition.of(
            "archive", [Status.RECEIVED, Status.VERIFIED, Status.POSTPONED], Status.ARCHIVED, STAFF
        ),
        Transition.of("reopen", [Status.ANSWERED, Status.CLOSED], Status.IN_PROGRESS, [REPORTER]),
    ),
)

# Steps whose target is the status the report was postponed from.
RETURNS_TO_PREVIOUS = frozenset({"resume", "reporter_reply"})
REPORTER_ACTIONS = frozenset({"reporter_reply", "reopen"})
STAFF_ACTIONS = tuple(
    t.name for t in COMPLAINT_WORKFLOW.transitions if t.name not in REPORTER_ACTIONS
)


def roles_for(user, complaint) -> set[str]:
    """The roles ``user`` holds towards this report (empty when they may not handle it)."""
    from pantau.accounts.models import Role
    from pantau.organisations.selectors import scope_for

    from .permissions import can_coordinate, can_handle

    roles: set[str] = set()
    if can_coordinate(user, complaint):
        roles.add(COORDINATOR)
    if can_handle(user, complaint) and not complaint.integrity and complaint.unit_id is not None:
        unit_roles = scope_for(user).unit_roles.get(complaint.unit_id, set())
        if Role.UNIT_HEAD in unit_roles:
            roles.add(HEAD)
        if Role.UNIT_OFFICER in unit_roles:
            roles.add(OFFICER)
    return roles
