"""A round at each step: who may act, and when."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pantau.evaluations import selectors, services
from pantau.evaluations.models import Evidence, Lokus, Recommendation
from pantau.organisations.tests.factories import ServiceUnitFactory
from pantau.surveys.models import Collection

from .conftest import PDF, SCORES, advance, indicator, schedule, score_all

pytestmark = pytest.mark.django_db


def test_evaluator_sets_up_a_round_for_a_body_in_scope(round_a, province_a):
    assert round_a.status == "draft" and round_a.body == province_a


def test_evaluator_cannot_set_up_a_round_for_another_body(instrument, evaluator_a, agency_b):
    with pytest.raises(PermissionDenied):
        services.create_round(
            actor=evaluator_a, body=agency_b, name="X", year=2026, instrument=instrument,
            method="weighted", mode="external", **schedule(),
        )  # fmt: skip


def test_an_instrument_without_indicator_detail_is_refused(instrument_17, evaluator_a, province_a):
    with pytest.raises(ValidationError, match="no indicator detail"):
        services.create_round(
            actor=evaluator_a, body=province_a, name="X", year=2021, instrument=instrument_17,
            method="weighted", mode="external", **schedule(),
        )  # fmt: skip


def test_a_schedule_out_of_order_is_refused(instrument, evaluator_a, province_a):
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="run in order"):
        services.create_round(
            actor=evaluator_a, body=province_a, name="X", year=2026, instrument=instrument,
            method="weighted", mode="external",
            **schedule(scoring_opens=today - timedelta(days=1)),
        )  # fmt: skip


def test_a_unit_outside_the_body_cannot_be_added(round_a, unit_b, evaluator_a):
    with pytest.raises(ValidationError, match="not under the evaluating body"):
        services.add_lokus(
            actor=evaluator_a, round_=round_a, unit=unit_b, service_class="goods",
            evaluators=[evaluator_a],
        )  # fmt: skip


def test_an_evaluator_without_the_unit_in_scope_cannot_be_assigned(
    round_a, unit_a, evaluator_a, officer_a, agency_b
):
    from pantau.accounts.models import Role
    from pantau.accounts.tests.factories import MembershipFactory, UserFactory

    outsider = UserFactory(username="penilai_b")
    MembershipFactory(user=outsider, role=Role.EVALUATOR, agency=agency_b.parent)
    for evaluator in (outsider, officer_a):
        with pytest.raises(ValidationError, match="not an evaluator whose scope"):
            services.add_lokus(
                actor=evaluator_a, round_=round_a, unit=unit_a, service_class="goods",
                evaluators=[evaluator],
            )  # fmt: skip


def test_the_round_cannot_open_without_units_or_skip_a_step(round_a, evaluator_a):
    with pytest.raises(ValidationError, match="at least one unit"):
        advance(round_a, evaluator_a, "open_self_assessment")
    with pytest.raises(ValidationError, match="not at the step"):
        advance(round_a, evaluator_a, "start_scoring")


def test_opening_the_round_opens_the_citizen_form(lokus_a, evaluator_a):
    assert lokus_a.citizen_collection.status == Collection.Status.DRAFT
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    lokus_a.citizen_collection.refresh_from_db()
    assert lokus_a.citizen_collection.status == Collection.Status.OPEN


def _answer(lokus, user, code="1.a.Ak", files=()):
    return services.save_self_assessment(
        actor=user,
        lokus=lokus,
        indicator=indicator(lokus.round.instrument, code),
        claimed_score=4,
        answer="SP ditetapkan dengan SK Kepala Dinas.",
        files=files,
    )


def test_unit_fills_its_self_assessment_with_versioned_evidence(lokus_a, evaluator_a, officer_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    for _ in range(2):
        upload = SimpleUploadedFile("sk-standar-pelayanan.pdf", PDF, "application/pdf")
        _answer(lokus_a, officer_a, files=[(upload, "application/pdf", "a" * 64)])
    versions = list(Evidence.objects.filter(lokus=lokus_a).values_list("version", flat=True))
    assert sorted(versions) == [1, 2]
    blocks = selectors.lokus_sheet(lokus_a)
    assert (blocks[0].answered, blocks[0].with_evidence, len(blocks[0].rows)) == (1, 1, 9)


def test_unit_cannot_edit_after_the_window_closes(lokus_a, evaluator_a, officer_a):
    round_ = advance(lokus_a.round, evaluator_a, "open_self_assessment")
    _answer(lokus_a, officer_a)
    yesterday = timezone.localdate() - timedelta(days=1)
    type(round_).objects.filter(pk=round_.pk).update(
        self_assessment_opens=yesterday - timedelta(days=7), self_assessment_closes=yesterday
    )
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    with pytest.raises(ValidationError, match="window is closed"):
        _answer(lokus_a, officer_a)


def test_unit_cannot_edit_once_scoring_started(lokus_a, evaluator_a, officer_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    with pytest.raises(ValidationError, match="window is closed"):
        _answer(lokus_a, officer_a)


def test_officer_of_another_unit_cannot_fill_the_self_assessment(lokus_a, evaluator_a, officer_b):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    with pytest.raises(PermissionDenied):
        _answer(lokus_a, officer_b)


def test_evaluator_cannot_score_a_unit_not_assigned(lokus_a, evaluator_a, second_evaluator_a):
    round_ = advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    assert round_.status == "scoring"
    with pytest.raises(PermissionDenied):
        score_all(lokus_a, second_evaluator_a)


def test_scoring_is_refused_before_its_step(lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    with pytest.raises(ValidationError, match="Scoring is not open"):
        score_all(lokus_a, evaluator_a)


def _to_results(lokus, evaluator):
    return advance(lokus.round, evaluator, "start_verification", "publish_results")


def test_full_cycle_gives_the_worked_ipp_grade_and_rank(lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    score_all(lokus_a, evaluator_a)
    _to_results(lokus_a, evaluator_a)
    lokus_a.refresh_from_db()
    assert (lokus_a.ipp, lokus_a.grade, lokus_a.label) == (
        Decimal("3.50"),
        "B-",
        "Baik (dengan catatan)",
    )
    assert lokus_a.rank == 1
    assert lokus_a.result["method"] == "weighted"
    assert lokus_a.result["instrument"].endswith("v1")


def test_two_evaluators_disagree_then_reconcile(lokus_a, evaluator_a, second_evaluator_a):
    lokus_a.evaluators.add(second_evaluator_a)
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    score_all(lokus_a, evaluator_a)
    score_all(lokus_a, second_evaluator_a, **{"7.a.T": 5})
    rows = [r for b in selectors.lokus_sheet(lokus_a) for r in b.rows if r.disagreement]
    assert [r.indicator.code for r in rows] == ["7.a.T"]
    services.compute_round_results(round_=lokus_a.round)
    lokus_a.refresh_from_db()
    assert lokus_a.ipp is None and "7.a.T" in lokus_a.result["error"]
    services.reconcile_score(
        actor=second_evaluator_a, lokus=lokus_a, indicator=indicator(lokus_a.round.instrument, "7.a.T"),
        score=2,
    )  # fmt: skip
    services.compute_round_results(round_=lokus_a.round)
    lokus_a.refresh_from_db()
    assert lokus_a.ipp == Decimal("3.50")


def test_unit_responds_during_verification_and_evaluator_changes_the_score(
    lokus_a, evaluator_a, officer_a
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    score_all(lokus_a, evaluator_a)
    target = indicator(lokus_a.round.instrument, "29.f.B")
    with pytest.raises(ValidationError, match="verification window"):
        services.respond_to_score(actor=officer_a, lokus=lokus_a, indicator=target, response="x")
    advance(lokus_a.round, evaluator_a, "start_verification")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    services.respond_to_score(
        actor=officer_a, lokus=lokus_a, indicator=target,
        response="Inovasi kami menang lomba tingkat provinsi; piagam terlampir.",
    )  # fmt: skip
    services.reconcile_score(
        actor=evaluator_a, lokus=lokus_a, indicator=target, score=5, reply="Piagam diterima."
    )
    advance(lokus_a.round, evaluator_a, "publish_results")
    lokus_a.refresh_from_db()
    # 29.f.B from 2 to 5 adds 0,12 · 0,5 · 3 = 0,18: 3,5036 + 0,18 = 3,6836 → 3,68 (B)
    assert (lokus_a.ipp, lokus_a.grade) == (Decimal("3.68"), "B")


def test_ranking_across_units_and_per_class(round_a, lokus_a, evaluator_a, agency_a):
    other_unit = ServiceUnitFactory(agency=agency_a, name="UPT Puskesmas A")
    other = services.add_lokus(
        actor=evaluator_a, round_=round_a, unit=other_unit, service_class="services",
        evaluators=[evaluator_a],
    )  # fmt: skip
    advance(round_a, evaluator_a, "open_self_assessment", "start_scoring")
    for lokus, overrides in ((lokus_a, {}), (other, {"1.a.Ak": 0, "6.a.B": 0})):
        lokus = Lokus.objects.get(pk=lokus.pk)
        score_all(lokus, evaluator_a, **overrides)
    _to_results(Lokus.objects.get(pk=lokus_a.pk), evaluator_a)
    ranking = list(selectors.ranking(round_a))
    assert [item.unit.name for item in ranking] == ["Loket Dinas Sosial A", "UPT Puskesmas A"]
    assert [item.rank for item in ranking] == [1, 2]
    assert [item.unit.name for item in selectors.ranking(round_a, service_class="services")] == [
        "UPT Puskesmas A"
    ]


def test_citizen_answers_are_blended_into_the_result(lokus_a, evaluator_a):
    from pantau.surveys.services import ResponseRow, bulk_create_responses

    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    score_all(lokus_a, evaluator_a)
    collection = lokus_a.citizen_collection
    items = list(collection.version.items.all())
    means = {1: 4, 2: 3, 3: 5, 4: 2, 5: 4}
    rows = [
        ResponseRow(answers=[(item, means[item.section.position], "") for item in items])
        for _ in range(3)
    ]
    bulk_create_responses(collection=collection, rows=rows, source="import")
    _to_results(lokus_a, evaluator_a)
    lokus_a.refresh_from_db()
    # The worked example with citizens: 3,5102 → 3,51 (B)
    assert (lokus_a.ipp, lokus_a.grade) == (Decimal("3.51"), "B")
    assert lokus_a.result["citizen_used"]


def test_recommendations_and_follow_up(lokus_a, evaluator_a, officer_a, officer_b):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    score_all(lokus_a, evaluator_a)
    aspect = lokus_a.round.instrument.aspects.get(number=6)
    with pytest.raises(ValidationError, match="once the results are out"):
        services.add_recommendation(actor=evaluator_a, lokus=lokus_a, aspect=aspect, text="x")
    _to_results(lokus_a, evaluator_a)
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    recommendation = services.add_recommendation(
        actor=evaluator_a, lokus=lokus_a, aspect=aspect, text="Tetapkan SK tim inovasi."
    )
    with pytest.raises(PermissionDenied):
        services.update_follow_up(
            actor=officer_b, recommendation=recommendation, action_plan="x", plan_due=None,
            progress="", done=False,
        )  # fmt: skip
    services.update_follow_up(
        actor=officer_a, recommendation=recommendation, action_plan="Menyusun SK tim.",
        plan_due=None, progress="", done=False,
    )  # fmt: skip
    assert recommendation.status == Recommendation.Status.PLANNED
    services.update_follow_up(
        actor=officer_a, recommendation=recommendation, action_plan="Menyusun SK tim.",
        plan_due=None, progress="SK ditandatangani.", done=True,
    )  # fmt: skip
    summary = selectors.round_summary(lokus_a.round)
    assert summary["follow_up_percent"] == 100
    second = services.add_recommendation(
        actor=evaluator_a, lokus=lokus_a, aspect=aspect, text="Publikasikan inovasi."
    )
    summary = selectors.round_summary(lokus_a.round)
    # 1 of 2 recommendations, not "100 % of units" (issue 16).
    assert summary["follow_up_percent"] == 50
    assert (summary["recommendations_followed_up"], summary["recommendations"]) == (1, 2)
    assert second.status == Recommendation.Status.OPEN


def test_scores_must_cover_every_indicator(lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    partial = dict(SCORES)
    del partial["30.f.B"]
    score_all(lokus_a, evaluator_a, scores=partial)
    _to_results(lokus_a, evaluator_a)
    lokus_a.refresh_from_db()
    assert lokus_a.ipp is None and "30.f.B" in lokus_a.result["error"]


def test_agency_head_runs_a_self_evaluation_round_only(instrument, agency_head_a, agency_a):
    round_ = services.create_round(
        actor=agency_head_a, body=agency_a, name="PEKPPP Mandiri Dinsos A", year=2026,
        instrument=instrument, method="mean", mode="self", **schedule(),
    )  # fmt: skip
    assert round_.mode == "self" and round_ in selectors.visible_rounds(agency_head_a)
    with pytest.raises(PermissionDenied):
        services.create_round(
            actor=agency_head_a, body=agency_a, name="X", year=2026, instrument=instrument,
            method="weighted", mode="external", **schedule(),
        )  # fmt: skip


def test_round_summary_counts_grades_and_follow_up_speed(lokus_a, evaluator_a, officer_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    score_all(lokus_a, evaluator_a)
    _to_results(lokus_a, evaluator_a)
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    aspect = lokus_a.round.instrument.aspects.get(number=1)
    recommendation = services.add_recommendation(
        actor=evaluator_a, lokus=lokus_a, aspect=aspect, text="Tinjau ulang SP setiap tahun."
    )
    Recommendation.objects.filter(pk=recommendation.pk).update(
        created_at=timezone.now() - timedelta(days=10)
    )
    recommendation.refresh_from_db()
    services.update_follow_up(
        actor=officer_a, recommendation=recommendation, action_plan="Jadwal FKP.", plan_due=None,
        progress="FKP dilaksanakan.", done=True,
    )  # fmt: skip
    summary = selectors.round_summary(lokus_a.round)
    assert {row["grade"]: row["count"] for row in summary["grade_rows"]}["B-"] == 1
    assert summary["median_follow_up_days"] == pytest.approx(10, abs=0.1)


def test_evaluators_score_independently(client_for, lokus_a, evaluator_a, second_evaluator_a):
    lokus_a.evaluators.add(second_evaluator_a)
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    lokus_a = Lokus.objects.get(pk=lokus_a.pk)
    target = indicator(lokus_a.round.instrument, "1.a.Ak")
    services.save_score(
        actor=evaluator_a, lokus=lokus_a, indicator=target, score=3, note="Catatan penilai A."
    )
    url = f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/f02/{target.pk}/"
    assert "Catatan penilai A." not in client_for(second_evaluator_a).get(url).content.decode()
    services.save_score(
        actor=second_evaluator_a, lokus=lokus_a, indicator=target, score=3, note="Sama."
    )
    assert "Catatan penilai A." in client_for(second_evaluator_a).get(url).content.decode()
