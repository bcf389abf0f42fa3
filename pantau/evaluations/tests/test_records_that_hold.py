"""PEKPPP rounds run nationally, follow-ups are reviewed, nothing is a dead end (issue 16)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pantau.evaluations import selectors, services
from pantau.evaluations.models import Aspect, Lokus, Recommendation, Round
from pantau.evaluations.workflow import FOLLOW_UP_WORKFLOW, ROUND_WORKFLOW
from pantau.organisations.models import Agency
from pantau.organisations.tests.factories import AgencyFactory

from .conftest import advance, schedule, score_all


@pytest.mark.parametrize("workflow", [ROUND_WORKFLOW, FOLLOW_UP_WORKFLOW], ids=lambda w: w.name)
def test_the_pekppp_workflows_have_no_dead_ends(workflow):
    assert workflow.dead_ends() == []
    assert workflow.unheld() == []
    assert workflow.unreachable() == []


@pytest.fixture
def ministry(db):
    return AgencyFactory(
        name="Kementerian PANRB", slug="kemenpanrb", kind=Agency.Kind.MINISTRY, parent=None
    )


@pytest.fixture
def national_round(ministry, national_evaluator, instrument):
    return services.create_round(
        actor=national_evaluator,
        body=ministry,
        name="PEKPPP Nasional 2026",
        year=2026,
        instrument=instrument,
        method="weighted",
        mode="external",
        **schedule(),
    )


def test_a_national_body_adds_any_unit_in_the_country(
    client_for, national_evaluator, national_round, unit_a, unit_b
):
    client = client_for(national_evaluator)
    url = reverse("evaluations:lokus-add", args=[national_round.pk])
    page = client.get(url)
    assert page.context["page"].paginator.count == 2
    found = client.get(url, {"q": "kecamatan", "provinsi": "Provinsi B"})
    assert [u.pk for u in found.context["page"].object_list] == [unit_b.pk]
    assert list(found.context["form"].fields["unit"].queryset) == [unit_b]
    response = client.post(
        url,
        {
            "unit": unit_b.pk,
            "service_class": "administrative",
            "evaluators": [national_evaluator.pk],
        },
    )
    assert response.status_code == 302
    assert Lokus.objects.filter(round=national_round, unit=unit_b).exists()


def test_a_provincial_round_offers_only_its_own_units(
    client_for, evaluator_a, round_a, unit_a, unit_b
):
    page = client_for(evaluator_a).get(reverse("evaluations:lokus-add", args=[round_a.pk]))
    assert [u.pk for u in page.context["page"].object_list] == [unit_a.pk]
    with pytest.raises(ValidationError):
        services.add_lokus(
            actor=evaluator_a,
            round_=round_a,
            unit=unit_b,
            service_class="administrative",
            evaluators=[evaluator_a],
        )


def test_a_round_is_edited_and_deleted_until_it_opens(client_for, evaluator_a, round_a, instrument):
    client = client_for(evaluator_a)
    data = {
        "name": "PEKPPP Provinsi A 2026 (revisi)",
        "body": round_a.body_id,
        "year": 2026,
        "instrument": instrument.pk,
        "method": "weighted",
        "mode": "external",
        **{k: v.isoformat() for k, v in schedule().items()},
    }
    assert (
        client.post(reverse("evaluations:round-edit", args=[round_a.pk]), data).status_code == 302
    )
    round_a.refresh_from_db()
    assert round_a.name.endswith("(revisi)")
    delete = reverse("evaluations:round-delete", args=[round_a.pk])
    assert client.post(delete).status_code == 200  # the confirmation page
    assert Round.objects.filter(pk=round_a.pk).exists()
    assert client.post(delete, {"confirmed": "yes"}).status_code == 302
    assert not Round.objects.filter(pk=round_a.pk).exists()


def test_an_opened_round_can_be_neither_edited_nor_deleted(evaluator_a, lokus_a):
    round_ = advance(lokus_a.round, evaluator_a, "open_self_assessment")
    with pytest.raises(ValidationError):
        services.delete_round(actor=evaluator_a, round_=round_)
    fields = {name: getattr(round_, name) for name in services.ROUND_FIELDS}
    with pytest.raises(ValidationError):
        services.update_round(actor=evaluator_a, round_=round_, body=round_.body, **fields)


def test_an_outsider_evaluator_of_another_province_cannot_edit_or_delete_a_round(
    client_for, round_a, unit_b
):
    from pantau.accounts.models import Role
    from pantau.accounts.tests.factories import MembershipFactory, UserFactory

    other = UserFactory(username="penilai_b")
    MembershipFactory(user=other, role=Role.EVALUATOR, agency=unit_b.agency.parent, unit=None)
    client = client_for(other)
    assert client.get(reverse("evaluations:round-edit", args=[round_a.pk])).status_code == 404
    delete = reverse("evaluations:round-delete", args=[round_a.pk])
    assert client.post(delete, {"confirmed": "yes"}).status_code == 404
    assert Round.objects.filter(pk=round_a.pk).exists()


def test_moving_a_round_on_asks_for_confirmation(client_for, evaluator_a, lokus_a):
    url = reverse("evaluations:round-status", args=[lokus_a.round.pk, "open_self_assessment"])
    page = client_for(evaluator_a).post(url)
    assert page.status_code == 200 and "tidak dapat dibatalkan" in page.content.decode()
    lokus_a.round.refresh_from_db()
    assert lokus_a.round.status == "draft"


def test_an_incomplete_f01_lists_what_is_missing_and_needs_confirmation(
    client_for, evaluator_a, officer_a, lokus_a
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    url = reverse("evaluations:self-assessment-submit", args=[lokus_a.round.pk, lokus_a.pk])
    client = client_for(officer_a)
    page = client.post(url)
    body = page.content.decode()
    assert page.status_code == 200 and "30 indikator belum dijawab" in body
    assert "1.a.Ak" in body
    lokus_a.refresh_from_db()
    assert lokus_a.self_assessment_submitted_at is None
    with pytest.raises(ValidationError):
        services.submit_self_assessment(actor=officer_a, lokus=lokus_a)
    client.post(url, {"confirmed": "yes"})
    lokus_a.refresh_from_db()
    assert lokus_a.self_assessment_submitted_at is not None


def _with_recommendations(lokus, evaluator, texts):
    advance(lokus.round, evaluator, "open_self_assessment", "start_scoring")
    lokus = Lokus.objects.get(pk=lokus.pk)
    score_all(lokus, evaluator)
    advance(lokus.round, evaluator, "start_verification", "publish_results")
    lokus = Lokus.objects.get(pk=lokus.pk)
    aspect = Aspect.objects.filter(instrument=lokus.round.instrument).first()
    return [
        services.add_recommendation(actor=evaluator, lokus=lokus, aspect=aspect, text=text)
        for text in texts
    ]


def test_an_evaluator_accepts_or_returns_each_follow_up(
    client_for, evaluator_a, officer_a, lokus_a
):
    first, second = _with_recommendations(lokus_a, evaluator_a, ["SK tim", "Publikasi inovasi"])
    for recommendation in (first, second):
        services.update_follow_up(
            actor=officer_a,
            recommendation=recommendation,
            action_plan="Rencana",
            plan_due=None,
            progress="Selesai",
            done=True,
        )
    with pytest.raises(ValidationError):  # returning needs a note
        services.review_follow_up(actor=evaluator_a, recommendation=second, accept=False)
    client = client_for(evaluator_a)
    url = reverse("evaluations:follow-up-review", args=[lokus_a.round.pk, lokus_a.pk, first.pk])
    client.post(url, {"decision": "accept"})
    url = reverse("evaluations:follow-up-review", args=[lokus_a.round.pk, lokus_a.pk, second.pk])
    client.post(url, {"decision": "return", "note": "Unggah SK yang ditandatangani."})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Recommendation.Status.ACCEPTED and first.reviewed_by == evaluator_a
    assert second.status == Recommendation.Status.RETURNED
    assert second.review_note == "Unggah SK yang ditandatangani."
    page = client_for(officer_a).get(
        reverse("evaluations:lokus-detail", args=[lokus_a.round.pk, lokus_a.pk])
    )
    assert "Unggah SK yang ditandatangani." in page.content.decode()
    # An accepted follow-up is final; a returned one is reported again.
    with pytest.raises(ValidationError):
        services.update_follow_up(
            actor=officer_a, recommendation=first, action_plan="x", plan_due=None,
            progress="", done=False,
        )  # fmt: skip
    services.update_follow_up(
        actor=officer_a, recommendation=second, action_plan="Rencana", plan_due=None,
        progress="SK diunggah", done=True,
    )  # fmt: skip
    summary = selectors.round_summary(lokus_a.round)
    assert (summary["recommendations_followed_up"], summary["recommendations"]) == (2, 2)
    assert summary["recommendations_accepted"] == 1


def test_an_outsider_evaluator_not_assigned_cannot_review(
    client_for, evaluator_a, second_evaluator_a, officer_a, lokus_a
):
    [recommendation] = _with_recommendations(lokus_a, evaluator_a, ["SK tim"])
    services.update_follow_up(
        actor=officer_a, recommendation=recommendation, action_plan="R", plan_due=None,
        progress="", done=True,
    )  # fmt: skip
    url = reverse(
        "evaluations:follow-up-review", args=[lokus_a.round.pk, lokus_a.pk, recommendation.pk]
    )
    assert client_for(second_evaluator_a).post(url, {"decision": "accept"}).status_code == 404
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.DONE


def test_an_agency_head_sees_the_ipp_announced_by_the_province(
    client_for, agency_head_a, evaluator_a, lokus_a, unit_head_b
):
    _with_recommendations(lokus_a, evaluator_a, [])
    page = client_for(agency_head_a).get(reverse("evaluations:round-list"))
    assert [lokus.pk for lokus in page.context["announced"]] == [lokus_a.pk]
    assert "Belum ada putaran evaluasi." not in page.content.decode()
    lokus_page = client_for(agency_head_a).get(
        reverse("evaluations:lokus-detail", args=[lokus_a.round.pk, lokus_a.pk])
    )
    assert lokus_page.status_code == 200


def test_a_head_of_another_agency_sees_no_ipp_of_unit_a(client_for, evaluator_a, lokus_a, unit_b):
    from pantau.accounts.models import Role
    from pantau.accounts.tests.factories import MembershipFactory, UserFactory

    _with_recommendations(lokus_a, evaluator_a, [])
    head_b = UserFactory(username="kadis_b")
    MembershipFactory(user=head_b, role=Role.AGENCY_HEAD, agency=unit_b.agency, unit=None)
    page = client_for(head_b).get(reverse("evaluations:round-list"))
    assert list(page.context["announced"]) == []
    lokus_page = client_for(head_b).get(
        reverse("evaluations:lokus-detail", args=[lokus_a.round.pk, lokus_a.pk])
    )
    assert lokus_page.status_code == 404


def test_the_evaluation_report_pdf_embeds_its_fonts(client_for, evaluator_a, lokus_a):
    from pantau.common.pdf import fonts_not_embedded

    _with_recommendations(lokus_a, evaluator_a, ["SK tim"])
    client = client_for(evaluator_a)
    for name in ("lokus-report-pdf",):
        pdf = client.get(reverse(f"evaluations:{name}", args=[lokus_a.round.pk, lokus_a.pk]))
        assert pdf.content.startswith(b"%PDF") and fonts_not_embedded(pdf.content) == set()
    summary = client.get(reverse("evaluations:round-summary", args=[lokus_a.round.pk]))
    assert fonts_not_embedded(summary.content) == set()


def test_the_report_pdf_names_aspects_and_the_method_in_full(client_for, evaluator_a, lokus_a):
    from io import BytesIO

    from pypdf import PdfReader

    _with_recommendations(lokus_a, evaluator_a, [])
    pdf = client_for(evaluator_a).get(
        reverse("evaluations:lokus-report-pdf", args=[lokus_a.round.pk, lokus_a.pk])
    )
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages).split()
    )
    assert "weighted" not in text  # the method's label, not its code
    longest = max(
        Aspect.objects.filter(instrument=lokus_a.round.instrument), key=lambda a: len(a.name)
    )
    assert all(word in text for word in longest.name.split())


def test_the_report_pdf_prints_the_pages_aspect_scores(client_for, evaluator_a, lokus_a):
    """Figure by figure the PDF rounds as the page does (it used to cut: 2,54 for 2,55)."""
    from io import BytesIO

    from django.template.defaultfilters import floatformat
    from django.utils import translation
    from pypdf import PdfReader

    _with_recommendations(lokus_a, evaluator_a, [])
    client = client_for(evaluator_a)
    page = client.get(reverse("evaluations:lokus-detail", args=[lokus_a.round.pk, lokus_a.pk]))
    pdf = client.get(reverse("evaluations:lokus-report-pdf", args=[lokus_a.round.pk, lokus_a.pk]))
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages).split()
    )
    rows = page.context["result_rows"]
    assert rows
    with translation.override("id"):
        figures = [floatformat(row["blended"], 2) for row in rows]
        figures.append(floatformat(Lokus.objects.get(pk=lokus_a.pk).ipp, 2))
    assert [f for f in figures if f not in text] == []


def test_a_round_does_not_close_over_a_follow_up_waiting_for_review(
    evaluator_a, officer_a, lokus_a
):
    [recommendation] = _with_recommendations(lokus_a, evaluator_a, ["SK tim"])
    services.update_follow_up(
        actor=officer_a, recommendation=recommendation, action_plan="R", plan_due=None,
        progress="Selesai", done=True,
    )  # fmt: skip
    round_ = advance(Lokus.objects.get(pk=lokus_a.pk).round, evaluator_a, "start_follow_up")
    with pytest.raises(ValidationError, match="wait for the evaluator"):
        services.change_round_status(actor=evaluator_a, round_=round_, action="close")
    services.review_follow_up(actor=evaluator_a, recommendation=recommendation, accept=True)
    closed = services.change_round_status(actor=evaluator_a, round_=round_, action="close")
    assert closed.status == Round.Status.CLOSED


def test_the_certificate_prints_the_pages_index_and_embeds_its_fonts(lokus_a):
    """The Pelayanan Prima certificate: IPP rounded half up as on the result page (4,545 → 4,55),
    every font embedded (issue 17)."""
    import io
    from datetime import date
    from decimal import Decimal

    from django.utils import translation
    from pypdf import PdfReader

    from pantau.common.pdf import fonts_not_embedded
    from pantau.evaluations.exporters.pdf import export_certificate

    lokus_a.grade, lokus_a.ipp = "A", Decimal("4.545")
    lokus_a.round.results_on = date(2026, 11, 30)
    with translation.override("id"):
        pdf = export_certificate(lokus_a)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "4,55" in text and lokus_a.unit.name in " ".join(text.split())
    assert fonts_not_embedded(pdf) == set()
