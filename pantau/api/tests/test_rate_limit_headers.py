"""Every answer counted by a rate limit says where the client stands (``RateLimit-Limit``,
``RateLimit-Remaining``, ``RateLimit-Reset``, the IETF draft's fields), so that a connector can
slow down before it is refused; the description documents them."""

import pytest

from pantau.api.throttling import AnonymousRateThrottle, TokenRateThrottle

pytestmark = pytest.mark.django_db

CATEGORIES = "/api/v1/complaints/categories/"


def _standing(response) -> tuple[int, int, int]:
    return (
        int(response["RateLimit-Limit"]),
        int(response["RateLimit-Remaining"]),
        int(response["RateLimit-Reset"]),
    )


def test_an_anonymous_client_sees_its_budget_shrink_then_waits(api, monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "3/min"})
    seen = [_standing(api.get(CATEGORIES)) for _ in range(3)]
    assert [(limit, left) for limit, left, _reset in seen] == [(3, 2), (3, 1), (3, 0)]
    assert all(0 < reset <= 60 for _limit, _left, reset in seen)
    refused = api.get(CATEGORIES)
    assert refused.status_code == 429
    assert _standing(refused)[:2] == (3, 0)
    assert 0 < int(refused["Retry-After"]) <= 60


def test_a_token_answer_shows_the_token_budget(token_for, officer_a, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "5/min"})
    response = token_for(officer_a).get("/api/v1/tokens/")
    assert response.status_code == 200
    assert _standing(response)[:2] == (5, 4)


def test_an_error_answer_also_counts_and_says_so(api, monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "10/min"})
    response = api.get(CATEGORIES, {"nope": "1"})
    assert response.status_code == 400 and _standing(response)[:2] == (10, 9)


def test_pages_outside_the_api_carry_no_rate_limit_headers(client):
    assert "RateLimit-Limit" not in client.get("/")


def test_the_description_documents_the_headers_and_retry_after(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/complaints/categories/"]["get"]
    assert {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(
        operation["responses"]["200"]["headers"]
    )
    assert "Retry-After" in operation["responses"]["429"]["headers"]
