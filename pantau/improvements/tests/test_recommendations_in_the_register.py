"""A PEKPPP recommendation's action plan is an action of the unit's register: filed on the
recommendation or planned in the register, both say the same; progress recorded in the register
is the recommendation's follow-up; the evaluator's accept and return stay on the recommendation
and the action follows them."""

# ruff: noqa: F811 - the evaluations fixtures are imported by name
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from pantau.evaluations import services as evaluations
from pantau.evaluations.models import Aspect, Lokus, Recommendation
from pantau.evaluations.tests.conftest import (  # noqa: F401
    advance,
    instrument,
    lokus_a,
    round_a,
    score_all,
)
from pantau.improvements import services
from pantau.improvements.models import Action, Source
from pantau.improvements.recommendations import linked_action
from pantau.improvements.services import SourceRef

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation(lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    score_all(Lokus.objects.get(pk=lokus_a.pk), evaluator_a)
    advance(lokus_a.round, evaluator_a, "start_verification", "publish_results")
    lokus = Lokus.objects.get(pk=lokus_a.pk)
    aspect = Aspect.objects.get(instrument=lokus.round.instrument, number=1)
    return evaluations.add_recommendation(
        actor=evaluator_a, lokus=lokus, aspect=aspect, text="Publikasikan standar pelayanan."
    )


def _file(actor, recommendation, **overrides):
    values = {
        "action_plan": "Mengunggah standar pelayanan ke situs dan papan informasi.",
        "plan_due": date(2026, 9, 30),
        "progress": "",
        "done": False,
    }
    values.update(overrides)
    return evaluations.update_follow_up(actor=actor, recommendation=recommendation, **values)


def test_the_action_plan_filed_on_the_recommendation_is_a_register_action(
    officer_a, evaluator_a, unit_a, recommendation
):
    assert linked_action(recommendation) is None  # nothing before an action plan
    _file(officer_a, recommendation)
    action = linked_action(recommendation)
    assert (action.unit, action.source, action.status, action.owner) == (
        unit_a,
        "recommendation",
        "planned",
        officer_a,
    )
    assert action.title.startswith("Mengunggah standar") and action.due_on == date(2026, 9, 30)
    _file(officer_a, recommendation, progress="Sudah tayang di situs.", done=True)
    action.refresh_from_db()
    assert (action.status, action.evidence_note) == ("done", "Sudah tayang di situs.")
    # The evaluator returns it: the action is under way again; then accepts it: done.
    evaluations.review_follow_up(
        actor=evaluator_a, recommendation=recommendation, accept=False, note="Papan belum ada."
    )
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("in_progress", None)
    _file(officer_a, recommendation, progress="Papan dipasang.", done=True)
    evaluations.review_follow_up(actor=evaluator_a, recommendation=recommendation, accept=True)
    action.refresh_from_db()
    assert action.status == "done" and action.completed_on is not None
    assert Action.objects.filter(recommendation=recommendation).count() == 1


def test_progress_in_the_register_is_the_recommendations_follow_up(
    officer_a, evaluator_a, recommendation
):
    _file(officer_a, recommendation)
    action = linked_action(recommendation)
    with pytest.raises(ValidationError) as error:
        services.record_progress(actor=officer_a, action=action, status="in_progress")
    assert "evidence_note" in error.value.message_dict
    services.record_progress(
        actor=officer_a,
        action=action,
        status="done",
        completed_on=date(2025, 5, 10),
        evidence_note="Standar tayang di situs dan papan.",
    )
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.progress) == (
        "done",
        "Standar tayang di situs dan papan.",
    )
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", date(2025, 5, 10))
    # Reported done, the follow-up waits for the evaluator: the unit cannot change it meanwhile.
    with pytest.raises(ValidationError):
        services.record_progress(
            actor=officer_a, action=action, status="in_progress", evidence_note="Lagi."
        )
    evaluations.review_follow_up(actor=evaluator_a, recommendation=recommendation, accept=True)
    assert Recommendation.objects.get(pk=recommendation.pk).status == "accepted"


def test_planning_from_the_recommendation_in_the_register_files_its_action_plan(
    unit_head_a, unit_a, recommendation
):
    action = services.plan_action(
        actor=unit_head_a,
        unit=unit_a,
        source=SourceRef(Source.RECOMMENDATION, recommendation=recommendation),
        title="Unggah standar ke situs",
        due_on=date(2026, 8, 31),
        responsible="Kepala unit",
    )
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.action_plan, recommendation.plan_due) == (
        "planned",
        "Unggah standar ke situs",
        date(2026, 8, 31),
    )
    assert linked_action(recommendation) == action and action.is_public


def test_a_recommendation_of_another_unit_is_no_source(unit_head_b, unit_b, recommendation):
    with pytest.raises(ValidationError):
        services.plan_action(
            actor=unit_head_b,
            unit=unit_b,
            source=SourceRef(Source.RECOMMENDATION, recommendation=recommendation),
            title="x",
            due_on=date(2026, 8, 31),
            responsible="Kepala unit",
        )
    assert not Action.objects.exists()


def test_action_plans_filed_before_the_register_are_carried_over_once(unit_a, recommendation):
    from importlib import import_module

    from django.apps import apps

    Recommendation.objects.filter(pk=recommendation.pk).update(
        action_plan="Menyusun SK tim inovasi.", status="accepted", progress="SK terbit."
    )
    migration = import_module("pantau.improvements.migrations.0003_recommendation_action_plans")
    migration.link_action_plans(apps, None)
    migration.link_action_plans(apps, None)
    action = Action.objects.get(recommendation=recommendation)
    assert (action.unit, action.title, action.status, action.evidence_note) == (
        unit_a,
        "Menyusun SK tim inovasi.",
        "done",
        "SK terbit.",
    )
    assert (
        action.completed_on is not None
        and action.due_on == recommendation.lokus.round.follow_up_due
    )
