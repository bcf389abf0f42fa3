"""Workflows written as data: states, who holds a record in each state, and the transitions.

Each domain (complaints, studies, standards, PEKPPP rounds) declares one ``Workflow``. Its service
functions ask it whether a transition is allowed (``workflow.check(...)``) so the table is the rule,
not a comment beside it; and a test asks it for dead ends: a state that is not final but in which
some role that holds the record has no transition at all. That is the "no dead ends" promise: for
every state and every role that can hold it there is a way forward, or the state is final.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]

    @classmethod
    def of(
        cls, name: str, sources: Iterable[str], target: str, roles: Iterable[str]
    ) -> "Transition":
        return cls(name=name, sources=frozenset(sources), target=target, roles=frozenset(roles))


@dataclass(frozen=True)
class Workflow:
    """``holders`` maps each state to the roles in whose queue or page a record in it sits."""

    name: str
    states: tuple[str, ...]
    initial: str
    final: frozenset[str]
    holders: dict[str, frozenset[str]]
    transitions: tuple[Transition, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        known = set(self.states)
        for transition in self.transitions:
            unknown = (transition.sources | {transition.target}) - known
            if unknown:
                raise ValueError(f"{self.name}.{transition.name}: unknown states {sorted(unknown)}")
        if self.initial not in known or not self.final <= known or not set(self.holders) <= known:
            raise ValueError(f"{self.name}: initial, final or holders name an unknown state")

    def transition(self, name: str) -> Transition:
        for transition in self.transitions:
            if transition.name == name:
                return transition
        raise KeyError(name)

    def available(self, state: str, roles: Iterable[str]) -> list[Transition]:
        """Transitions out of ``state`` that a person holding any of ``roles`` may take."""
        held = set(roles)
        return [t for t in self.transitions if state in t.sources and t.roles & held]

    def allows(self, name: str, state: str, roles: Iterable[str]) -> bool:
        transition = self.transition(name)
        return state in transition.sources and bool(transition.roles & set(roles))

    def check(self, name: str, state: str, roles: Iterable[str], *, message: str) -> Transition:
        """The transition, or a ValidationError with ``message`` when it is not allowed here."""
        if not self.allows(name, state, roles):
            raise ValidationError(message)
        return self.transition(name)

    def dead_ends(self) -> list[tuple[str, str]]:
        """(state, role) pairs where a non-final state is held by a role with no way forward."""
        return [
            (state, role)
            for state in self.states
            if state not in self.final
            for role in sorted(self.holders.get(state, frozenset()))
            if not self.available(state, [role])
        ]

    def unheld(self) -> list[str]:
        """Non-final states nobody holds: a record there would sit in no one's queue."""
        return [s for s in self.states if s not in self.final and not self.holders.get(s)]

    def unreachable(self) -> list[str]:
        seen = {self.initial}
        frontier = [self.initial]
        while frontier:
            state = frontier.pop()
            for transition in self.transitions:
                if state in transition.sources and transition.target not in seen:
                    seen.add(transition.target)
                    frontier.append(transition.target)
        return [s for s in self.states if s not in seen]
