"""Writes of report cards (issue 21 item 4): prepare (or refresh) a draft, publish it. A
published card is final: nothing here changes it again (decision 0043)."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import permissions, selectors
from .models import FIRST_YEAR, ReportCard, Status

MESSAGE_MAX = 4000


def check_year(year: int, *, today: date) -> None:
    """A card covers a whole calendar year that has ended."""
    if year < FIRST_YEAR:
        raise ValidationError({"year": _("Choose a year from %(first)s.") % {"first": FIRST_YEAR}})
    if year >= today.year:
        raise ValidationError(
            {
                "year": _(
                    "A report card covers a whole year that has ended: the year %(year)s ends "
                    "on 31 December."
                )
                % {"year": year}
            }
        )


def _headline(figures: dict[str, Any]) -> tuple[Decimal | None, str]:
    skm = figures.get("skm") or {}
    ikm = skm.get("ikm")
    return (Decimal(ikm) if ikm is not None else None), skm.get("grade", "")


@transaction.atomic
def prepare_card(*, actor: Any, unit: Any, year: int, message: str = "") -> ReportCard:
    """The unit's draft card for ``year`` with its figures computed now: a new draft, or the
    existing draft with fresh figures and the new message. A published card is refused."""
    if not permissions.can_prepare(actor, unit):
        raise PermissionDenied
    today = timezone.localdate()
    check_year(year, today=today)
    message = message.strip()
    if len(message) > MESSAGE_MAX:
        raise ValidationError(
            {"message": _("Keep the word to %(max)s characters.") % {"max": MESSAGE_MAX}}
        )
    card = ReportCard.objects.select_for_update().filter(unit=unit, year=year).first()
    if card is not None and card.is_published:
        raise ValidationError(
            _("The card for %(year)s is published; a published card is not changed.")
            % {"year": year}
        )
    figures = selectors.card_figures(unit, year, today=today)
    ikm, grade = _headline(figures)
    if card is None:
        card = ReportCard(unit=unit, year=year)
    card.figures = figures
    card.computed_at = timezone.now()
    card.ikm, card.grade = ikm, grade
    card.message = message
    card.prepared_by = actor
    card.save()
    return card


@transaction.atomic
def publish_card(*, actor: Any, card: ReportCard) -> ReportCard:
    """Publish the draft as it was last prepared: the figures the head saw are those the public
    reads, from now on, unchanged."""
    if not permissions.can_publish(actor, card.unit):
        raise PermissionDenied
    card = ReportCard.objects.select_for_update().get(pk=card.pk)
    if card.is_published:
        raise ValidationError(_("This card is already published."))
    card.status = Status.PUBLISHED
    card.published_at = timezone.now()
    card.published_by = actor
    card.save()
    return card
