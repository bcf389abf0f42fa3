"""Service standards and forums made as a unit's officers make them: through
``standards.services``."""

from datetime import date

import factory

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory
from pantau.organisations.tests.factories import ServiceFactory
from pantau.standards import services
from pantau.standards.models import Forum, StandardVersion


class DraftFactory(factory.Factory):
    """``DraftFactory(service=service_a, actor=officer_a, requirements=[("KTP", "asli")])``: a
    draft standard with the content given over a complete default."""

    class Meta:
        model = StandardVersion

    service = factory.SubFactory(ServiceFactory)

    @classmethod
    def _create(
        cls, model_class, *args, service, actor=None, requirements=None, steps=None, **data
    ):
        if actor is None:
            actor = MembershipFactory(unit=service.unit, role=Role.UNIT_OFFICER).user
        version = services.start_version(actor=actor, service=service)
        content = {
            "time_limit_value": 3,
            "time_limit_unit": "working_days",
            "fee_is_free": True,
            "product": "Surat keterangan",
            "complaint_handling": "Melalui loket pengaduan",
            **data,
        }
        return services.update_version(
            actor=actor,
            version=version,
            data=content,
            requirements=requirements or [("Fotokopi KTP", "1 lembar")],
            steps=steps or [("Serahkan berkas", "petugas loket")],
        )


class ForumFactory(factory.Factory):
    """``ForumFactory(unit=unit_a, actor=unit_head_a)``: a planned consultation forum."""

    class Meta:
        model = Forum

    topic = Forum.Topic.DRAFTING
    title = factory.Sequence(lambda n: f"FKP penyusunan standar {n}")
    held_on = date(2026, 1, 15)
    place = "Aula"
    online_link = ""
    minutes = ""

    @classmethod
    def _create(cls, model_class, *args, unit, actor=None, **data):
        if actor is None:
            actor = MembershipFactory(unit=unit, role=Role.UNIT_HEAD).user
        return services.save_forum(actor=actor, unit=unit, data=data)
