"""``Idempotency-Key`` on the API's writes (issue 20): the same key from the same token does the
write once and answers the first answer again; another request with that key is a 422; a report
sent with a key gets the same report and access code again; a key needs a token."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from pantau.api.models import IdempotentRequest
from pantau.complaints.models import Complaint, Event

from .conftest import make_report

pytestmark = pytest.mark.django_db


def _note(client, report, key: str, text: str = "Sudah ditelepon."):
    return client.post(
        f"/api/v1/complaints/{report.tracking_number}/notes/",
        {"note": text, "public": False},
        format="json",
        HTTP_IDEMPOTENCY_KEY=key,
    )


def test_the_same_key_adds_one_note_and_answers_the_first_answer_again(
    token_for, officer_a, unit_a
):
    report = make_report(unit_a)[0]
    client = token_for(officer_a, write=True)
    first = _note(client, report, "note-1")
    again = _note(client, report, "note-1")
    assert first.status_code == again.status_code and first.status_code < 300
    assert again.content == first.content and again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Event.objects.filter(complaint=report, action="note").count() == 1
    assert _note(client, report, "note-2").status_code < 300  # a new key: a new note
    assert Event.objects.filter(complaint=report, action="note").count() == 2


def test_the_same_key_for_another_request_is_refused_and_changes_nothing(
    token_for, officer_a, unit_a
):
    report = make_report(unit_a)[0]
    client = token_for(officer_a, write=True)
    assert _note(client, report, "k").status_code < 300
    reused = _note(client, report, "k", text="Lain.")
    assert reused.status_code == 422
    assert reused.json()["errors"][0]["field"] == "Idempotency-Key"
    assert Event.objects.filter(complaint=report, action="note").count() == 1


def test_keys_are_per_token(token_for, officer_a, unit_a):
    report = make_report(unit_a)[0]
    for _n in range(2):
        assert _note(token_for(officer_a, write=True), report, "shared").status_code < 300
    assert Event.objects.filter(complaint=report, action="note").count() == 2


def test_a_key_is_free_again_after_a_day(token_for, officer_a, unit_a):
    report = make_report(unit_a)[0]
    client = token_for(officer_a, write=True)
    assert _note(client, report, "k").status_code < 300
    IdempotentRequest.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert _note(client, report, "k", text="Besoknya.").status_code < 300
    assert Event.objects.filter(complaint=report, action="note").count() == 2
    assert IdempotentRequest.objects.count() == 1  # the old answer is gone


def test_a_refused_write_is_answered_the_same_and_still_changes_nothing(
    token_for, officer_a, unit_a
):
    report = make_report(unit_a)[0]
    client = token_for(officer_a, write=True)
    first = _note(client, report, "bad", text="")
    assert first.status_code == 400
    assert _note(client, report, "bad", text="").content == first.content
    assert not Event.objects.filter(complaint=report, action="note").exists()


@pytest.mark.parametrize("key", ["", "a b", "x" * 201, "kunci-é"])
def test_a_malformed_key_is_400(token_for, officer_a, unit_a, key):
    report = make_report(unit_a)[0]
    response = _note(token_for(officer_a, write=True), report, key)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"
    assert not Event.objects.filter(complaint=report, action="note").exists()


def test_a_key_without_a_token_is_400(api, unit_a):
    report = make_report(unit_a)[0]
    response = api.post(
        "/api/v1/complaints/track/",
        {"tracking_number": report.tracking_number, "access_code": "x"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="k",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"


def _report(client, key: str, **extra):
    body = {"kind": "complaint", "unit": "unit-a", "subject": "Antre", "description": "Lama."}
    return client.post(
        "/api/v1/complaints/", {**body, **extra}, format="json", HTTP_IDEMPOTENCY_KEY=key
    )


def test_a_report_sent_again_with_its_key_is_one_report_with_its_access_code(
    token_for, officer_a, unit_a, api
):
    client = token_for(officer_a, write=True)
    first = _report(client, "laporan-42")
    again = _report(client, "laporan-42")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["tracking_number"] == first.json()["tracking_number"]
    assert again.json()["access_code"] == first.json()["access_code"] is not None
    assert Complaint.objects.count() == 1
    assert not IdempotentRequest.objects.exists()  # the code is never stored
    # Without a token the key works the same, per sender (anonymous here).
    assert _report(api, "laporan-42").status_code == 201
    assert Complaint.objects.count() == 2


def test_a_report_with_both_a_key_and_a_submission_token_is_400(api, unit_a):
    response = _report(api, "k", submission_token=str(uuid.uuid4()))
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"
    assert not Complaint.objects.exists()


def test_the_description_offers_the_header_on_writes(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    post = schema["paths"]["/api/v1/complaints/{number}/notes/"]["post"]
    assert "Idempotency-Key" in [p["name"] for p in post["parameters"]]
    assert {"409", "422"} <= set(post["responses"])
