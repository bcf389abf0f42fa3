"""The unit head plans an action from any source of the unit's own; nobody else does, and a
source, owner or title that does not fit changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pantau.complaints.models import Category
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.improvements import services
from pantau.improvements.models import Action, Source
from pantau.improvements.services import SourceRef
from pantau.satisfaction.tests.factories import SurveyPeriodFactory

pytestmark = pytest.mark.django_db


def _plan(actor, unit, source=None, **fields):
    values = {
        "title": "Menambah loket pada jam sibuk",
        "due_on": date(2025, 6, 30),
        "responsible": "Kepala unit",
    }
    values.update(fields)
    return services.plan_action(
        actor=actor, unit=unit, source=source or SourceRef(Source.OWN), **values
    )


def test_unit_head_plans_an_action_on_a_weak_skm_element(unit_head_a, unit_a, period_a):
    action = _plan(
        unit_head_a, unit_a, SourceRef(Source.SKM_ELEMENT, period=period_a, element_key="waktu")
    )
    assert (action.unit, action.period, action.element_key, action.status) == (
        unit_a,
        period_a,
        "waktu",
        "planned",
    )
    # The figure it should move is the element's, and the public sees it.
    assert (action.metric_key, action.is_public, action.planned_by) == (
        "skm.element:waktu",
        True,
        unit_head_a,
    )
    assert action.history.first().history_user == unit_head_a


def test_an_action_on_a_single_complaint_is_not_public_by_default(unit_head_a, unit_a):
    complaint = ComplaintFactory(unit=unit_a)
    action = _plan(unit_head_a, unit_a, SourceRef(Source.COMPLAINT, complaint=complaint))
    assert action.is_public is False and action.metric_key == ""
    shown = _plan(
        unit_head_a, unit_a, SourceRef(Source.COMPLAINT, complaint=complaint), is_public=True
    )
    assert shown.is_public is True


def test_a_complaint_category_pattern_moves_the_categorys_count(unit_head_a, unit_a):
    category = Category.objects.filter(agency__isnull=True).first()
    action = _plan(unit_head_a, unit_a, SourceRef(Source.COMPLAINT_PATTERN, category=category))
    assert action.metric_key == f"complaints.category:{category.code}"


def test_the_owner_is_a_person_of_the_unit(unit_head_a, unit_a, officer_a, officer_b):
    action = _plan(unit_head_a, unit_a, owner=officer_a, responsible="")
    assert (action.owner, action.responsible, action.owner_label) == (officer_a, "", str(officer_a))
    with pytest.raises(ValidationError) as error:
        _plan(unit_head_a, unit_a, owner=officer_b, responsible="")
    assert "owner" in error.value.message_dict
    with pytest.raises(ValidationError):
        _plan(unit_head_a, unit_a, responsible=" ")


def test_officers_and_people_of_other_units_do_not_plan(
    officer_a, unit_head_b, evaluator_a, unit_a
):
    for actor in (officer_a, unit_head_b, evaluator_a):
        with pytest.raises(PermissionDenied):
            _plan(actor, unit_a)
    assert not Action.objects.exists()


def test_agency_head_plans_for_a_unit_below(agency_head_a, unit_a):
    assert _plan(agency_head_a, unit_a).planned_by == agency_head_a


def test_a_source_of_another_unit_is_refused(unit_head_a, unit_a, unit_b, unit_head_b):
    period_b = SurveyPeriodFactory(unit=unit_b, actor=unit_head_b)
    complaint_b = ComplaintFactory(unit=unit_b)
    for source in (
        SourceRef(Source.SKM_ELEMENT, period=period_b, element_key="waktu"),
        SourceRef(Source.COMPLAINT, complaint=complaint_b),
    ):
        with pytest.raises(ValidationError) as error:
            _plan(unit_head_a, unit_a, source)
        assert "source" in error.value.message_dict
    assert not Action.objects.exists()


def test_an_element_outside_the_questionnaire_or_a_missing_finding_is_refused(
    unit_head_a, unit_a, period_a
):
    with pytest.raises(ValidationError) as error:
        _plan(
            unit_head_a,
            unit_a,
            SourceRef(Source.SKM_ELEMENT, period=period_a, element_key="parkir"),
        )
    assert "element_key" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _plan(unit_head_a, unit_a, SourceRef(Source.MYSTERY_SHOPPING, note="  "))
    assert "source_note" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _plan(unit_head_a, unit_a, title="  ")
    assert "title" in error.value.message_dict
    assert not Action.objects.exists()


def test_a_category_of_another_agency_is_refused(unit_head_a, unit_a, agency_b):
    own = Category.objects.create(agency=agency_b, code="parkir-b", name="Parkir B")
    with pytest.raises(ValidationError) as error:
        _plan(unit_head_a, unit_a, SourceRef(Source.COMPLAINT_PATTERN, category=own))
    assert "category" in error.value.message_dict


def test_the_head_revises_the_plan_and_keeps_the_source(unit_head_a, officer_a, unit_a, period_a):
    action = _plan(
        unit_head_a, unit_a, SourceRef(Source.SKM_ELEMENT, period=period_a, element_key="waktu")
    )
    services.revise_action(
        actor=unit_head_a,
        action=action,
        title="Dua loket tambahan",
        due_on=date(2025, 7, 31),
        owner=officer_a,
        metric_key="skm.ikm",
        baseline=80,
        target=85,
        is_public=False,
        element_key="prosedur",
    )
    action.refresh_from_db()
    assert (action.title, action.owner, action.responsible, action.element_key) == (
        "Dua loket tambahan",
        officer_a,
        "",
        "prosedur",
    )
    assert (action.metric_key, action.target, action.is_public) == ("skm.ikm", 85, False)
    with pytest.raises(PermissionDenied):
        services.revise_action(
            actor=officer_a, action=action, title="x", due_on=date(2025, 7, 31), owner=officer_a
        )
