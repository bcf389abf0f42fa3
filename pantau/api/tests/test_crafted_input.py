"""Crafted cursors, page numbers and dates answer 400 in the API's error format, never 500."""

import base64

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/skm/results/",
    "/api/v1/services/",
    "/api/v1/skm/periods/",
    "/api/v1/studies/",
    "/api/v1/pekppp/rounds/",
    "/api/v1/units/",
    "/api/v1/agencies/",
    "/api/v1/complaints/",
]


@pytest.fixture
def officer_client(token_for, officer_a):
    return token_for(officer_a)


def cursor(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    "position", ["p=\x00", "p=abc", "p=99999999999999999999999", "p=2026-13-45"]
)
def test_crafted_cursor_position_answers_400_not_500(token_for, officer_a, path, position):
    response = token_for(officer_a).get(path, {"cursor": cursor(position)})
    if position == "p=\x00":
        assert response.status_code == 400
    # a slug-ordered list may hold "abc" as a position: then a (possibly empty) page is fine
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["errors"][0]["field"] == "cursor"


def test_crafted_cursor_message_is_in_the_users_language(token_for, officer_a):
    response = token_for(officer_a).get(
        "/api/v1/skm/results/", {"cursor": cursor("p=abc")}, HTTP_ACCEPT_LANGUAGE="id"
    )
    assert response.status_code == 400
    assert "kursor" in response.json()["errors"][0]["message"].lower()


@pytest.mark.parametrize(
    "value", ["5803-03-07T05:44:08+17:28", "2026-01-01T00:00:00+99:00", "0001-01-01T00:00:00+14:00"]
)
def test_out_of_range_created_before_is_refused_with_400(token_for, officer_a, value):
    response = token_for(officer_a).get("/api/v1/complaints/", {"created_before": value})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "created_before"


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=40))
def test_any_cursor_text_never_fails(officer_client, text):
    response = officer_client.get("/api/v1/units/", {"cursor": cursor(text)})
    assert response.status_code < 500
