"""Writes of public consultation forums (FKP): plan, participants, attendance, agreements, files."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common import audit

from ..models import Agreement, Forum, ForumFile, Participant
from ..permissions import can_edit_standards
from .versions import Upload

# --- Consultation forums --------------------------------------------------------------------


@transaction.atomic
def save_forum(*, actor, unit, data: dict, forum: Forum | None = None) -> Forum:
    if not can_edit_standards(actor, unit):
        raise PermissionDenied
    forum = forum or Forum(unit=unit)
    if forum.unit_id != unit.pk:
        raise PermissionDenied
    for name in ("topic", "title", "held_on", "place", "online_link", "minutes"):
        if name in data:
            setattr(forum, name, data[name])
    audit.attribute_to(forum, actor)
    forum.full_clean()
    forum.save()
    return forum


@transaction.atomic
def mark_forum_held(*, actor, forum: Forum, today=None) -> Forum:
    if not can_edit_standards(actor, forum.unit):
        raise PermissionDenied
    today = today or timezone.localdate()
    if forum.held_on > today:
        raise ValidationError(_("A forum dated in the future cannot have been held."))
    if not forum.participants.filter(attended=True).exists():
        raise ValidationError(_("Record who attended before marking the forum as held."))
    forum.status = Forum.Status.HELD
    audit.attribute_to(forum, actor)
    forum.save()
    return forum


@transaction.atomic
def add_participant(*, actor, forum: Forum, data: dict) -> Participant:
    if not can_edit_standards(actor, forum.unit):
        raise PermissionDenied
    participant = Participant(forum=forum, **data)
    participant.full_clean()
    participant.save()
    return participant


@transaction.atomic
def set_attendance(*, actor, forum: Forum, attended_ids: set[int]) -> None:
    if not can_edit_standards(actor, forum.unit):
        raise PermissionDenied
    forum.participants.filter(id__in=attended_ids).update(attended=True)
    forum.participants.exclude(id__in=attended_ids).update(attended=False)


@transaction.atomic
def remove_participant(*, actor, participant: Participant) -> None:
    if not can_edit_standards(actor, participant.forum.unit):
        raise PermissionDenied
    participant.delete()


@transaction.atomic
def save_agreement(
    *, actor, forum: Forum, data: dict, agreement: Agreement | None = None
) -> Agreement:
    if not can_edit_standards(actor, forum.unit):
        raise PermissionDenied
    agreement = agreement or Agreement(forum=forum, position=forum.agreements.count() + 1)
    standard = data.get("standard")
    if standard is not None and standard.service.unit_id != forum.unit_id:
        raise ValidationError(_("Choose a standard of this unit."))
    for name in ("text", "standard", "action", "outcome", "outcome_note"):
        if name in data:
            setattr(agreement, name, data[name])
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def attach_forum_file(*, actor, forum: Forum, kind: str, upload: Upload) -> ForumFile:
    if not can_edit_standards(actor, forum.unit):
        raise PermissionDenied
    if kind not in ForumFile.Kind.values:
        raise ValidationError(_("Choose what kind of document this is."))
    return ForumFile.objects.create(
        forum=forum,
        kind=kind,
        file=upload.file,
        original_name=(upload.file.name or "document")[:200],
        content_type=upload.content_type,
        size=upload.file.size or 0,
        sha256=upload.sha256,
    )
