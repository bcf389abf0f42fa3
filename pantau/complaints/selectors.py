"""Reads of the complaint desk; who may see which report lives here once."""

from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404

from pantau.common import memo
from pantau.organisations.selectors import scope_for

from . import follow_links
from .models import (
    OPEN_STATUSES,
    Category,
    Complaint,
    DayOff,
    DeadlinePolicy,
    Queue,
    ReportFollower,
    Status,
)

DUE_SOON_WORKING_DAYS = 2


def visible_complaints(user, *, aggregate: bool = False) -> QuerySet[Complaint]:
    """Reports a staff user may see: those of their units, and for coordinators and agency heads
    those of every unit (or region, when the unit is unknown) of their agency tree, and those the
    user recorded. ``aggregate``: for a query that counts over all of them (one query, the
    recorded ones as an inline condition); otherwise they are looked up first so that a page in
    date order walks an index (``_or_entered_by``)."""
    scope = scope_for(user)
    complaints = Complaint.objects.select_related(
        "unit", "unit__agency", "agency", "service", "assigned_to", "category"
    )
    if scope.is_admin:
        return complaints
    if scope.national_coordinator:
        return complaints.filter(
            _or_entered_by(user, Q(integrity=False) | Q(queue=Queue.NATIONAL), aggregate)
        )
    tree = scope.coordinated_agencies | scope.headed_agencies
    # Integrity reports are seen only in the queue they were routed to (pantau.complaints.routing),
    # never by the unit they are about; whoever recorded a report keeps seeing it.
    return complaints.filter(
        _or_entered_by(
            user,
            Q(integrity=False)
            & (
                Q(unit_id__in=scope.unit_roles.keys())
                | Q(unit__agency_id__in=tree)
                | Q(unit__isnull=True, agency_id__in=tree)
            )
            | Q(queue=Queue.COORDINATOR, queue_agency_id__in=scope.coordinated_agencies)
            | Q(queue=Queue.INSPECTOR, queue_agency_id__in=scope.inspected_agencies),
            aggregate,
        )
    )


def _or_entered_by(user, visible: Q, aggregate: bool = False) -> Q:
    """``visible``, and the reports ``user`` recorded outside it. Those are named by their ids,
    and only when there are any: an ``OR entered_by = user`` in every query kept PostgreSQL from
    walking the (unit, created_at) index, so a unit head's first page of 2,000,000 reports
    sorted 200,000 rows (1.3 s at p95 instead of about 100 ms)."""
    if aggregate:
        return visible | Q(entered_by=user)
    elsewhere = list(
        Complaint.objects.filter(entered_by=user)
        .exclude(visible)
        .values_list("pk", flat=True)[:MAX_ENTERED_ELSEWHERE]
    )
    return visible | Q(pk__in=elsewhere) if elsewhere else visible


# An officer records reports about other units now and then (a walk-in at the wrong counter);
# past this many, the oldest of them leave that officer's list (the unit they went to keeps them).
MAX_ENTERED_ELSEWHERE = 1000


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
    mine=None,
    due_soon: bool = False,
    category: str = "",
    tag: str = "",
):
    # The queue shows the unit's name only: planning the six joins of visible_complaints cost
    # PostgreSQL more than running the query (3 to 7 ms against 0.3 ms).
    complaints = visible_complaints(user).select_related(None).select_related("unit")
    if mine is not None:
        complaints = complaints.filter(assigned_to=mine)
    if status == "open":
        complaints = complaints.filter(status__in=OPEN_STATUSES)
    elif status:
        complaints = complaints.filter(status=status)
    if unit_slug == "-":
        complaints = complaints.filter(unit__isnull=True)
    elif unit_slug:
        complaints = complaints.filter(unit__slug=unit_slug)
    if overdue and today is not None:
        complaints = complaints.filter(overdue_q(today))
    elif due_soon and today is not None:
        complaints = complaints.filter(due_soon_q(today))
    if category:
        complaints = complaints.filter(category__code=category)
    if tag:
        complaints = complaints.filter(tags__name__iexact=tag)
    if search:
        complaints = complaints.filter(
            Q(tracking_number__iexact=search) | Q(subject__icontains=search)
        )
    return complaints.order_by("-created_at")


