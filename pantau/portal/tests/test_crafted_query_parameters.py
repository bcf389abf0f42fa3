"""Public pages given any query parameters answer a page, a redirect or a 4xx, never a 500."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/units/",
    "/units/unit-a/",
    "/units/unit-a/skm/",
    "/units/unit-a/report-card/",
    "/lapor/",
    "/lapor/register/",
    "/lapor/lacak/",
]
NAMES = [
    "q",
    "page",
    "year",
    "period",
    "province",
    "unit",
    "kind",
    "status",
    "layanan",
    "kode",
    "kiosk",
    "class",
    "instansi",
    "category",
    "tahun",
    "periode",
]
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["99999999999999999999", "-1", "0", "2026-13-45", "\x00", "1e9", "١٢", "%", "9" * 400]
    ),
)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    path=st.sampled_from(PAGES),
    params=st.dictionaries(st.sampled_from(NAMES), VALUES, max_size=4),
)
def test_public_pages_never_fail_on_query_parameters(client, unit_a, path, params):
    assert client.get(path, params).status_code < 500


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["page", "status", "unit", "overdue", "mine", "q", "due", "category", "tag"]
        ),
        VALUES,
        max_size=4,
    )
)
def test_staff_complaint_queue_never_fails_on_query_parameters(officer_client, params):
    assert officer_client.get("/manage/complaints/", params).status_code < 500


@pytest.fixture
def officer_client(client_for, officer_a):
    return client_for(officer_a)


@pytest.mark.parametrize("params", [{"status": "\x00"}, {"q": "a\x00"}, {"tag": "\x00"}])
def test_nul_in_the_staff_queue_query_is_refused_with_400(officer_client, params):
    assert officer_client.get("/manage/complaints/", params).status_code == 400
