import pytest

from pantau.evaluations.models import Round
from pantau.evaluations.tests.factories import LokusFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_a_factory_round_and_lokus_are_set_up_by_an_evaluator(province_a, unit_a, evaluator_a):
    round_ = RoundFactory(body=province_a, actor=evaluator_a)
    assert round_.status == Round.Status.DRAFT and round_.instrument.usable
    lokus = LokusFactory(round_=round_, unit=unit_a, actor=evaluator_a)
    assert lokus.unit == unit_a and list(lokus.evaluators.all()) == [evaluator_a]
