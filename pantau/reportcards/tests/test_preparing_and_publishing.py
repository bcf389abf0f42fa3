"""The unit head prepares a card from the year's published figures and publishes it; a published
card never changes."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pantau.improvements import services as register
from pantau.improvements.models import Action, Status
from pantau.improvements.tests.factories import skm_action
from pantau.reportcards import services
from pantau.reportcards.models import ReportCard

from .factories import prepared_card, published_card

pytestmark = pytest.mark.django_db


def test_the_card_reads_the_published_skm_result_and_its_weakest_elements(
    answered_q1, unit_a, unit_head_a, next_year
):
    next_year()
    card = prepared_card(unit_a, actor=unit_head_a, message="Kami menambah loket.")
    assert card.status == "draft" and card.published_at is None
    skm = card.figures["skm"]
    published = answered_q1.publications.get()
    assert skm["ikm"] == str(published.ikm) and card.ikm == published.ikm
    assert card.grade == published.grade
    assert [row["label"] for row in skm["periods"]] == ["Quarter I 2025"]
    assert skm["periods"][0]["respondents"] == 4
    assert skm["weakest"][0]["code"] == "U3"  # waktu (speed), scored 2 by everyone
    assert skm["weakest"][0]["nrr"] == "2.000"
    assert card.message == "Kami menambah loket."


def test_an_unpublished_skm_period_does_not_count(unit_a, unit_head_a, next_year):
    from pantau.improvements.tests.factories import answered_period

    answered_period(unit_a, actor=unit_head_a, number=2, publish=False)
    next_year()
    card = prepared_card(unit_a, actor=unit_head_a)
    assert card.figures["skm"] is None and card.ikm is None


def test_the_register_counts_what_was_done_in_the_year_and_what_is_late(
    answered_q1, unit_a, unit_head_a, next_year
):
    done = skm_action(answered_q1, title="Loket tambahan", due_on=date(2025, 6, 30))
    register.record_progress(
        actor=unit_head_a, action=done, status=Status.DONE, completed_on=date(2025, 5, 10)
    )
    skm_action(answered_q1, element_key="prosedur", title="Alur bergambar", due_on=date(2025, 9, 1))
    next_year()
    actions = prepared_card(unit_a, actor=unit_head_a).figures["actions"]
    assert (actions["done"], actions["overdue"], actions["open"]) == (1, 1, 1)
    assert actions["done_on_time_share"] == "100.0"
    assert [h["title"] for h in actions["highlights"]] == ["Loket tambahan"]


def test_a_draft_is_computed_again_and_publishing_keeps_what_the_head_saw(
    answered_q1, unit_a, unit_head_a, next_year
):
    next_year()
    card = prepared_card(unit_a, actor=unit_head_a)
    first = card.computed_at
    card = prepared_card(unit_a, actor=unit_head_a, message="Baru.")
    assert ReportCard.objects.count() == 1 and card.computed_at > first
    figures = card.figures
    published = services.publish_card(actor=unit_head_a, card=card)
    assert published.status == "published" and published.published_by == unit_head_a
    assert published.figures == figures


def test_a_published_card_never_changes(answered_q1, unit_a, unit_head_a, next_year):
    action = skm_action(answered_q1, title="Loket tambahan", due_on=date(2025, 6, 30))
    register.record_progress(
        actor=unit_head_a, action=action, status=Status.DONE, completed_on=date(2025, 5, 10)
    )
    next_year()
    card = published_card(unit_a, actor=unit_head_a)
    Action.objects.filter(pk=action.pk).update(title="Judul yang diganti kemudian")
    with pytest.raises(ValidationError):
        prepared_card(unit_a, actor=unit_head_a, message="Ubah")
    with pytest.raises(ValidationError):
        services.publish_card(actor=unit_head_a, card=card)
    card.refresh_from_db()
    assert card.figures["actions"]["highlights"][0]["title"] == "Loket tambahan"
    assert card.message == ""


def test_a_card_covers_a_year_that_has_ended(unit_a, unit_head_a, next_year):
    next_year()
    with pytest.raises(ValidationError) as error:
        prepared_card(unit_a, actor=unit_head_a, year=2026)
    assert "whole year that has ended" in str(error.value)


def test_only_the_unit_head_prepares_and_publishes(
    answered_q1, unit_a, unit_head_a, officer_a, evaluator_a, agency_head_a, next_year
):
    next_year()
    for outsider in (officer_a, evaluator_a):
        with pytest.raises(PermissionDenied):
            prepared_card(unit_a, actor=outsider)
    card = prepared_card(unit_a, actor=unit_head_a)
    for outsider in (officer_a, evaluator_a):
        with pytest.raises(PermissionDenied):
            services.publish_card(actor=outsider, card=card)
    # The agency head above the unit may, as for the unit's other pages.
    assert services.publish_card(actor=agency_head_a, card=card).is_published


def test_the_head_of_another_unit_cannot_prepare_a_card(unit_a, unit_head_b, next_year):
    next_year()
    with pytest.raises(PermissionDenied):
        prepared_card(unit_a, actor=unit_head_b)
