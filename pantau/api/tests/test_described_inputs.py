"""The description marks what a write requires and states the bounds the web forms enforce, so a
request valid by the description is not refused for a missing field or a number out of range."""

import pytest

from pantau.evaluations.forms import RoundForm
from pantau.satisfaction.forms import AccessCodeBatchForm
from pantau.studies.forms import StudyForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def components(api):
    return api.get("/api/v1/schema/", {"format": "json"}).json()["components"]["schemas"]


def _bounds(components, name: str, field: str) -> tuple:
    described = components[name]["properties"][field]
    return described.get("minimum"), described.get("maximum")


def _form_bounds(form, field: str) -> tuple:
    return form.base_fields[field].min_value, form.base_fields[field].max_value


@pytest.mark.parametrize(
    "component, required",
    [
        ("ForumCreateRequest", {"topic", "title", "held_on"}),
        ("AgreementCreateRequest", {"text"}),
    ],
)
def test_a_new_record_lists_its_required_fields(components, component, required):
    assert required <= set(components[component]["required"])


def test_a_change_requires_nothing(components):
    assert "required" not in components["PatchedForumWriteRequest"]


@pytest.mark.parametrize(
    "component, field, form",
    [
        ("StudyCreateRequest", "recipient_target", StudyForm),
        ("StudyCreateRequest", "provider_target", StudyForm),
        ("AccessCodeBatchRequest", "count", AccessCodeBatchForm),
        ("RoundCreateRequest", "year", RoundForm),
    ],
)
def test_numbers_are_described_with_the_web_forms_bounds(components, component, field, form):
    assert _bounds(components, component, field) == _form_bounds(form, field)


def test_scores_are_described_from_0_to_5(components):
    assert _bounds(components, "AgreedScoreRequest", "agreed_score") == (0, 5)


def test_a_forum_without_its_required_fields_is_refused_naming_them(token_for, officer_a, unit_a):
    response = token_for(officer_a, write=True).post(
        "/api/v1/units/unit-a/forums/", {"place": "Aula"}, format="json"
    )
    assert response.status_code == 400
    errors = {(error["field"], error["code"]) for error in response.json()["errors"]}
    assert errors == {("topic", "required"), ("title", "required"), ("held_on", "required")}


def test_a_postal_code_is_described_as_the_web_form_checks_it(components, token_for, unit_head_a):
    import re

    described = components["PatchedUnitProfileRequest"]["properties"]["postal_code"]["oneOf"]
    client = token_for(unit_head_a, write=True)
    cases = (("83612", True), ("", True), ("83612      ", True), ("8361", False), ("8361a", False))
    for value, taken in cases:
        matches = [bool(re.search(described[0]["pattern"], value)), value == ""]
        assert matches.count(True) == (1 if taken else 0), value
        response = client.patch("/api/v1/units/unit-a/", {"postal_code": value}, format="json")
        assert (response.status_code == 200) is taken, (value, response.json())
