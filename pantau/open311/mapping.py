"""How a Pantau report reads in Open311 GeoReport v2. Pure functions of one report, no queries.

| Pantau state | Open311 status | status_notes |
|---|---|---|
| received, verified, assigned, in_progress, postponed | open | the state's label |
| answered, closed | closed | the state's label |
| archived | closed | the state's label and the archive reason |

Public reads show what Pantau's public register shows: the subject (as ``description``), the
category, the handling unit, dates. Never the reporter, never the full text, never a confidential
report (the selectors filter those out before these functions see a report)."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.complaints.models import OPEN_STATUSES, Complaint, Status
from pantau.complaints.public_text import public_subject

OTHER_CODE = "lainnya"


def open311_status(status: str) -> str:
    return "open" if status in OPEN_STATUSES else "closed"


def _labels(choices) -> dict[str, str]:
    """A choice class's labels in the active language. ``get_FOO_display`` hashes every lazy
    label on every call: for a page of 200 reports that was half of the request's time."""
    return {value: str(label) for value, label in choices.choices}


def status_notes(complaint: Complaint, labels: tuple[dict, dict] | None = None) -> str:
    statuses, reasons = labels or (_labels(Status), _labels(Complaint.ArchiveReason))
    label = statuses.get(complaint.status, complaint.status)
    if complaint.status == Status.ARCHIVED and complaint.archive_reason:
        return f"{label}: {reasons.get(complaint.archive_reason, complaint.archive_reason)}"
    return label


def request_labels() -> tuple[dict, dict]:
    """What ``as_request`` needs of the active language, to be read once for a whole list."""
    return _labels(Status), _labels(Complaint.ArchiveReason)


def stamp(moment: datetime | None) -> str | None:
    """ISO 8601 in Pantau's time zone, to the second, with its offset (2026-11-23T09:30:00+07:00)."""
    return None if moment is None else timezone.localtime(moment).isoformat(timespec="seconds")


def end_of_day(day) -> str | None:
    """A deadline date as the last second of that day in Pantau's time zone."""
    if day is None:
        return None
    return stamp(timezone.make_aware(datetime.combine(day, time(23, 59, 59))))


def as_request(complaint: Complaint, labels: tuple[dict, dict] | None = None) -> dict:
    category = complaint.category
    return {
        "service_request_id": complaint.tracking_number,
        "status": open311_status(complaint.status),
        "status_notes": status_notes(complaint, labels),
        "service_name": category.label if category else _("Other"),
        "service_code": category.code if category else OTHER_CODE,
        "description": public_subject(complaint),
        "agency_responsible": (
            complaint.unit.name if complaint.unit else getattr(complaint.agency, "name", None)
        ),
        "service_notice": None,
        "requested_datetime": stamp(complaint.created_at),
        "updated_datetime": stamp(complaint.closed_at or complaint.updated_at),
        "expected_datetime": end_of_day(complaint.resolution_due),
        "address": None,
        "address_id": None,
        "zipcode": None,
        **point(complaint),
        "media_url": None,
    }


def point(complaint: Complaint) -> dict:
    """``lat``/``long``: where the reporter placed the report, else the handling unit's place,
    else none (then left out)."""
    lat, long = complaint.latitude, complaint.longitude
    unit = complaint.unit
    if lat is None and unit is not None:
        lat, long = unit.latitude, unit.longitude
    if lat is None or long is None:
        return {"lat": None, "long": None}
    return {"lat": float(lat), "long": float(long)}


def as_service(category) -> dict:
    return {
        "service_code": category.code,
        "service_name": category.label,
        "description": category.description or None,
        "metadata": True,
        "type": "realtime",
        "keywords": None,
        "group": category.agency.name if category.agency_id else None,
    }
