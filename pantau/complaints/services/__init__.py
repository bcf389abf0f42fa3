"""Complaint desk actions. The workflow is an explicit transition table; each transition is one
service that checks the permission, moves the status, sets deadlines and records an Event."""

from .desk import add_note, approve_public_summary, categorise, rate_resolution
from .recovery import finish_code_recovery, start_code_recovery
from .reports import (
    ALPHABET,
    LATE_AFTER_DAYS,
    check_access_code,
    find_by_number_and_code,
    new_submission_token,
    submit_complaint,
)
from .steps import (
    PUBLIC_STEPS,
    STEPS,
    TRANSITIONS,
    allowed_actions,
    answer,
    archive,
    assign,
    close,
    forward,
    forward_targets,
    postpone,
    reopen,
    reporter_reply,
    resume,
    start,
    transition,
    verify,
)

__all__ = [
    "finish_code_recovery",
    "start_code_recovery",
    "ALPHABET",
    "LATE_AFTER_DAYS",
    "PUBLIC_STEPS",
    "STEPS",
    "TRANSITIONS",
    "add_note",
    "allowed_actions",
    "answer",
    "approve_public_summary",
    "archive",
    "assign",
    "categorise",
    "check_access_code",
    "close",
    "find_by_number_and_code",
    "forward",
    "forward_targets",
    "new_submission_token",
    "postpone",
    "rate_resolution",
    "reopen",
    "reporter_reply",
    "resume",
    "start",
    "submit_complaint",
    "transition",
    "verify",
]
