import uuid
from xml.etree import ElementTree as ET  # noqa: S405 - parsing our own output in tests

import pytest
from rest_framework.test import APIClient

from pantau.api import services as api_services
from pantau.complaints import services as complaint_services
from pantau.complaints.models import Category, Complaint
from pantau.open311.models import Submission

pytestmark = pytest.mark.django_db


def _report(unit, **overrides):
    data = {
        "kind": "complaint",
        "unit": unit,
        "subject": "Antrean panjang",
        "description": "Tiga jam menunggu; nomor saya 0812-RAHASIA.",
        "reporter_name": "Budi Rahasia",
        "reporter_email": "budi@example.id",
        "category": Category.objects.get(agency=None, code="waktu"),
    }
    data.update(overrides)
    return complaint_services.submit_complaint(data=data, files=[], submission_token=uuid.uuid4())


def _key(user, write=True):
    return api_services.create_token(actor=user, name="kota", can_write=write)[1]


def _xml(response):
    return ET.fromstring(response.content)  # noqa: S314


def test_discovery_in_json_and_xml(client):
    body = client.get("/open311/v2/discovery.json").json()
    assert body["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    root = _xml(client.get("/open311/v2/discovery.xml"))
    assert root.tag == "discovery"
    assert [f.text for f in root.iter("format")] == ["text/xml", "application/json"]


def test_services_of_a_jurisdiction_match_the_schema(client, unit_a, open311_schema):
    Category.objects.create(agency=unit_a.agency.parent, code="antrean", name="Antrean")
    national = client.get("/open311/v2/services.json").json()
    local = client.get("/open311/v2/services.json?jurisdiction_id=dinsos-a").json()
    open311_schema("services.json", local)
    assert "antrean" in {s["service_code"] for s in local}
    assert "antrean" not in {s["service_code"] for s in national}
    root = _xml(client.get("/open311/v2/services.xml?jurisdiction_id=dinsos-a"))
    assert root.tag == "services" and root.find("service/service_code") is not None


def test_unknown_jurisdiction_is_an_open311_error(client):
    response = client.get("/open311/v2/services.json?jurisdiction_id=nowhere")
    assert response.status_code == 404
    assert response.json()[0]["code"] == 404 and response.json()[0]["description"]
    xml = client.get("/open311/v2/services.xml?jurisdiction_id=nowhere")
    assert _xml(xml).tag == "errors" and _xml(xml).find("error/description").text


def test_service_definition_lists_the_units_of_the_jurisdiction(
    client, unit_a, unit_b, open311_schema
):
    body = client.get("/open311/v2/services/biaya.json?jurisdiction_id=prov-a").json()
    open311_schema("service-definition.json", body)
    unit = next(a for a in body["attributes"] if a["code"] == "unit")
    assert [v["key"] for v in unit["values"]] == ["unit-a"]
    root = _xml(client.get("/open311/v2/services/biaya.xml?jurisdiction_id=prov-a"))
    assert root.tag == "service_definition"
    assert root.find("attributes/attribute/values/value/key").text == "unit-a"
    assert client.get("/open311/v2/services/nope.json").status_code == 404


def test_requests_never_show_confidential_reports_or_identity(client, unit_a, open311_schema):
    shown, _code, _new = _report(unit_a)
    hidden, _code, _new = _report(unit_a, confidential=True)
    response = client.get("/open311/v2/requests.json")
    body = response.json()
    open311_schema("requests.json", body)
    assert [r["service_request_id"] for r in body] == [shown.tracking_number]
    text = response.content.decode()
    assert "Rahasia" not in text and "budi@example.id" not in text and "RAHASIA" not in text
    assert body[0]["status"] == "open" and body[0]["agency_responsible"] == unit_a.name
    assert body[0]["requested_datetime"].endswith("+07:00")
    assert client.get(f"/open311/v2/requests/{hidden.tracking_number}.json").status_code == 404
    xml = client.get("/open311/v2/requests.xml").content.decode()
    assert hidden.tracking_number not in xml and "Rahasia" not in xml


def test_requests_filters(client, unit_a, unit_b, open311_schema):
    first, _c, _n = _report(unit_a)
    second, _c, _n = _report(unit_b, category=Category.objects.get(agency=None, code="biaya"))
    by_code = client.get("/open311/v2/requests.json?service_code=biaya").json()
    assert [r["service_request_id"] for r in by_code] == [second.tracking_number]
    by_place = client.get("/open311/v2/requests.json?jurisdiction_id=prov-a").json()
    assert [r["service_request_id"] for r in by_place] == [first.tracking_number]
    by_ids = client.get(
        f"/open311/v2/requests.json?service_request_id={first.tracking_number},{second.tracking_number}"
    ).json()
    assert len(by_ids) == 2
    assert client.get("/open311/v2/requests.json?status=closed").json() == []
    assert len(client.get("/open311/v2/requests.json?status=open,closed").json()) == 2
    assert client.get("/open311/v2/requests.json?start_date=2999-01-01T00:00:00Z").json() == []
    bad = client.get("/open311/v2/requests.json?start_date=yesterday")
    assert bad.status_code == 400 and bad.json()[0]["description"].startswith("start_date")


def test_states_map_to_open_and_closed(client, unit_a, officer_a, open311_schema):
    complaint, _c, _n = _report(unit_a)
    complaint_services.transition(
        actor=officer_a, complaint=complaint, action="archive", reason="spam"
    )
    body = client.get(f"/open311/v2/requests/{complaint.tracking_number}.json").json()
    open311_schema("requests.json", body)
    assert body[0]["status"] == "closed" and "Spam" in body[0]["status_notes"]


def test_post_needs_an_api_key_with_write_scope(unit_a, officer_a):
    api = APIClient()
    form = {"service_code": "biaya", "description": "Pungutan liar", "attribute[unit]": "unit-a"}
    assert api.post("/open311/v2/requests.json", form).status_code == 403
    read_only = _key(officer_a, write=False)
    assert api.post("/open311/v2/requests.json", {**form, "api_key": read_only}).status_code == 403
    assert api.post("/open311/v2/requests.json", {**form, "api_key": "pnt_bad"}).status_code == 403
    assert not Complaint.objects.exists()


def test_post_creates_a_report_through_the_intake(
    unit_a, officer_a, mailoutbox, open311_schema, django_capture_on_commit_callbacks
):
    api = APIClient()
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/open311/v2/requests.json",
            {
                "api_key": _key(officer_a),
                "jurisdiction_id": "dinsos-a",
                "service_code": "biaya",
                "description": "Diminta uang tambahan di loket.",
                "address_string": "Jl. Merdeka 1",
                "email": "warga@example.id",
                "first_name": "Ani",
                "attribute[unit]": "unit-a",
            },
        )
    assert response.status_code == 200, response.content
    body = response.json()
    complaint = Complaint.objects.get(tracking_number=body[0]["service_request_id"])
    assert complaint.unit == unit_a and complaint.category.code == "biaya"
    assert complaint.reporter_name == "Ani" and "Jl. Merdeka 1" in complaint.description
    assert mailoutbox and "warga@example.id" in mailoutbox[0].to
    assert "token" not in body[0]  # Pantau knows the id at once
    token = str(Submission.objects.get(complaint=complaint).token)
    found = APIClient().get(f"/open311/v2/tokens/{token}.json").json()
    assert found == [{"service_request_id": complaint.tracking_number, "token": token}]
    open311_schema("requests.json", APIClient().get("/open311/v2/requests.json").json())


