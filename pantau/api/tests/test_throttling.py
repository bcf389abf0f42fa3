import pytest

from pantau.api.throttling import AnonymousRateThrottle, TokenRateThrottle

pytestmark = pytest.mark.django_db


def test_anonymous_client_over_the_limit_gets_429_with_retry_after(api, unit_a, monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "2/min"})
    assert api.get("/api/v1/complaints/categories/").status_code == 200
    assert api.get("/api/v1/complaints/categories/").status_code == 200
    response = api.get("/api/v1/complaints/categories/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["errors"][0]["message"].startswith("Too many requests")


def test_each_token_has_its_own_budget(token_for, officer_a, officer_b, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "1/min"})
    first, second = token_for(officer_a), token_for(officer_b)
    assert first.get("/api/v1/tokens/").status_code == 200
    assert first.get("/api/v1/tokens/").status_code == 429
    assert second.get("/api/v1/tokens/").status_code == 200
