"""OPTIONS on every API address answers, never 500: DRF's metadata describes the body a write
takes (the view's serializer), or none when the write takes no body."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

VALUES = {"slug": "unit-a", "service_slug": "ktp", "number": "LP-1"}


def _api_routes(patterns=None, prefix: str = "") -> list[str]:
    routes: list[str] = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes += _api_routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and (prefix + route).startswith("api/v1/"):
            routes.append(prefix + route)
    return routes


def _url(route: str) -> str:
    if route.startswith("^"):  # the catch-all 404
        return "/api/v1/no/such/thing/"
    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: VALUES.get(m.group(2), "1"), route)


def test_options_with_a_write_token_answers_on_every_api_address(token_for, unit_a, unit_head_a):
    client = token_for(unit_head_a, write=True)
    client.raise_request_exception = False
    routes = _api_routes()
    assert len(routes) > 60
    failures = []
    for route in routes:
        response = client.options(_url(route))
        if response.status_code >= 500:
            failures.append((route, response.status_code))
    assert not failures


def test_options_describes_the_body_of_a_write(token_for, unit_a, unit_head_a):
    client = token_for(unit_head_a, write=True)
    response = client.options("/api/v1/units/unit-a/maklumat/draft/")
    assert response.status_code == 200
    assert "signatory_name" in response.json()["actions"]["PUT"]


def test_options_shows_a_write_without_body_as_empty(token_for, unit_a, unit_head_a):
    client = token_for(unit_head_a, write=True)
    response = client.options("/api/v1/units/unit-a/forums/1/held/")
    assert response.status_code == 200
    assert response.json()["actions"] == {"POST": {}}


def test_options_with_a_read_token_lists_no_write(token_for, unit_a, unit_head_a):
    response = token_for(unit_head_a).options("/api/v1/units/unit-a/maklumat/draft/")
    assert response.status_code == 200
    assert "actions" not in response.json()
