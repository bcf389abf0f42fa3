"""What the public may read of a report's own words: one rule for the register, Open311, webhooks
and the API (issue 15).

The public reads a summary that staff wrote or approved (``services.approve_public_summary``),
never the citizen's title or description as typed. Until there is one, it sees only the report's
number, dates, kind, unit, category and status, with "Under review" in place of a title (an
archived report without a summary: "Not shown"). The summary itself passes through the safety net
``pantau.common.personal_data`` (NIK/KK numbers, telephone numbers, e-mail addresses, the
reporter's own name), and staff are warned when they approve one that still holds such a pattern.
"""

from django.utils.translation import gettext as _

from pantau.common.personal_data import mask_personal_data

from .models import Status


def reporter_names(complaint) -> tuple[str, ...]:
    name = (getattr(complaint, "reporter_name", "") or "").strip()
    return (name,) if name else ()


def suggested_summary(complaint) -> str:
    """A start for the officer: the title with what looks personal masked."""
    return mask_personal_data(complaint.subject, names=reporter_names(complaint))[:200]


def public_subject(complaint) -> str:
    if complaint.public_summary:
        return mask_personal_data(complaint.public_summary, names=reporter_names(complaint))
    if complaint.status == Status.ARCHIVED:
        return _("Not shown")
    return _("Under review")


def public_answer_text(complaint) -> str:
    """The unit's answer as staff approved it for the public page (issue 19), masked like the
    summary; "" when none is approved."""
    if not complaint.public_answer:
        return ""
    return mask_personal_data(complaint.public_answer, names=reporter_names(complaint))
