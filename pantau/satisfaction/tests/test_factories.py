import pytest

from pantau.satisfaction.tests.factories import SurveyPeriodFactory
from pantau.surveys.models import Collection

pytestmark = pytest.mark.django_db


def test_a_factory_period_is_set_up_by_a_head_of_its_unit(unit_a, unit_head_a, service_a):
    period = SurveyPeriodFactory(unit=unit_a, actor=unit_head_a, services=[service_a], opened=True)
    assert period.collection.status == Collection.Status.OPEN
    assert list(period.services.all()) == [service_a]
    other = SurveyPeriodFactory(number=2)  # its own unit, head and service
    assert other.unit != unit_a and other.services.count() == 1
