"""Reads of the organisation spine, and who may see which unit (visibility lives here once)."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, Window
from django.shortcuts import get_object_or_404

from pantau.accounts.models import Membership, Role

from . import search as unit_search
from .models import Agency, ContactChannel, OpeningHours, Service, ServiceUnit


def active_unit(pk: int):
    """The active unit with this id, or None; kept by the process for a few seconds
    (``pantau.common.memo``), for the public forms that name a unit: callers must not change it."""
    from pantau.common import memo

    return memo.remembered(
        ("active-unit", pk), lambda: ServiceUnit.objects.filter(pk=pk, is_active=True).first()
    )


def active_services(unit) -> QuerySet[Service]:
    """The unit's active services by name: a new queryset each time, copied from one built once
    per unit and process (``pantau.common.memo``), as every public report form offers them."""
    from pantau.common import memo

    return memo.remembered(
        ("active-services", unit.pk),
        lambda: Service.objects.filter(unit_id=unit.pk, is_active=True).order_by("name"),
    ).all()


def agency_ancestor_ids(agency_id: int | None) -> list[int]:
    """The agency and the agencies above it, nearest first, in one recursive query (kept by the
    process for a few seconds: ``pantau.common.memo``)."""
    if agency_id is None:
        return []
    from pantau.common import memo

    return list(memo.remembered(("agency-chain", agency_id), lambda: _ancestor_ids(agency_id)))


def _ancestor_ids(agency_id: int) -> tuple[int, ...]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH RECURSIVE chain(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM organisations_agency WHERE id = %s
                UNION ALL
                SELECT a.id, a.parent_id, chain.depth + 1
                FROM organisations_agency a JOIN chain ON a.id = chain.parent_id
                WHERE chain.depth < 20
            )
            SELECT id FROM chain ORDER BY depth
            """,
            [agency_id],
        )
        return tuple(row[0] for row in cursor.fetchall())


def agency_subtree_ids(root_ids: set[int]) -> set[int]:
    """The given agencies and every agency below them (one query per level of the tree)."""
    found = set(root_ids)
    frontier = set(root_ids)
    while frontier:
        frontier = set(
            Agency.objects.filter(parent_id__in=frontier)
            .exclude(id__in=found)
            .values_list("id", flat=True)
        )
        found |= frontier
    return found


@dataclass
class Scope:
    """What one user may reach, computed once per request."""

    is_admin: bool = False
    national: bool = False
    unit_roles: dict[int, set[str]] = field(default_factory=dict)
    evaluated_agencies: set[int] = field(default_factory=set)  # subtree ids
    headed_agencies: set[int] = field(default_factory=set)  # subtree ids
    coordinated_agencies: set[int] = field(default_factory=set)  # subtree ids (complaints)
    inspected_agencies: set[int] = field(default_factory=set)  # subtree ids (integrity reports)
    national_coordinator: bool = False  # receives reports no regional coordinator can
    memberships: list[Membership] = field(default_factory=list)

    @property
    def sees_everything(self) -> bool:
        return self.is_admin or self.national

    def roles(self) -> set[str]:
        return {m.role for m in self.memberships}


def scope_for(user) -> Scope:
    if not user.is_authenticated or not user.is_active:
        return Scope()
    cached = getattr(user, "_pantau_scope", None)
    if cached is not None:
        return cached
    memberships = list(
        Membership.objects.filter(user=user).select_related("unit", "agency").order_by("role", "id")
    )
    scope = Scope(is_admin=user.is_superuser, memberships=memberships)
    evaluator_roots: set[int] = set()
    head_roots: set[int] = set()
    coordinator_roots: set[int] = set()
    inspector_roots: set[int] = set()
    for membership in memberships:
        if membership.unit_id:
            scope.unit_roles.setdefault(membership.unit_id, set()).add(membership.role)
        elif membership.role == Role.EVALUATOR and membership.agency_id is None:
            scope.national = True
        elif membership.role == Role.COORDINATOR and membership.agency_id is None:
            scope.national_coordinator = True
        elif membership.agency_id is None:
            continue  # another role with neither unit nor agency grants nothing
        elif membership.role == Role.EVALUATOR:
            evaluator_roots.add(membership.agency_id)
        elif membership.role == Role.AGENCY_HEAD:
            head_roots.add(membership.agency_id)
        elif membership.role == Role.COORDINATOR:
            coordinator_roots.add(membership.agency_id)
        elif membership.role == Role.INSPECTOR:
            inspector_roots.add(membership.agency_id)
    scope.evaluated_agencies = agency_subtree_ids(evaluator_roots) if evaluator_roots else set()
    scope.headed_agencies = agency_subtree_ids(head_roots) if head_roots else set()
    scope.coordinated_agencies = (
        agency_subtree_ids(coordinator_roots) if coordinator_roots else set()
    )
    scope.inspected_agencies = agency_subtree_ids(inspector_roots) if inspector_roots else set()
    setattr(user, "_pantau_scope", scope)  # noqa: B010 - a per-request cache on the user
    return scope


