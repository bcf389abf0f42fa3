"""schemathesis against Pantau's own OpenAPI description: a bounded number of generated requests per
operation, valid and invalid by the description, without a token and with a write token; every
check schemathesis runs on a single answer (no 5xx, statuses, bodies and headers as described,
invalid data refused, valid data taken) with the expectations in ``schemathesis.toml``."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable

from pantau.api.throttling import (
    AnonymousRateThrottle,
    SessionRateThrottle,
    TokenRateThrottle,
    TrackRateThrottle,
)

from .conftest import make_report

pytestmark = pytest.mark.django_db

EXAMPLES = 5
CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture
def unthrottled(monkeypatch):
    for throttle in (
        AnonymousRateThrottle,
        TokenRateThrottle,
        SessionRateThrottle,
        TrackRateThrottle,
    ):
        monkeypatch.setattr(throttle, "THROTTLE_RATES", {throttle.scope: "100000/min"})


def test_generated_requests_pass_every_check(
    api, unit_a, unit_head_a, unthrottled, keep_connection
):
    import schemathesis
    from schemathesis.config import SchemathesisConfig
    from schemathesis.generation import GenerationMode

    from config.wsgi import application
    from pantau.api import services

    make_report(unit_a)
    _token, secret = services.create_token(actor=unit_head_a, name="fuzz", can_write=True)
    schema = schemathesis.openapi.from_dict(
        api.get("/api/v1/schema/", {"format": "json"}).json(),
        config=SchemathesisConfig.from_path(CONFIG),
    )
    schema.app = application
    keep_connection()
    failures: list[str] = []
    statuses: dict[str, set[int]] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20
    transport = {"app": application, "base_url": "http://testserver"}

    def fuzz(operation, mode, headers):
        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,  # the same examples on every run: CI stays reproducible
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            response = case.call(**transport, headers=headers)
            statuses.setdefault(f"{case.method} {operation.path}", set()).add(response.status_code)
            try:
                case.validate_response(response, headers=headers, transport_kwargs=transport)
            except (Exception, BaseExceptionGroup) as error:  # collected, reported below
                failures.append(f"{mode.value} {case.method} {case.formatted_path}: {error}")

        try:
            run()
        except Unsatisfiable:  # nothing of it can be made invalid (no parameter, no body)
            assert mode is GenerationMode.NEGATIVE

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for headers in ({}, {"Authorization": f"Bearer {secret}"}):
                fuzz(operation, mode, headers)
    assert not failures, f"{len(failures)} failures; first:\n\n" + "\n\n".join(failures[:3])
    assert all(code < 500 for codes in statuses.values() for code in codes), statuses
