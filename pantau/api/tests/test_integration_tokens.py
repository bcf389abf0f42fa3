"""Integration tokens (issue 20): who issues them, what they read across their agency's tree, and
what they never read (reporters' personal data, a confidential report's words, integrity
reports, another agency's units, any other endpoint)."""

import csv
import io
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone
from rest_framework.test import APIClient

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import PASSWORD, MembershipFactory, UserFactory
from pantau.api.integration import services as integration_services
from pantau.api.models import ApiToken

from .conftest import make_report

pytestmark = pytest.mark.django_db

PAGE = "/manage/api/integration-tokens/"


def _client(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture
def coded(agency_a, agency_b):
    """Region codes: agency A's tree is Lombok Timur (52.03), agency B Jakarta Timur (31.75)."""
    agency_a.region_code = "52.03"
    agency_a.save()
    agency_b.region_code = "31.75.07"
    agency_b.save()


@pytest.fixture
def agency_head_b(agency_b):
    user = UserFactory(username="camat_b")
    MembershipFactory(user=user, role=Role.AGENCY_HEAD, agency=agency_b, unit=None)
    return user


@pytest.fixture
def token_a(agency_head_a, agency_a):
    """A connector's client reading agency A's tree."""
    token, secret = integration_services.issue_integration_token(
        actor=agency_head_a, name="Konektor SP4N-LAPOR!", agency=agency_a
    )
    client = _client(secret)
    client.token = token
    return client


@pytest.fixture
def token_b(agency_head_b, agency_b):
    _token, secret = integration_services.issue_integration_token(
        actor=agency_head_b, name="SIPP", agency=agency_b
    )
    return _client(secret)


@pytest.fixture
def national_token(admin_user):
    _token, secret = integration_services.issue_integration_token(
        actor=admin_user, name="SP4N-LAPOR! nasional", agency=None
    )
    return _client(secret)


# --- Who issues ---------------------------------------------------------------------------


def test_agency_head_issues_a_token_for_their_agency_on_the_page(
    client_for, agency_head_a, agency_a
):
    client = client_for(agency_head_a)
    page = client.get(PAGE)
    assert page.status_code == 200
    response = client.post(
        PAGE, {"name": "Konektor LAPOR", "agency": agency_a.pk, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(kind="integration")
    assert token.agency == agency_a and not token.can_write and token.user == agency_head_a
    assert f"pnt_{token.prefix}_" in response.content.decode()


def test_page_refuses_a_wrong_password_and_keeps_what_was_typed(
    client_for, agency_head_a, agency_a
):
    response = client_for(agency_head_a).post(
        PAGE, {"name": "Konektor LAPOR", "agency": agency_a.pk, "password": "salah"}
    )
    assert response.status_code == 400
    assert "Konektor LAPOR" in response.content.decode()
    assert not ApiToken.objects.filter(kind="integration").exists()


def test_agency_head_cannot_issue_for_other_agency(client_for, agency_head_a, agency_b):
    response = client_for(agency_head_a).post(
        PAGE, {"name": "x", "agency": agency_b.pk, "password": PASSWORD}
    )
    assert response.status_code == 400
    assert not ApiToken.objects.filter(kind="integration").exists()
    with pytest.raises(PermissionDenied):
        integration_services.issue_integration_token(actor=agency_head_a, name="x", agency=agency_b)


def test_only_an_administrator_issues_a_national_token(
    agency_head_a, national_evaluator, admin_user
):
    for user in (agency_head_a, national_evaluator):
        with pytest.raises(PermissionDenied):
            integration_services.issue_integration_token(actor=user, name="x", agency=None)
    token, _secret = integration_services.issue_integration_token(
        actor=admin_user, name="Nasional", agency=None
    )
    assert token.agency is None and token.is_integration


def test_coordinator_of_the_agency_may_issue(agency_a):
    coordinator = UserFactory(username="koordinator_a")
    MembershipFactory(user=coordinator, role=Role.COORDINATOR, agency=agency_a, unit=None)
    token, _secret = integration_services.issue_integration_token(
        actor=coordinator, name="LAPOR", agency=agency_a
    )
    assert token.agency == agency_a


def test_outsider_officer_and_evaluator_get_404_on_the_page(
    client_for, officer_a, evaluator_a, token_a
):
    for user in (officer_a, evaluator_a):
        client = client_for(user)
        assert client.get(PAGE).status_code == 404
        revoke = f"{PAGE}{token_a.token.pk}/revoke/"
        assert client.post(revoke).status_code == 404
    assert ApiToken.objects.get(pk=token_a.token.pk).revoked_at is None


def test_head_of_other_agency_neither_sees_nor_revokes_the_token(
    client_for, agency_head_b, token_a
):
    client = client_for(agency_head_b)
    # The token's prefix, not its name: the page's help text gives that name as an example.
    assert f"pnt_{token_a.token.prefix}" not in client.get(PAGE).content.decode()
    assert client.post(f"{PAGE}{token_a.token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.get(pk=token_a.token.pk).revoked_at is None


def test_another_head_of_the_agency_revokes_it_and_it_stops_at_once(
    client_for, agency_a, token_a, report_a
):
    other_head = UserFactory(username="kadis_a2")
    MembershipFactory(user=other_head, role=Role.AGENCY_HEAD, agency=agency_a, unit=None)
    assert token_a.get("/api/v1/integration/complaints/").status_code == 200
    response = client_for(other_head).post(f"{PAGE}{token_a.token.pk}/revoke/")
    assert response.status_code == 302
    assert token_a.get("/api/v1/integration/complaints/").status_code == 401


def test_integration_tokens_are_not_among_personal_tokens(client_for, agency_head_a, token_a):
    page = client_for(agency_head_a).get("/manage/api/tokens/").content.decode()
    assert f"pnt_{token_a.token.prefix}" not in page


# --- What a token reads -------------------------------------------------------------------


@pytest.mark.covers("GET /api/v1/integration/complaints/")
def test_token_reads_the_reports_of_its_tree_without_personal_data(
    token_a, unit_a, unit_b, agency_a
):
    from pantau.organisations.tests.factories import ServiceUnitFactory

    below = ServiceUnitFactory(agency=agency_a.parent, slug="unit-kab-a")  # the regency: above
    complaint, code = make_report(unit_a, latitude=Decimal("-8.65"), longitude=Decimal("116.53"))
    make_report(unit_b)
    make_report(below)
    response = token_a.get("/api/v1/integration/complaints/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["tracking_number"] for r in rows] == [complaint.tracking_number]
    body = response.content.decode()
    for personal in ("Budi", "budi@example.id", "0812000111", "-8.65", "116.53", code):
        assert personal not in body
    row = rows[0]
    assert not {"reporter_name", "reporter_email", "reporter_phone", "latitude", "longitude"} & set(
        row
    )
    assert row["unit"] == "unit-a" and row["agency"] == "dinsos-a"
    assert row["description"] == "Tiga jam menunggu di loket."


def test_a_confidential_report_keeps_its_words_and_an_integrity_report_is_not_read(token_a, unit_a):
    confidential, _ = make_report(unit_a, confidential=True, subject="Rahasia sekali")
    make_report(unit_a, integrity=True, subject="Pungutan liar")
    response = token_a.get("/api/v1/integration/complaints/")
    rows = response.json()["results"]
    assert [r["tracking_number"] for r in rows] == [confidential.tracking_number]
    assert rows[0]["subject"] is None and rows[0]["description"] is None
    assert rows[0]["confidential"] is True
    assert (
        "Rahasia" not in response.content.decode() and "Pungutan" not in response.content.decode()
    )


def test_personal_data_typed_into_a_report_is_masked(token_a, unit_a):
    make_report(
        unit_a,
        subject="Saya Budi NIK 5203014101700001 ditolak",
        description="Hubungi saya di 081911112222 atau budi@example.id.",
    )
    response = token_a.get("/api/v1/integration/complaints.ndjson")
    text = b"".join(response.streaming_content).decode()
    for personal in ("Budi", "5203014101700001", "081911112222", "budi@example.id"):
        assert personal not in text
    row = json.loads(text)
    assert "ditolak" in row["subject"] and row["description"].startswith("Hubungi saya di")


def test_an_anonymous_report_stays_anonymous(token_a, unit_a):
    make_report(unit_a, anonymous=True)
    rows = token_a.get("/api/v1/integration/complaints/").json()["results"]
    assert rows[0]["anonymous"] is True
    assert "Budi" not in json.dumps(rows)


def test_token_of_other_agency_sees_nothing_of_this_one(token_b, report_a, unit_a):
    _period_published(unit_a)
    for path in ("complaints/", "skm-results/", "pekppp-results/"):
        response = token_b.get(f"/api/v1/integration/{path}")
        assert response.status_code == 200 and response.json()["results"] == []
    exported = token_b.get("/api/v1/integration/complaints.csv")
    assert len(list(csv.reader(io.StringIO(_text(exported))))) == 1  # the header alone
    assert report_a.tracking_number not in _text(exported)


def test_national_token_reads_every_units_reports(national_token, report_a, report_b):
    rows = national_token.get("/api/v1/integration/complaints/").json()["results"]
    assert {r["tracking_number"] for r in rows} == {
        report_a.tracking_number,
        report_b.tracking_number,
    }


def test_national_evaluators_personal_token_still_reads_no_integration_endpoint(
    token_for, national_evaluator, agency_head_a, api, report_a
):
    """Integration reads need an integration token: a personal token (403), a signed-in session
    (403) or no token (401) get nothing."""
    assert token_for(national_evaluator).get("/api/v1/integration/complaints/").status_code == 403
    assert token_for(agency_head_a).get("/api/v1/integration/complaints.csv").status_code == 403
    assert api.get("/api/v1/integration/complaints/").status_code == 401
    api.force_authenticate(agency_head_a)
    assert api.get("/api/v1/integration/skm-results/").status_code == 403


def test_integration_token_reads_nothing_else_and_writes_nothing(token_a, unit_a, report_a):
    for path in ("/api/v1/complaints/", "/api/v1/skm/periods/", "/api/v1/tokens/"):
        assert token_a.get(path).status_code in (401, 403), path
    changed = token_a.patch("/api/v1/units/unit-a/", {"city": "Selong"}, format="json")
    assert changed.status_code in (401, 403)
    assert token_a.post("/api/v1/integration/complaints/", {}).status_code in (403, 405)
    # A public read answers as it answers anyone.
    assert token_a.get("/api/v1/units/unit-a/").status_code == 200


def _period_published(unit, when=None):
    from pantau.satisfaction.models import SurveyPeriod
    from pantau.satisfaction.tests.factories import SurveyPeriodFactory

    period = SurveyPeriodFactory(unit=unit, opened=True)
    SurveyPeriod.objects.filter(pk=period.pk).update(published_at=when or timezone.now())
    return SurveyPeriod.objects.get(pk=period.pk)


@pytest.mark.covers("GET /api/v1/integration/skm-results/")
def test_token_reads_the_published_skm_results_of_its_tree(token_a, unit_a, unit_b):
    from pantau.satisfaction.tests.factories import SurveyPeriodFactory

    published = _period_published(unit_a)
    SurveyPeriodFactory(unit=unit_a, number=2, opened=True)  # not published: not read
    _period_published(unit_b)
    rows = token_a.get("/api/v1/integration/skm-results/").json()["results"]
    assert [r["id"] for r in rows] == [published.pk]
    assert rows[0]["unit"] == "unit-a" and rows[0]["respondents"] == 0 and rows[0]["ikm"] is None


def _published_result(unit, ipp="3.50"):
    from pantau.evaluations.models import Lokus, Round
    from pantau.evaluations.tests.factories import LokusFactory, RoundFactory

    evaluator = UserFactory()
    MembershipFactory(user=evaluator, role=Role.EVALUATOR, agency=None, unit=None)
    round_ = RoundFactory(body=unit.agency, actor=evaluator)
    lokus = LokusFactory(round_=round_, unit=unit, actor=evaluator)
    Lokus.objects.filter(pk=lokus.pk).update(ipp=Decimal(ipp), grade="B", label="Baik", rank=1)
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.RESULTS)
    return lokus, round_


@pytest.mark.covers("GET /api/v1/integration/pekppp-results/")
def test_token_reads_the_published_pekppp_results_of_its_tree(token_a, unit_a, unit_b):
    from pantau.evaluations.models import Round

    lokus, _round = _published_result(unit_a)
    _other, other_round = _published_result(unit_b)
    rows = token_a.get("/api/v1/integration/pekppp-results/").json()["results"]
    assert [(r["id"], r["ipp"], r["grade"]) for r in rows] == [(lokus.pk, 3.5, "B")]
    # A round whose results are not yet published gives nothing.
    Round.objects.filter(pk=_round.pk).update(status=Round.Status.VERIFICATION)
    assert token_a.get("/api/v1/integration/pekppp-results/").json()["results"] == []
    assert other_round.pk != _round.pk


# --- Bulk export --------------------------------------------------------------------------


def _fields(response) -> set[str]:
    return {error.get("field") for error in response.json()["errors"]}


def _text(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.mark.covers(
    "GET /api/v1/integration/complaints.csv", "GET /api/v1/integration/complaints.ndjson"
)
def test_export_streams_rows_read_through_an_iterator(token_a, unit_a, monkeypatch):
    reports = [make_report(unit_a)[0] for _ in range(3)]
    calls = []
    original = QuerySet.iterator

    def spying(self, chunk_size=None):
        calls.append(chunk_size)
        return original(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spying)
    response = token_a.get("/api/v1/integration/complaints.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert calls == []  # nothing is read before the body is sent
    lines = iter(response.streaming_content)
    header = next(lines).decode("utf-8-sig")
    assert header.startswith("tracking_number,") and "reporter" not in header
    assert calls == []  # the header goes out before the first row is read
    rows = list(csv.DictReader(io.StringIO(header + b"".join(lines).decode())))
    assert calls == [500]
    assert [r["tracking_number"] for r in rows] == [c.tracking_number for c in reports]
    assert rows[0]["confidential"] == "false" and rows[0]["rating"] == ""

    calls.clear()
    response = token_a.get("/api/v1/integration/complaints.ndjson")
    assert response.streaming and response["Content-Type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in _text(response).splitlines()]
    assert calls == [500]
    assert [r["tracking_number"] for r in rows] == [c.tracking_number for c in reports]


@pytest.mark.covers(
    "GET /api/v1/integration/skm-results.csv",
    "GET /api/v1/integration/pekppp-results.ndjson",
    "GET /api/v1/integration/skm-results.ndjson",
    "GET /api/v1/integration/pekppp-results.csv",
)
def test_skm_and_pekppp_exports_hold_the_same_rows_as_the_lists(token_a, unit_a):
    period = _period_published(unit_a)
    lokus, _round = _published_result(unit_a)
    skm = list(
        csv.DictReader(io.StringIO(_text(token_a.get("/api/v1/integration/skm-results.csv"))))
    )
    assert [int(r["id"]) for r in skm] == [period.pk]
    skm_lines = _text(token_a.get("/api/v1/integration/skm-results.ndjson")).splitlines()
    assert [json.loads(line)["id"] for line in skm_lines] == [period.pk]
    pekppp = _text(token_a.get("/api/v1/integration/pekppp-results.ndjson")).splitlines()
    assert (
        json.loads(pekppp[0])
        == token_a.get("/api/v1/integration/pekppp-results/").json()["results"][0]
    )
    csv_rows = list(
        csv.DictReader(io.StringIO(_text(token_a.get("/api/v1/integration/pekppp-results.csv"))))
    )
    assert csv_rows[0]["ipp"] == "3.50" and int(csv_rows[0]["id"]) == lokus.pk


def test_export_filters_by_updated_after_and_refuses_bad_parameters(token_a, unit_a):
    from pantau.complaints.models import Complaint

    old, _ = make_report(unit_a)
    Complaint.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=3))
    new, _ = make_report(unit_a)
    since = (timezone.now() - timedelta(days=1)).isoformat()
    rows = _text(token_a.get("/api/v1/integration/complaints.ndjson", {"updated_after": since}))
    assert [json.loads(line)["tracking_number"] for line in rows.splitlines()] == [
        new.tracking_number
    ]
    bad = token_a.get("/api/v1/integration/complaints.csv", {"updated_after": "kemarin"})
    assert bad.status_code == 400 and _fields(bad) == {"updated_after"}
    unknown = token_a.get("/api/v1/integration/complaints.csv", {"since": since})
    assert unknown.status_code == 400 and _fields(unknown) == {"since"}


def test_export_by_region_code_reads_only_that_region(
    token_a, coded, national_token, report_a, report_b
):
    rows = _text(
        national_token.get("/api/v1/integration/complaints.ndjson", {"region_code": "31.75"})
    )
    assert [json.loads(line)["tracking_number"] for line in rows.splitlines()] == [
        report_b.tracking_number
    ]
    assert json.loads(rows.splitlines()[0])["region_code"] == "31.75.07"


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(token_a, unit_a):
    make_report(unit_a, subject='=HYPERLINK("http://x")')
    rows = list(
        csv.DictReader(io.StringIO(_text(token_a.get("/api/v1/integration/complaints.csv"))))
    )
    assert rows[0]["subject"].startswith("'=")
