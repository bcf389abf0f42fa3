"""A service standard version's workflow as data (pantau.common.workflow).

``editor``: the unit's officers and head, who draft and record the forum; ``setter``: the unit
head or agency head, who sets the version by decree and puts it in force. A published version
stays in force until a later one supersedes it (both final for this version: changes need a new
version). A test checks that no state held by someone is a dead end (issue 16)."""

from pantau.common.workflow import Transition, Workflow

from .models import StandardVersion

EDITOR = "editor"
SETTER = "setter"

S = StandardVersion.Status
VERSION_WORKFLOW = Workflow(
    name="standard-version",
    states=tuple(S.values),
    initial=S.DRAFT,
    final=frozenset({S.PUBLISHED, S.SUPERSEDED}),
    holders={
        S.DRAFT: frozenset({EDITOR}),
        S.DISCUSSED: frozenset({EDITOR, SETTER}),
        S.SET: frozenset({SETTER}),
    },
    transitions=(
        Transition.of("discuss", [S.DRAFT], S.DISCUSSED, [EDITOR]),
        Transition.of("reopen", [S.DISCUSSED], S.DRAFT, [EDITOR]),
        Transition.of("set", [S.DISCUSSED], S.SET, [SETTER]),
        Transition.of("publish", [S.SET], S.PUBLISHED, [SETTER]),
        # Publishing a later version of the same service supersedes this one.
        Transition.of("supersede", [S.PUBLISHED], S.SUPERSEDED, [SETTER]),
    ),
)
