"""A JSON body's values have the JSON types the API description gives them: a number where a
text is described, or "false" where a boolean is, answers 400 naming the field and changes
nothing, instead of being read as "0" or as true."""

import pytest

from pantau.complaints.models import Event
from pantau.standards.models import Maklumat

# The standards fixtures (draft_a and what it needs) come from the API tests' conftest.

pytestmark = pytest.mark.django_db

CONTENT = "/api/v1/units/unit-a/services/rekomendasi-pbi/standard/versions/1/content/"


def _error(response) -> dict:
    assert response.status_code == 400, response.json()
    [error] = response.json()["errors"]
    return error


@pytest.mark.parametrize("public", ["false", 0, "ya"])
def test_a_boolean_sent_as_text_or_number_is_refused(token_for, officer_a, report_a, public):
    client = token_for(officer_a, write=True)
    response = client.post(
        f"/api/v1/complaints/{report_a.tracking_number}/notes/",
        {"note": "Catatan", "public": public},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    error = _error(response)
    assert (error["code"], error["field"]) == ("invalid", "public")
    assert error["message"].startswith("Send JSON of type boolean here, not ")
    assert not Event.objects.filter(complaint=report_a, action="note").exists()


def test_a_text_sent_as_a_number_is_refused(token_for, unit_head_a, unit_a):
    client = token_for(unit_head_a, write=True)
    response = client.put(
        "/api/v1/units/unit-a/maklumat/draft/", {"signatory_title": 0}, format="json"
    )
    assert _error(response)["field"] == "signatory_title"
    assert not Maklumat.objects.filter(unit=unit_a).exists()


def test_a_nested_value_of_the_wrong_type_is_named_by_its_path(token_for, officer_a, draft_a):
    client = token_for(officer_a, write=True)
    response = client.patch(CONTENT, {"requirements": [{"text": 5}]}, format="json")
    assert _error(response)["field"] == "requirements.0.text"


def test_null_is_taken_where_the_description_allows_it(token_for, officer_a, draft_a):
    client = token_for(officer_a, write=True)
    response = client.patch(CONTENT, {"fee": {"free": True, "amount": None}}, format="json")
    assert response.status_code == 200, response.json()


def test_a_body_that_is_not_an_object_is_refused_as_a_whole(token_for, officer_a, report_a):
    client = token_for(officer_a, write=True)
    response = client.post(
        f"/api/v1/complaints/{report_a.tracking_number}/notes/", ["note"], format="json"
    )
    assert _error(response)["field"] is None


def test_a_text_longer_than_described_is_refused_before_trimming(token_for, unit_head_a, unit_a):
    client = token_for(unit_head_a, write=True)
    response = client.post(
        "/api/v1/units/unit-a/services/",
        {"name": "\n" + "x" * 200},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    error = _error(response)
    assert (error["code"], error["field"]) == ("max_length", "name")
    assert error["message"] == "Send at most 200 characters here."
    assert not unit_a.services.exists()
