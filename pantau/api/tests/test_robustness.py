"""schemathesis against Pantau's own OpenAPI description: a bounded number of generated requests per
operation, with and without a token; zero 5xx and zero responses that contradict the description."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from pantau.api.throttling import (
    AnonymousRateThrottle,
    SessionRateThrottle,
    TokenRateThrottle,
    TrackRateThrottle,
)

from .conftest import make_report

pytestmark = pytest.mark.django_db

EXAMPLES = 8


@pytest.fixture
def unthrottled(monkeypatch):
    for throttle in (
        AnonymousRateThrottle,
        TokenRateThrottle,
        SessionRateThrottle,
        TrackRateThrottle,
    ):
        monkeypatch.setattr(throttle, "THROTTLE_RATES", {throttle.scope: "100000/min"})


def test_generated_requests_get_no_5xx_and_match_the_description(
    api, unit_a, unit_head_a, unthrottled, keep_connection
):
    import schemathesis
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
    )

    from config.wsgi import application
    from pantau.api import services

    make_report(unit_a)
    _token, secret = services.create_token(actor=unit_head_a, name="fuzz", can_write=True)
    schema = schemathesis.openapi.from_dict(api.get("/api/v1/schema/", {"format": "json"}).json())
    schema.app = application
    keep_connection()
    checks = [not_a_server_error, response_schema_conformance, content_type_conformance]
    failures: list[str] = []
    statuses: dict[str, set[int]] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20

    def fuzz(operation, headers):
        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,  # the same examples on every run: CI stays reproducible
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            response = case.call(app=application, base_url="http://testserver", headers=headers)
            statuses.setdefault(f"{case.method} {operation.path}", set()).add(response.status_code)
            try:
                case.validate_response(response, checks=checks, headers=headers)
            except (Exception, BaseExceptionGroup) as error:  # collected, reported below
                failures.append(f"{case.method} {case.formatted_path}: {error}")

        run()

    for operation in operations:
        for headers in ({}, {"Authorization": f"Bearer {secret}"}):
            fuzz(operation, headers)
    assert not failures, f"{len(failures)} failures; first:\n\n" + "\n\n".join(failures[:3])
    assert all(code < 500 for codes in statuses.values() for code in codes), statuses
