"""The database keeps the register's rules even when code goes around the services: a budget is
never negative and has a source, an institutionalised innovation has its legal basis, the stage
and its dates fit, an innovation does not copy itself and a unit copies one original once."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from pantau.innovations.models import FIGURES, Effect, Innovation

from .factories import institutionalised, make_innovation

pytestmark = pytest.mark.django_db


def _refused(innovation: Innovation, **changes) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Innovation.objects.filter(pk=innovation.pk).update(**changes)


def test_budget_is_never_negative_and_names_its_source(unit_a):
    innovation = make_innovation(unit_a)
    _refused(innovation, budget=-1, budget_source="apbd")
    _refused(innovation, budget=5_000_000, budget_source="")
    Innovation.objects.filter(pk=innovation.pk).update(budget=0, budget_source="")


def test_institutionalised_keeps_its_legal_basis(unit_a):
    innovation = institutionalised(unit_a)
    _refused(innovation, decree_number="", decree_date=None)
    _refused(innovation, decree_date=None)


def test_stage_and_dates_fit(unit_a):
    idea = make_innovation(unit_a)
    _refused(idea, idea_on=None)
    _refused(idea, trial_on=date(2025, 2, 1))  # a later stage's date on an idea
    _refused(idea, stage="implemented")  # implemented without its date
    _refused(idea, stage="nonsense")


def test_an_innovation_does_not_copy_itself_and_a_unit_copies_once(unit_a, unit_b):
    original = make_innovation(unit_a, is_public=True)
    _refused(original, replicates=original)
    copy = make_innovation(unit_b)
    Innovation.objects.filter(pk=copy.pk).update(replicates=original)
    second = make_innovation(unit_b, title="Salinan kedua")
    _refused(second, replicates=original)


def test_an_effect_names_a_figure_pantau_knows(unit_a):
    innovation = make_innovation(unit_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Effect.objects.create(innovation=innovation, metric_key="x.y", before=1, after=2)


def test_the_figures_are_the_kpis_built_in_measures():
    from pantau.kpis.models import BUILT_IN_KEYS

    assert tuple(FIGURES) == BUILT_IN_KEYS
