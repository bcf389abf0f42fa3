"""Reads of the complaint desk; who may see which report lives here once."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from pantau.organisations.selectors import scope_for

from .models import OPEN_STATUSES, Complaint, DayOff, DeadlinePolicy


def visible_complaints(user) -> QuerySet[Complaint]:
    """Reports a staff user may see: those of their units, and for coordinators and agency heads
    those of every unit (or region, when the unit is unknown) of their agency tree."""
    scope = scope_for(user)
    complaints = Complaint.objects.select_related(
        "unit", "unit__agency", "agency", "service", "assigned_to"
    )
    if scope.is_admin:
        return complaints
    tree = scope.coordinated_agencies | scope.headed_agencies
    return complaints.filter(
        Q(unit_id__in=scope.unit_roles.keys())
        | Q(unit__agency_id__in=tree)
        | Q(unit__isnull=True, agency_id__in=tree)
    )


def get_visible_complaint(user, number: str) -> Complaint:
    return get_object_or_404(visible_complaints(user), tracking_number=number)


def queue(
    user,
    *,
    status: str = "",
    unit_slug: str = "",
    overdue: bool = False,
    search: str = "",
    today=None,
):
    complaints = visible_complaints(user)
    if status == "open":
        complaints = complaints.filter(status__in=OPEN_STATUSES)
    elif status:
        complaints = complaints.filter(status=status)
    if unit_slug == "-":
        complaints = complaints.filter(unit__isnull=True)
    elif unit_slug:
        complaints = complaints.filter(unit__slug=unit_slug)
    if overdue and today is not None:
        complaints = complaints.filter(status__in=OPEN_STATUSES).filter(
            Q(status="received", verify_due__lt=today)
            | Q(status="assigned", response_due__lt=today)
            | Q(resolution_due__lt=today)
        )
    if search:
        complaints = complaints.filter(
            Q(tracking_number__iexact=search) | Q(subject__icontains=search)
        )
    return complaints.order_by("-created_at")


def policy_for(unit=None, agency=None) -> DeadlinePolicy:
    """The deadline policy of the nearest agency up the tree that has one, else the default."""
    current = unit.agency if unit is not None else agency
    seen = set()
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        policy = DeadlinePolicy.objects.filter(agency=current).first()
        if policy is not None:
            return policy
        current = current.parent
    return DeadlinePolicy.objects.filter(agency__isnull=True).first() or DeadlinePolicy()


def days_off_for(unit=None, agency=None) -> frozenset:
    current = unit.agency if unit is not None else agency
    ids = []
    while current is not None and current.pk not in ids:
        ids.append(current.pk)
        current = current.parent
    return frozenset(DayOff.objects.filter(agency_id__in=ids).values_list("day", flat=True))


def public_events(complaint: Complaint):
    return complaint.events.filter(public=True).select_related("unit").order_by("at", "id")


MONTHS = range(1, 13)


def monthly_recap(unit, year: int) -> dict:
    """Reports per month and kind for one unit and year (one grouped query), with totals — the
    "Rekap Jumlah Layanan Informasi dan Pengaduan" units publish (domain spec 3.5)."""
    from django.db.models import Count
    from django.db.models.functions import ExtractMonth

    counts: dict[str, dict[int, int]] = {}
    for kind, month, n in (
        Complaint.objects.filter(unit=unit, created_at__year=year)
        .annotate(month=ExtractMonth("created_at"))
        .values_list("kind", "month")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts.setdefault(kind, {})[month] = n
    rows = []
    for kind, label in Complaint.Kind.choices:
        per_month = [counts.get(kind, {}).get(month, 0) for month in MONTHS]
        rows.append({"kind": kind, "label": label, "months": per_month, "total": sum(per_month)})
    return {"unit": unit, "year": year, "rows": rows, "total": sum(r["total"] for r in rows)}
