"""The desk's other actions on a report: its category and tags, the public summary, notes, and the reporter's rating."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common import audit

from ..models import Complaint, Event, Status
from ..permissions import can_handle
from ..selectors import categories_for
from .followers import notify_followers


@transaction.atomic
def categorise(*, actor, complaint: Complaint, category, tags: list[str]) -> Complaint:
    """Set a report's category and internal tags (never shown to the public or the reporter)."""
    if not can_handle(actor, complaint):
        raise PermissionDenied
    if (
        category is not None
        and not categories_for(complaint.unit, complaint.agency).filter(pk=category.pk).exists()
    ):
        raise ValidationError(_("This category does not apply to the report's unit."))
    before = complaint.category
    complaint.category = category
    audit.attribute_to(complaint, actor)
    complaint.save(update_fields=["category", "updated_at"])
    complaint.tags.set(sorted({t.strip()[:100] for t in tags if t.strip()}))
    if before != category:
        Event.objects.create(
            complaint=complaint,
            actor=actor,
            action="categorised",
            from_status=complaint.status,
            to_status=complaint.status,
            unit=complaint.unit,
            note=str(category) if category else "",
            public=False,
        )
    return complaint


@transaction.atomic
def approve_public_summary(*, actor, complaint: Complaint, summary: str) -> list:
    """Set what the public reads of the report (issue 15). Returns what in it still looks like
    personal data, for the officer to see; the public pages mask it in any case."""
    from pantau.common.personal_data import find_personal_data

    from ..public_text import reporter_names

    if not can_handle(actor, complaint):
        raise PermissionDenied
    summary = " ".join(summary.split())
    if not summary:
        raise ValidationError(_("Write the public summary."))
    if len(summary) > 200:
        raise ValidationError(_("The public summary has at most 200 characters."))
    complaint.public_summary = summary
    complaint.public_summary_by = actor
    complaint.public_summary_at = timezone.now()
    audit.attribute_to(complaint, actor)
    complaint.save(
        update_fields=["public_summary", "public_summary_by", "public_summary_at", "updated_at"]
    )
    Event.objects.create(
        complaint=complaint,
        actor=actor,
        action="summarised",
        from_status=complaint.status,
        to_status=complaint.status,
        unit=complaint.unit,
        note=summary,
        public=False,
    )
    return find_personal_data(summary, names=reporter_names(complaint))


PUBLIC_ANSWER_MAX = 2000


@transaction.atomic
def approve_public_answer(*, actor, complaint: Complaint, answer: str) -> list:
    """Set what the public reads of the unit's answer on the report's page (issue 19), once the
    report is answered. Returns what in it still looks like personal data; the public page masks
    it in any case."""
    from pantau.common.personal_data import find_personal_data

    from ..public_text import reporter_names

    if not can_handle(actor, complaint):
        raise PermissionDenied
    if complaint.status not in (Status.ANSWERED, Status.CLOSED):
        raise ValidationError(_("Publish an answer once the report is answered."))
    answer = answer.strip()
    if not answer:
        raise ValidationError(_("Write the public answer."))
    if len(answer) > PUBLIC_ANSWER_MAX:
        raise ValidationError(
            _("The public answer has at most %(max)s characters.") % {"max": PUBLIC_ANSWER_MAX}
        )
    changed = answer != complaint.public_answer
    complaint.public_answer = answer
    complaint.public_answer_by = actor
    complaint.public_answer_at = timezone.now()
    audit.attribute_to(complaint, actor)
    complaint.save(
        update_fields=["public_answer", "public_answer_by", "public_answer_at", "updated_at"]
    )
    if changed:
        notify_followers(complaint, answer=True)  # those who follow its public page, on commit
    return find_personal_data(answer, names=reporter_names(complaint))


@transaction.atomic
def add_note(*, actor, complaint: Complaint, note: str, public: bool) -> Event:
    if not can_handle(actor, complaint):
        raise PermissionDenied
    if not note.strip():
        raise ValidationError(_("Write the note."))
    return Event.objects.create(
        complaint=complaint,
        actor=actor,
        action="note",
        from_status=complaint.status,
        to_status=complaint.status,
        unit=complaint.unit,
        note=note.strip(),
        public=public,
    )


@transaction.atomic
def rate_resolution(*, complaint: Complaint, rating: int, comment: str) -> Complaint:
    if complaint.status not in (Status.ANSWERED, Status.CLOSED):
        raise ValidationError(_("A report can be rated once it is answered."))
    if not 1 <= rating <= 5:
        raise ValidationError(_("Give a rating from 1 to 5."))
    complaint.rating, complaint.rating_comment = rating, comment.strip()
    complaint.save(update_fields=["rating", "rating_comment", "updated_at"])
    Event.objects.create(
        complaint=complaint,
        action="rated",
        from_status=complaint.status,
        to_status=complaint.status,
        unit=complaint.unit,
        note="",
        public=True,
    )
    return complaint
