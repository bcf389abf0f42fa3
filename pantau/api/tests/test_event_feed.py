"""``GET /api/v1/events/``: a receiver that was down reads the events it missed, in order, page by
page, never one twice and never one skipped, and only of the units it may see (issue 20)."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from pantau.complaints import services as complaint_services
from pantau.events.models import Event
from pantau.organisations.tests.factories import ServiceUnitFactory
from pantau.satisfaction import events as skm_events
from pantau.satisfaction.tests.factories import SurveyPeriodFactory

from .conftest import make_report
from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

FEED = "/api/v1/events/"


@pytest.fixture(autouse=True)
def no_delay(settings):
    settings.PANTAU_EVENT_FEED_DELAY_SECONDS = 0


@pytest.fixture
def emitted(django_capture_on_commit_callbacks):
    """emitted(unit) -> the report made there, its ``complaint.created`` event stored."""

    def report(unit):
        with django_capture_on_commit_callbacks(execute=True):
            return make_report(unit)[0]

    return report


def _read_all(client, url: str) -> list[str]:
    ids = []
    while url:
        page = client.get(url)
        assert page.status_code == 200, page.json()
        ids += [event["id"] for event in page.json()["results"]]
        url = page.json()["next"]
    return ids


def _ids(unit) -> list[str]:
    return [
        str(u)
        for u in Event.objects.filter(unit=unit).order_by("id").values_list("uuid", flat=True)
    ]


@pytest.mark.covers("GET /api/v1/events/")
def test_pages_follow_the_order_of_events_without_repeats_or_gaps(
    token_for, unit_head_a, unit_a, unit_b, emitted
):
    for unit in (unit_a, unit_b, unit_a, unit_a, unit_b, unit_a, unit_a):
        emitted(unit)
    client = token_for(unit_head_a)
    first = client.get(FEED, {"limit": 2}).json()
    assert len(first["results"]) == 2 and "limit=2" in first["next"]
    assert _read_all(client, f"{FEED}?limit=2") == _ids(unit_a)
    assert len(_ids(unit_a)) == 5


def test_an_event_that_happens_while_paging_is_on_a_later_page(
    token_for, unit_head_a, unit_a, emitted
):
    for _n in range(3):
        emitted(unit_a)
    client = token_for(unit_head_a)
    page = client.get(FEED, {"limit": 2}).json()
    seen = [event["id"] for event in page["results"]]
    emitted(unit_a)
    seen += _read_all(client, page["next"])
    assert seen == _ids(unit_a) and len(seen) == 4


def test_reading_after_the_last_event_you_have_gives_only_newer_ones(
    token_for, unit_head_a, unit_a, emitted
):
    emitted(unit_a)
    client = token_for(unit_head_a)
    last = client.get(FEED).json()
    assert last["next"] is None and len(last["results"]) == 1
    nothing = client.get(FEED, {"after": last["results"][0]["id"]}).json()
    assert nothing == {"next": None, "results": []}
    complaint = emitted(unit_a)
    newer = client.get(FEED, {"after": last["results"][0]["id"]}).json()["results"]
    assert [e["data"]["tracking_number"] for e in newer] == [complaint.tracking_number]


def test_the_feed_gives_what_the_webhooks_send(
    token_for, unit_head_a, unit_a, officer_a, emitted, django_capture_on_commit_callbacks
):
    complaint = emitted(unit_a)
    with django_capture_on_commit_callbacks(execute=True):
        complaint_services.transition(actor=officer_a, complaint=complaint, action="verify")
        period = SurveyPeriodFactory(unit=unit_a, actor=unit_head_a)
        period.published_at = timezone.now()
        skm_events.skm_result_published(period)
    response = token_for(unit_head_a).get(FEED)
    assert [e["event"] for e in response.json()["results"]] == [
        "complaint.created",
        "complaint.status_changed",
        "skm.result_published",
    ]
    assert response.json()["results"] == [e.payload for e in Event.objects.order_by("id")]
    assert_conforms(response, "GET", FEED)


def test_events_still_being_saved_are_held_back_and_never_skipped(
    token_for, unit_head_a, unit_a, settings
):
    settings.PANTAU_EVENT_FEED_DELAY_SECONDS = 5
    now = timezone.now()
    # Numbers are drawn before a save commits: the earlier number may be the later to appear.
    earlier = Event.objects.create(
        type="complaint.created", unit=unit_a, payload={}, created_at=now
    )
    Event.objects.create(
        type="complaint.created", unit=unit_a, payload={}, created_at=now - timedelta(minutes=1)
    )
    client = token_for(unit_head_a)
    assert client.get(FEED).json()["results"] == []
    with time_machine.travel(now + timedelta(seconds=6), tick=False):
        assert len(client.get(FEED).json()["results"]) == 2
    assert earlier.pk < Event.objects.order_by("-id")[0].pk


def test_only_own_units_events_are_read(
    token_for, unit_head_a, unit_head_b, officer_a, unit_a, unit_b, emitted
):
    emitted(unit_a)
    emitted(unit_b)
    assert _read_all(token_for(unit_head_b), FEED) == _ids(unit_b)
    # Events are for whoever manages the unit's webhooks: an officer reads none.
    assert _read_all(token_for(officer_a), FEED) == []
    # Nor can another unit's event serve as a starting point.
    response = token_for(unit_head_b).get(FEED, {"after": _ids(unit_a)[0]})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "after"


def test_a_token_limited_to_some_units_reads_only_theirs(
    token_for, agency_head_a, agency_a, unit_a, emitted
):
    sibling = ServiceUnitFactory(agency=agency_a, slug="unit-a-sibling")
    emitted(unit_a)
    emitted(sibling)
    assert _read_all(token_for(agency_head_a), FEED) == [*_ids(unit_a), *_ids(sibling)]
    assert _read_all(token_for(agency_head_a, units=[sibling]), FEED) == _ids(sibling)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"limit": "-5"}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"after": "42"}, "after"),
        ({"after": "not-a-uuid"}, "after"),
        ({"after": str(uuid.uuid4())}, "after"),
        ({"since": "2026-01-01"}, "since"),
        ({"page_size": "10"}, "page_size"),
    ],
)
def test_bad_parameters_answer_400_in_the_error_body(token_for, unit_head_a, query, field):
    response = token_for(unit_head_a).get(FEED, query)
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == [field]
    assert_conforms(response, "GET", FEED)


def test_without_a_token_the_feed_answers_401(api):
    response = api.get(FEED)
    assert (
        response.status_code == 401 and response.json()["errors"][0]["code"] == "not_authenticated"
    )


def _documented_catch_up():
    """The recovery example of docs/api.md ("Reading the events you missed"), as written."""
    from pathlib import Path

    from django.conf import settings

    text = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text()
    blocks = [b.split("```")[0] for b in text.split("```python\n")[1:]]
    (code,) = [block for block in blocks if "def catch_up" in block]
    return code


@pytest.mark.django_db(transaction=True)
def test_the_documented_recovery_example_reads_every_event_once(live_server, unit_a, unit_head_a):
    from pantau.api import services

    _token, secret = services.create_token(actor=unit_head_a, name="receiver", can_write=False)
    stored = [
        Event.objects.create(
            type="complaint.created",
            unit=unit_a,
            payload={"id": str(u), "n": n},
            uuid=u,
            created_at=timezone.now() - timedelta(minutes=5),
        )
        for n, u in enumerate(uuid.uuid4() for _n in range(5))
    ]
    namespace: dict = {}
    exec(_documented_catch_up(), namespace)  # noqa: S102 - our own documentation's example
    namespace["BASE"] = live_server.url + FEED
    handled: list[int] = []
    seen = {str(stored[2].uuid)}  # a webhook already brought this one
    last = namespace["catch_up"](
        secret, str(stored[0].uuid), lambda e: handled.append(e["n"]), seen
    )
    assert handled == [1, 3, 4] and last == str(stored[-1].uuid)
    assert namespace["catch_up"](secret, last, handled.append, seen) == last and len(handled) == 3
