"""Perception studies made as a unit head makes them: through ``services.create_study``."""

from datetime import date

import factory

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory
from pantau.organisations.tests.factories import ServiceUnitFactory
from pantau.studies import services
from pantau.studies.models import Study


class StudyFactory(factory.Factory):
    """``StudyFactory(unit=unit_a, actor=unit_head_a, opened=True)``: a study of one unit with a
    recipients' and a providers' group; without an actor, a head of the unit is made."""

    class Meta:
        model = Study

    unit = factory.SubFactory(ServiceUnitFactory)
    title = factory.Sequence(lambda n: f"Studi NPS {n}")
    starts_on = date(2025, 1, 1)
    ends_on = date(2025, 6, 30)
    recipient_target = 30
    provider_target = 5

    @classmethod
    def _create(cls, model_class, *args, actor=None, opened=False, **kwargs):
        if actor is None:
            actor = MembershipFactory(unit=kwargs["unit"], role=Role.UNIT_HEAD).user
        study = services.create_study(actor=actor, **kwargs)
        if opened:
            services.change_study_status(actor=actor, study=study, action="open")
        return study
