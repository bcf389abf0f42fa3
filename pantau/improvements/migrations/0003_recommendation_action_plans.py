"""PEKPPP action plans already filed become register actions (issue 21): each recommendation with
an action plan and no linked action gets one, as ``improvements.recommendations.mirror`` makes
them from now on: the plan as the action, its planned completion (else the round's follow-up
deadline) as due date, its status (reported or accepted is done, returned is in progress), the
progress as the evidence note, the unit as responsible. The recommendation is not changed."""

from django.db import migrations

STATUS = {
    "open": "planned",
    "planned": "planned",
    "in_progress": "in_progress",
    "done": "done",
    "accepted": "done",
    "returned": "in_progress",
}
TITLE_LENGTH = 200


def split_text(text):
    text = (text or "").strip()
    if len(text) <= TITLE_LENGTH:
        return text, ""
    cut = text[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] or text[: TITLE_LENGTH - 1]
    return cut + "…", text


def link_action_plans(apps, schema_editor):
    from django.utils import timezone

    Recommendation = apps.get_model("evaluations", "Recommendation")
    Action = apps.get_model("improvements", "Action")
    linked = set(
        Action.objects.filter(source="recommendation").values_list("recommendation_id", flat=True)
    )
    for recommendation in (
        Recommendation.objects.exclude(action_plan="")
        .select_related("lokus__unit", "lokus__round")
        .order_by("id")
    ):
        if recommendation.pk in linked or not recommendation.action_plan.strip():
            continue
        status = STATUS.get(recommendation.status, "planned")
        done = recommendation.done_at or recommendation.updated_at
        title, details = split_text(recommendation.action_plan)
        action = Action.objects.create(
            unit_id=recommendation.lokus.unit_id,
            source="recommendation",
            recommendation_id=recommendation.pk,
            title=title,
            description=details,
            responsible=recommendation.lokus.unit.name[:120],
            due_on=recommendation.plan_due or recommendation.lokus.round.follow_up_due,
            status=status,
            completed_on=timezone.localdate(done) if status == "done" else None,
            evidence_note=recommendation.progress,
            is_public=True,
        )
        Action.objects.filter(pk=action.pk).update(created_at=recommendation.updated_at)


class Migration(migrations.Migration):
    dependencies = [
        ("improvements", "0002_carry_over_skm_follow_up"),
        ("evaluations", "0004_follow_up_review"),
    ]

    operations = [migrations.RunPython(link_action_plans, migrations.RunPython.noop)]
