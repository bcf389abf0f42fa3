"""A standard draft's content through the API (standards.forms.VersionForm and
standards.services.update_version, as the web's edit page), the service pledge and the
consultation forums; refused to anyone the web page refuses."""

# ruff: noqa: F811 - the standards fixtures are imported by name
import pytest

from pantau.standards.tests.conftest import (  # noqa: F401
    draft_a,
    forum_a,
    published_a,
    service_a,
    service_b,
)

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

SERVICE = "/api/v1/units/unit-a/services/rekomendasi-pbi/standard"
CONTENT = "/api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/content/"


def _content(version):
    version.refresh_from_db()
    return (
        [(r.text, r.note) for r in version.requirements.all()],
        [(s.text, s.actor) for s in version.steps.all()],
        version.time_limit_value,
        version.time_limit_unit,
        version.fee_is_free,
        version.fee_amount,
        version.fee_legal_basis,
        version.product,
        version.legal_basis,
        version.review_months,
    )


@pytest.mark.covers("GET " + CONTENT, "PATCH " + CONTENT)
def test_an_officer_edits_the_draft_content(token_for, draft_a, officer_a):
    client = token_for(officer_a, write=True)
    response = client.get(f"{SERVICE}/versions/1/content/")
    assert response.status_code == 200, response.json()
    assert_conforms(response, "GET", CONTENT)
    assert response.json()["status"] == "draft"
    assert response.json()["staff_count"] == "3 orang"
    response = client.patch(
        f"{SERVICE}/versions/1/content/",
        {
            "requirements": [
                {"text": "Fotokopi KTP", "note": "1 lembar"},
                {"text": "Surat pengantar RT/RW"},
                {"text": "Fotokopi Kartu Keluarga"},
            ],
            "steps": [{"text": "Petugas memeriksa berkas", "actor": "petugas loket"}],
            "time_limit": {"value": 5, "unit": "days"},
            "fee": {"free": False, "amount": 25000, "legal_basis": "Perda 3/2024"},
            "legal_basis": "UU 25/2009; Permensos 5/2016",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "PATCH", CONTENT)
    body = response.json()
    assert [r["text"] for r in body["requirements"]][1] == "Surat pengantar RT/RW"
    assert body["fee"] == {
        "free": False,
        "amount": 25000,
        "legal_basis": "Perda 3/2024",
        "note": "",
    }
    assert _content(draft_a) == (
        [
            ("Fotokopi KTP", "1 lembar"),
            ("Surat pengantar RT/RW", ""),
            ("Fotokopi Kartu Keluarga", ""),
        ],
        [("Petugas memeriksa berkas", "petugas loket")],
        5,
        "days",
        False,
        25000,
        "Perda 3/2024",
        "Surat rekomendasi PBI-JKN",  # left out: kept
        "UU 25/2009; Permensos 5/2016",
        12,
    )
    # Free again: the amount is cleared.
    response = client.patch(
        f"{SERVICE}/versions/1/content/", {"fee": {"free": True}}, format="json"
    )
    assert response.status_code == 200, response.json()
    draft_a.refresh_from_db()
    assert draft_a.fee_is_free and draft_a.fee_amount is None


def test_draft_content_refuses_bad_input_and_changes_nothing(token_for, draft_a, officer_a):
    client = token_for(officer_a, write=True)
    before = _content(draft_a)
    cases = [
        ({"fee": {"free": False}}, "fee.amount"),
        ({"fee": {"free": True, "amount": 1000}}, "fee.amount"),
        ({"time_limit": {"value": 3, "unit": ""}}, "time_limit.unit"),
        ({"time_limit": {"value": 3, "unit": "weeks"}}, "time_limit.unit"),
        ({"review_months": 0}, "review_months"),
        ({"requirements": [{"text": "KTP | asli"}]}, "requirements.0.text"),
        ({"steps": [{"text": "x" * 301}]}, "steps.0.text"),
        ({"change_note": "x" * 301}, "change_note"),
    ]
    for body, field in cases:
        response = client.patch(f"{SERVICE}/versions/1/content/", body, format="json")
        assert response.status_code == 400, body
        error = response.json()["errors"][0]
        assert error["field"] == field, (body, response.json())
        assert error["code"] and error["message"]
    assert _content(draft_a) == before


def test_a_published_version_cannot_change(token_for, published_a, unit_head_a):
    client = token_for(unit_head_a, write=True)
    before = _content(published_a)
    response = client.patch(
        f"{SERVICE}/versions/1/content/", {"product": "Surat lain"}, format="json"
    )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] is None and "can no longer change" in error["message"]
    assert _content(published_a) == before


def test_draft_content_needs_a_token_with_the_write_scope(client, token_for, draft_a, officer_a):
    before = _content(draft_a)
    assert client.patch(f"{SERVICE}/versions/1/content/", {"product": "x"}).status_code == 401
    assert client.get(f"{SERVICE}/versions/1/content/").status_code == 401
    read_only = token_for(officer_a)
    response = read_only.patch(f"{SERVICE}/versions/1/content/", {"product": "x"}, format="json")
    assert response.status_code == 403
    assert _content(draft_a) == before


def test_draft_content_with_a_token_of_other_unit_gets_404(
    token_for, draft_a, unit_head_b, officer_b, evaluator_a
):
    before = _content(draft_a)
    for user in (unit_head_b, officer_b, evaluator_a):
        client = token_for(user, write=True)
        assert client.get(f"{SERVICE}/versions/1/content/").status_code == 404, user
        response = client.patch(f"{SERVICE}/versions/1/content/", {"product": "x"}, format="json")
        assert response.status_code == 404, user
    assert _content(draft_a) == before
