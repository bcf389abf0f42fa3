"""The standard's workflow through the API: a new draft, discussed in a forum, set by decree,
published (standards.services), refused to anyone the web page refuses."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.standards.models import StandardVersion
from pantau.standards.tests.conftest import PDF

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

SERVICE = "/api/v1/units/unit-a/services/rekomendasi-pbi/standard"


def _pdf(name="sk.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _versions(service):
    return list(service.standard_versions.order_by("number").values_list("number", "status"))


@pytest.mark.covers(
    "POST /api/v1/units/{slug}/services/{service_slug}/standard/drafts/",
    "POST /api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/discuss/",
    "POST /api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/set/",
    "POST /api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/publish/",
)
def test_a_new_version_goes_from_draft_to_in_force(
    token_for, published_a, forum_a, unit_head_a, officer_a
):
    service = published_a.service
    officer = token_for(officer_a, write=True)
    response = officer.post(f"{SERVICE}/drafts/")
    assert response.status_code == 201, response.json()
    assert_conforms(
        response, "POST", "/api/v1/units/{slug}/services/{service_slug}/standard/drafts/"
    )
    assert (response.json()["number"], response.json()["status"]) == (2, "draft")
    # Copied from version 1, so it is complete; the officer records the forum.
    response = officer.post(f"{SERVICE}/versions/2/discuss/", {"forum": forum_a.pk}, format="json")
    assert response.status_code == 200, response.json()
    assert_conforms(
        response,
        "POST",
        "/api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/discuss/",
    )
    assert response.json()["status"] == "discussed" and response.json()["forum"] == forum_a.pk
    head = token_for(unit_head_a, write=True)
    response = head.post(
        f"{SERVICE}/versions/2/set/",
        {"decree_number": "188/20/SK/2026", "decree_date": "2026-03-01", "decree_file": _pdf()},
        format="multipart",
    )
    assert response.status_code == 200, response.json()
    assert_conforms(
        response,
        "POST",
        "/api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/set/",
    )
    assert (
        response.json()["status"] == "set" and response.json()["decree_number"] == "188/20/SK/2026"
    )
    assert StandardVersion.objects.get(service=service, number=2).decree_file
    response = head.post(f"{SERVICE}/versions/2/publish/")
    assert response.status_code == 200, response.json()
    assert_conforms(
        response,
        "POST",
        "/api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/publish/",
    )
    assert response.json()["status"] == "published" and response.json()["published_at"]
    assert _versions(service) == [(1, "superseded"), (2, "published")]
    # The public now reads version 2 as the standard in force.
    assert token_for(officer_a).get(f"{SERVICE}/").json()["number"] == 2


def test_workflow_refuses_bad_input_and_changes_nothing(
    token_for, draft_a, forum_a, unit_head_a, officer_a
):
    service = draft_a.service
    head = token_for(unit_head_a, write=True)
    # A version is already in progress.
    again = head.post(f"{SERVICE}/drafts/")
    assert again.status_code == 400 and again.json()["errors"][0]["field"] is None
    # Not discussed yet: setting is refused by the workflow.
    early = head.post(
        f"{SERVICE}/versions/1/set/",
        {"decree_number": "1/SK", "decree_date": "2026-03-01", "decree_file": _pdf()},
        format="multipart",
    )
    assert early.status_code == 400
    assert head.post(f"{SERVICE}/versions/1/publish/").status_code == 400
    unknown_forum = head.post(f"{SERVICE}/versions/1/discuss/", {"forum": 999999}, format="json")
    assert unknown_forum.status_code == 400
    assert unknown_forum.json()["errors"][0]["field"] == "forum"
    head.post(f"{SERVICE}/versions/1/discuss/", {"forum": forum_a.pk}, format="json")
    cases = [
        (
            {"decree_number": "1/SK", "decree_date": "2999-01-01", "decree_file": _pdf()},
            "decree_date",
        ),
        (
            {
                "decree_number": "1/SK",
                "decree_date": "2026-03-01",
                "decree_file": SimpleUploadedFile(
                    "sk.pdf", b"not a pdf", content_type="application/pdf"
                ),
            },
            "decree_file",
        ),
        ({"decree_date": "2026-03-01", "decree_file": _pdf()}, "decree_number"),
        ({"decree_number": "1/SK", "decree_date": "2026-03-01"}, "decree_file"),
    ]
    for body, field in cases:
        response = head.post(f"{SERVICE}/versions/1/set/", body, format="multipart")
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["field"] == field, response.json()
    assert _versions(service) == [(1, "discussed")]
    # An officer drafts but does not set: the service refuses (403), nothing changes.
    officer = token_for(officer_a, write=True)
    refused = officer.post(
        f"{SERVICE}/versions/1/set/",
        {"decree_number": "1/SK", "decree_date": "2026-03-01", "decree_file": _pdf()},
        format="multipart",
    )
    assert refused.status_code == 403
    assert _versions(service) == [(1, "discussed")]


def test_workflow_needs_the_write_scope(token_for, draft_a, forum_a, unit_head_a):
    client = token_for(unit_head_a)
    assert client.post(f"{SERVICE}/drafts/").status_code == 403
    response = client.post(f"{SERVICE}/versions/1/discuss/", {"forum": forum_a.pk}, format="json")
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "permission_denied"
    assert client.post(f"{SERVICE}/versions/1/publish/").status_code == 403
    response = client.post(
        f"{SERVICE}/versions/1/set/",
        {"decree_number": "1/SK", "decree_date": "2026-03-01", "decree_file": _pdf()},
        format="multipart",
    )
    assert response.status_code == 403
    assert _versions(draft_a.service) == [(1, "draft")]


def test_workflow_with_a_token_of_other_unit_gets_404_and_changes_nothing(
    token_for, draft_a, forum_a, service_b, unit_head_b, officer_b, evaluator_a
):
    for user in (unit_head_b, officer_b, evaluator_a):
        client = token_for(user, write=True)
        assert client.post(f"{SERVICE}/drafts/").status_code == 404, user
        discuss = client.post(f"{SERVICE}/versions/1/discuss/", {"forum": forum_a.pk})
        assert discuss.status_code == 404, user
        response = client.post(
            f"{SERVICE}/versions/1/set/",
            {"decree_number": "1/SK", "decree_date": "2026-03-01", "decree_file": _pdf()},
            format="multipart",
        )
        assert response.status_code == 404, user
        assert client.post(f"{SERVICE}/versions/1/publish/").status_code == 404, user
    # Unit B's head cannot reach unit A's service through unit B either.
    other = token_for(unit_head_b, write=True)
    assert (
        other.post("/api/v1/units/unit-b/services/rekomendasi-pbi/standard/drafts/").status_code
        == 404
    )
    assert _versions(draft_a.service) == [(1, "draft")]
    assert not service_b.standard_versions.exists()
