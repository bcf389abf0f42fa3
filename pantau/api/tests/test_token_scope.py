"""Token management: a token limited to some units cannot list, create or revoke tokens, and
creating a token needs the password again."""

import pytest

from pantau.accounts.tests.factories import PASSWORD
from pantau.api.models import ApiToken

pytestmark = pytest.mark.django_db


def test_unit_limited_token_cannot_list_tokens(token_for, officer_a, unit_a):
    client = token_for(officer_a, write=True, units=[unit_a])
    response = client.get("/api/v1/tokens/")
    assert response.status_code == 403


def test_unit_limited_token_cannot_revoke_the_owners_unrestricted_token(
    token_for, officer_a, unit_a
):
    token_for(officer_a, write=True)
    unrestricted = ApiToken.objects.get()
    client = token_for(officer_a, write=True, units=[unit_a])
    assert client.delete(f"/api/v1/tokens/{unrestricted.pk}/").status_code == 403
    unrestricted.refresh_from_db()
    assert unrestricted.revoked_at is None


def test_unit_limited_token_cannot_revoke_itself_either(token_for, officer_a, unit_a):
    client = token_for(officer_a, write=True, units=[unit_a])
    limited = ApiToken.objects.get()
    assert client.delete(f"/api/v1/tokens/{limited.pk}/").status_code == 403


def test_unit_limited_token_cannot_create_a_token(token_for, officer_a, unit_a):
    client = token_for(officer_a, write=True, units=[unit_a])
    response = client.post("/api/v1/tokens/", {"name": "x", "password": PASSWORD}, format="json")
    assert response.status_code == 403
    assert ApiToken.objects.count() == 1


def test_unrestricted_token_still_manages_tokens(token_for, officer_a):
    client = token_for(officer_a, write=True)
    assert client.get("/api/v1/tokens/").status_code == 200


def test_creating_a_token_in_the_api_needs_the_password(client_for, officer_a):
    client = client_for(officer_a)
    response = client.post(
        "/api/v1/tokens/", {"name": "x", "password": "salah"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "password"
    missing = client.post("/api/v1/tokens/", {"name": "x"}, content_type="application/json")
    assert missing.status_code == 400
    assert not ApiToken.objects.exists()


def test_creating_a_token_on_the_website_needs_the_password(client_for, officer_a):
    client = client_for(officer_a)
    response = client.post("/manage/api/tokens/", {"name": "Dasbor", "password": "salah"})
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    assert not ApiToken.objects.exists()
