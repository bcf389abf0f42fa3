"""PEKPPP workflows as data (pantau.common.workflow): the round and a recommendation's follow-up.

Roles: ``manager`` (whoever manages the round: the evaluating body's evaluators, national
evaluators, administrators; the agency head for a self-evaluation), ``evaluator`` (assigned to
a lokus) and ``unit`` (the evaluated unit's head and officers). A test checks that every state
held by someone has a way forward for them, or is final (issue 16)."""

from pantau.common.workflow import Transition, Workflow

from .models import Recommendation, Round

MANAGER = "manager"
EVALUATOR = "evaluator"
UNIT = "unit"

S = Round.Status
ROUND_WORKFLOW = Workflow(
    name="pekppp-round",
    states=tuple(S.values),
    initial=S.DRAFT,
    final=frozenset({S.CLOSED}),
    holders={
        S.DRAFT: frozenset({MANAGER}),
        S.SELF_ASSESSMENT: frozenset({MANAGER, UNIT}),
        S.SCORING: frozenset({MANAGER, EVALUATOR}),
        S.VERIFICATION: frozenset({MANAGER, EVALUATOR, UNIT}),
        S.RESULTS: frozenset({MANAGER}),
        S.FOLLOW_UP: frozenset({MANAGER}),
    },
    transitions=(
        Transition.of("open_self_assessment", [S.DRAFT], S.SELF_ASSESSMENT, [MANAGER]),
        Transition.of("start_scoring", [S.SELF_ASSESSMENT], S.SCORING, [MANAGER]),
        Transition.of("start_verification", [S.SCORING], S.VERIFICATION, [MANAGER]),
        Transition.of("publish_results", [S.VERIFICATION], S.RESULTS, [MANAGER]),
        Transition.of("start_follow_up", [S.RESULTS], S.FOLLOW_UP, [MANAGER]),
        Transition.of("close", [S.FOLLOW_UP], S.CLOSED, [MANAGER]),
        # Units and evaluators work inside a step (F-01, F-02, responses); the manager moves the
        # round on. These in-step actions are their way forward in the states they hold.
        Transition.of("submit_self_assessment", [S.SELF_ASSESSMENT], S.SELF_ASSESSMENT, [UNIT]),
        Transition.of("score", [S.SCORING, S.VERIFICATION], S.SCORING, [EVALUATOR]),
        Transition.of("respond", [S.VERIFICATION], S.VERIFICATION, [UNIT]),
    ),
)

# Steps that move the round on (the others happen inside a step).
ROUND_STEPS = tuple(
    t.name
    for t in ROUND_WORKFLOW.transitions
    if t.name not in ("submit_self_assessment", "score", "respond")
)

R = Recommendation.Status
WORKING = (R.OPEN, R.PLANNED, R.IN_PROGRESS, R.RETURNED)
FOLLOW_UP_WORKFLOW = Workflow(
    name="pekppp-follow-up",
    states=tuple(R.values),
    initial=R.OPEN,
    final=frozenset({R.ACCEPTED}),
    holders={
        R.OPEN: frozenset({UNIT}),
        R.PLANNED: frozenset({UNIT}),
        R.IN_PROGRESS: frozenset({UNIT}),
        R.RETURNED: frozenset({UNIT}),
        R.DONE: frozenset({EVALUATOR}),
    },
    transitions=(
        Transition.of("plan", WORKING, R.PLANNED, [UNIT]),
        Transition.of("progress", WORKING, R.IN_PROGRESS, [UNIT]),
        Transition.of("report_done", WORKING, R.DONE, [UNIT]),
        Transition.of("accept", [R.DONE], R.ACCEPTED, [EVALUATOR]),
        Transition.of("return", [R.DONE], R.RETURNED, [EVALUATOR]),
    ),
)