def _due_between(start, end) -> Q:
    """Open reports whose current stage's deadline falls in [start, end] (either may be None)."""

    def window(field: str) -> Q:
        bounds = {}
        if start is not None:
            bounds[f"{field}__gte"] = start
        if end is not None:
            bounds[f"{field}__lte"] = end
        return Q(**bounds)

    return (
        Q(status__in=OPEN_STATUSES)
        & ~Q(status=Status.POSTPONED)
        & (
            (Q(status=Status.RECEIVED) & window("verify_due"))
            | (Q(status=Status.ASSIGNED) & window("response_due"))
            | window("resolution_due")
        )
    )


def overdue_q(today) -> Q:
    """Open reports past the deadline of their current stage (verification, first response,
    resolution). A postponed report waits for the reporter: its clocks are paused (the deadlines
    move by the days waited when it resumes), so it is never late while it waits."""
    return (
        Q(status__in=OPEN_STATUSES)
        & ~Q(status=Status.POSTPONED)
        & (
            Q(status=Status.RECEIVED, verify_due__lt=today)
            | Q(status=Status.ASSIGNED, response_due__lt=today)
            | Q(resolution_due__lt=today)
        )
    )


def due_soon_q(today, days_off=frozenset()) -> Q:
    """Open reports whose stage deadline is today or within the next working days, not yet late."""
    from pantau.analytics.workdays import add_working_days

    return _due_between(today, add_working_days(today, DUE_SOON_WORKING_DAYS, days_off)) & ~(
        overdue_q(today)
    )


def late_summary(user, today) -> list[dict]:
    """Who is late: overdue open reports per unit and officer, in one grouped query."""
    from django.db.models import Count

    return list(
        visible_complaints(user)
        .filter(overdue_q(today))
        .values(
            "unit__name",
            "unit__slug",
            "assigned_to__first_name",
            "assigned_to__last_name",
            "assigned_to__username",
        )
        .annotate(count=Count("id"))
        .order_by("-count", "unit__name")[:50]
    )


def agency_chain(unit=None, agency=None) -> list[int]:
    """The report's agency and those above it, nearest first."""
    from pantau.organisations.selectors import agency_ancestor_ids

    return agency_ancestor_ids(unit.agency_id if unit is not None else getattr(agency, "pk", None))


def categories_for(unit=None, agency=None) -> QuerySet[Category]:
    """Active categories that apply to a unit (or agency): the national ones and those of its tree.

    A new queryset each time (nothing read yet); the filter it is a copy of is built once per
    agency chain and process, as every public report form asks for it (``pantau.common.memo``)."""
    chain = tuple(agency_chain(unit, agency))
    return memo.remembered(
        ("categories", chain),
        lambda: Category.objects.filter(
            Q(agency__isnull=True) | Q(agency_id__in=chain), is_active=True
        ),
    ).all()


def policy_for(unit=None, agency=None, service=None, chain=None) -> DeadlinePolicy:
    """The deadline policy of the service when it has its own, else of the nearest agency up the
    tree that has one, else the default; read in one query, and kept by the process for a few
    seconds (``pantau.common.memo``): callers must not change it."""
    chain = agency_chain(unit, agency) if chain is None else chain
    service_id = getattr(service, "pk", None)
    return memo.remembered(
        ("deadline-policy", service_id, tuple(chain)), lambda: _policy(service_id, chain)
    )


def _policy(service_id, chain) -> DeadlinePolicy:
    candidates = Q(agency__isnull=True, service__isnull=True) | Q(agency_id__in=chain)
    if service_id is not None:
        candidates |= Q(service_id=service_id)
    policies = list(DeadlinePolicy.objects.filter(candidates))
    rank = {agency_id: depth for depth, agency_id in enumerate(chain, start=1)}

    def order(policy: DeadlinePolicy) -> int:
        if policy.service_id is not None:
            return 0
        return rank.get(policy.agency_id, len(chain) + 1)

    return min(policies, key=order) if policies else DeadlinePolicy()


def days_off_for(unit=None, agency=None, chain=None) -> frozenset:
    """The days off of the agency tree (kept by the process for a few seconds)."""
    chain = tuple(agency_chain(unit, agency) if chain is None else chain)
    return memo.remembered(
        ("days-off", chain),
        lambda: frozenset(DayOff.objects.filter(agency_id__in=chain).values_list("day", flat=True)),
    )


