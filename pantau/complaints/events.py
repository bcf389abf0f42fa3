"""What the complaint services tell the units' systems (webhooks, ``pantau.events``): a report
received and a report's status changed. Payloads name the report and its state, never a
reporter's identity; the subject follows the public rule (issue 15)."""

from django.utils import timezone

from pantau.common import site
from pantau.events.models import WebhookEvent
from pantau.events.webhooks import emit

from .public_text import public_subject


def complaint_data(complaint) -> dict:
    return {
        "tracking_number": complaint.tracking_number,
        "kind": complaint.kind,
        "status": complaint.status,
        "category": complaint.category.code if complaint.category_id else None,
        # The public rule (issue 15): a receiver may forward it; staff read the full text
        # through the API with their token (``url``).
        "subject": public_subject(complaint),
        "confidential": complaint.confidential,
        "created_at": timezone.localtime(complaint.created_at).isoformat(timespec="seconds"),
        "resolution_due": complaint.resolution_due,
        "url": site.base_url() + f"/api/v1/complaints/{complaint.tracking_number}/",
    }


def complaint_created(complaint) -> None:
    emit(
        WebhookEvent.COMPLAINT_CREATED,
        unit_ids={complaint.unit_id},
        data=complaint_data(complaint),
    )


def complaint_status_changed(complaint, *, before: str, action: str, previous_unit_id=None) -> None:
    emit(
        WebhookEvent.COMPLAINT_STATUS,
        unit_ids={complaint.unit_id, previous_unit_id},
        data={**complaint_data(complaint), "previous_status": before, "action": action},
    )
