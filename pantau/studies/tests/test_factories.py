import pytest

from pantau.studies.tests.factories import StudyFactory
from pantau.surveys.models import Collection

pytestmark = pytest.mark.django_db


def test_a_factory_study_has_both_groups_and_opens(unit_a, unit_head_a):
    study = StudyFactory(unit=unit_a, actor=unit_head_a, opened=True)
    assert sorted(study.groups.values_list("role", flat=True)) == ["provider", "recipient"]
    assert {g.collection.status for g in study.groups.all()} == {Collection.Status.OPEN}
