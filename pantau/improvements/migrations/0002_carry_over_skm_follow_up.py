"""The SKM follow-up plans become the improvement register's actions (issue 21): every
``satisfaction.FollowUpAction`` is copied into ``improvements.Action`` under the same id (so that
the API's addresses stay valid), with its SKM period and element as the source, its responsible
as words, deadline as due date, status (cancelled becomes dropped), completion date, report as
the evidence note, who made it as the planner, and its dates; its history records are copied
into the action's history, so the unit's audit trail keeps every change. Nothing is left
behind: the next migration of ``satisfaction`` removes the old table."""

from django.db import migrations

STATUS = {"planned": "planned", "in_progress": "in_progress", "done": "done", "cancelled": "dropped"}
TITLE_LENGTH = 200


def split_text(text):
    """(title, details) as ``improvements.services.split_plan_text`` makes them (copied here:
    a migration must not change when the app's code does)."""
    text = (text or "").strip()
    if len(text) <= TITLE_LENGTH:
        return text, ""
    cut = text[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] or text[: TITLE_LENGTH - 1]
    return cut + "…", text


def _fields(row, unit_id):
    import re

    title, details = split_text(row.action)
    key = row.element_key or ""
    metric = f"skm.element:{key}" if re.fullmatch(r"[a-z0-9_-]{1,60}", key) else ""
    return {
        "unit_id": unit_id,
        "title": title or "—",
        "description": details,
        "source": "skm_element",
        "period_id": row.period_id,
        "element_key": key or "-",
        "responsible": (row.owner or "").strip() or "—",
        "due_on": row.deadline,
        "status": STATUS.get(row.status, "planned"),
        "completed_on": row.completed_on,
        "evidence_note": row.report or "",
        "metric_key": metric,
        "is_public": True,
    }


def _move_id_counter(schema_editor, table, at_least):
    """The next id of ``table`` comes after ``at_least``: rows were written with their old ids,
    and an id seen in the copied history is never given to a new action."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST(%s, "
                f"(SELECT COALESCE(MAX(id), 0) FROM {table})), true)",
                [table, at_least],
            )
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            found = cursor.fetchone()
            if found is None:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, at_least]
                )
            elif found[0] < at_least:
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [at_least, table]
                )


def carry_over(apps, schema_editor):
    """Every follow-up action, then every history record of one (also of actions deleted since,
    which stay in the audit trail)."""
    FollowUpAction = apps.get_model("satisfaction", "FollowUpAction")
    OldHistory = apps.get_model("satisfaction", "HistoricalFollowUpAction")
    SurveyPeriod = apps.get_model("satisfaction", "SurveyPeriod")
    Action = apps.get_model("improvements", "Action")
    NewHistory = apps.get_model("improvements", "HistoricalAction")
    units = dict(SurveyPeriod.objects.values_list("id", "unit_id"))
    creators = dict(
        OldHistory.objects.filter(history_type="+", history_user__isnull=False)
        .order_by("history_date")
        .values_list("id", "history_user_id")
    )
    taken = set(Action.objects.values_list("id", flat=True))
    old_ids = set(OldHistory.objects.values_list("id", flat=True)) | set(
        FollowUpAction.objects.values_list("id", flat=True)
    )
    highest = max(old_ids | taken | {0})
    new_ids = {}
    rows = list(FollowUpAction.objects.order_by("id"))

    def copy(row, keep_id):
        fields = _fields(row, units[row.period_id])
        extra = {"id": row.id} if keep_id else {}
        action = Action.objects.create(planned_by_id=creators.get(row.id), **extra, **fields)
        # auto_now_add and auto_now set the dates on create: put the old ones back.
        Action.objects.filter(id=action.id).update(
            created_at=row.created_at, updated_at=row.updated_at
        )
        new_ids[row.id] = action.id

    # Each keeps its id, unless an action planned in the register already has it: those come
    # after the id counter has passed every old id, so no new id meets an old one.
    for row in rows:
        if row.id not in taken:
            copy(row, keep_id=True)
    if highest:
        _move_id_counter(schema_editor, Action._meta.db_table, highest)
    for row in rows:
        if row.id in taken:
            copy(row, keep_id=False)
    history = []
    for record in OldHistory.objects.order_by("history_date", "history_id").iterator():
        unit_id = units.get(record.period_id)
        if unit_id is None:
            continue  # its period is gone, and with it the unit it belonged to
        action_id = new_ids.get(record.id, record.id if record.id not in taken else None)
        if action_id is None:
            continue  # a follow-up deleted before, whose id a register action already has
        history.append(
            NewHistory(
                id=action_id,
                created_at=record.created_at,
                updated_at=record.updated_at,
                planned_by_id=creators.get(record.id),
                history_date=record.history_date,
                history_change_reason=record.history_change_reason,
                history_type=record.history_type,
                history_user_id=record.history_user_id,
                **_fields(record, unit_id),
            )
        )
    NewHistory.objects.bulk_create(history, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("improvements", "0001_initial"),
        ("satisfaction", "0003_published_results_and_corrections"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop, elidable=False)]
