"""``updated_after`` on the REST lists (pantau.api.sync): a client syncing in small pages, while
rows change between its pages, sees each change exactly once, even when many rows share one
timestamp; bad moments and forged cursors answer 400 naming the parameter."""

import base64
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import time_machine

from pantau.complaints.models import Complaint
from pantau.organisations.models import ServiceUnit
from pantau.organisations.tests.factories import ServiceUnitFactory

from .conftest import make_report

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _sync(client, url: str) -> tuple[list[dict], str]:
    """Follow ``next`` from ``url`` to the end: the rows read, and the Pantau-Resume address."""
    rows: list[dict] = []
    while True:
        response = client.get(url)
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["previous"] is None
        rows += body["results"]
        if body["next"] is None:
            return rows, response.headers["Pantau-Resume"]
        assert body["next"] == response.headers["Pantau-Resume"]
        url = body["next"]


def _cursor(url: str) -> str:
    return parse_qs(urlsplit(url).query)["cursor"][0]


@pytest.mark.covers("GET /api/v1/complaints/")
def test_client_syncing_in_small_pages_sees_each_change_exactly_once(
    token_for, unit_head_a, unit_a
):
    client = token_for(unit_head_a)
    with time_machine.travel(START, tick=False) as clock:
        reports = [make_report(unit_a)[0] for _ in range(7)]
        # All seven share one timestamp: the order among them is their id.
        Complaint.objects.update(updated_at=START)
        clock.shift(timedelta(minutes=1))
        since = quote((START - timedelta(seconds=1)).isoformat())
        first = client.get(f"/api/v1/complaints/?updated_after={since}&page_size=2")
        body = first.json()
        seen = [(row["tracking_number"], row["updated_at"]) for row in body["results"]]
        assert [n for n, _ in seen] == [r.tracking_number for r in reports[:2]]

        # Between two pages: a row already read and a row not yet read change.
        clock.shift(timedelta(seconds=1))
        reports[0].subject = "Loket tutup lebih awal"
        reports[0].save()
        reports[1].subject = "Antrean berjam-jam"  # read on the first page
        reports[1].save()
        reports[4].subject = "Petugas tidak ada"  # not read yet
        reports[4].save()
        rows, resume = _sync(client, body["next"])
        seen += [(row["tracking_number"], row["updated_at"]) for row in rows]
        # The changes of the last seconds wait for a later call; the rest came once each.
        assert [n for n, _ in seen] == [r.tracking_number for r in (*reports[:4], *reports[5:])]

        clock.shift(timedelta(minutes=1))
        rows, resume_again = _sync(client, resume)
        seen += [(row["tracking_number"], row["updated_at"]) for row in rows]
        assert [row["tracking_number"] for row in rows] == [
            r.tracking_number for r in (reports[0], reports[1], reports[4])
        ]
        # Nothing changed since: the resume address answers no row and stays where it was.
        again = client.get(resume_again)
        assert again.json()["results"] == [] and again.headers["Pantau-Resume"] == resume_again

    # Six first versions (the fifth report changed before it was read) and three changes.
    assert len(seen) == len(set(seen)) == 9
    latest = {number: at for number, at in seen}
    for report in Complaint.objects.all():
        assert (
            latest[report.tracking_number]
            == client.get(f"/api/v1/complaints/{report.tracking_number}/").json()["updated_at"]
        )


def test_rows_of_one_timestamp_are_not_skipped_when_one_of_them_moves(
    token_for, unit_head_a, unit_a
):
    """DRF's cursor keeps an offset among equal values: A, B read, A moves, C would be skipped."""
    client = token_for(unit_head_a)
    with time_machine.travel(START, tick=False) as clock:
        a, b, c = (make_report(unit_a)[0] for _ in range(3))
        Complaint.objects.update(updated_at=START)
        clock.shift(timedelta(minutes=1))
        since = quote(START.replace(year=2025).isoformat())
        page = client.get(f"/api/v1/complaints/?updated_after={since}&page_size=2").json()
        a.save()
        clock.shift(timedelta(minutes=1))
        rows, _resume = _sync(client, page["next"])
    assert [r["tracking_number"] for r in page["results"]] == [a.tracking_number, b.tracking_number]
    assert [r["tracking_number"] for r in rows] == [c.tracking_number, a.tracking_number]


def test_public_lists_sync_oldest_change_first_with_a_resume_address(api, unit_a, unit_b):
    ServiceUnit.objects.update(updated_at=START - timedelta(days=1))
    with time_machine.travel(START, tick=False) as clock:
        ServiceUnitFactory(slug="unit-c", agency=unit_a.agency)
        clock.shift(timedelta(seconds=-30))
        unit_b.save()
        clock.shift(timedelta(minutes=5))
        response = api.get("/api/v1/units/", {"updated_after": "2026-11-23T08:00:00+07:00"})
    assert response.status_code == 200
    slugs = [unit["slug"] for unit in response.json()["results"]]
    assert slugs == ["unit-b", "unit-c"]  # unit_a was last changed before 08:00 WIB
    assert response.headers["Pantau-Resume"].startswith("http://testserver/api/v1/units/?")


