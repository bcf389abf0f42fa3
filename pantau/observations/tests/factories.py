"""Visits made as a coordinator makes them, through ``observations.services``."""

from datetime import date

from pantau.observations import services
from pantau.surveys.models import CheckAnswer, Item
from pantau.surveys.selectors import version_items


def schedule(*, actor, unit, observer, kind="behaviour", service=None, planned_on=None):
    day = planned_on or date(2026, 3, 10)
    return services.schedule_visit(
        actor=actor,
        unit=unit,
        kind=kind,
        service=service,
        planned_on=day,
        observer=observer,
        today=day,
    )


def answers_for(visit, *, no=(), not_applicable=()):
    """Every item of the visit's checklist answered yes, except the keys in ``no`` and
    ``not_applicable``."""
    rows = []
    for item in version_items(visit.collection.version):
        if item.kind != Item.Kind.YES_NO_NA:
            continue
        value = CheckAnswer.YES
        if item.key in no:
            value = CheckAnswer.NO
        elif item.key in not_applicable:
            value = CheckAnswer.NOT_APPLICABLE
        rows.append((item, int(value), ""))
    return rows


def submit(visit, *, no=(), not_applicable=(), evidence=None):
    return services.submit_visit(
        actor=visit.observer,
        visit=visit,
        answers=answers_for(visit, no=no, not_applicable=not_applicable),
        evidence=evidence,
        today=visit.planned_on,
    )
