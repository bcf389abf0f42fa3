"""Deadline reminders: once a day, every officer with reports whose stage deadline is near or past
gets one e-mail listing them. Run by Celery beat (see CELERY_BEAT_SCHEDULE) or by cron with
``pantau send_deadline_reminders``."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pantau.accounts.models import UNIT_ROLES, Membership, Role
from pantau.common import site

from .models import Complaint, Event, Queue
from .selectors import due_soon_q, overdue_q


@dataclass
class Digest:
    overdue: list[Complaint] = field(default_factory=list)
    due_soon: list[Complaint] = field(default_factory=list)


def _stage_due(complaint: Complaint):
    if complaint.status == "received":
        return complaint.verify_due
    if complaint.status == "assigned" and complaint.response_due:
        return min(d for d in (complaint.response_due, complaint.resolution_due) if d)
    return complaint.resolution_due


def _recipients(complaint: Complaint, unit_staff: dict, coordinators: dict) -> set[str]:
    """Whoever holds the report's queue (pantau.complaints.routing): the assigned officer, else
    the unit's staff; for a report in a coordinator's or inspector's queue, the coordinators or
    inspectors of that agency; for the national queue, the national coordinators. An integrity
    report never reaches the unit's staff."""
    if complaint.queue == Queue.UNIT and complaint.unit_id and not complaint.integrity:
        if complaint.assigned_to is not None and complaint.assigned_to.email:
            return {complaint.assigned_to.email}
        if complaint.unit_id not in unit_staff:
            unit_staff[complaint.unit_id] = set(
                Membership.objects.filter(
                    unit_id=complaint.unit_id, role__in=UNIT_ROLES, user__is_active=True
                )
                .exclude(user__email="")
                .values_list("user__email", flat=True)
            )
        return unit_staff[complaint.unit_id]
    role = Role.INSPECTOR if complaint.queue == Queue.INSPECTOR else Role.COORDINATOR
    key = (role, complaint.queue_agency_id)
    if key not in coordinators:
        holders = Membership.objects.filter(role=role, user__is_active=True)
        if complaint.queue_agency_id is None:
            holders = holders.filter(agency__isnull=True)
        else:
            holders = holders.filter(agency_id=complaint.queue_agency_id)
        coordinators[key] = set(
            holders.exclude(user__email="").values_list("user__email", flat=True)
        )
    return coordinators[key]


def send_deadline_reminders(*, today=None) -> int:
    """Send today's reminders once; returns the number of e-mails sent. A report is reminded at
    most once a day (``reminded_on``), so running the job twice sends nothing new."""
    today = today or timezone.localdate()
    due = (
        Complaint.objects.filter(overdue_q(today) | due_soon_q(today))
        .exclude(reminded_on=today)
        .select_related("assigned_to", "unit")
        .order_by("created_at")
    )
    digests: dict[str, Digest] = defaultdict(Digest)
    unit_staff: dict = {}
    coordinators: dict = {}
    reminded: list[Complaint] = []
    for complaint in due.iterator(chunk_size=500):
        stage_due = _stage_due(complaint)
        late = stage_due is not None and stage_due < today
        for email in _recipients(complaint, unit_staff, coordinators):
            (digests[email].overdue if late else digests[email].due_soon).append(complaint)
        reminded.append(complaint)
    base = site.base_url()
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for email, digest in sorted(digests.items()):
            lines = []
            for title, items in (
                (_("Past the deadline"), digest.overdue),
                (_("Due within two working days"), digest.due_soon),
            ):
                if items:
                    lines.append(f"{title}:")
                    lines.extend(
                        f"- {c.tracking_number} ({c.get_status_display()}, "
                        f"{_stage_due(c)}): {c.subject[:80]}\n  "
                        f"{base}{reverse('complaints:detail', args=[c.tracking_number])}"
                        for c in items
                    )
                    lines.append("")
            send_mail(
                subject=_("Pantau: %(late)d report(s) late, %(soon)d due soon")
                % {"late": len(digest.overdue), "soon": len(digest.due_soon)},
                message="\n".join(lines),
                from_email=None,
                recipient_list=[email],
            )
            sent += 1
    with transaction.atomic():
        ids = [c.pk for c in reminded]
        for start in range(0, len(ids), 500):
            Complaint.objects.filter(pk__in=ids[start : start + 500]).update(reminded_on=today)
        Event.objects.bulk_create(
            [
                Event(
                    complaint=c,
                    action="reminded",
                    from_status=c.status,
                    to_status=c.status,
                    unit=c.unit,
                    public=False,
                )
                for c in reminded
            ],
            batch_size=500,
        )
    return sent
