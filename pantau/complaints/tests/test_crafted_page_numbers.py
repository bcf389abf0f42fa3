"""A page number from the address that is too large or not a number gives a 404 or the first
page, never a 500, on the public register and the staff queue."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["99999999999999999999", "100001", "1" * 400])
def test_too_large_page_of_the_register_is_404(client, unit_a, page):
    assert client.get("/lapor/register/", {"page": page}).status_code == 404


@pytest.mark.parametrize("page", ["abc", "-3", "0", "١٢", "2.5", ""])
def test_page_that_is_not_a_number_gives_the_first_page_of_the_register(client, unit_a, page):
    assert client.get("/lapor/register/", {"page": page}).status_code == 200


def test_too_large_page_of_the_staff_queue_is_404(client_for, officer_a):
    response = client_for(officer_a).get("/manage/complaints/", {"page": "99999999999999999999"})
    assert response.status_code == 404


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(["page", "unit", "kind", "status", "category"]), st.text(max_size=30)
    )
)
def test_any_register_parameters_never_fail(client, unit_a, params):
    assert client.get("/lapor/register/", params).status_code < 500


def test_nul_page_of_the_register_is_refused_with_400(client, unit_a):
    assert client.get("/lapor/register/", {"page": "\x00"}).status_code == 400
