"""Mail sent through the task queue (in-process when no broker is configured)."""

from celery import shared_task
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from pantau.common import site


@shared_task
def send_acknowledgement(complaint_id: int, access_code: str, email: str | None = None) -> None:
    """The tracking number and access code, once, to the address given on the form (which an
    anonymous report does not keep)."""
    from .models import Complaint

    complaint = Complaint.objects.get(pk=complaint_id)
    link = site.base_url() + reverse("complaints:track")
    send_mail(
        subject=_("Your report %(number)s is received") % {"number": complaint.tracking_number},
        message=_(
            "Thank you. Your report is saved.\n\nTracking number: %(number)s\nAccess code: %(code)s\n\n"
            "Follow it at %(link)s with the number and the code. Keep the code secret."
        )
        % {"number": complaint.tracking_number, "code": access_code, "link": link},
        from_email=None,
        recipient_list=[email or complaint.reporter_email],
    )


@shared_task
def send_status_update(complaint_id: int) -> None:
    from .models import Complaint

    complaint = Complaint.objects.get(pk=complaint_id)
    if not complaint.reporter_email:
        return
    link = site.base_url() + reverse("complaints:track")
    send_mail(
        subject=_("Your report %(number)s: %(status)s")
        % {"number": complaint.tracking_number, "status": complaint.get_status_display()},
        message=_(
            "There is news on your report. Read it at %(link)s with your tracking number and access code."
        )
        % {"link": link},
        from_email=None,
        recipient_list=[complaint.reporter_email],
    )


@shared_task
def send_assignment(complaint_id: int, officer_id: int) -> None:
    from django.contrib.auth import get_user_model

    from .models import Complaint

    complaint = Complaint.objects.select_related("unit").get(pk=complaint_id)
    officer = get_user_model().objects.get(pk=officer_id)
    link = site.base_url() + reverse("complaints:detail", args=[complaint.tracking_number])
    send_mail(
        subject=_("Report %(number)s is assigned to you") % {"number": complaint.tracking_number},
        message=_(
            "Report %(number)s (%(subject)s) is assigned to you. First response by %(date)s.\n%(link)s"
        )
        % {
            "number": complaint.tracking_number,
            "subject": complaint.subject,
            "date": complaint.response_due,
            "link": link,
        },
        from_email=None,
        recipient_list=[officer.email],
    )


@shared_task
def send_deadline_reminders() -> int:
    from .reminders import send_deadline_reminders as run

    return run()
