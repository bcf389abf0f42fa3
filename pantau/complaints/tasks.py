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


@shared_task
def send_follow_confirmation(follower_id: int, token: str) -> None:
    """The double opt-in mail: the link that confirms following a public report."""
    from . import follow_links
    from .models import ReportFollower

    follower = ReportFollower.objects.select_related("complaint").filter(pk=follower_id).first()
    if follower is None or follower.confirmed_at is not None:
        return
    number = follower.complaint.tracking_number
    send_mail(
        subject=_("Confirm that you follow report %(number)s") % {"number": number},
        message=_(
            "Someone, we hope you, asked Pantau to send news of report %(number)s to this "
            "address.\n\nTo confirm, open this link within %(days)s days and press the button:\n"
            "%(link)s\n\nIf it was not you, ignore this mail: nothing more will be sent."
        )
        % {
            "number": number,
            "days": follow_links.confirm_days(),
            "link": follow_links.confirm_url(number, token),
        },
        from_email=None,
        recipient_list=[follower.email],
    )


@shared_task
def send_follower_update(complaint_id: int, answer: bool = False) -> int:
    """News of a public report to each confirmed follower, each with its own one-click
    unsubscribe link (also as List-Unsubscribe, RFC 2369 and 8058). Only the number, the unit,
    the status and links: never the reporter, the description or an officer's notes. Returns
    how many were sent."""
    from django.core.mail import EmailMessage, get_connection

    from . import follow_links
    from .models import Complaint

    complaint = Complaint.objects.select_related("unit").get(pk=complaint_id)
    if complaint.confidential:
        return 0
    followers = list(
        complaint.followers.filter(confirmed_at__isnull=False).only("pk", "email", "token_hash")
    )
    if not followers:
        return 0
    number = complaint.tracking_number
    values = {
        "number": number,
        "status": complaint.get_status_display(),
        "unit": complaint.unit.name if complaint.unit else _("unit not yet known"),
        "link": site.base_url() + reverse("complaints:public-report", args=[number]),
    }
    if answer:
        subject = _("Report %(number)s: the unit's answer is published") % values
        news = _("%(unit)s published its answer to report %(number)s, which you follow.") % values
    else:
        subject = _("Report %(number)s: %(status)s") % values
        news = _("Report %(number)s, which you follow, is now: %(status)s (%(unit)s).") % values
    messages = []
    for follower in followers:
        unfollow = follow_links.unfollow_url(number, follower.pk, follower.token_hash)
        body = _("%(news)s\n\nRead it at %(link)s\n\nTo stop following this report: %(unfollow)s")
        messages.append(
            EmailMessage(
                subject=subject,
                body=body % {"news": news, "link": values["link"], "unfollow": unfollow},
                to=[follower.email],
                headers={
                    "List-Unsubscribe": f"<{unfollow}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        )
    return get_connection().send_messages(messages) or 0
