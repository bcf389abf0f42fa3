"""SKM periods made as a unit head makes them: through ``services.create_period``."""

import factory

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory
from pantau.organisations.tests.factories import ServiceFactory, ServiceUnitFactory
from pantau.satisfaction import services
from pantau.satisfaction.models import SurveyPeriod


class SurveyPeriodFactory(factory.Factory):
    """``SurveyPeriodFactory(unit=unit_a, actor=unit_head_a, services=[service_a], opened=True)``;
    without an actor, a head of the unit is made; without services, one service of the unit."""

    class Meta:
        model = SurveyPeriod

    unit = factory.SubFactory(ServiceUnitFactory)
    kind = "quarter"
    year = 2025
    number = 1
    population = 100

    @classmethod
    def _create(cls, model_class, *args, actor=None, services_=None, opened=False, **kwargs):
        unit = kwargs["unit"]
        if actor is None:
            actor = MembershipFactory(unit=unit, role=Role.UNIT_HEAD).user
        chosen = kwargs.pop("services", None) or services_ or [ServiceFactory(unit=unit)]
        period = services.create_period(actor=actor, services=chosen, **kwargs)
        if opened:
            period = services.change_period_status(actor=actor, period=period, action="open")
        return period
