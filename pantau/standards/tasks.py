"""Reminders that a service standard is due for its periodic review (PP 96/2012 Pasal 33)."""

from datetime import date, timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.accounts.models import Membership, Role
from pantau.common import site


@shared_task
def send_review_reminders(today: str | None = None) -> int:
    """E-mail the heads of each unit whose standards in force reach their review date within
    PANTAU_STANDARD_REMINDER_DAYS (or have passed it). Each version is reminded once.
    Returns the number of versions reminded."""
    from .models import StandardVersion

    day = date.fromisoformat(today) if today else timezone.localdate()
    horizon = day + timedelta(days=settings.PANTAU_STANDARD_REMINDER_DAYS)
    due = [
        version
        for version in StandardVersion.objects.filter(
            status=StandardVersion.Status.PUBLISHED, review_reminded_on__isnull=True
        ).select_related("service", "service__unit")
        if version.review_due_on is not None and version.review_due_on <= horizon
    ]
    by_unit: dict = {}
    for version in due:
        by_unit.setdefault(version.service.unit, []).append(version)
    for unit, versions in by_unit.items():
        recipients = list(
            Membership.objects.filter(unit=unit, role=Role.UNIT_HEAD)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
        if recipients:
            link = site.base_url() + reverse("standards:unit-standards", args=[unit.slug])
            lines = "\n".join(
                f"- {v.service.name} (v{v.number}): {v.review_due_on:%d-%m-%Y}" for v in versions
            )
            send_mail(
                subject=_("Service standards due for review: %(unit)s") % {"unit": unit.name},
                message=_(
                    "These service standards reach their review date:\n\n%(lines)s\n\n"
                    "Review them with the public and set a new version: %(link)s"
                )
                % {"lines": lines, "link": link},
                from_email=None,
                recipient_list=recipients,
            )
        StandardVersion.objects.filter(pk__in=[v.pk for v in versions]).update(
            review_reminded_on=day
        )
    return len(due)
