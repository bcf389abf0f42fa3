"""Every staff view of the organisations app, tried by users of another unit and by nobody."""

import pytest
from django.urls import reverse

from pantau.organisations.tests.factories import ServiceFactory

VIEW_NAMES = [
    "unit-detail",
    "unit-edit",
    "hours-edit",
    "channels-edit",
    "service-create",
    "unit-audit",
]
MANAGE_VIEWS = ["unit-edit", "hours-edit", "channels-edit", "service-create", "unit-audit"]


def _url(name, unit):
    return reverse(f"organisations:{name}", kwargs={"slug": unit.slug})


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_officer_of_other_unit_gets_404(client_for, officer_b, unit_a, name):
    assert client_for(officer_b).get(_url(name, unit_a)).status_code == 404


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_unit_head_of_other_unit_gets_404(client_for, unit_head_b, unit_a, name):
    assert client_for(unit_head_b).get(_url(name, unit_a)).status_code == 404


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_anonymous_is_sent_to_sign_in(client, unit_a, name):
    response = client.get(_url(name, unit_a))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", MANAGE_VIEWS)
def test_officer_of_same_unit_cannot_manage(client_for, officer_a, name):
    unit = officer_a.memberships.get().unit
    assert client_for(officer_a).get(_url(name, unit)).status_code == 404


@pytest.mark.parametrize("name", MANAGE_VIEWS)
def test_evaluator_cannot_manage_units_in_scope(client_for, evaluator_a, unit_a, name):
    assert client_for(evaluator_a).get(_url(name, unit_a)).status_code == 404


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_unit_head_reaches_every_view_of_own_unit(client_for, unit_head_a, unit_a, name):
    assert client_for(unit_head_a).get(_url(name, unit_a)).status_code == 200


def test_service_edit_of_other_unit_gets_404(client_for, unit_head_b, unit_a):
    service = ServiceFactory(unit=unit_a)
    url = reverse("organisations:service-edit", kwargs={"slug": unit_a.slug, "pk": service.pk})
    assert client_for(unit_head_b).get(url).status_code == 404


def test_service_of_other_unit_cannot_be_edited_through_own_unit(
    client_for, unit_head_b, unit_a, unit_b
):
    service = ServiceFactory(unit=unit_a)
    url = reverse("organisations:service-edit", kwargs={"slug": unit_b.slug, "pk": service.pk})
    assert client_for(unit_head_b).get(url).status_code == 404


def test_staff_unit_list_shows_only_visible_units(client_for, officer_a, unit_a, unit_b):
    response = client_for(officer_a).get(reverse("organisations:unit-list"))
    assert unit_a.name in response.content.decode()
    assert unit_b.name not in response.content.decode()


def test_evaluator_views_unit_in_scope_read_only(client_for, evaluator_a, unit_a):
    response = client_for(evaluator_a).get(_url("unit-detail", unit_a))
    assert response.status_code == 200
    assert (
        reverse("organisations:unit-edit", kwargs={"slug": unit_a.slug})
        not in response.content.decode()
    )


def test_unit_list_query_count_does_not_grow_with_units(
    client_for, national_evaluator, django_assert_max_num_queries
):
    from pantau.organisations.tests.factories import ServiceUnitFactory

    ServiceUnitFactory.create_batch(15)
    client = client_for(national_evaluator)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("organisations:unit-list")).status_code == 200
