"""schemathesis against the Open311 community's swagger.json, pointed at Pantau's endpoint: a
bounded number of generated requests per operation, zero 5xx, zero response-schema violations."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from pantau.api.throttling import AnonymousRateThrottle, TokenRateThrottle

from .conftest import SCHEMA_DIR

pytestmark = pytest.mark.django_db

EXAMPLES = 15


@pytest.fixture
def unthrottled(monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "100000/min"})
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "100000/min"})


def test_open311_swagger_conformance(unit_a, officer_a, unthrottled, keep_connection):
    import schemathesis
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance

    from config.wsgi import application
    from pantau.api import services
    from pantau.complaints import services as complaint_services

    complaint_services.submit_complaint(
        data={"kind": "complaint", "unit": unit_a, "subject": "Antre", "description": "Lama."},
        files=[],
        submission_token=complaint_services.new_submission_token(),
    )
    _token, key = services.create_token(actor=officer_a, name="swagger", can_write=True)
    schema = schemathesis.openapi.from_path(SCHEMA_DIR / "swagger.json")
    schema.app = application
    keep_connection()
    failures: list[str] = []
    answered: dict[str, set[int]] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,  # the same examples on every run: CI stays reproducible
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            # Pantau's formats and a real jurisdiction, so requests reach the code behind them.
            if "response_format" in (case.path_parameters or {}):
                case.path_parameters["response_format"] = "json"
            if case.query is not None and "jurisdiction_id" in case.query:
                case.query["jurisdiction_id"] = "prov-a"
            if case.method == "POST":
                case.query = {**(case.query or {}), "api_key": key}
            response = case.call(app=application, base_url="http://testserver/open311/v2")
            answered.setdefault(f"{case.method} {case.path}", set()).add(response.status_code)
            try:
                case.validate_response(
                    response, checks=[not_a_server_error, response_schema_conformance]
                )
            except (Exception, BaseExceptionGroup) as error:  # collected, reported below
                failures.append(f"{case.method} {case.formatted_path}: {error}")

        run()
    assert not failures, "\n\n".join(failures[:5])
    # The run reached Pantau's code, not only its error pages.
    assert 200 in answered["GET /requests.{response_format}"]
    assert 200 in answered["GET /services.{response_format}"]
    assert all(code < 500 for codes in answered.values() for code in codes), answered
