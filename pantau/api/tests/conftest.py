"""API test helpers: clients with tokens, and the operation recorder behind the coverage check.

A test declares the API operations it exercises with ``@pytest.mark.covers("GET /api/v1/…/")``;
the recorder fails that test if it did not in fact call each of them, and
``test_schema.test_every_operation_is_covered`` fails if an operation of the schema is declared
by no test. Both hold whether the tests run in one process or spread over xdist workers."""

import re
import uuid

import pytest
from rest_framework.test import APIClient
from rest_framework.views import APIView

from pantau.api import services
from pantau.complaints import services as complaint_services

# The standards fixtures, for the standards API tests (a test module may define its own).
from pantau.standards.tests.conftest import (  # noqa: F401
    draft_a,
    forum_a,
    published_a,
    service_a,
    service_b,
)

_CALLS: list[tuple[str, str]] = []
_original_initial = APIView.initial


def _recording_initial(self, request, *args, **kwargs):
    match = request._request.resolver_match
    if match is not None:
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", match.route)
        path = path.replace("{pk}", "{id}")  # as drf-spectacular names it
        _CALLS.append((request.method, path))
    return _original_initial(self, request, *args, **kwargs)


APIView.initial = _recording_initial


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "covers(*operations): API operations ('METHOD /path/') the test exercises"
    )


@pytest.fixture(autouse=True)
def _check_declared_operations(request):
    _CALLS.clear()
    yield
    declared = [op for mark in request.node.iter_markers("covers") for op in mark.args]
    called = {f"{method} {path}" for method, path in _CALLS}
    missing = [op for op in declared if op not in called]
    assert not missing, f"The test declares {missing} but never called it; called {sorted(called)}"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def token_for():
    """token_for(user, write=False, units=()) -> an APIClient sending a new token of that user."""

    def make(user, *, write=False, units=()):
        _token, secret = services.create_token(
            actor=user, name="test", can_write=write, units=list(units)
        )
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
        client.secret = secret
        return client

    return make


def make_report(unit=None, **overrides):
    data = {
        "kind": "complaint",
        "unit": unit,
        "subject": "Antrean panjang",
        "description": "Tiga jam menunggu di loket.",
        "reporter_name": "Budi",
        "reporter_email": "budi@example.id",
        "reporter_phone": "0812000111",
    }
    data.update(overrides)
    complaint, code, _created = complaint_services.submit_complaint(
        data=data, files=[], submission_token=uuid.uuid4()
    )
    return complaint, code


@pytest.fixture
def report_a(unit_a):
    return make_report(unit_a)[0]


@pytest.fixture
def report_b(unit_b):
    return make_report(unit_b)[0]
