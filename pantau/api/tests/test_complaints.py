import uuid

import pytest

from pantau.complaints.models import Category, Complaint, Event, Status
from pantau.organisations.tests.factories import ServiceFactory

from .conftest import make_report

pytestmark = pytest.mark.django_db


def _new(**overrides):
    body = {
        "kind": "complaint",
        "unit": "unit-a",
        "subject": "Loket tutup lebih awal",
        "description": "Loket tutup pukul 11.00, padahal jadwalnya 15.00.",
        "reporter_name": "Sari",
        "reporter_email": "sari@example.id",
    }
    body.update(overrides)
    return body


@pytest.mark.covers("POST /api/v1/complaints/")
def test_citizen_app_sends_a_report_without_token_and_gets_a_code_once(api, unit_a, mailoutbox):
    token = str(uuid.uuid4())
    response = api.post("/api/v1/complaints/", _new(submission_token=token), format="json")
    assert response.status_code == 201
    body = response.json()
    complaint = Complaint.objects.get(tracking_number=body["tracking_number"])
    assert complaint.unit == unit_a and complaint.status == Status.RECEIVED
    assert body["access_code"] and "+07:00" in body["created_at"]
    again = api.post("/api/v1/complaints/", _new(submission_token=token), format="json")
    assert again.status_code == 200
    assert again.json()["tracking_number"] == body["tracking_number"]
    assert again.json()["access_code"] == body["access_code"]  # the same code for a day
    assert Complaint.objects.count() == 1


