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


def answered_period(
    unit: Any,
    *,
    actor: Any,
    number: int,
    scores: dict[str, int] | None = None,
    respondents: int = 4,
    publish: bool = True,
) -> Any:
    """An SKM quarter of 2025 answered by ``respondents`` people giving every element 3, or the
    score in ``scores``, and published by ``actor`` (below the sample, with a reason)."""
    import uuid

    from pantau.organisations.tests.factories import ServiceFactory
    from pantau.satisfaction import services as skm_services
    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.satisfaction.tests.factories import SurveyPeriodFactory
    from pantau.surveys.models import Item, Response
    from pantau.surveys.services import ResponseRow, bulk_create_responses

    service = unit.services.first() or ServiceFactory(unit=unit)
    period = SurveyPeriodFactory(
        unit=unit, actor=actor, services=[service], number=number, opened=True
    )
    items = {i.key: i for i in Item.objects.filter(version=period.collection.version)}
    answers = [(items[key], (scores or {}).get(key, 3), "") for key in ELEMENT_KEYS]
    rows = [
        ResponseRow(answers=list(answers), service=service, submission_token=uuid.uuid4())
        for _n in range(respondents)
    ]
    bulk_create_responses(collection=period.collection, rows=rows, source=Response.Source.PAPER)
    if publish:
        period = skm_services.publish_period(
            actor=actor, period=period, media=["website"], reason="Uji coba."
        )
    return period
