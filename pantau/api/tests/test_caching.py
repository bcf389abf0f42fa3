"""The API's reads carry validators (issue 20, item 5): public reads are shared like the public
pages, reads with a token or a session are the caller's alone, and either answers 304 while
nothing changed and a new ETag once the record changed."""

import pytest

from pantau.common import httpcache

pytestmark = pytest.mark.django_db

UNITS = "/api/v1/units/"


@pytest.fixture
def page_cache(settings):
    """The shared cache of production (Redis): the generation decides the public ETag."""
    settings.PANTAU_PAGE_CACHE = True
    httpcache.forget()


def _rename(unit, name, capture):
    with capture(execute=True):
        unit.name = name
        unit.save(update_fields=["name"])


def test_a_public_read_is_shared_and_open_to_other_sites(api, unit_a, page_cache):
    response = api.get(f"{UNITS}{unit_a.slug}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, no-cache"
    assert response["ETag"].startswith('W/"') and response["Last-Modified"]
    assert response["Access-Control-Allow-Origin"] == "*"
    vary = response["Vary"]
    assert "Authorization" in vary and "Accept-Language" in vary and "Cookie" in vary


def test_a_public_read_answers_304_without_running_the_view(
    api, unit_a, page_cache, django_assert_num_queries
):
    url = f"{UNITS}{unit_a.slug}/"
    etag = api.get(url)["ETag"]
    with django_assert_num_queries(0):
        again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and again["Cache-Control"] == "public, no-cache"
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_changed_unit_gets_a_new_etag_on_its_public_read(
    api, unit_a, page_cache, django_capture_on_commit_callbacks
):
    url = f"{UNITS}{unit_a.slug}/"
    before = api.get(url)
    _rename(unit_a, "Loket Baru Dinas Sosial", django_capture_on_commit_callbacks)
    after = api.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["name"] == "Loket Baru Dinas Sosial"
    assert after["ETag"] != before["ETag"]


def test_the_public_etag_differs_by_language_and_query(api, unit_a, page_cache):
    indonesian = api.get(UNITS)["ETag"]
    english = api.get(UNITS, HTTP_ACCEPT_LANGUAGE="en")
    assert english["ETag"] != indonesian
    assert api.get(UNITS, HTTP_IF_NONE_MATCH=english["ETag"]).status_code == 200
    assert (
        api.get(UNITS, HTTP_IF_NONE_MATCH=english["ETag"], HTTP_ACCEPT_LANGUAGE="en").status_code
        == 304
    )
    assert api.get(UNITS + "?province=NTB")["ETag"] != indonesian


def test_without_a_shared_cache_the_public_etag_follows_the_body(
    api, unit_a, django_capture_on_commit_callbacks
):
    """Development and the tests keep a cache per process: the ETag is the body's."""
    url = f"{UNITS}{unit_a.slug}/"
    first = api.get(url)
    assert first["Cache-Control"] == "public, no-cache"
    assert first["Access-Control-Allow-Origin"] == "*"
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    _rename(unit_a, "Loket Baru Dinas Sosial", django_capture_on_commit_callbacks)
    changed = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_a_read_with_a_token_is_private_and_revalidates(
    token_for, officer_a, unit_a, page_cache, django_capture_on_commit_callbacks
):
    client = token_for(officer_a)
    url = f"{UNITS}{unit_a.slug}/"
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "private, no-cache"
    assert "Authorization" in first["Vary"]
    assert "Access-Control-Allow-Origin" not in first
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["Cache-Control"] == "private, no-cache" and again["ETag"] == first["ETag"]
    _rename(unit_a, "Loket Baru Dinas Sosial", django_capture_on_commit_callbacks)
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_a_private_list_revalidates_and_changes_with_its_rows(token_for, officer_a, report_a):
    from pantau.api.tests.conftest import make_report

    client = token_for(officer_a)
    first = client.get("/api/v1/complaints/")
    assert first.status_code == 200 and first["Cache-Control"] == "private, no-cache"
    assert client.get("/api/v1/complaints/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    make_report(report_a.unit, subject="Loket tutup")
    changed = client.get("/api/v1/complaints/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_a_signed_in_session_never_gets_the_shared_copy(
    api, client_for, officer_a, unit_a, page_cache
):
    url = f"{UNITS}{unit_a.slug}/"
    public_etag = api.get(url)["ETag"]
    response = client_for(officer_a).get(url, HTTP_IF_NONE_MATCH=public_etag)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    assert "Access-Control-Allow-Origin" not in response


def test_a_token_sent_with_a_public_etag_gets_its_own_answer(
    api, token_for, officer_a, unit_a, page_cache
):
    url = f"{UNITS}{unit_a.slug}/"
    public_etag = api.get(url)["ETag"]
    response = token_for(officer_a).get(url, HTTP_IF_NONE_MATCH=public_etag)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


def test_an_endpoint_needing_a_token_is_never_shared(api, unit_a, page_cache):
    response = api.get("/api/v1/complaints/", HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 401
    assert "ETag" not in response and "public" not in response.get("Cache-Control", "")


def test_writes_carry_no_validators(token_for, unit_head_a, unit_a):
    response = token_for(unit_head_a, write=True).patch(
        f"{UNITS}{unit_a.slug}/", {"city": "Selong"}, format="json"
    )
    assert response.status_code == 200
    assert "ETag" not in response and "Cache-Control" not in response


def test_only_reads_anyone_may_make_are_public():
    from pantau.api import urls
    from pantau.api.caching import anonymous_get_allowed

    public = {
        str(p.pattern) for p in urls.urlpatterns if getattr(p.callback, "pantau_public", None)
    }
    assert {"units/", "units/<slug:slug>/", "skm/results/", "skm/results/<int:pk>/"} <= public
    assert {"units/<slug:slug>/maklumat/", "innovations/catalogue/"} <= public
    for private in ("complaints/", "complaints/<slug:number>/", "tokens/", "skm/periods/"):
        assert private not in public
    pattern = next(p for p in urls.urlpatterns if str(p.pattern) == "complaints/")
    assert not anonymous_get_allowed(pattern.callback)


def test_a_published_skm_result_renews_the_public_list(
    api, unit_a, page_cache, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from pantau.satisfaction.tests.factories import SurveyPeriodFactory

    with django_capture_on_commit_callbacks(execute=True):
        period = SurveyPeriodFactory(unit=unit_a)
    before = api.get("/api/v1/skm/results/")
    assert before.json()["results"] == []
    assert api.get("/api/v1/skm/results/", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        period.published_at = timezone.now()  # as publish_period records it
        period.save(update_fields=["published_at"])
    after = api.get("/api/v1/skm/results/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert [r["id"] for r in after.json()["results"]] == [period.pk]


def test_every_read_documents_304_and_its_validators(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    reads = [item["get"] for item in schema["paths"].values() if "get" in item]
    assert len(reads) > 40
    for operation in reads:
        assert "304" in operation["responses"]
        if "200" in operation["responses"]:
            assert {"ETag", "Cache-Control"} <= set(operation["responses"]["200"]["headers"])