def test_report_with_a_service_of_another_unit_is_refused_and_nothing_saved(api, unit_a, unit_b):
    other = ServiceFactory(unit=unit_b)
    response = api.post("/api/v1/complaints/", _new(service=other.pk), format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "service"
    assert not Complaint.objects.exists()


def test_report_refusals_name_each_field(api, unit_a):
    response = api.post(
        "/api/v1/complaints/",
        _new(subject="", happened_on="2999-01-01", unit="no-such-unit"),
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert "subject" in fields
    assert not Complaint.objects.exists()


def test_future_date_is_refused_by_the_web_forms_rule(api, unit_a):
    response = api.post("/api/v1/complaints/", _new(happened_on="2999-01-01"), format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["happened_on"]
    assert not Complaint.objects.exists()


@pytest.mark.covers("POST /api/v1/complaints/track/")
def test_reporter_follows_a_report_with_number_and_code(api, unit_a):
    complaint, code = make_report(unit_a)
    response = api.post(
        "/api/v1/complaints/track/",
        {"tracking_number": complaint.tracking_number, "access_code": code},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "received" and body["events"][0]["action"] == "received"
    assert "reporter_name" not in body and "reporter" not in body


def test_wrong_code_gets_404_and_tries_are_limited(api, unit_a, monkeypatch):
    from pantau.api.throttling import TrackRateThrottle

    monkeypatch.setattr(
        TrackRateThrottle, "THROTTLE_RATES", {**TrackRateThrottle.THROTTLE_RATES, "track": "2/hour"}
    )
    complaint, code = make_report(unit_a)
    right = {"tracking_number": complaint.tracking_number, "access_code": code}
    for _ in range(3):  # right tries do not count
        assert api.post("/api/v1/complaints/track/", right, format="json").status_code == 200
    wrong = {"tracking_number": complaint.tracking_number, "access_code": "WRONG123"}
    assert api.post("/api/v1/complaints/track/", wrong, format="json").status_code == 404
    assert api.post("/api/v1/complaints/track/", wrong, format="json").status_code == 404
    third = api.post("/api/v1/complaints/track/", wrong, format="json")
    assert third.status_code == 429
    assert int(third["Retry-After"]) > 0
    assert third.json()["errors"][0]["code"] == "throttled"


@pytest.mark.covers("GET /api/v1/complaints/categories/")
def test_categories_of_a_unit_are_public(api, unit_a, unit_b):
    Category.objects.create(agency=unit_a.agency, code="antrean", name="Antrean")
    codes_a = [
        c["code"] for c in api.get("/api/v1/complaints/categories/?unit=unit-a").json()["results"]
    ]
    codes_b = [
        c["code"] for c in api.get("/api/v1/complaints/categories/?unit=unit-b").json()["results"]
    ]
    assert "antrean" in codes_a and "antrean" not in codes_b and "biaya" in codes_b


@pytest.mark.covers("GET /api/v1/complaints/")
def test_officer_token_lists_only_the_units_reports(token_for, officer_a, report_a, report_b):
    response = token_for(officer_a).get("/api/v1/complaints/")
    assert response.status_code == 200
    numbers = [c["tracking_number"] for c in response.json()["results"]]
    assert numbers == [report_a.tracking_number]


def test_list_filters_by_status_and_rejects_unknown_status(token_for, officer_a, unit_a):
    make_report(unit_a)
    client = token_for(officer_a)
    assert len(client.get("/api/v1/complaints/?status=open").json()["results"]) == 1
    assert client.get("/api/v1/complaints/?status=closed").json()["results"] == []
    bad = client.get("/api/v1/complaints/?status=nonsense")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "status"


def test_list_is_paged_with_a_cursor(token_for, officer_a, unit_a):
    for _ in range(3):
        make_report(unit_a)
    client = token_for(officer_a)
    first = client.get("/api/v1/complaints/?page_size=2").json()
    assert len(first["results"]) == 2 and first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_token_limited_to_another_unit_sees_nothing(token_for, agency_head_a, unit_a, report_a):
    from pantau.organisations.tests.factories import ServiceUnitFactory

    sibling = ServiceUnitFactory(agency=unit_a.agency, slug="unit-a2")
    client = token_for(agency_head_a, units=[sibling])
    assert client.get("/api/v1/complaints/").json()["results"] == []
    assert client.get(f"/api/v1/complaints/{report_a.tracking_number}/").status_code == 404


@pytest.mark.covers("GET /api/v1/complaints/{number}/")
def test_anonymous_report_never_shows_its_reporter(token_for, officer_a, unit_a):
    complaint, _code = make_report(unit_a, anonymous=True)
    body = token_for(officer_a).get(f"/api/v1/complaints/{complaint.tracking_number}/").json()
    assert body["reporter"] is None
    assert "Budi" not in str(body) and "budi@example.id" not in str(body)
    named, _code = make_report(unit_a)
    body = token_for(officer_a).get(f"/api/v1/complaints/{named.tracking_number}/").json()
    assert body["reporter"]["name"] == "Budi"
    assert body["allowed_actions"] == ["verify", "postpone", "forward", "archive"]


@pytest.mark.covers("POST /api/v1/complaints/{number}/transitions/")
def test_officer_verifies_and_the_history_records_it(token_for, officer_a, report_a):
    client = token_for(officer_a, write=True)
    response = client.post(
        f"/api/v1/complaints/{report_a.tracking_number}/transitions/",
        {"action": "verify"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "verified"
    assert Event.objects.filter(complaint=report_a, action="verify", actor=officer_a).exists()


def test_step_the_table_refuses_answers_400_and_changes_nothing(token_for, officer_a, report_a):
    client = token_for(officer_a, write=True)
    response = client.post(
        f"/api/v1/complaints/{report_a.tracking_number}/transitions/",
        {"action": "close"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "cannot take this step" in response.json()["errors"][0]["message"]
    report_a.refresh_from_db()
    assert report_a.status == Status.RECEIVED


def test_read_token_cannot_act(token_for, officer_a, report_a):
    response = token_for(officer_a).post(
        f"/api/v1/complaints/{report_a.tracking_number}/transitions/",
        {"action": "verify"},
        format="json",
    )
    assert response.status_code == 403
    report_a.refresh_from_db()
    assert report_a.status == Status.RECEIVED


@pytest.mark.covers("POST /api/v1/complaints/{number}/categorise/")
def test_officer_sets_category_and_tags(token_for, officer_a, report_a):
    response = token_for(officer_a, write=True).post(
        f"/api/v1/complaints/{report_a.tracking_number}/categorise/",
        {"category": "biaya", "tags": ["pungli", "loket 2"]},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["category"] == "biaya"
    assert response.json()["tags"] == ["loket 2", "pungli"]


def test_category_of_another_government_is_refused(token_for, officer_a, report_a, unit_b):
    Category.objects.create(agency=unit_b.agency, code="khusus-b", name="Khusus B")
    response = token_for(officer_a, write=True).post(
        f"/api/v1/complaints/{report_a.tracking_number}/categorise/",
        {"category": "khusus-b", "tags": []},
        format="json",
    )
    assert response.status_code == 400
    report_a.refresh_from_db()
    assert report_a.category is None


@pytest.mark.covers("POST /api/v1/complaints/{number}/notes/")
def test_officer_adds_a_public_note(token_for, officer_a, report_a):
    response = token_for(officer_a, write=True).post(
        f"/api/v1/complaints/{report_a.tracking_number}/notes/",
        {"note": "Sedang kami periksa.", "public": True},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["public"] is True
    assert Event.objects.filter(complaint=report_a, action="note", public=True).count() == 1


WRITES = [
    ("transitions/", {"action": "verify"}),
    ("categorise/", {"category": "biaya", "tags": ["x"]}),
    ("notes/", {"note": "Catatan", "public": False}),
]


@pytest.mark.parametrize("suffix,body", WRITES)
def test_every_write_with_a_token_of_another_unit_gets_404_and_changes_nothing(
    token_for, officer_b, report_a, suffix, body
):
    before = (report_a.status, report_a.category_id, Event.objects.count())
    response = token_for(officer_b, write=True).post(
        f"/api/v1/complaints/{report_a.tracking_number}/{suffix}", body, format="json"
    )
    assert response.status_code == 404
    report_a.refresh_from_db()
    assert (report_a.status, report_a.category_id, Event.objects.count()) == before


@pytest.mark.parametrize("suffix,body", WRITES)
def test_every_write_without_a_token_gets_401(api, report_a, suffix, body):
    response = api.post(
        f"/api/v1/complaints/{report_a.tracking_number}/{suffix}", body, format="json"
    )
    assert response.status_code == 401


def test_officer_of_another_unit_gets_404_on_read(token_for, officer_b, report_a):
    assert (
        token_for(officer_b).get(f"/api/v1/complaints/{report_a.tracking_number}/").status_code
        == 404
    )


def test_list_runs_a_fixed_number_of_queries(
    token_for, officer_a, unit_a, django_assert_max_num_queries
):
    client = token_for(officer_a)
    for _ in range(5):
        make_report(unit_a)
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/v1/complaints/").json()["results"]) == 5
