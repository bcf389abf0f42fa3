"""Writes of observation visits: schedule (with the observer), cancel, submit (scored and
locked). Views and the demo call these; each checks its actor and the rules again."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pantau.accounts.models import Membership
from pantau.analytics.checklist import checklist_score
from pantau.common import audit
from pantau.common.files import CheckedUpload
from pantau.surveys.models import Collection, Item, Response
from pantau.surveys.selectors import version_items
from pantau.surveys.services import submit_response

from . import checklists, permissions
from .models import ItemNote, Kind, Visit


def _checklist_for(unit: Any, kind: str, service: Any) -> Any:
    """The instrument version a new visit answers; a ValidationError naming the field when the
    unit cannot be observed with that checklist."""
    if kind == Kind.BEHAVIOUR:
        if service is not None and service.unit_id != unit.pk:
            raise ValidationError({"service": _("Choose a service of the unit visited.")})
        return checklists.setia_version()
    if kind != Kind.STANDARD:
        raise ValidationError({"kind": _("Choose a checklist.")})
    if service is None:
        raise ValidationError(
            {"service": _("A standard checklist observes one service: choose it.")}
        )
    if service.unit_id != unit.pk:
        raise ValidationError({"service": _("Choose a service of the unit visited.")})
    from pantau.standards.selectors import version_in_force

    standard = version_in_force(service)
    if standard is None:
        raise ValidationError(
            {
                "service": _(
                    "%(service)s has no published service standard to check against. Choose "
                    "another service, or the service behaviour checklist."
                )
                % {"service": service.name}
            }
        )
    return checklists.standard_version(standard)


@transaction.atomic
def schedule_visit(
    *,
    actor: Any,
    unit: Any,
    kind: str,
    planned_on: date,
    observer: Any,
    service: Any = None,
    scenario: str = "",
    today: date | None = None,
) -> Visit:
    """A visit to ``unit`` on ``planned_on`` by ``observer``, who must not work at the unit."""
    if not permissions.can_schedule(actor, unit):
        raise PermissionDenied
    today = today or timezone.localdate()
    if planned_on < today:
        raise ValidationError({"planned_on": _("Choose today or a later day for the visit.")})
    if observer is None or not observer.is_active:
        raise ValidationError({"observer": _("Choose an observer with an active account.")})
    if Membership.objects.filter(user=observer, unit=unit).exists():
        raise ValidationError(
            {
                "observer": _(
                    "%(person)s works at %(unit)s and cannot observe it: choose someone who "
                    "does not work at the unit visited."
                )
                % {"person": observer.get_full_name() or observer.username, "unit": unit.name}
            }
        )
    if len(scenario) > 2000:
        raise ValidationError({"scenario": _("Keep the scenario under 2,000 characters.")})
    version = _checklist_for(unit, kind, service)
    collection = Collection.objects.create(
        version=version, unit=unit, status=Collection.Status.OPEN
    )
    visit = Visit(
        unit=unit,
        service=service,
        kind=kind,
        collection=collection,
        planned_on=planned_on,
        observer=observer,
        scheduled_by=actor,
        scenario=scenario.strip(),
    )
    visit.full_clean(exclude=["collection"])
    audit.attribute_to(visit, actor)
    visit.save()
    return visit


@transaction.atomic
def cancel_visit(*, actor: Any, visit: Visit, reason: str) -> Visit:
    visit = Visit.objects.select_for_update().select_related("unit").get(pk=visit.pk)
    if not permissions.can_schedule(actor, visit.unit):
        raise PermissionDenied
    if visit.status != Visit.Status.SCHEDULED:
        raise ValidationError(_("Only a visit still to be entered can be cancelled."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the visit is cancelled.")})
    visit.status, visit.cancel_reason = Visit.Status.CANCELLED, reason[:300]
    Collection.objects.filter(pk=visit.collection_id).update(status=Collection.Status.CLOSED)
    audit.attribute_to(visit, actor)
    visit.save()
    return visit


@dataclass(frozen=True)
class Evidence:
    """What the observer adds to one item: a note, a photo (checked upload), or both."""

    note: str = ""
    photo: CheckedUpload | None = None


def _store_note(visit: Visit, item: Item, evidence: Evidence) -> None:
    note = ItemNote(visit=visit, item=item, note=evidence.note.strip()[:500])
    if evidence.photo is not None:
        upload = evidence.photo.file
        name = (upload.name or "photo").rsplit("/", 1)[-1][-120:]
        note.file_name = name
        note.content_type = evidence.photo.content_type
        note.size = upload.size or 0
        note.sha256 = evidence.photo.sha256
        note.photo.save(name[-80:], upload, save=False)
    note.save()


@transaction.atomic
def submit_visit(
    *,
    actor: Any,
    visit: Visit,
    answers: list[tuple[Item, int | None, str]],
    evidence: Mapping[str, Evidence] | None = None,
    submission_token: uuid.UUID | None = None,
    today: date | None = None,
) -> Visit:
    """The observer's answers, notes and photos, saved together with the visit's score; the
    visit is then locked (a second submission is refused, the collection closed).

    Every item of the checklist must be answered (yes, no or not applicable): a score over part
    of a checklist would not compare with the others.
    """
    visit = (
        Visit.objects.select_for_update()
        .select_related("collection__version", "unit")
        .get(pk=visit.pk)
    )
    if visit.observer_id != actor.pk:
        raise PermissionDenied
    if visit.status != Visit.Status.SCHEDULED:
        raise ValidationError(_("This visit has already been submitted; its answers are locked."))
    today = today or timezone.localdate()
    if today < visit.planned_on:
        raise ValidationError(
            _("This visit is planned for %(day)s: enter it on that day or later.")
            % {"day": date_format(visit.planned_on, "j F Y")}
        )
    items = [i for i in version_items(visit.collection.version) if i.kind == Item.Kind.YES_NO_NA]
    given = {item.pk: value for item, value, _text in answers if value is not None}
    missing = [item.code for item in items if item.pk not in given]
    if missing:
        raise ValidationError(
            _("Answer every item (yes, no or not applicable); missing: %(codes)s.")
            % {"codes": ", ".join(missing)}
        )
    response, _created = submit_response(
        collection=visit.collection,
        answers=answers,
        submission_token=submission_token or uuid.uuid4(),
        source=Response.Source.WEB,
        entered_by=actor,
    )
    for item in items:
        found = (evidence or {}).get(item.key)
        if found is not None and (found.note.strip() or found.photo is not None):
            _store_note(visit, item, found)
    result = checklist_score((item.weight, given[item.pk]) for item in items)
    visit.response = response
    visit.status = Visit.Status.SUBMITTED
    visit.submitted_at = timezone.now()
    visit.score = None if result.score is None else Decimal(f"{result.score:.2f}")
    visit.applicable_items, visit.failed_items = result.applicable, result.failed
    Collection.objects.filter(pk=visit.collection_id).update(status=Collection.Status.CLOSED)
    audit.attribute_to(visit, actor)
    visit.save()
    return visit
