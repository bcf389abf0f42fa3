"""Named actors shared by every test: the citizens, officers, heads and evaluators of two units.

Unit A (Dinas Sosial counter) sits under agency A, under regency A, under province A.
Unit B (a PTSP office) sits under agency B in another province. An actor "of unit A" must never
see unit B's data, and the reverse.
"""

import pytest

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.organisations.models import Agency
from pantau.organisations.tests.factories import AgencyFactory, ServiceUnitFactory

# --- Access matrix -----------------------------------------------------------------------------
# Every staff view (a URL under /manage/) must be requested in at least one test whose name says it
# is about a user of another unit or agency; pantau/common/tests/test_access_matrix.py checks it at
# the end of a full, serial run. The names that count:
CROSS_UNIT_WORDS = (
    "other_unit",
    "another_unit",
    "other_agency",
    "outsider",
    "only_own",
    "not_theirs",
)
ACCESS_HITS: set[str] = set()


@pytest.fixture(autouse=True)
def _record_cross_unit_requests(request, monkeypatch):
    if not any(word in request.node.name for word in CROSS_UNIT_WORDS):
        yield
        return
    from django.test import Client
    from django.urls import Resolver404, resolve

    original = Client.request

    def recording(self, **environ):
        response = original(self, **environ)
        try:
            ACCESS_HITS.add(resolve(environ["PATH_INFO"]).view_name)
        except Resolver404:
            pass
        return response

    monkeypatch.setattr(Client, "request", recording)
    yield


def pytest_collection_modifyitems(config, items):
    """The access-matrix check runs last, after every test that may feed it."""
    last = [item for item in items if "test_access_matrix" in item.nodeid]
    items[:] = [item for item in items if item not in last] + last
    config.pantau_collected = len(items)


@pytest.fixture
def keep_connection():
    """schemathesis calls the WSGI application directly, whose request signals would close the
    test's database connection (fatal on PostgreSQL). Django's test client disconnects them around
    each of its own requests and connects them again after, so call ``hold()`` just before
    fuzzing."""
    from django.core import signals
    from django.db import close_old_connections

    def hold():
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)

    yield hold
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (public figures are cached for a minute) and an
    empty memo of configuration (a rolled-back test leaves no signal behind)."""
    from django.core.cache import cache

    from pantau.common import httpcache, memo

    cache.clear()
    memo.forget()
    httpcache.forget()
    yield
    cache.clear()
    memo.forget()
    httpcache.forget()


@pytest.fixture
def province_a(db):
    return AgencyFactory(name="Pemerintah Provinsi A", slug="prov-a", kind=Agency.Kind.PROVINCE)


@pytest.fixture
def agency_a(province_a):
    regency = AgencyFactory(
        name="Pemerintah Kabupaten A", slug="kab-a", kind=Agency.Kind.REGENCY, parent=province_a
    )
    return AgencyFactory(name="Dinas Sosial A", slug="dinsos-a", parent=regency)


@pytest.fixture
def agency_b(db):
    province = AgencyFactory(name="Pemerintah Provinsi B", slug="prov-b", kind=Agency.Kind.PROVINCE)
    return AgencyFactory(
        name="Kecamatan B", slug="kec-b", kind=Agency.Kind.SUB_DISTRICT, parent=province
    )


@pytest.fixture
def unit_a(agency_a):
    return ServiceUnitFactory(
        agency=agency_a, name="Loket Dinas Sosial A", slug="unit-a", province="Provinsi A"
    )


@pytest.fixture
def unit_b(agency_b):
    return ServiceUnitFactory(
        agency=agency_b, name="PTSP Kecamatan B", slug="unit-b", province="Provinsi B"
    )


def _member(role, *, unit=None, agency=None, username):
    user = UserFactory(username=username)
    MembershipFactory(user=user, role=role, unit=unit, agency=agency)
    return user


@pytest.fixture
def officer_a(unit_a):
    return _member(Role.UNIT_OFFICER, unit=unit_a, username="petugas_a")


@pytest.fixture
def officer_b(unit_b):
    return _member(Role.UNIT_OFFICER, unit=unit_b, username="petugas_b")


@pytest.fixture
def unit_head_a(unit_a):
    return _member(Role.UNIT_HEAD, unit=unit_a, username="kepala_a")


@pytest.fixture
def unit_head_b(unit_b):
    return _member(Role.UNIT_HEAD, unit=unit_b, username="kepala_b")


@pytest.fixture
def agency_head_a(agency_a):
    return _member(Role.AGENCY_HEAD, agency=agency_a, username="kadis_a")


@pytest.fixture
def evaluator_a(province_a, unit_a):
    """A province evaluator whose scope (province A) holds unit A and not unit B."""
    return _member(Role.EVALUATOR, agency=province_a, username="penilai_a")


@pytest.fixture
def national_evaluator(db):
    return _member(Role.EVALUATOR, username="penilai_nasional")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def client_for(client):
    """client_for(user) signs the test client in as that user."""

    def sign_in(user):
        client.force_login(user, backend="pantau.accounts.backends.UsernameOrEmailBackend")
        return client

    return sign_in
