"""The register's rules that the database itself keeps: a source names the record of its kind and
no other, someone is responsible, a done action has its date, a target names its figure."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from pantau.complaints.models import Category
from pantau.improvements.models import Action, Source, Status
from pantau.satisfaction.tests.factories import SurveyPeriodFactory

pytestmark = pytest.mark.django_db


def _action(unit, **fields):
    values = {
        "unit": unit,
        "title": "Menambah loket pada jam sibuk",
        "source": Source.OWN,
        "responsible": "Kepala unit",
        "due_on": date(2025, 6, 30),
    }
    values.update(fields)
    return Action(**values)


def _refused(action) -> bool:
    try:
        with transaction.atomic():
            action.save()
    except IntegrityError:
        return True
    return False


def test_an_own_initiative_names_no_record(unit_a):
    assert not _refused(_action(unit_a))
    category = Category.objects.first()
    assert _refused(_action(unit_a, category=category))
    assert _refused(_action(unit_a, element_key="waktu"))


def test_an_skm_action_names_its_period_and_element(unit_a, unit_head_a):
    period = SurveyPeriodFactory(unit=unit_a, actor=unit_head_a)
    assert _refused(_action(unit_a, source=Source.SKM_ELEMENT, element_key="waktu"))
    assert _refused(_action(unit_a, source=Source.SKM_ELEMENT, period=period))
    assert not _refused(
        _action(unit_a, source=Source.SKM_ELEMENT, period=period, element_key="waktu")
    )


def test_a_complaint_pattern_names_its_category_only(unit_a):
    category = Category.objects.first()
    assert _refused(_action(unit_a, source=Source.COMPLAINT_PATTERN))
    assert not _refused(_action(unit_a, source=Source.COMPLAINT_PATTERN, category=category))


def test_a_mystery_shopping_finding_says_what_was_found(unit_a):
    assert _refused(_action(unit_a, source=Source.MYSTERY_SHOPPING))
    assert not _refused(
        _action(unit_a, source=Source.MYSTERY_SHOPPING, source_note="Tarif tidak dipajang.")
    )


def test_someone_is_responsible(unit_a, officer_a):
    assert _refused(_action(unit_a, responsible=""))
    assert not _refused(_action(unit_a, responsible="", owner=officer_a))


def test_a_done_action_has_its_date_and_a_target_its_figure(unit_a):
    assert _refused(_action(unit_a, status=Status.DONE))
    assert not _refused(_action(unit_a, status=Status.DONE, completed_on=date(2025, 6, 1)))
    assert _refused(_action(unit_a, target=80))
    assert not _refused(_action(unit_a, metric_key="skm.ikm", target=80))


def test_an_unknown_figure_is_refused_by_clean(unit_a):
    action = _action(unit_a, metric_key="skm.everything")
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "metric_key" in error.value.message_dict
    for known in (
        "skm.ikm",
        "skm.element:waktu",
        "complaints.on_time_share",
        "complaints.category:biaya",
    ):
        _action(unit_a, metric_key=known).full_clean()
