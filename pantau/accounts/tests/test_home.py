import pytest
from django.urls import reverse

HOME = reverse("accounts:home")


def test_home_needs_sign_in(client):
    assert client.get(HOME).status_code == 302


def test_officer_home_lists_own_unit_without_manage_links(client_for, officer_a, unit_a, unit_b):
    body = client_for(officer_a).get(HOME).content.decode()
    assert unit_a.name in body
    assert unit_b.name not in body
    assert reverse("organisations:unit-audit", args=[unit_a.slug]) not in body


def test_unit_head_home_offers_manage_links(client_for, unit_head_a, unit_a):
    body = client_for(unit_head_a).get(HOME).content.decode()
    assert reverse("organisations:unit-audit", args=[unit_a.slug]) in body


def test_evaluator_home_lists_units_in_scope_only(client_for, evaluator_a, unit_a, unit_b):
    response = client_for(evaluator_a).get(HOME)
    body = response.content.decode()
    assert unit_a.name in body and unit_b.name not in body
    assert "Unit dalam lingkup Anda" in body


def test_national_evaluator_home_lists_all_units(client_for, national_evaluator, unit_a, unit_b):
    body = client_for(national_evaluator).get(HOME).content.decode()
    assert unit_a.name in body and unit_b.name in body


def test_agency_head_home_lists_agency_units(client_for, agency_head_a, unit_a, unit_b):
    body = client_for(agency_head_a).get(HOME).content.decode()
    assert unit_a.name in body and unit_b.name not in body


def test_admin_home_shows_totals_and_admin_link(client_for, admin_user, unit_a, unit_b):
    response = client_for(admin_user).get(HOME)
    assert response.context["home"].totals["units"] == 2
    assert reverse("admin:index") in response.content.decode()


def test_user_without_role_is_told_what_to_do(client_for, db):
    from pantau.accounts.tests.factories import UserFactory

    body = client_for(UserFactory()).get(HOME).content.decode()
    assert "belum memiliki peran" in body


@pytest.mark.parametrize("count", [2, 12])
def test_home_queries_do_not_grow_with_units(
    client_for, national_evaluator, django_assert_max_num_queries, count
):
    from pantau.organisations.tests.factories import ServiceUnitFactory

    ServiceUnitFactory.create_batch(count)
    client = client_for(national_evaluator)
    with django_assert_max_num_queries(8):
        client.get(HOME)


def test_wide_scope_home_lists_first_units_and_links_to_all(client_for, national_evaluator, db):
    from pantau.accounts.selectors import HOME_UNIT_LIMIT
    from pantau.organisations.tests.factories import ServiceUnitFactory

    ServiceUnitFactory.create_batch(HOME_UNIT_LIMIT + 3)
    response = client_for(national_evaluator).get(HOME)
    home = response.context["home"]
    assert len(home.scope_units) == HOME_UNIT_LIMIT
    assert home.scope_unit_count == HOME_UNIT_LIMIT + 3
    assert reverse("organisations:unit-list") in response.content.decode()
