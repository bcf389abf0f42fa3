"""A perception study's answering workflow as data (pantau.common.workflow): the study's
manager opens and closes answering for every group at once; a closed study can be opened again
(a second wave), so no state is final and none is a dead end (issue 16)."""

from pantau.common.workflow import Transition, Workflow
from pantau.surveys.models import Collection

MANAGER = "manager"
C = Collection.Status

STUDY_WORKFLOW = Workflow(
    name="perception-study",
    states=tuple(C.values),
    initial=C.DRAFT,
    final=frozenset(),
    holders={
        C.DRAFT: frozenset({MANAGER}),
        C.OPEN: frozenset({MANAGER}),
        C.CLOSED: frozenset({MANAGER}),
    },
    transitions=(
        Transition.of("open", [C.DRAFT, C.CLOSED], C.OPEN, [MANAGER]),
        Transition.of("close", [C.OPEN], C.CLOSED, [MANAGER]),
    ),
)
