"""Unit staff read their unit's innovations; evaluators and agency heads read across the units of
their tree; a user of another unit reads none of them. Counting and filtering are done by the
database."""

import pytest
from django.http import Http404

from pantau.innovations import selectors, services

from .factories import make_innovation

pytestmark = pytest.mark.django_db


def test_each_reader_sees_the_units_they_reach(
    unit_a, unit_b, officer_a, officer_b, evaluator_a, agency_head_a, national_evaluator
):
    a = make_innovation(unit_a)
    b = make_innovation(unit_b)
    assert set(selectors.visible_innovations(officer_a)) == {a}
    assert set(selectors.visible_innovations(officer_b)) == {b}
    assert set(selectors.visible_innovations(evaluator_a)) == {a}
    assert set(selectors.visible_innovations(agency_head_a)) == {a}
    assert set(selectors.visible_innovations(national_evaluator)) == {a, b}
    assert set(selectors.overview(evaluator_a)) == {a}
    with pytest.raises(Http404):
        selectors.get_unit_innovation(unit_b, a.pk)


def test_the_register_filters_and_counts_by_stage(unit_a, unit_b, officer_b):
    idea = make_innovation(unit_a, title="Antrean daring")
    running = make_innovation(unit_a, stage="implemented", is_public=True)
    services.replicate_innovation(actor=officer_b, original=running, unit=unit_b, owner=officer_b)
    assert list(selectors.unit_register(unit_a, stage="idea")) == [idea]
    assert len(selectors.unit_register(unit_a, stage="nonsense")) == 2
    counted = {i.pk: i.replication_count for i in selectors.unit_register(unit_a)}
    assert counted == {idea.pk: 0, running.pk: 1}
    counts = selectors.stage_counts(selectors.unit_register(unit_a))
    assert (counts["idea"], counts["implemented"], counts["institutionalised"]) == (1, 1, 0)
    assert [i.pk for i in selectors.overview(officer_b, search="jemput lansia")] == [
        unit_b.innovations.get().pk
    ]


def test_units_one_may_register_into(
    unit_a, unit_b, officer_a, unit_head_a, agency_head_a, evaluator_a, admin_user
):
    assert list(selectors.registrable_units(officer_a)) == [unit_a]
    assert list(selectors.registrable_units(agency_head_a)) == [unit_a]
    assert list(selectors.registrable_units(evaluator_a)) == []
    assert set(selectors.registrable_units(admin_user)) == {unit_a, unit_b}
