"""A forum agreement is a source of register actions; once an action on a pending agreement is
done, the agreement's outcome says it was carried out, with what was done."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from pantau.improvements import services
from pantau.improvements.models import Source
from pantau.improvements.services import SourceRef
from pantau.standards import services as standards
from pantau.standards.tests.factories import ForumFactory

from .factories import make_action

pytestmark = pytest.mark.django_db


def test_an_action_done_carries_out_the_pending_agreement(unit_a, unit_head_a, officer_a):
    forum = ForumFactory(unit=unit_a, actor=unit_head_a, held_on=date(2025, 3, 10))
    agreement = standards.save_agreement(
        actor=unit_head_a, forum=forum, data={"text": "Menambah kursi ruang tunggu."}
    )
    action = make_action(
        unit_a,
        source=SourceRef(Source.AGREEMENT, agreement=agreement),
        title="Sepuluh kursi tunggu baru",
    )
    assert action.is_public and action.agreement == agreement
    services.record_progress(actor=officer_a, action=action, status="in_progress")
    agreement.refresh_from_db()
    assert agreement.outcome == "pending"
    services.record_progress(
        actor=officer_a,
        action=action,
        status="done",
        completed_on=date(2025, 5, 2),
        evidence_note="Sepuluh kursi dipasang.",
    )
    agreement.refresh_from_db()
    assert (agreement.outcome, agreement.outcome_note) == ("done", "Sepuluh kursi dipasang.")


def test_an_agreement_of_another_unit_is_no_source(unit_a, unit_b, unit_head_b):
    forum = ForumFactory(unit=unit_b, actor=unit_head_b, held_on=date(2025, 3, 10))
    agreement = standards.save_agreement(actor=unit_head_b, forum=forum, data={"text": "x"})
    with pytest.raises(ValidationError) as error:
        make_action(unit_a, source=SourceRef(Source.AGREEMENT, agreement=agreement))
    assert "source" in error.value.message_dict
