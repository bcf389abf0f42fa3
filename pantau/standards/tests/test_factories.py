import pytest

from pantau.standards.models import StandardVersion
from pantau.standards.tests.factories import DraftFactory, ForumFactory

pytestmark = pytest.mark.django_db


def test_a_factory_draft_keeps_the_services_rules(service_a, officer_a, unit_a):
    draft = DraftFactory(service=service_a, actor=officer_a, requirements=[("KTP | KK", "asli")])
    assert draft.status == StandardVersion.Status.DRAFT and draft.fee_is_free
    assert [(r.text, r.note) for r in draft.requirements.all()] == [("KTP | KK", "asli")]
    forum = ForumFactory(unit=unit_a)
    assert forum.unit == unit_a and forum.status == forum.Status.PLANNED
