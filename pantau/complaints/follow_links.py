"""The two links a follower of a public report gets by mail (issue 19), and how they are checked.

- The confirmation link carries a random token; only its SHA-256 is stored
  (``ReportFollower.token_hash``), and it works ``PANTAU_FOLLOW_CONFIRM_DAYS`` days after it was
  asked for. Asking again sends a new token and the old link stops working.
- The unsubscribe link in every update is signed (``django.core.signing``, its own salt) and names
  the follow (its id and the start of its token's hash), so that it needs no login, never
  expires while the follow exists, and a link to an earlier follow of the same address stops
  working once that follow is gone.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from pantau.common import site

UNFOLLOW_SALT = "pantau.complaints.unfollow"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def confirm_days() -> int:
    return int(settings.PANTAU_FOLLOW_CONFIRM_DAYS)


def expired(asked_at: datetime, now: datetime) -> bool:
    """A confirmation link asked for at ``asked_at`` no longer works at ``now``."""
    return asked_at < now - timedelta(days=confirm_days())


def confirm_url(number: str, token: str) -> str:
    return site.base_url() + reverse("complaints:follow-confirm", args=[number, token])


def unfollow_token(follower_id: int, token_hash: str) -> str:
    return signing.dumps([follower_id, token_hash[:16]], salt=UNFOLLOW_SALT)


def unfollow_url(number: str, follower_id: int, token_hash: str) -> str:
    return site.base_url() + reverse(
        "complaints:unfollow", args=[number, unfollow_token(follower_id, token_hash)]
    )


def read_unfollow_token(token: str) -> tuple[int, str] | None:
    """The follow an unsubscribe link names, or None when it was mistyped or tampered with."""
    try:
        value = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], int)
        or not isinstance(value[1], str)
    ):
        return None
    return value[0], value[1]
