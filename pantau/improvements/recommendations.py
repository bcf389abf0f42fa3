"""PEKPPP recommendations in the register (issue 21): the unit's action plan on a recommendation
is a register action linked to it. Whichever door the unit uses (the recommendation's follow-up
form, its API, or the register), the recommendation's follow-up and that action say the same;
the evaluator's review (accept, return) stays on the recommendation, and the action follows it.

``evaluations.services`` calls ``mirror`` after each follow-up or review it saves (having checked
the actor's right); the register sends its own writes on such an action through
``evaluations.services.update_follow_up`` (``file_progress``), which mirrors them back."""

from datetime import date
from typing import Any

from django.utils import timezone

from pantau.accounts.models import Membership
from pantau.common import audit

from .models import Action, Source, Status

# The recommendation's follow-up status → the action's status.
STATUS = {
    "open": Status.PLANNED,
    "planned": Status.PLANNED,
    "in_progress": Status.IN_PROGRESS,
    "done": Status.DONE,
    "accepted": Status.DONE,
    "returned": Status.IN_PROGRESS,
}


def linked_action(recommendation: Any) -> Action | None:
    """The register action that carries the recommendation's action plan (the first planned)."""
    return (
        Action.objects.filter(source=Source.RECOMMENDATION, recommendation=recommendation)
        .order_by("id")
        .first()
    )


def _completed(action: Action | None, recommendation: Any) -> date:
    if action is not None and action.completed_on is not None:
        return action.completed_on
    moment = recommendation.done_at or timezone.now()
    return timezone.localdate(moment)


def mirror(*, actor: Any, recommendation: Any) -> Action | None:
    """Create or bring up to date the action linked to the recommendation from its follow-up
    (nothing before the unit has written an action plan). The caller has checked the right."""
    from .services import split_plan_text

    action = linked_action(recommendation)
    if not recommendation.action_plan.strip():
        return action
    lokus = recommendation.lokus
    if action is None:
        member = Membership.objects.filter(user=actor, unit_id=lokus.unit_id).exists()
        action = Action(
            unit_id=lokus.unit_id,
            source=Source.RECOMMENDATION,
            recommendation=recommendation,
            owner=actor if member else None,
            responsible="" if member else lokus.unit.name[:120],
            planned_by=actor,
            is_public=True,
        )
    status = STATUS.get(recommendation.status, Status.PLANNED)
    action.title, action.description = split_plan_text(recommendation.action_plan)
    action.due_on = recommendation.plan_due or lokus.round.follow_up_due or timezone.localdate()
    action.completed_on = _completed(action, recommendation) if status == Status.DONE else None
    action.status = status
    action.evidence_note = recommendation.progress
    action.drop_reason = ""
    audit.attribute_to(action, actor)
    action.full_clean()
    action.save()
    return action


def file_plan(*, actor: Any, action: Action) -> None:
    """A register action planned on a recommendation that has no action plan yet becomes its
    action plan (the evaluator then sees it on the recommendation)."""
    from pantau.evaluations.services import update_follow_up

    recommendation = action.recommendation
    if recommendation is None or recommendation.action_plan.strip():
        return
    update_follow_up(
        actor=actor,
        recommendation=recommendation,
        action_plan=action.plan_text,
        plan_due=action.due_on,
        progress="",
        done=False,
    )


def file_progress(*, actor: Any, action: Action, done: bool) -> None:
    """Progress on the action that carries a recommendation's plan is the recommendation's
    follow-up: saved there (with its rules: until the round closes, not once accepted), and
    mirrored back."""
    from pantau.evaluations.services import update_follow_up

    recommendation = action.recommendation
    if recommendation is None:
        return
    linked = linked_action(recommendation)
    if linked is None or linked.pk != action.pk:
        return
    update_follow_up(
        actor=actor,
        recommendation=recommendation,
        action_plan=recommendation.action_plan or action.plan_text,
        plan_due=action.due_on,
        progress=action.evidence_note,
        done=done,
    )
