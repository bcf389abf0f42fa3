import pytest

from pantau.accounts.tests.factories import PASSWORD
from pantau.api.models import ApiToken
from pantau.api.tokens import hash_token

pytestmark = pytest.mark.django_db


@pytest.mark.covers("POST /api/v1/tokens/", "GET /api/v1/tokens/")
def test_signed_in_user_creates_a_token_whose_secret_is_shown_once(client_for, officer_a, unit_a):
    client = client_for(officer_a)
    response = client.post(
        "/api/v1/tokens/",
        {"name": "Dasbor provinsi", "write": True, "units": ["unit-a"], "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["token"].startswith("pnt_") and body["scopes"] == ["read", "write"]
    assert body["units"] == ["unit-a"]
    stored = ApiToken.objects.get()
    assert stored.key_hash == hash_token(body["token"]) and body["token"] not in stored.key_hash
    listing = client.get("/api/v1/tokens/").json()
    assert [t["name"] for t in listing["results"]] == ["Dasbor provinsi"]
    assert "token" not in listing["results"][0]


def test_token_cannot_be_limited_to_a_unit_of_someone_else(client_for, officer_a, unit_b):
    response = client_for(officer_a).post(
        "/api/v1/tokens/",
        {"name": "x", "units": ["unit-b"], "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "units"
    assert not ApiToken.objects.exists()


def test_a_token_cannot_create_another_token(token_for, officer_a):
    client = token_for(officer_a, write=True)
    response = client.post("/api/v1/tokens/", {"name": "x"}, format="json")
    assert response.status_code == 403
    assert ApiToken.objects.count() == 1


@pytest.mark.covers("DELETE /api/v1/tokens/{id}/")
def test_revoked_token_stops_working(token_for, officer_a):
    client = token_for(officer_a, write=True)
    token = ApiToken.objects.get()
    assert client.get("/api/v1/tokens/").status_code == 200
    assert client.delete(f"/api/v1/tokens/{token.pk}/").status_code == 204
    response = client.get("/api/v1/tokens/")
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_user_cannot_revoke_a_token_of_another_user(token_for, officer_a, officer_b):
    token_for(officer_a)
    theirs = ApiToken.objects.get()
    response = token_for(officer_b, write=True).delete(f"/api/v1/tokens/{theirs.pk}/")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_read_only_token_cannot_revoke(token_for, officer_a):
    client = token_for(officer_a)
    token = ApiToken.objects.get()
    assert client.delete(f"/api/v1/tokens/{token.pk}/").status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.covers("GET /api/v1/units/{slug}/tokens/")
def test_unit_head_lists_the_tokens_that_reach_the_unit(
    token_for, unit_head_a, officer_a, officer_b, unit_a, unit_b
):
    token_for(officer_a)
    token_for(officer_b)
    response = token_for(unit_head_a).get("/api/v1/units/unit-a/tokens/")
    assert response.status_code == 200
    users = sorted(t["user"] for t in response.json()["results"])
    assert users == ["kepala_a", "petugas_a"]


def test_unit_head_of_another_unit_gets_404_for_the_token_list(token_for, unit_head_b, unit_a):
    assert token_for(unit_head_b).get("/api/v1/units/unit-a/tokens/").status_code == 404


def test_officer_cannot_list_the_unit_tokens(token_for, officer_a):
    assert token_for(officer_a).get("/api/v1/units/unit-a/tokens/").status_code == 404


def test_without_token_private_endpoints_answer_401_in_indonesian(api):
    response = api.get("/api/v1/tokens/")
    assert response.status_code in (401, 403)
    assert response["Content-Language"] == "id"
    error = response.json()["errors"][0]
    assert error["field"] is None and error["code"] == "not_authenticated"


def test_errors_follow_accept_language(api):
    english = api.get("/api/v1/tokens/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    indonesian = api.get("/api/v1/tokens/", HTTP_ACCEPT_LANGUAGE="id")
    assert english["Content-Language"] == "en"
    assert english.json()["errors"][0]["message"] != indonesian.json()["errors"][0]["message"]


def test_unknown_token_is_refused(api):
    api.credentials(HTTP_AUTHORIZATION="Bearer pnt_0000_nope")
    assert api.get("/api/v1/tokens/").status_code == 401


def test_unknown_api_address_answers_404_in_the_error_body(api):
    response = api.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"
    assert api.get("/api/v1/tokens/abc/").status_code in (401, 404)


def test_bad_json_is_a_400_in_the_error_body(api, unit_a):
    response = api.post("/api/v1/complaints/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "parse_error"
