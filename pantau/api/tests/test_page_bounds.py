"""A page's size is 1 to 100 rows and its cursor one Pantau made: anything else answers 400
naming the parameter, in the API's error body and the request's language, never a silent 25."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value", ["0", "-5", "abc", "101", "1.5", "99999999999999999999", " 5", ""]
)
def test_page_size_outside_1_to_100_answers_400_naming_it(api, unit_a, value):
    response = api.get("/api/v1/units/", {"page_size": value}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "code": "invalid",
                "field": "page_size",
                "message": "Give a whole number of rows from 1 to 100.",
            }
        ]
    }


@pytest.mark.parametrize("value", ["1", "100"])
def test_page_size_within_bounds_is_taken(api, unit_a, unit_b, value):
    response = api.get("/api/v1/units/", {"page_size": value})
    assert response.status_code == 200
    assert len(response.json()["results"]) == min(int(value), 2)
    assert (response.json()["next"] is None) == (value == "100")


def test_a_bad_page_size_is_refused_on_a_list_of_a_unit_too(token_for, unit_head_a):
    response = token_for(unit_head_a).get("/api/v1/units/unit-a/tokens/", {"page_size": "0"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "page_size"


@pytest.mark.parametrize("value", ["r", "%%%", "bm90IGEgY3Vyc29y", "é"])
def test_a_cursor_that_does_not_decode_answers_400_under_cursor(api, unit_a, value):
    response = api.get("/api/v1/units/", {"cursor": value}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "cursor"
    assert error["message"] == "This cursor is not valid: use the next or previous link of a page."


def test_a_cursor_of_a_page_still_leads_to_the_next_page(api, unit_a, unit_b):
    first = api.get("/api/v1/units/", {"page_size": "1"}).json()
    second = api.get(first["next"])
    assert second.status_code == 200
    assert second.json()["results"][0]["slug"] != first["results"][0]["slug"]
