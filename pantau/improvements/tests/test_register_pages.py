"""The register's staff pages: the head plans (from a source or not), officers record progress
with evidence, the head drops; bad input shows the error summary and changes nothing; a user of
another unit gets 404 on every page."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.complaints.tests.factories import ComplaintFactory
from pantau.improvements.models import Action

from .factories import make_action, skm_action
from .test_progress import PDF

pytestmark = pytest.mark.django_db


def _url(name, unit, *args):
    return reverse(f"improvements:{name}", args=[unit.slug, *args])


def _plan_body(owner, **overrides):
    body = {
        "title": "Alur layanan bergambar di ruang tunggu",
        "description": "Dicetak A1, dipasang di depan loket.",
        "owner": str(owner.pk),
        "due_on": "2025-06-30",
        "metric_key": "skm.element:prosedur",
        "baseline": "2.90",
        "target": "3.20",
        "public": "",
    }
    body.update(overrides)
    return body


def test_head_plans_an_action_from_an_skm_element(
    client_for, unit_head_a, officer_a, unit_a, period_a
):
    client = client_for(unit_head_a)
    url = _url("action-create", unit_a) + f"?source=skm_element&ref={period_a.pk}&element=prosedur"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["metric_key"] == "skm.element:prosedur"
    assert "source" not in page.context["form"].fields  # the source is fixed by the link
    response = client.post(url, _plan_body(officer_a))
    assert response.status_code == 302, response.context["form"].errors
    action = Action.objects.get()
    assert (action.source, action.period, action.element_key, action.owner) == (
        "skm_element",
        period_a,
        "prosedur",
        officer_a,
    )
    assert (action.baseline, action.target, action.is_public) == (
        Decimal("2.90"),
        Decimal("3.20"),
        True,
    )
    detail = client.get(response["Location"])
    assert detail.status_code == 200 and "Alur layanan bergambar" in detail.content.decode()


def test_head_plans_from_a_single_complaint_which_stays_among_staff(
    client_for, unit_head_a, officer_a, unit_a
):
    complaint = ComplaintFactory(unit=unit_a)
    client = client_for(unit_head_a)
    response = client.post(
        _url("action-create", unit_a),
        _plan_body(
            officer_a,
            source="complaint",
            complaint_number=complaint.tracking_number.lower(),
            metric_key="",
            baseline="",
            target="",
        ),
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.complaint, action.is_public) == (complaint, False)


def test_bad_plan_shows_the_error_summary_and_adds_nothing(
    client_for, unit_head_a, officer_b, unit_a
):
    client = client_for(unit_head_a)
    response = client.post(
        _url("action-create", unit_a),
        _plan_body(
            officer_b, source="complaint_pattern", due_on="besok", metric_key="", target="5"
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"owner", "due_on", "category", "metric_key"} <= set(errors)
    assert "error-summary" in response.content.decode()
    assert not Action.objects.exists()


def test_a_link_to_another_units_source_is_not_found(client_for, unit_head_a, unit_a, unit_b):
    complaint_b = ComplaintFactory(unit=unit_b)
    client = client_for(unit_head_a)
    url = _url("action-create", unit_a) + f"?source=complaint&ref={complaint_b.tracking_number}"
    assert client.get(url).status_code == 404
    assert client.get(_url("action-create", unit_a) + "?source=nonsense").status_code == 404
    assert (
        client.get(_url("action-create", unit_a) + "?source=skm_element&ref=x1").status_code == 404
    )


def test_officer_records_progress_with_evidence_and_downloads_it(
    client_for, officer_a, unit_a, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    action = make_action(unit_a)
    client = client_for(officer_a)
    upload = SimpleUploadedFile("foto-loket.pdf", PDF, content_type="application/pdf")
    response = client.post(
        _url("action-progress", unit_a, action.pk),
        {
            "status": "done",
            "completed_on": "2025-05-02",
            "evidence_note": "Dibuka.",
            "evidence": upload,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", date(2025, 5, 2))
    stored = action.files.get()
    download = client.get(_url("evidence-file", unit_a, action.pk, stored.pk))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"


def test_bad_progress_changes_nothing(client_for, officer_a, unit_a):
    action = make_action(unit_a)
    client = client_for(officer_a)
    for body in (
        {"status": "done"},
        {"status": "done", "completed_on": "2030-01-01"},
        {"status": "dropped"},
    ):
        response = client.post(_url("action-progress", unit_a, action.pk), body)
        assert response.status_code == 400 and "error-summary" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "planned"


def test_officer_neither_plans_nor_drops(client_for, officer_a, unit_a):
    action = make_action(unit_a)
    client = client_for(officer_a)
    assert client.get(_url("action-create", unit_a)).status_code == 404
    assert client.get(_url("action-edit", unit_a, action.pk)).status_code == 404
    response = client.post(_url("action-drop", unit_a, action.pk), {"reason": "x"})
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == "planned"


def test_head_drops_and_revises(client_for, unit_head_a, officer_a, unit_a):
    action = make_action(unit_a)
    client = client_for(unit_head_a)
    empty = client.post(_url("action-drop", unit_a, action.pk), {"reason": " "})
    assert empty.status_code == 400
    response = client.post(
        _url("action-edit", unit_a, action.pk),
        {
            "title": "Dua loket",
            "owner": str(officer_a.pk),
            "due_on": "2025-07-31",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.owner, action.responsible, action.is_public) == (
        "Dua loket",
        officer_a,
        "",
        True,
    )
    client.post(_url("action-drop", unit_a, action.pk), {"reason": "Anggaran dialihkan."})
    action.refresh_from_db()
    assert (action.status, action.drop_reason) == ("dropped", "Anggaran dialihkan.")


def test_the_register_lists_and_filters_and_highlights_overdue(
    client_for, evaluator_a, unit_a, period_a
):
    skm_action(period_a, due_on=date(2025, 4, 1), title="Antrean daring")
    make_action(unit_a, title="Kotak saran", due_on=date(2025, 9, 1))
    client = client_for(evaluator_a)
    page = client.get(_url("action-list", unit_a))
    body = page.content.decode()
    assert page.status_code == 200 and "Antrean daring" in body and "Kotak saran" in body
    assert "status-due" in body
    assert page.context["suggestions"] is None  # an evaluator reads, does not plan
    late = client.get(_url("action-list", unit_a) + "?status=overdue").content.decode()
    assert "Antrean daring" in late and "Kotak saran" not in late


def test_register_page_queries_do_not_grow_with_actions(
    client_for, officer_a, unit_a, period_a, django_assert_max_num_queries
):
    for n in range(3):
        skm_action(period_a, title=f"Aksi {n}")
    client = client_for(officer_a)
    client.get(_url("action-list", unit_a))
    for n in range(3, 12):
        skm_action(period_a, title=f"Aksi {n}")
    with django_assert_max_num_queries(20):
        assert client.get(_url("action-list", unit_a)).status_code == 200


def test_officer_of_other_unit_gets_404_on_every_register_page(
    client_for, officer_b, unit_head_b, unit_a, settings, tmp_path
):
    from pantau.improvements import services
    from pantau.improvements.tests.test_progress import _pdf

    settings.MEDIA_ROOT = tmp_path
    action = make_action(unit_a)
    head = action.planned_by
    services.record_progress(actor=head, action=action, status="in_progress", files=[_pdf()])
    stored = action.files.get()
    for user in (officer_b, unit_head_b):
        client = client_for(user)
        for url in (
            _url("action-list", unit_a),
            _url("action-create", unit_a),
            _url("action-detail", unit_a, action.pk),
            _url("action-edit", unit_a, action.pk),
            _url("evidence-file", unit_a, action.pk, stored.pk),
        ):
            assert client.get(url).status_code == 404, url
        for url, body in (
            (
                _url("action-progress", unit_a, action.pk),
                {"status": "done", "completed_on": "2025-05-01"},
            ),
            (_url("action-drop", unit_a, action.pk), {"reason": "x"}),
            (_url("action-create", unit_a), {"title": "x"}),
        ):
            assert client.post(url, body).status_code == 404, url
    action.refresh_from_db()
    assert action.status == "in_progress"


def test_overview_shows_a_user_of_another_unit_only_their_own(
    client_for, officer_b, evaluator_a, unit_a, unit_b
):
    make_action(unit_a, due_on=date(2025, 1, 31))
    own = client_for(officer_b).get(reverse("improvements:overview"))
    assert [unit for unit, _counts in own.context["rows"]] == [unit_b]
    across = client_for(evaluator_a).get(reverse("improvements:overview"))
    rows = dict(across.context["rows"])
    assert rows[unit_a].overdue == 1 and unit_b not in rows
