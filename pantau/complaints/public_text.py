"""What the public may read of a report's own words: one rule for the register, Open311, webhooks
and the API (issue 15).

Before a person has verified a report, the public sees only its number, dates, kind, unit,
category and status, with "Under review" in place of its title; an archived report's title is not
shown. After verification the title is shown with whatever looks like personal data masked
(``pantau.common.personal_data``: NIK/KK numbers, telephone numbers, e-mail addresses and the
reporter's own name). The description is never public.
"""

from django.utils.translation import gettext as _

from pantau.common.personal_data import mask_personal_data

from .models import Status


def reporter_names(complaint) -> tuple[str, ...]:
    name = (getattr(complaint, "reporter_name", "") or "").strip()
    return (name,) if name else ()


def is_reviewed(complaint) -> bool:
    return complaint.status not in (Status.RECEIVED, Status.ARCHIVED)


def public_subject(complaint) -> str:
    if complaint.status == Status.RECEIVED:
        return _("Under review")
    if complaint.status == Status.ARCHIVED:
        return _("Not shown")
    return mask_personal_data(complaint.subject, names=reporter_names(complaint))
