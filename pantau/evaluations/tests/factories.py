"""PEKPPP rounds and lokus made as an evaluator makes them: through ``services.create_round`` and
``services.add_lokus``."""

from datetime import timedelta

import factory
from django.utils import timezone

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory
from pantau.evaluations import services
from pantau.evaluations.instruments import EXISTING_CODE
from pantau.evaluations.models import EvaluationInstrument, Lokus, Round
from pantau.organisations.tests.factories import AgencyFactory


def open_schedule(today=None) -> dict:
    """Every window contains today, so each step's actions are allowed at its step."""
    today = today or timezone.localdate()
    return {
        "self_assessment_opens": today,
        "self_assessment_closes": today,
        "citizen_opens": today - timedelta(days=5),
        "citizen_closes": today + timedelta(days=5),
        "scoring_opens": today,
        "scoring_closes": today,
        "verification_opens": today,
        "verification_closes": today,
        "results_on": today,
        "follow_up_due": today + timedelta(days=60),
    }


class RoundFactory(factory.Factory):
    """``RoundFactory(body=province_a, actor=evaluator_a)``; without an actor, an evaluator of
    the body is made; the instrument is the shipped PEKPPP one, the schedule open today."""

    class Meta:
        model = Round

    body = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"PEKPPP {n}")
    year = 2026
    method = "weighted"
    mode = "external"

    @classmethod
    def _create(cls, model_class, *args, actor=None, instrument=None, **kwargs):
        if actor is None:
            actor = MembershipFactory(role=Role.EVALUATOR, agency=kwargs["body"], unit=None).user
        instrument = instrument or EvaluationInstrument.objects.get(code=EXISTING_CODE, number=1)
        dates = {
            **open_schedule(),
            **{k: kwargs.pop(k) for k in list(kwargs) if k in open_schedule()},
        }
        return services.create_round(actor=actor, instrument=instrument, **kwargs, **dates)


class LokusFactory(factory.Factory):
    """``LokusFactory(round_=round_a, unit=unit_a, actor=evaluator_a, evaluators=[evaluator_a])``."""

    class Meta:
        model = Lokus

    service_class = "administrative"

    @classmethod
    def _create(cls, model_class, *args, actor, round_, unit, evaluators=None, **kwargs):
        return services.add_lokus(
            actor=actor, round_=round_, unit=unit, evaluators=evaluators or [actor], **kwargs
        )
