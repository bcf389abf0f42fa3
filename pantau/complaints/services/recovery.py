"""A lost access code (issue 19): the reporter proves who they are with a one-time code sent to the
e-mail address or telephone they gave on the report, and gets a new access code. An anonymous
report keeps no contact, so only its code opens it."""

import secrets

from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from pantau.common import notify
from pantau.common.notify import phone_digits

from ..models import Complaint
from .reports import _code, _hash_code

RECOVERY_MINUTES = 15
RECOVERY_TRIES = 5


def _key(complaint: Complaint) -> str:
    return f"complaint-code-recovery:{complaint.pk}"


def _same_contact(complaint: Complaint, contact: str) -> bool:
    contact = contact.strip()
    if "@" in contact:
        return bool(complaint.reporter_email) and constant_time_compare(
            complaint.reporter_email.strip().lower(), contact.lower()
        )
    given = phone_digits(contact)
    return (
        len(given) >= 8
        and bool(complaint.reporter_phone)
        and constant_time_compare(phone_digits(complaint.reporter_phone), given)
    )


def start_code_recovery(*, number: str, contact: str) -> bool:
    """Send a six-digit one-time code to ``contact`` when it is the report's own e-mail address or
    telephone. Returns whether one was sent; the page says the same either way, so that nobody
    learns which reports exist or whose they are."""
    complaint = (
        Complaint.objects.filter(tracking_number=number.strip().upper())
        .only("pk", "tracking_number", "reporter_email", "reporter_phone", "anonymous")
        .first()
    )
    if complaint is None or complaint.anonymous or not _same_contact(complaint, contact):
        return False
    otp = f"{secrets.randbelow(1_000_000):06d}"
    cache.set(
        _key(complaint),
        {"hash": salted_hmac("pantau.complaints.recovery", otp).hexdigest(), "tries": 0},
        RECOVERY_MINUTES * 60,
    )
    notify.send(
        to=contact.strip(),
        subject=_("Code for report %(number)s") % {"number": complaint.tracking_number},
        text=_(
            "Pantau: the code to open report %(number)s is %(otp)s. It works for %(minutes)s "
            "minutes. Do not share it."
        )
        % {"number": complaint.tracking_number, "otp": otp, "minutes": RECOVERY_MINUTES},
    )
    return True


def finish_code_recovery(*, number: str, otp: str) -> tuple[Complaint, str] | None:
    """With the right one-time code (within its time, at most five tries), the report gets a new
    access code, returned to be shown once; the old one no longer opens it."""
    complaint = Complaint.objects.filter(tracking_number=number.strip().upper()).first()
    if complaint is None:
        return None
    entry = cache.get(_key(complaint))
    if not entry:
        return None
    entry["tries"] += 1
    if entry["tries"] > RECOVERY_TRIES:
        cache.delete(_key(complaint))
        return None
    cache.set(_key(complaint), entry, RECOVERY_MINUTES * 60)
    given = salted_hmac("pantau.complaints.recovery", otp.strip()).hexdigest()
    if not constant_time_compare(given, entry["hash"]):
        return None
    cache.delete(_key(complaint))
    code = _code(8)
    complaint.access_code_hash = _hash_code(complaint.tracking_number, code)
    complaint.save(update_fields=["access_code_hash"])
    return complaint, code
