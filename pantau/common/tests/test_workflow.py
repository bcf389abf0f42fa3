import pytest
from django.core.exceptions import ValidationError

from pantau.common.workflow import Transition, Workflow


def _flow(**overrides):
    values = {
        "name": "toy",
        "states": ("new", "open", "done"),
        "initial": "new",
        "final": frozenset({"done"}),
        "holders": {"new": frozenset({"clerk"}), "open": frozenset({"clerk", "head"})},
        "transitions": (
            Transition.of("start", ["new"], "open", ["clerk"]),
            Transition.of("finish", ["open"], "done", ["clerk", "head"]),
        ),
    }
    values.update(overrides)
    return Workflow(**values)


def test_a_complete_flow_has_no_dead_ends_or_unreachable_states():
    flow = _flow()
    assert flow.dead_ends() == []
    assert flow.unreachable() == []
    assert flow.unheld() == []


def test_a_role_holding_a_state_without_a_transition_is_a_dead_end():
    flow = _flow(
        transitions=(
            Transition.of("start", ["new"], "open", ["clerk"]),
            Transition.of("finish", ["open"], "done", ["clerk"]),
        )
    )
    assert flow.dead_ends() == [("open", "head")]


def test_unknown_states_are_refused_when_declared():
    with pytest.raises(ValueError):
        _flow(transitions=(Transition.of("jump", ["new"], "nowhere", ["clerk"]),))


def test_check_refuses_a_transition_from_the_wrong_state_or_role():
    flow = _flow()
    assert flow.check("start", "new", ["clerk"], message="no").target == "open"
    with pytest.raises(ValidationError):
        flow.check("start", "open", ["clerk"], message="no")
    with pytest.raises(ValidationError):
        flow.check("start", "new", ["head"], message="no")


def test_unreachable_and_unheld_states_are_reported():
    flow = _flow(states=("new", "open", "done", "limbo"), holders={"new": frozenset({"clerk"})})
    assert flow.unreachable() == ["limbo"]
    assert flow.unheld() == ["open", "limbo"]