def test_an_unescaped_plus_in_the_offset_is_read_as_the_offset(api, unit_a):
    ServiceUnit.objects.update(updated_at=START)
    response = api.get("/api/v1/units/?updated_after=2020-01-01T00:00:00+07:00")
    assert response.status_code == 200
    assert [u["slug"] for u in response.json()["results"]] == ["unit-a"]


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-23T09:00:00",  # no zone
        "2026-11-23",  # a date only
        "kemarin",
        "2026-11-23T09:00:00+23:00",  # no such offset on Earth
        "9999-12-31T23:59:59-12:00",  # past what a database holds in UTC
    ],
)
def test_a_moment_without_its_zone_or_no_moment_answers_400_naming_updated_after(api, value):
    response = api.get("/api/v1/units/", {"updated_after": value}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "updated_after" and error["code"] == "invalid"
    assert "zone" in error["message"]


def test_a_cursor_not_made_for_the_sync_answers_400(api, unit_a):
    ServiceUnitFactory(slug="unit-z", agency=unit_a.agency)
    plain = api.get("/api/v1/units/", {"page_size": 1}).json()  # a cursor of the slug order
    cursor = _cursor(plain["next"])
    forged = base64.b64encode(b"u=yesterday&i=1").decode()
    for value in (cursor, forged, "bm90IGEgY3Vyc29y"):
        response = api.get(
            "/api/v1/units/", {"updated_after": "2020-01-01T00:00:00Z", "cursor": value}
        )
        assert response.status_code == 400
        assert [e["field"] for e in response.json()["errors"]] == ["cursor"]


def test_a_sync_cursor_without_updated_after_answers_400(api, unit_a):
    ServiceUnitFactory(slug="unit-z", agency=unit_a.agency)
    with time_machine.travel(datetime.now(UTC) + timedelta(minutes=1)):
        page = api.get("/api/v1/units/", {"updated_after": "2020-01-01T00:00:00Z", "page_size": 1})
    cursor = _cursor(page.json()["next"])
    response = api.get("/api/v1/units/", {"cursor": cursor})
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["cursor"]


def test_a_list_whose_rows_have_no_update_time_refuses_updated_after(api, unit_a):
    response = api.get("/api/v1/complaints/categories/", {"updated_after": "2020-01-01T00:00:00Z"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "updated_after" and error["code"] == "unknown_parameter"


def test_every_list_with_update_times_describes_updated_after_and_the_resume_header():
    from .schema_check import _schema

    paths = _schema()["paths"]
    syncing = {
        path
        for path, item in paths.items()
        if any(p["name"] == "updated_after" for p in item.get("get", {}).get("parameters", []))
    }
    expected = {
        "/api/v1/complaints/",
        "/api/v1/units/",
        "/api/v1/agencies/",
        "/api/v1/services/",
        "/api/v1/skm/results/",
        "/api/v1/skm/periods/",
        "/api/v1/pekppp/rounds/",
        "/api/v1/pekppp/rounds/{id}/ranking/",
        "/api/v1/improvements/actions/",
        "/api/v1/innovations/",
        "/api/v1/innovations/catalogue/",
        "/api/v1/units/{slug}/standards/",
        "/api/v1/units/{slug}/forums/",
        "/api/v1/studies/",
    }
    assert expected <= syncing
    assert "/api/v1/complaints/categories/" not in syncing
    for path in syncing:
        headers = paths[path]["get"]["responses"]["200"]["headers"]
        assert "Pantau-Resume" in headers


def test_a_change_of_the_last_seconds_waits_for_the_next_call(api, unit_a):
    with time_machine.travel(START, tick=False) as clock:
        ServiceUnit.objects.update(updated_at=START)
        clock.shift(timedelta(seconds=2))
        response = api.get("/api/v1/units/", {"updated_after": "2026-11-23T01:00:00Z"})
        assert response.json()["results"] == []
        clock.shift(timedelta(seconds=5))
        later = api.get(response.headers["Pantau-Resume"])
    assert [u["slug"] for u in later.json()["results"]] == ["unit-a"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/agencies/",
        "/api/v1/services/",
        "/api/v1/skm/results/",
        "/api/v1/innovations/catalogue/",
        "/api/v1/units/unit-a/standards/",
        "/api/v1/units/unit-a/forums/",
    ],
)
def test_each_public_list_syncs_through_the_same_pages(api, unit_a, path):
    response = api.get(path, {"updated_after": "2020-01-01T00:00:00+07:00", "page_size": 1})
    assert response.status_code == 200, response.json()
    assert response.json()["previous"] is None
    assert response.headers["Pantau-Resume"].startswith(f"http://testserver{path}?")


def test_a_conditional_sync_read_is_not_answered_by_the_data_version_alone(api, unit_a, settings):
    """What a sync read answers also moves with time (the settle window): the shared cache's
    ETag, which moves only when data changes, would keep a client on an empty page."""
    from pantau.common import httpcache

    settings.PANTAU_PAGE_CACHE = True
    httpcache.forget()
    with time_machine.travel(START, tick=False) as clock:
        ServiceUnit.objects.update(updated_at=START)
        clock.shift(timedelta(seconds=1))
        url = "/api/v1/units/?updated_after=2026-11-23T01:00:00Z"
        first = api.get(url)
        assert first.json()["results"] == []
        clock.shift(timedelta(seconds=10))
        later = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert later.status_code == 200
    assert [u["slug"] for u in later.json()["results"]] == ["unit-a"]
    assert later["Access-Control-Allow-Origin"] == "*"
