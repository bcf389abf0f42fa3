"""Public reads are cached and answered 304 while nothing the public reads has changed (issue 20),
and never after it changed; signed-in people, POST forms and messages are never cached."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from pantau.common import httpcache


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PANTAU_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def _rename(unit, name, capture):
    with capture(execute=True):
        unit.name = name
        unit.save(update_fields=["name"])


def test_a_public_page_carries_validators_and_asks_to_revalidate(client, unit_a):
    response = client.get(reverse("portal:unit-detail", args=[unit_a.slug]))
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"]
    assert response["Cache-Control"] == "public, no-cache"
    assert "Cookie" in response["Vary"]


def test_a_conditional_get_is_answered_304_without_a_body(
    client, unit_a, django_assert_num_queries
):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag


def test_the_page_is_served_from_the_cache_without_queries(
    client, unit_a, django_assert_num_queries
):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_change_the_public_reads_shows_at_once(
    client, unit_a, django_capture_on_commit_callbacks
):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    before = client.get(url)
    _rename(unit_a, "Loket Baru Dinas Sosial", django_capture_on_commit_callbacks)
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "Loket Baru Dinas Sosial" in after.content.decode()
    assert after["ETag"] != before["ETag"]


def test_a_citizens_answer_does_not_empty_the_cache(unit_a, django_capture_on_commit_callbacks):
    from django.db.models.signals import post_save

    from pantau.surveys.models import Response

    before = httpcache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        post_save.send(sender=Response, instance=Response(), created=True)
    assert httpcache.generation() == before
    with django_capture_on_commit_callbacks(execute=True):
        unit_a.save()
    assert httpcache.generation() > before


def test_each_language_and_address_has_its_own_copy(client, unit_a):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    indonesian = client.get(url)
    english = Client()
    english.cookies["pantau_language"] = "en"
    in_english = english.get(url)
    assert indonesian["ETag"] != in_english["ETag"]
    assert '<html lang="en">' in in_english.content.decode()
    other = client.get(url + "?x=1")
    assert other["ETag"] != indonesian["ETag"]


def test_signed_in_staff_get_a_fresh_private_page(client_for, officer_a, unit_a):
    staff = client_for(officer_a)
    response = staff.get(reverse("portal:unit-detail", args=[unit_a.slug]))
    assert response.status_code == 200
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_page_with_a_post_form_is_never_shared(client, unit_a):
    """The home-visit form carries a CSRF token belonging to its visitor."""
    unit_a.home_visits = True
    unit_a.save(update_fields=["home_visits"])
    url = reverse("portal:home-visit", args=[unit_a.slug])
    assert "ETag" not in client.get(url)
    home = reverse("portal:home")
    assert client.get(home).status_code == 200
    assert "csrfmiddlewaretoken" not in client.get(home).content.decode()


def test_open_data_may_be_read_by_other_sites(client, unit_a):
    response = client.get(reverse("portal:open-data-skm", args=[unit_a.slug, "json"]))
    assert response["Access-Control-Allow-Origin"] == "*"
    page = client.get(reverse("portal:unit-detail", args=[unit_a.slug]))
    assert "Access-Control-Allow-Origin" not in page


def test_the_language_is_chosen_with_a_plain_link(client, db):
    switch = client.get(reverse("choose-language", args=["en"]) + "?next=/units/")
    assert switch.status_code == 302 and switch["Location"] == "/units/"
    assert "Find a service unit" in client.get(reverse("portal:home")).content.decode()
    away = client.get(reverse("choose-language", args=["id"]) + "?next=https://evil.example/")
    assert away["Location"] == "/"
    assert client.get(reverse("choose-language", args=["fr"])).status_code == 404


def test_a_new_report_renews_the_pages_that_show_reports_only(
    client, unit_a, django_capture_on_commit_callbacks
):
    from pantau.complaints.tests.factories import ComplaintFactory

    directory = reverse("portal:unit-list")
    followup = reverse("portal:unit-followup", args=[unit_a.slug])
    before = (client.get(directory)["ETag"], client.get(followup)["ETag"])
    with django_capture_on_commit_callbacks(execute=True):
        ComplaintFactory(unit=unit_a)
    assert client.get(directory)["ETag"] == before[0]
    assert client.get(followup)["ETag"] != before[1]


def test_a_search_is_not_kept_but_still_revalidates(client, unit_a, django_assert_max_num_queries):
    url = reverse("portal:unit-list") + "?q=sosial"
    first = client.get(url)
    assert not [key for key in cache._cache if httpcache.PAGE_PREFIX in key]  # type: ignore[attr-defined]
    with django_assert_max_num_queries(0):
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    client.get(reverse("portal:unit-list"))
    assert [key for key in cache._cache if httpcache.PAGE_PREFIX in key]  # type: ignore[attr-defined]


def test_the_public_register_and_a_reports_page_are_cached(client, unit_a):
    from pantau.complaints.tests.factories import ComplaintFactory

    report = ComplaintFactory(unit=unit_a)
    register = client.get(reverse("complaints:register"))
    assert register["Cache-Control"] == "public, no-cache"
    page = client.get(reverse("complaints:public-report", args=[report.tracking_number]))
    # Its follow form needs no CSRF token (complaints.views.follow says why), so it is shared.
    assert page.status_code == 200 and page["Cache-Control"] == "public, no-cache"
    assert "csrfmiddlewaretoken" not in page.content.decode()


def test_open311_reads_are_cached_and_open_to_other_sites(client, unit_a):
    from pantau.complaints.tests.factories import ComplaintFactory

    ComplaintFactory(unit=unit_a)
    services = client.get("/open311/v2/services.json")
    assert services.status_code == 200
    assert services["Access-Control-Allow-Origin"] == "*"
    again = client.get("/open311/v2/services.json", HTTP_IF_NONE_MATCH=services["ETag"])
    assert again.status_code == 304
    listed = client.get("/open311/v2/requests.json")
    assert listed.status_code == 200 and listed["Cache-Control"] == "public, no-cache"


def test_a_kept_answer_keeps_the_headers_the_view_set(client, unit_a):
    from pantau.complaints.tests.factories import ComplaintFactory

    for _ in range(3):
        ComplaintFactory(unit=unit_a)
    first = client.get("/open311/v2/requests.json?page_size=1")
    assert "next" in first.get("Link", "")
    download = client.get(reverse("portal:open-data-skm", args=[unit_a.slug, "csv"]))
    kept = client.get(reverse("portal:open-data-skm", args=[unit_a.slug, "csv"]))
    assert kept.get("Content-Disposition") == download.get("Content-Disposition")
    assert kept["Content-Type"] == download["Content-Type"]


def test_another_workers_change_is_seen_within_a_second(db, monkeypatch):
    """A change in another process moves the shared generation; this process keeps what it read
    for ``MEMO_SECONDS`` at most."""
    import time

    before = httpcache.generation()
    cache.set(httpcache.GENERATION_KEY + "public", before + 10, timeout=None)  # another worker
    assert httpcache.generation() == before  # still this process's memo
    later = time.monotonic() + httpcache.MEMO_SECONDS + 0.01
    monkeypatch.setattr(httpcache.time, "monotonic", lambda: later)
    assert httpcache.generation() == before + 10


# The early answer (NotModifiedMiddleware, above the session middleware).


def _refuse(request):
    raise AssertionError("the request went down the stack")


def test_an_anonymous_conditional_get_is_answered_before_the_session(rf, unit_a, client):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    etag = client.get(url)["ETag"]
    answer = httpcache.NotModifiedMiddleware(_refuse)(rf.get(url, HTTP_IF_NONE_MATCH=etag))
    assert answer.status_code == 304 and answer["ETag"] == etag
    assert answer["Cache-Control"] == "public, no-cache"
    assert answer["Content-Security-Policy"] and answer["X-Frame-Options"] == "DENY"


def test_the_early_304_carries_the_security_headers(client, unit_a, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    page = client.get(url, secure=True)
    again = client.get(url, HTTP_IF_NONE_MATCH=page["ETag"], secure=True)
    assert again.status_code == 304 and again.content == b""
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Strict-Transport-Security",
        "Cross-Origin-Opener-Policy",
    ):
        assert again[header] == page[header], header
    assert again["Vary"] == page["Vary"] and again["Content-Language"] == page["Content-Language"]
    assert not again.cookies


def test_the_early_304_follows_the_language_cookie(rf, unit_a):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    english = Client()
    english.cookies["pantau_language"] = "en"
    etag = english.get(url)["ETag"]
    early = httpcache.NotModifiedMiddleware(_refuse)
    asked = rf.get(url, HTTP_IF_NONE_MATCH=etag)
    asked.COOKIES["pantau_language"] = "en"
    assert early(asked)["Content-Language"] == "en"
    with pytest.raises(AssertionError, match="down the stack"):
        early(rf.get(url, HTTP_IF_NONE_MATCH=etag))  # Indonesian: another version


@pytest.mark.parametrize(
    "cookie", ["sessionid", "messages"], ids=["a session cookie", "a message cookie"]
)
def test_a_request_with_a_session_or_messages_goes_down_the_stack(rf, unit_a, client, cookie):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    asked = rf.get(url, HTTP_IF_NONE_MATCH=client.get(url)["ETag"])
    asked.COOKIES[cookie] = "x"
    with pytest.raises(AssertionError, match="down the stack"):
        httpcache.NotModifiedMiddleware(_refuse)(asked)


def test_a_signed_in_person_with_the_public_etag_gets_a_fresh_page(
    client, client_for, officer_a, unit_a
):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    etag = client.get(url)["ETag"]
    staff = client_for(officer_a).get(url, HTTP_IF_NONE_MATCH=etag)
    assert staff.status_code == 200 and "ETag" not in staff


def test_a_page_that_is_not_public_is_never_answered_early(rf, db):
    for url in (reverse("accounts:home"), "/no-such-page/", "/api/v1/complaints/"):
        with pytest.raises(AssertionError, match="down the stack"):
            httpcache.NotModifiedMiddleware(_refuse)(rf.get(url, HTTP_IF_NONE_MATCH="*"))


def test_an_unknown_host_is_refused_even_with_a_matching_etag(client, unit_a):
    url = reverse("portal:unit-detail", args=[unit_a.slug])
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_HOST="evil.example").status_code == 400


def test_a_public_api_read_is_answered_early_in_the_language_asked(rf, unit_a, client):
    url = f"/api/v1/units/{unit_a.slug}/"
    etag = client.get(url, HTTP_ACCEPT_LANGUAGE="en")["ETag"]
    early = httpcache.NotModifiedMiddleware(_refuse)
    answer = early(rf.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"))
    assert answer.status_code == 304 and "Authorization" in answer["Vary"]
    assert answer["Access-Control-Allow-Origin"] == "*"
    with pytest.raises(AssertionError, match="down the stack"):
        early(rf.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_AUTHORIZATION="Bearer pnt_x"))