def visible_units(user) -> QuerySet[ServiceUnit]:
    """Units a staff user may look at: their own, those under agencies they head or evaluate."""
    scope = scope_for(user)
    units = ServiceUnit.objects.select_related("agency", "mall")
    if scope.sees_everything or scope.national_coordinator:
        return units
    return units.filter(
        Q(id__in=scope.unit_roles.keys())
        | Q(
            agency_id__in=scope.evaluated_agencies
            | scope.headed_agencies
            | scope.coordinated_agencies
        )
    )


def managed_units(user) -> QuerySet[ServiceUnit]:
    """Units whose profile, services and audit trail the user may manage."""
    scope = scope_for(user)
    units = ServiceUnit.objects.select_related("agency", "mall")
    if scope.is_admin:
        return units
    headed = [unit_id for unit_id, roles in scope.unit_roles.items() if Role.UNIT_HEAD in roles]
    return units.filter(Q(id__in=headed) | Q(agency_id__in=scope.headed_agencies))


def visible_agencies(user) -> QuerySet[Agency]:
    scope = scope_for(user)
    if scope.sees_everything or scope.national_coordinator:
        return Agency.objects.all()
    unit_agencies = set(
        ServiceUnit.objects.filter(id__in=scope.unit_roles.keys()).values_list(
            "agency_id", flat=True
        )
    )
    return Agency.objects.filter(
        id__in=scope.evaluated_agencies
        | scope.headed_agencies
        | scope.coordinated_agencies
        | unit_agencies
    )


def get_visible_unit(user, slug: str) -> ServiceUnit:
    """The unit with this slug if the user may see it; a 404 otherwise (never another's data)."""
    return get_object_or_404(visible_units(user), slug=slug)


def get_managed_unit(user, slug: str) -> ServiceUnit:
    return get_object_or_404(managed_units(user), slug=slug)


def with_unit_counts(units) -> list[ServiceUnit]:
    """The given units (a page of them) with ``service_count``, ``officer_count`` and
    ``member_count`` set, from two grouped queries over those units only.

    Counting for the shown page only keeps list pages flat as the number of units grows; an
    annotation over the whole list would group every unit before the page is cut.
    """
    units = list(units)
    ids = [unit.id for unit in units]
    services = dict(
        Service.objects.filter(unit_id__in=ids, is_active=True)
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    members: dict[int, dict[str, int]] = {}
    for unit_id, role, n in (
        Membership.objects.filter(unit_id__in=ids)
        .values_list("unit_id", "role")
        .annotate(n=Count("id"))
        .values_list("unit_id", "role", "n")
    ):
        members.setdefault(unit_id, {})[role] = n
    for unit in units:
        unit.service_count = services.get(unit.id, 0)
        unit.officer_count = members.get(unit.id, {}).get(Role.UNIT_OFFICER, 0)
        unit.member_count = sum(members.get(unit.id, {}).values())
    return units


def unit_list_for_staff(user, *, search: str = "") -> QuerySet[ServiceUnit]:
    units = visible_units(user)
    if search:
        units = unit_search.matching_units(search, units)
    return units.order_by("agency__name", "name")


def unit_with_details(unit: ServiceUnit) -> ServiceUnit:
    """The unit with its hours, channels, services and members loaded in a fixed number of queries."""
    return (
        ServiceUnit.objects.select_related("agency", "agency__parent", "mall")
        .prefetch_related(
            Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday")),
            Prefetch("channels", queryset=ContactChannel.objects.order_by("position", "id")),
            Prefetch("services", queryset=Service.objects.order_by("name")),
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("user").order_by(
                    "role", "user__username"
                ),
            ),
        )
        .get(pk=unit.pk)
    )


# --- Public reads ---------------------------------------------------------------------------

DIRECTORY_PAGE_SIZE = 20


