"""Public reads for Open311: never a confidential report, never a reporter's identity."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from pantau.complaints.models import OPEN_STATUSES, Category, Complaint, Event
from pantau.complaints.selectors import categories_for, publicly_visible
from pantau.organisations.models import Agency, ServiceUnit
from pantau.organisations.selectors import agency_subtree_ids


def get_jurisdiction(slug: str) -> Agency:
    return get_object_or_404(Agency, slug=slug)


def services_of(jurisdiction: Agency | None) -> list[Category]:
    """The categories of a jurisdiction (the national ones and its own up the tree), one per code:
    an agency's own category wins over a national one with the same code."""
    by_code: dict[str, Category] = {}
    for category in (
        categories_for(agency=jurisdiction).select_related("agency").order_by("position", "name")
    ):
        if category.code not in by_code or category.agency_id is not None:
            by_code[category.code] = category
    return sorted(by_code.values(), key=lambda c: (c.position, c.name))


def units_of(jurisdiction: Agency) -> QuerySet[ServiceUnit]:
    return ServiceUnit.objects.filter(
        is_active=True, agency_id__in=agency_subtree_ids({jurisdiction.pk})
    ).order_by("name")


def in_jurisdiction(jurisdiction: Agency | None) -> Q:
    if jurisdiction is None:
        return Q()
    tree = agency_subtree_ids({jurisdiction.pk})
    return Q(unit__agency_id__in=tree) | Q(unit__isnull=True, agency_id__in=tree)


def public_requests(
    *,
    jurisdiction: Agency | None = None,
    numbers: list[str] | None = None,
    service_codes: list[str] | None = None,
    start=None,
    end=None,
    status: str = "",
) -> QuerySet[Complaint]:
    """Public reports, newest first; ``numbers`` (service_request_id) overrides every other
    filter, as the standard says."""
    reports = (
        Complaint.objects.filter(publicly_visible())
        .filter(in_jurisdiction(jurisdiction))
        .select_related("unit", "agency", "category")
        .only(
            "tracking_number",
            "status",
            "archive_reason",
            "subject",
            "public_summary",
            "reporter_name",
            "latitude",
            "longitude",
            "created_at",
            "updated_at",
            "closed_at",
            "resolution_due",
            "unit__name",
            "unit__latitude",
            "unit__longitude",
            "agency__name",
            "category__code",
            "category__name",
            "category__name_en",
        )
    )
    if numbers:
        return reports.filter(tracking_number__in=numbers).order_by("-created_at")
    if service_codes:
        reports = reports.filter(category__code__in=service_codes)
    if start is not None:
        reports = reports.filter(created_at__gte=start)
    if end is not None:
        reports = reports.filter(created_at__lte=end)
    if status == "open":
        reports = reports.filter(status__in=OPEN_STATUSES)
    elif status == "closed":
        reports = reports.exclude(status__in=OPEN_STATUSES)
    return reports.order_by("-created_at", "-id")


def changed_after(reports: QuerySet[Complaint], *, after, after_number: str, settled):
    """Reports changed after (``after``, ``after_number``) and before ``settled``, in the stable
    order of (last change, tracking number): the cursor of a syncing client."""
    later = Q(updated_at__gt=after)
    if after_number:
        later |= Q(updated_at=after, tracking_number__gt=after_number)
    return reports.filter(later, updated_at__lte=settled).order_by("updated_at", "tracking_number")


def get_public_request(number: str) -> Complaint:
    return get_object_or_404(public_requests(numbers=[number]))


UPDATE_ACTIONS = (
    "verify",
    "assign",
    "start",
    "answer",
    "close",
    "postpone",
    "forward",
    "archive",
    "reopen",
    "reporter_reply",
    "note",
)


def public_updates(*, jurisdiction=None, start=None, end=None) -> QuerySet[Event]:
    """Public steps of non-confidential reports (mySociety's servicerequestupdates)."""
    events = Event.objects.filter(
        publicly_visible("complaint__"), public=True, action__in=UPDATE_ACTIONS
    ).select_related("complaint")
    if jurisdiction is not None:
        tree = agency_subtree_ids({jurisdiction.pk})
        events = events.filter(
            Q(complaint__unit__agency_id__in=tree)
            | Q(complaint__unit__isnull=True, complaint__agency_id__in=tree)
        )
    if start is not None:
        events = events.filter(at__gte=start)
    if end is not None:
        events = events.filter(at__lte=end)
    return events.order_by("at", "id")


def updates_after(events: QuerySet[Event], *, after, after_id: int | None, settled):
    """Steps recorded after (``after``, ``after_id``) and before ``settled``, by (time, id)."""
    later = Q(at__gt=after)
    if after_id is not None:
        later |= Q(at=after, id__gt=after_id)
    return events.filter(later, at__lte=settled).order_by("at", "id")