def test_anonymous_post_is_saved_without_identity(unit_a, officer_a):
    response = APIClient().post(
        "/open311/v2/requests.xml",
        {
            "api_key": _key(officer_a),
            "service_code": "perilaku",
            "description": "Petugas membentak.",
            "first_name": "Ani",
            "email": "ani@example.id",
            "attribute[unit]": "unit-a",
            "attribute[anonymous]": "true",
            "lat": "-8.651",
            "long": "116.532",
        },
    )
    assert response.status_code == 200
    number = _xml(response).find("request/service_request_id").text
    complaint = Complaint.objects.get(tracking_number=number)
    assert complaint.anonymous and not complaint.reporter_name and not complaint.reporter_email


def test_post_with_bad_input_changes_nothing(unit_a, unit_b, officer_a):
    key = _key(officer_a)
    api = APIClient()
    cases = [
        {"service_code": "biaya", "description": "x"},  # no unit, no jurisdiction
        {"service_code": "biaya", "description": "", "attribute[unit]": "unit-a"},
        {
            "service_code": "biaya",
            "description": "x",
            "attribute[unit]": "unit-b",
            "jurisdiction_id": "prov-a",
        },
        {
            "service_code": "biaya",
            "description": "x",
            "attribute[unit]": "unit-a",
            "attribute[happened_on]": "kemarin",
        },
    ]
    for case in cases:
        case = {"address_string": "Jl. Merdeka 1", **case}
        response = api.post("/open311/v2/requests.json", {**case, "api_key": key})
        assert response.status_code == 400, (case, response.content)
        assert response.json()[0]["code"] == 400
    assert not Complaint.objects.exists()


