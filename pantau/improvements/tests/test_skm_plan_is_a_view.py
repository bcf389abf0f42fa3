"""The SKM follow-up plan is a view of the register: what the plan's page and API write are
register actions on the period's elements, and actions planned in the register show in the plan
and count for PEKPPP indicators 8 and 9."""

from datetime import date

import pytest
from django.urls import reverse

from pantau.improvements import services
from pantau.improvements.models import Action
from pantau.satisfaction import selectors as skm
from pantau.satisfaction import services as skm_services

from .factories import answered_period, make_action, skm_action

pytestmark = pytest.mark.django_db


def _row(**overrides):
    data = {
        "element_key": "waktu",
        "action": "Menambah loket pada jam sibuk.",
        "owner": "Kepala unit",
        "deadline": date(2025, 6, 30),
        "status": "planned",
        "completed_on": None,
        "report": "",
    }
    data.update(overrides)
    return data


def test_the_plans_page_writes_a_register_action(unit_head_a, period_a):
    action = skm_services.save_follow_up_action(actor=unit_head_a, period=period_a, data=_row())
    assert isinstance(action, Action)
    assert (action.source, action.period, action.element_key, action.responsible) == (
        "skm_element",
        period_a,
        "waktu",
        "Kepala unit",
    )
    assert action.metric_key == "skm.element:waktu" and action.is_public


def test_cancelling_in_the_plan_drops_the_action_saying_where(unit_head_a, period_a):
    action = skm_services.save_follow_up_action(actor=unit_head_a, period=period_a, data=_row())
    action = skm_services.save_follow_up_action(
        actor=unit_head_a, period=period_a, action=action, data=_row(status="cancelled")
    )
    assert action.status == "dropped" and action.drop_reason
    assert skm.follow_up_summary(period_a).total == 0
    assert skm.follow_up_actions(period_a, include_cancelled=True) == [action]


def test_an_owner_chosen_in_the_register_stays_while_the_plan_names_them(
    unit_head_a, officer_a, period_a
):
    action = skm_action(period_a, owner=officer_a, responsible="")
    data = _row(owner=str(officer_a), status="in_progress")
    action = skm_services.save_follow_up_action(
        actor=unit_head_a, period=period_a, action=action, data=data
    )
    assert (action.owner, action.responsible, action.status) == (officer_a, "", "in_progress")
    action = skm_services.save_follow_up_action(
        actor=unit_head_a, period=period_a, action=action, data=_row(owner="Tim pengaduan")
    )
    assert (action.owner, action.responsible) == (None, "Tim pengaduan")


def test_register_actions_count_for_the_pekppp_indicators(unit_a, unit_head_a):
    period = answered_period(unit_a, actor=unit_head_a, number=1)
    first = skm_action(period, "waktu")
    skm_action(period, "biaya")
    make_action(unit_a)  # another source does not count
    summary = skm.follow_up_summary(period)
    assert (summary.total, summary.realised, summary.realisation_score) == (2, 0, 1)
    services.record_progress(
        actor=unit_head_a, action=first, status="done", completed_on=date(2025, 4, 20)
    )
    summary = skm.follow_up_summary(period)
    assert (summary.total, summary.realised, summary.percent) == (2, 1, 50.0)


def test_the_public_sees_only_what_staff_marked_public(client, unit_a, unit_head_a):
    period = answered_period(unit_a, actor=unit_head_a, number=1)
    skm_action(period, "waktu", title="Loket tambahan pada jam sibuk")
    skm_action(period, "biaya", title="Catatan internal", is_public=False)
    page = client.get(reverse("portal:unit-skm", args=[unit_a.slug])).content.decode()
    assert "Loket tambahan pada jam sibuk" in page and "Catatan internal" not in page


def test_the_plans_page_of_another_period_does_not_edit_this_action(
    client_for, unit_head_a, unit_a, period_a
):
    other = answered_period(unit_a, actor=unit_head_a, number=2)
    action = skm_action(period_a)
    url = reverse("satisfaction:action-edit", args=[unit_a.slug, other.pk, action.pk])
    assert client_for(unit_head_a).get(url).status_code == 404
