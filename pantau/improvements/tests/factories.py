"""Register actions made as a unit head makes them: through ``services.plan_action``."""

from datetime import date
from typing import Any

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory
from pantau.improvements import services
from pantau.improvements.models import Action, Source


def head_of(unit: Any) -> Any:
    """A head of the unit (made when it has none)."""
    membership = unit.memberships.filter(role=Role.UNIT_HEAD).select_related("user").first()
    return membership.user if membership else MembershipFactory(unit=unit, role=Role.UNIT_HEAD).user


def make_action(
    unit: Any,
    *,
    actor: Any = None,
    source: services.SourceRef | None = None,
    title: str = "Menambah loket pada jam sibuk",
    due_on: date = date(2025, 6, 30),
    responsible: str = "Kepala unit",
    **fields: Any,
) -> Action:
    """``make_action(unit_a)``: an own-initiative action planned by the unit's head;
    ``source=SourceRef(Source.SKM_ELEMENT, period=p, element_key="waktu")`` for another source."""
    return services.plan_action(
        actor=actor or head_of(unit),
        unit=unit,
        source=source or services.SourceRef(Source.OWN),
        title=title,
        due_on=due_on,
        responsible=responsible,
        **fields,
    )


def skm_action(period: Any, element_key: str = "waktu", **fields: Any) -> Action:
    return make_action(
        period.unit,
        source=services.SourceRef(Source.SKM_ELEMENT, period=period, element_key=element_key),
        **fields,
    )