def test_updates_flow_back_with_the_answer_to_the_posting_client(unit_a, officer_a):
    key = _key(officer_a)
    api = APIClient()
    number = api.post(
        "/open311/v2/requests.json",
        {
            "api_key": key,
            "service_code": "biaya",
            "description": "Pungli",
            "attribute[unit]": "unit-a",
            "address_string": "Jl. Merdeka 1",
        },
    ).json()[0]["service_request_id"]
    complaint = Complaint.objects.get(tracking_number=number)
    complaint_services.transition(actor=officer_a, complaint=complaint, action="verify")
    _assign(complaint, unit_a)
    complaint_services.transition(
        actor=officer_a, complaint=complaint, action="answer", note="Petugas sudah ditegur."
    )
    own = api.get("/open311/v2/servicerequestupdates.json", {"api_key": key}).json()
    public = APIClient().get("/open311/v2/servicerequestupdates.json").json()
    assert own[-1]["description"] == "Petugas sudah ditegur." and own[-1]["status"] == "closed"
    assert public[-1]["description"] != "Petugas sudah ditegur."
    root = _xml(APIClient().get("/open311/v2/servicerequestupdates.xml"))
    assert (
        root.tag == "service_request_updates" and root.find("request_update/update_id") is not None
    )


def _assign(complaint, unit):
    from pantau.accounts.models import Role
    from pantau.accounts.tests.factories import MembershipFactory, UserFactory

    head = UserFactory()
    MembershipFactory(user=head, role=Role.UNIT_HEAD, unit=unit)
    complaint_services.transition(actor=head, complaint=complaint, action="assign", unit=unit)


def test_request_detail_in_xml(client, unit_a):
    complaint, _c, _n = _report(unit_a)
    root = _xml(client.get(f"/open311/v2/requests/{complaint.tracking_number}.xml"))
    assert root.tag == "service_requests"
    assert root.find("request/status").text == "open"
    assert root.find("request/lat") is None  # empty optional fields are left out


def test_unknown_method_is_an_open311_error(client):
    response = client.get("/open311/v2/nothing.json")
    assert response.status_code == 404 and response.json()[0]["code"] == 404


def test_request_list_runs_a_fixed_number_of_queries(client, unit_a, django_assert_max_num_queries):
    for _ in range(5):
        _report(unit_a)
    with django_assert_max_num_queries(3):
        assert len(client.get("/open311/v2/requests.json").json()) == 5