def public_events(complaint: Complaint):
    return complaint.events.filter(public=True).select_related("unit").order_by("at", "id")


MONTHS = range(1, 13)


def monthly_recap(unit, year: int) -> dict:
    """Reports per month and kind for one unit and year (one grouped query), with totals — the
    "Rekap Jumlah Layanan Informasi dan Pengaduan" units publish (domain spec 3.5)."""
    return {**_recap(Complaint.objects.filter(unit=unit), year), "unit": unit, "title": unit.name}


def category_recap(unit, year: int) -> list[dict]:
    """The unit's reports of a year by category, most reported first (one grouped query and one
    for the categories): where a pattern of complaints shows, and an improvement action can be
    planned from (issue 21)."""
    from django.db.models import Count

    rows = list(
        Complaint.objects.filter(unit=unit, created_at__year=year, category__isnull=False)
        .values("category_id")
        .annotate(received=Count("id"))
        .order_by("-received", "category_id")
    )
    categories = Category.objects.in_bulk([row["category_id"] for row in rows])
    return [
        {"category": categories[row["category_id"]], "received": row["received"]} for row in rows
    ]


def region_recap(user, year: int, title: str) -> dict:
    """The same recap over every report the user may see (a coordinator's or agency head's
    region, including reports whose unit is not yet known), in one grouped query."""
    return {**_recap(visible_complaints(user), year), "unit": None, "title": title}


