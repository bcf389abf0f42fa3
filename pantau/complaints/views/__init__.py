"""The complaint desk: the public front door and tracking page, and the staff queue."""

from .desk import act, attachment, categorise, detail, entry, note, queue, recap, summary
from .public import (
    RECEIPT,
    RECEIPT_SALT,
    TRACKED,
    TRACKED_MAX_AGE,
    TRACKED_SALT,
    new,
    public_report,
    received,
    register,
    statistics,
    status,
    track,
)

__all__ = [
    "RECEIPT",
    "RECEIPT_SALT",
    "TRACKED",
    "TRACKED_MAX_AGE",
    "TRACKED_SALT",
    "act",
    "attachment",
    "categorise",
    "detail",
    "entry",
    "new",
    "note",
    "public_report",
    "queue",
    "recap",
    "received",
    "register",
    "statistics",
    "status",
    "summary",
    "track",
]