def public_units(*, search: str = "", province: str = "") -> QuerySet[ServiceUnit]:
    """Active units; with ``search``, those holding every word, the most relevant first
    (``organisations.search``); otherwise by province, city and name."""
    units = ServiceUnit.objects.filter(is_active=True).select_related("agency", "mall")
    if province:
        units = units.filter(province=province)
    if search:
        return unit_search.by_relevance(unit_search.matching_units(search, units), search)
    return units.order_by("province", "city", "name")


class _CountedPaginator(Paginator):
    """A paginator told how many items there are (read with the page itself)."""

    def __init__(self, count: int, per_page: int) -> None:
        super().__init__([], per_page)
        self.known_count = count

    @property
    def count(self) -> int:  # type: ignore[override]  # known, not counted
        return self.known_count


def public_directory_page(*, search: str = "", province: str = "", number=None) -> Page:
    """One page (20 units) of the public directory: ``public_units`` with ``with_unit_counts``.

    A search reads the page's ids and the number of matches in one query (a window count), so
    the documents are scanned once and only the shown units are loaded; a page past the last
    shows the last, as ``Paginator.get_page`` does."""
    units = public_units(search=search, province=province)
    if not search:
        page = Paginator(units, DIRECTORY_PAGE_SIZE).get_page(number)
        page.object_list = with_unit_counts(page.object_list)
        return page
    size = DIRECTORY_PAGE_SIZE
    wanted = int(number) if str(number).isdigit() and int(number) > 0 else 1
    counted = units.annotate(total=Window(Count("pk"))).values_list("pk", "total")
    rows = list(counted[(wanted - 1) * size : wanted * size])
    if not rows and wanted > 1:
        wanted = max(1, -(-units.count() // size))
        rows = list(counted[(wanted - 1) * size : wanted * size])
    paginator = _CountedPaginator(rows[0][1] if rows else 0, size)
    shown = ServiceUnit.objects.select_related("agency", "mall").in_bulk([pk for pk, _ in rows])
    return Page(with_unit_counts(shown[pk] for pk, _ in rows if pk in shown), wanted, paginator)


def search_suggestion(search: str, *, province: str = "") -> str:
    """For a directory search that found nothing: a corrected query that finds something, or
    "" (``organisations.search.suggest``)."""
    scope = ServiceUnit.objects.filter(is_active=True)
    if province:
        scope = scope.filter(province=province)
    return unit_search.suggest(search, scope)


def public_provinces() -> list[str]:
    return list(
        ServiceUnit.objects.filter(is_active=True)
        .order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )


def get_public_unit(slug: str) -> ServiceUnit:
    unit = get_object_or_404(ServiceUnit.objects.filter(is_active=True), slug=slug)
    return (
        ServiceUnit.objects.select_related("agency", "mall")
        .prefetch_related(
            Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday")),
            Prefetch("channels", queryset=ContactChannel.objects.order_by("position", "id")),
            Prefetch("services", queryset=Service.objects.filter(is_active=True).order_by("name")),
        )
        .get(pk=unit.pk)
    )


def public_counts() -> dict[str, int]:
    return {
        "units": ServiceUnit.objects.filter(is_active=True).count(),
        "services": Service.objects.filter(is_active=True, unit__is_active=True).count(),
        "agencies": Agency.objects.filter(units__is_active=True).distinct().count(),
    }


# --- Official codes (issue 20) ----------------------------------------------------------------


def in_region(code: str, *, prefix: str = "") -> Q:
    """The region with this Kemendagri code and every region below it: ``52.03`` matches 52.03
    and 52.03.01, never 52.030 (the codes' parts are separated by dots). ``prefix`` reaches the
    code through a relation (``"agency__"`` for units)."""
    field = f"{prefix}region_code"
    return Q(**{field: code}) | Q(**{f"{field}__startswith": f"{code}."})


def units_in_region(units: QuerySet[ServiceUnit], code: str) -> QuerySet[ServiceUnit]:
    """The given units whose agency lies in the region ``code`` or below it."""
    return units.filter(in_region(code, prefix="agency__"))


def agencies_in_region(agencies: QuerySet[Agency], code: str) -> QuerySet[Agency]:
    return agencies.filter(in_region(code))


def public_unit_by_sipp_code(code: str) -> ServiceUnit:
    """The active unit with this SIPP code (letter case ignored), as ``get_public_unit`` reads
    it; a 404 otherwise."""
    unit = get_object_or_404(
        ServiceUnit.objects.filter(is_active=True), sipp_code__iexact=code.strip()
    )
    return get_public_unit(unit.slug)