def _recap(complaints, year: int) -> dict:
    from django.db.models import Count
    from django.db.models.functions import ExtractMonth

    counts: dict[str, dict[int, int]] = {}
    for kind, month, n in (
        complaints.select_related(None)
        .filter(created_at__year=year)
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
    return {"year": year, "rows": rows, "total": sum(r["total"] for r in rows)}


def publicly_visible(prefix: str = "") -> Q:
    """The one rule of which reports the public may see, wherever it reads them (the register,
    Open311 requests, their updates, a token's submissions): never a confidential one. An
    integrity report is always confidential (``services.submit_complaint``). ``prefix`` reaches the
    report through a relation (``"complaint__"``)."""
    return Q(**{f"{prefix}confidential": False})


def public_report(number: str) -> Complaint:
    """One report as the public may see it (``publicly_visible``; 404 otherwise), for its own page:
    no identity, no description, no attachment."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Complaint.objects.filter(publicly_visible()).select_related("unit", "category"),
        tracking_number=number,
    )


def open_public_reports(unit, limit: int = 5) -> list:
    """The unit's newest open reports the public may see, shown before a citizen files another
    (FixMyStreet does the same): perhaps theirs is already being handled."""
    return list(
        Complaint.objects.filter(publicly_visible(), unit=unit)
        .exclude(status__in=(Status.ANSWERED, Status.CLOSED, Status.ARCHIVED))
        .only(
            "tracking_number", "subject", "public_summary", "status", "created_at", "reporter_name"
        )
        .order_by("-created_at")[:limit]
    )


def public_history(complaint: Complaint) -> list:
    """The steps of a report the public may read: each status it reached, when, and at which
    unit; never an officer's or the reporter's words (they may name people)."""
    return list(
        complaint.events.filter(public=True)
        .exclude(to_status="")
        .select_related("unit")
        .only("at", "to_status", "action", "unit__name")
        .order_by("at", "id")
    )


def follower_by_confirm_link(number: str, token: str, *, now=None) -> ReportFollower | None:
    """The follow a confirmation link names, while the link works: a report the public may see,
    the token's hash stored (a newer link replaces an older one), and asked for within the days a
    link lasts unless already confirmed."""
    from django.utils import timezone

    follower = (
        ReportFollower.objects.filter(
            publicly_visible("complaint__"),
            complaint__tracking_number=number,
            token_hash=follow_links.hash_token(token),
        )
        .select_related("complaint")
        .first()
    )
    if follower is None or follower.confirmed_at is not None:
        return follower
    return None if follow_links.expired(follower.asked_at, now or timezone.now()) else follower


def follower_by_unfollow_link(number: str, token: str) -> ReportFollower | None:
    """The follow a signed unsubscribe link names, if it still exists."""
    named = follow_links.read_unfollow_token(token)
    if named is None:
        return None
    follower_id, hash_start = named
    return (
        ReportFollower.objects.filter(
            pk=follower_id, complaint__tracking_number=number, token_hash__startswith=hash_start
        )
        .select_related("complaint")
        .first()
    )


def follower_count(complaint: Complaint) -> int:
    """How many confirmed followers a report has: all the staff ever see of them."""
    return complaint.followers.filter(confirmed_at__isnull=False).count()


def public_register(*, unit_slug: str = "", kind: str = "", status: str = "", category: str = ""):
    """Reports the public may see (``publicly_visible``), and only fields without identity."""
    reports = (
        Complaint.objects.filter(publicly_visible())
        .select_related("unit", "category")
        .only(
            "tracking_number",
            "created_at",
            "kind",
            "status",
            "subject",
            "reporter_name",
            "public_summary",
            "unit__name",
            "unit__slug",
            "category__name",
            "category__name_en",
        )
    )
    if category:
        reports = reports.filter(category__code=category)
    if unit_slug:
        reports = reports.filter(unit__slug=unit_slug)
    if kind in Complaint.Kind.values:
        reports = reports.filter(kind=kind)
    if status in ("open", "resolved"):
        resolved = (Status.ANSWERED, Status.CLOSED)
        reports = (
            reports.filter(status__in=resolved)
            if status == "resolved"
            else reports.exclude(status__in=resolved)
        )
    return reports.order_by("-created_at")


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def public_statistics(unit, year: int) -> list[dict]:
    """Per month: received, resolved, median days to first response and to resolution, share
    resolved within the deadline, mean rating. Counts and means come from one grouped query; the
    medians (not portable SQL) from the month's response times, read as two columns."""
    from django.db.models import Avg, Count
    from django.db.models.functions import ExtractMonth

    resolved = Q(status__in=(Status.ANSWERED, Status.CLOSED))
    rows = {
        row["month"]: row
        for row in Complaint.objects.filter(unit=unit, created_at__year=year)
        .annotate(month=ExtractMonth("created_at"))
        .values("month")
        .annotate(
            received=Count("id"),
            resolved=Count("id", filter=resolved & Q(answered_at__isnull=False)),
            on_time=Count(
                "id",
                filter=resolved
                & Q(answered_at__isnull=False, answered_at__date__lte=F("resolution_due")),
            ),
            rating=Avg("rating"),
        )
        .order_by()
    }
    first: dict[int, list[float]] = {}
    solved: dict[int, list[float]] = {}
    for month, created, responded, answered in (
        Complaint.objects.filter(unit=unit, created_at__year=year, first_response_at__isnull=False)
        .annotate(month=ExtractMonth("created_at"))
        .values_list("month", "created_at", "first_response_at", "answered_at")
    ):
        first.setdefault(month, []).append((responded - created).total_seconds() / 86400)  # type: ignore[operator]  # filtered: first_response_at is set
        if answered:
            solved.setdefault(month, []).append((answered - created).total_seconds() / 86400)
    result = []
    for month in MONTHS:
        row = rows.get(month, {})
        received, done = row.get("received", 0), row.get("resolved", 0)
        result.append(
            {
                "month": month,
                "received": received,
                "resolved": done,
                "median_first_response": _median(first.get(month, [])),
                "median_resolution": _median(solved.get(month, [])),
                "on_time_share": (row.get("on_time", 0) / done * 100) if done else None,
                "rating": row.get("rating"),
            }
        )
    return result


def desk_summary(user, today) -> dict[str, int]:
    """What is waiting on the user's desk, in one aggregate query: open reports, late ones, those
    due within two working days, those waiting for the reporter, and those without a unit yet
    (the coordinator's "unit unknown" queue). Shown first on the staff home page."""
    from django.db.models import Count

    return (
        visible_complaints(user, aggregate=True)
        .select_related(None)
        .aggregate(
            open=Count("id", filter=Q(status__in=OPEN_STATUSES)),
            overdue=Count("id", filter=overdue_q(today)),
            due_soon=Count("id", filter=due_soon_q(today)),
            waiting=Count("id", filter=Q(status=Status.POSTPONED)),
            unknown_unit=Count("id", filter=Q(status__in=OPEN_STATUSES, unit__isnull=True)),
        )
    )
