"""Every SKM follow-up action written before the register existed is in the register after the
migration, under the same id, with nothing lost: source period and element, text, responsible,
deadline, status (cancelled is dropped), completion date, report, who made it, its dates and its
history. The database is taken back to before the move, filled, and migrated forward."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pantau.improvements.models import Action
from pantau.satisfaction.tests.factories import SurveyPeriodFactory

BEFORE = [
    ("improvements", "0001_initial"),
    ("satisfaction", "0003_published_results_and_corrections"),
]
LONG = "Menyusun ulang alur layanan " + "dengan papan informasi bergambar di setiap loket " * 6


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# Not serialized_rollback: restoring the serialized database clashes with the content types an
# earlier transactional test's flush re-created (a full serial run failed on it). The flush after
# this test empties the tables, as after any other transactional test.
def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_every_follow_up_action_is_carried_over_with_its_history(unit_a, unit_head_a):
    period = SurveyPeriodFactory(unit=unit_a, actor=unit_head_a)
    old = _migrate(BEFORE)
    try:
        FollowUpAction = old.get_model("satisfaction", "FollowUpAction")
        History = old.get_model("satisfaction", "HistoricalFollowUpAction")
        made = datetime(2025, 4, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
        rows = [
            FollowUpAction.objects.create(
                id=41,
                period_id=period.pk,
                element_key="waktu",
                action="Menambah loket pada jam sibuk.",
                owner="Kepala unit",
                deadline=date(2025, 5, 1),
                status="done",
                completed_on=date(2025, 4, 28),
                report="Dua loket dibuka 08.00–10.00.",
            ),
            FollowUpAction.objects.create(
                id=42,
                period_id=period.pk,
                element_key="prosedur",
                action=LONG,
                owner="Petugas loket",
                deadline=date(2025, 6, 1),
                status="cancelled",
                report="Anggaran dialihkan.",
            ),
            FollowUpAction.objects.create(
                id=43,
                period_id=period.pk,
                element_key="pengaduan",
                action="Petugas pengaduan tetap.",
                owner="Koordinator",
                deadline=date(2025, 7, 1),
                status="in_progress",
            ),
        ]
        FollowUpAction.objects.filter(id=41).update(created_at=made, updated_at=made)
        for row in rows:
            History.objects.create(
                id=row.id,
                period_id=period.pk,
                element_key=row.element_key,
                action=row.action,
                owner=row.owner,
                deadline=row.deadline,
                status="planned",
                completed_on=None,
                report="",
                created_at=made,
                updated_at=made,
                history_date=made,
                history_type="+",
                history_user_id=unit_head_a.pk,
            )
        History.objects.create(  # a change of action 41, then an action deleted since
            id=41,
            period_id=period.pk,
            element_key="waktu",
            action=rows[0].action,
            owner="Kepala unit",
            deadline=date(2025, 5, 1),
            status="done",
            completed_on=date(2025, 4, 28),
            report=rows[0].report,
            created_at=made,
            updated_at=made,
            history_date=datetime(2025, 4, 28, 15, tzinfo=ZoneInfo("Asia/Jakarta")),
            history_type="~",
            history_user_id=unit_head_a.pk,
        )
        History.objects.create(
            id=50,
            period_id=period.pk,
            element_key="biaya",
            action="Papan tarif",
            owner="Kepala unit",
            deadline=date(2025, 5, 1),
            status="planned",
            report="",
            created_at=made,
            updated_at=made,
            history_date=made,
            history_type="-",
            history_user_id=unit_head_a.pk,
        )
    finally:
        _migrate(_latest())

    done, cancelled, running = Action.objects.order_by("id")
    assert [a.id for a in (done, cancelled, running)] == [41, 42, 43]
    assert {a.source for a in (done, cancelled, running)} == {"skm_element"}
    assert (done.unit, done.period, done.element_key, done.title) == (
        unit_a,
        period,
        "waktu",
        "Menambah loket pada jam sibuk.",
    )
    assert (done.responsible, done.due_on, done.status, done.completed_on) == (
        "Kepala unit",
        date(2025, 5, 1),
        "done",
        date(2025, 4, 28),
    )
    assert done.evidence_note == "Dua loket dibuka 08.00–10.00."
    assert (done.planned_by, done.created_at, done.metric_key) == (
        unit_head_a,
        made,
        "skm.element:waktu",
    )
    assert done.is_public
    # A text longer than a title keeps every word: the title is its start, the details all of it.
    assert cancelled.plan_text == LONG.strip() and cancelled.title.endswith("…")
    assert len(cancelled.title) <= 200
    assert (cancelled.status, cancelled.evidence_note) == ("dropped", "Anggaran dialihkan.")
    assert (running.status, running.completed_on) == ("in_progress", None)
    # The history came along, the deleted action's too; a new action never takes an old id.
    assert done.history.count() == 2 and done.history.first().history_user == unit_head_a
    assert Action.history.filter(id=50, history_type="-").exists()
    new = Action.objects.create(
        unit=unit_a, title="Baru", source="own", responsible="Kepala unit", due_on=date(2025, 9, 1)
    )
    assert new.id > 50
