"""Open311's writes: a posted request becomes a report (once per idempotency key and client), a
posted update becomes the reporter's reply. Both go through pantau.complaints.services."""

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.complaints import services as complaint_services
from pantau.complaints.models import Complaint, Event, Status

from .models import Submission

# How long the same Idempotency-Key answers with the first report (then it may be used again).
IDEMPOTENCY_WINDOW = timedelta(hours=24)


class KeyReused(Exception):
    """The idempotency key was used, within the window, for a request with other content."""


def replay_of(*, api_token, key: str, digest: str) -> Complaint | None:
    """The report this token posted with this key within the window, if any; raises KeyReused
    when that post had other content."""
    if not key:
        return None
    submission = (
        Submission.objects.filter(
            api_token=api_token,
            idempotency_key=key,
            created_at__gte=timezone.now() - IDEMPOTENCY_WINDOW,
        )
        .select_related("complaint")
        .first()
    )
    if submission is None:
        return None
    if submission.request_hash != digest:
        raise KeyReused
    return submission.complaint


def post_request(
    *, api_token, report: dict, key: str = "", digest: str = ""
) -> tuple[Complaint, bool]:
    """Save the report an Open311 client posted, with the record of which token posted it, in
    one transaction (issue 18). The same ``key`` from the same token within the window returns
    the first report (``True``: a replay) instead of saving a second; the same key with another
    ``digest`` raises KeyReused. Two requests with one key at the same moment save one report:
    the second insert of the key is refused by the database and answers as a replay."""
    first = replay_of(api_token=api_token, key=key, digest=digest)
    if first is not None:
        return first, True
    try:
        with transaction.atomic():
            if key:  # a key last used before the window is free again
                Submission.objects.filter(
                    api_token=api_token,
                    idempotency_key=key,
                    created_at__lt=timezone.now() - IDEMPOTENCY_WINDOW,
                ).update(idempotency_key="")
            complaint, _code, _created = complaint_services.submit_complaint(
                data=report,
                files=[],
                submission_token=uuid.uuid4(),
                channel=Complaint.Channel.OPEN311,
            )
            Submission.objects.create(
                complaint=complaint,
                api_token=api_token,
                token=complaint.submission_token,
                idempotency_key=key,
                request_hash=digest if key else "",
            )
    except IntegrityError:
        first = replay_of(api_token=api_token, key=key, digest=digest)
        if first is None:
            raise
        return first, True
    return complaint, False


@transaction.atomic
def post_update(*, complaint: Complaint, description: str, media_urls: list[str]) -> Event:
    """A comment of the reporter, sent back by the client that posted the report (mySociety's
    ``POST servicerequestupdates``): recorded as the reporter's reply, which the workflow takes
    while the unit waits for the reporter (the report is postponed)."""
    if complaint.status != Status.POSTPONED:
        raise ValidationError(
            _(
                "The unit is not waiting for the reporter on this report (it is “%(status)s”); "
                "a comment is taken while the unit asks the reporter for more."
            )
            % {"status": complaint.get_status_display()}
        )
    note = description.strip()
    for url in media_urls:
        note += "\n" + _("Media: %(url)s") % {"url": url}
    complaint_services.reporter_reply(complaint=complaint, note=note)
    return Event.objects.filter(complaint=complaint, action="reporter_reply").latest("at", "id")
