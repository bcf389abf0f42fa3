"""Following a public report by e-mail (issue 19, as FixMyStreet's alerts): sign up, confirm
through the mailed link (double opt-in), stop with the link in any update; and the updates
themselves, queued when a public step is recorded or a public answer approved. Nothing here
ever says whether an address already follows a report, and no mail carries anything of the
reporter: only the report's number, its unit, its status and the links."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from pantau.common import background

from .. import follow_links
from ..models import Complaint, ReportFollower
from ..selectors import follower_by_confirm_link, follower_by_unfollow_link


def normalise_email(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def follow_report(*, complaint: Complaint, email: str, now: datetime | None = None) -> bool:
    """Ask to follow ``complaint`` from ``email``: a pending follow with a fresh confirmation
    link, mailed on commit. Returns whether a mail goes out: not when the address already follows
    (the page says the same either way). A confidential report cannot be followed."""
    if complaint.confidential:
        raise PermissionDenied
    now = now or timezone.now()
    email = normalise_email(email)
    token = follow_links.new_token()
    follower, created = ReportFollower.objects.get_or_create(
        complaint=complaint,
        email=email,
        defaults={"token_hash": follow_links.hash_token(token), "asked_at": now},
    )
    if follower.confirmed_at is not None:
        return False
    if not created:  # asked again: a new link, and the old one stops working
        follower.token_hash, follower.asked_at = follow_links.hash_token(token), now
        follower.save(update_fields=["token_hash", "asked_at"])
    from ..tasks import send_follow_confirmation

    pk = follower.pk
    transaction.on_commit(lambda: background.dispatch(send_follow_confirmation, pk, token))
    return True


@transaction.atomic
def confirm_follow(
    *, number: str, token: str, now: datetime | None = None
) -> ReportFollower | None:
    """Confirm the follow the link names; None when the link is wrong, tampered with or expired
    (then nothing changes). Confirming twice is harmless."""
    now = now or timezone.now()
    follower = follower_by_confirm_link(number, token, now=now)
    if follower is not None and follower.confirmed_at is None:
        follower.confirmed_at = now
        follower.save(update_fields=["confirmed_at"])
    return follower


@transaction.atomic
def unfollow_report(*, number: str, token: str) -> bool:
    """Stop the follow the signed link names; returns whether there was one to stop."""
    follower = follower_by_unfollow_link(number, token)
    if follower is None:
        return False
    follower.delete()
    return True


def notify_followers(complaint: Complaint, *, answer: bool = False) -> None:
    """Queue, on commit, the update mail to the report's confirmed followers: a public step, or
    with ``answer`` the unit's public answer. The task itself finds them, so that a step on a
    report nobody follows costs no query here."""
    if complaint.confidential:
        return
    from ..tasks import send_follower_update

    pk = complaint.pk
    transaction.on_commit(lambda: background.dispatch(send_follower_update, pk, answer=answer))
