"""The annual improvement plan and its realisation report (issue 21 item 6): the document the
cross-sector evaluation team of a regency draws up each year ("rencana aksi perbaikan tahunan",
the Lombok Timur study) and reports on at the year's end, read from the improvement register.

- **Plan** of a year: the actions due in that year, per unit, grouped by their source or by the
  figure they should move, with owner, due date, budget, the figure's baseline and target; and
  the actions of earlier years still open (carried over into this one).
- **Realisation report** of a year: the same actions with their status, evidence, the figure
  before and after (``figures.attach``), the share done, the share done by its due date, and the
  actions still open, which carry over into the next year.

The counts are one grouped query per document (``_counts``); the shares are
``analytics.kpi.share`` (pure). The rows come in one query (with the evidence files prefetched);
the figures in the fixed number of queries ``figures.attach`` makes. A page, its PDF and its XLSX
are written from the same ``AnnualDocument``, so the three say the same.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, F, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from pantau.analytics import kpi
from pantau.organisations.models import Agency, ServiceUnit
from pantau.organisations.selectors import agency_subtree_ids, scope_for, visible_units

from . import figures, metrics, sources
from .models import OPEN_STATUSES, Action, Source, Status
from .selectors import RELATED

PLAN = "plan"
REPORT = "report"
KINDS = (PLAN, REPORT)
BY_SOURCE = "source"
BY_FIGURE = "figure"
GROUPINGS = (BY_SOURCE, BY_FIGURE)
YEARS = (2000, 2100)
MAX_UNITS = 300  # an agency's document covers at most this many units (by name)


def check_year(year: int) -> int:
    if not YEARS[0] <= year <= YEARS[1]:
        raise Http404
    return year


# --- Who reads an agency's documents ----------------------------------------------------------


def can_read_agency(user: Any, agency: Agency) -> bool:
    """Administrators, national evaluators and coordinators, and the heads, evaluators and
    coordinators of the agency or one above it (the cross-sector team's members)."""
    scope = scope_for(user)
    if scope.sees_everything or scope.national_coordinator:
        return True
    return agency.pk in (
        scope.headed_agencies | scope.evaluated_agencies | scope.coordinated_agencies
    )


def readable_agencies(user: Any) -> list[Agency]:
    """The agencies whose documents the user is offered: those of their agency memberships (head,
    evaluator, coordinator); for an administrator or a national role, the agencies at the top."""
    from pantau.accounts.models import Role

    scope = scope_for(user)
    if scope.sees_everything or scope.national_coordinator:
        return list(Agency.objects.filter(parent__isnull=True).order_by("name")[:50])
    roles = (Role.AGENCY_HEAD, Role.EVALUATOR, Role.COORDINATOR)
    found: dict[int, Agency] = {}
    for membership in scope.memberships:
        if membership.agency is not None and membership.role in roles:
            found[membership.agency.pk] = membership.agency
    return sorted(found.values(), key=lambda agency: agency.name)


def get_readable_agency(user: Any, slug: str) -> Agency:
    agency = get_object_or_404(Agency, slug=slug)
    if not can_read_agency(user, agency):
        raise Http404
    return agency


def agency_units(user: Any, agency: Agency) -> list[ServiceUnit]:
    """The active units of the agency's tree that the user reaches, by name."""
    return list(
        visible_units(user)
        .filter(agency_id__in=agency_subtree_ids({agency.pk}), is_active=True)
        .order_by("name")[:MAX_UNITS]
    )


# --- Counts (in the database) -----------------------------------------------------------------


@dataclass(frozen=True)
class YearCounts:
    """The actions due in a year, not dropped (``total``), by where they stand."""

    total: int = 0
    planned: int = 0
    in_progress: int = 0
    done: int = 0
    done_on_time: int = 0
    dropped: int = 0
    budget: Decimal | None = None

    @property
    def open(self) -> int:
        """Still planned or in progress: they carry over into the next year."""
        return self.planned + self.in_progress

    @property
    def done_late(self) -> int:
        return self.done - self.done_on_time

    @property
    def done_share(self) -> Fraction | None:
        return kpi.share(self.done, self.total)

    @property
    def on_time_share(self) -> Fraction | None:
        """Done by its due date, as a share of the actions due in the year (dropped ones left
        out): an action done late, or not yet done, is not on time."""
        return kpi.share(self.done_on_time, self.total)

    def __add__(self, other: "YearCounts") -> "YearCounts":
        budgets = [b for b in (self.budget, other.budget) if b is not None]
        return YearCounts(
            total=self.total + other.total,
            planned=self.planned + other.planned,
            in_progress=self.in_progress + other.in_progress,
            done=self.done + other.done,
            done_on_time=self.done_on_time + other.done_on_time,
            dropped=self.dropped + other.dropped,
            budget=sum(budgets, Decimal(0)) if budgets else None,
        )


def _counts(unit_ids: Sequence[int], year: int) -> dict[int, YearCounts]:
    """Per unit, the actions due in ``year`` by status (one grouped query)."""
    kept = ~Q(status=Status.DROPPED)
    found: dict[int, YearCounts] = {}
    for row in (
        Action.objects.filter(unit_id__in=unit_ids, due_on__year=year)
        .values("unit_id")
        .annotate(
            total=Count("id", filter=kept),
            planned=Count("id", filter=Q(status=Status.PLANNED)),
            in_progress=Count("id", filter=Q(status=Status.IN_PROGRESS)),
            done=Count("id", filter=Q(status=Status.DONE)),
            done_on_time=Count("id", filter=Q(status=Status.DONE, completed_on__lte=F("due_on"))),
            dropped=Count("id", filter=Q(status=Status.DROPPED)),
            budget=Sum("budget", filter=kept),
        )
        .order_by()
    ):
        unit_id = row.pop("unit_id")
        found[unit_id] = YearCounts(**row)
    return found


# --- Rows --------------------------------------------------------------------------------------


@dataclass
class Row:
    action: Action
    unit: ServiceUnit
    source: str  # the source in words
    figure: str  # the figure it should move, in words ("" without one)
    owner: str
    files: int
    before: figures.Point | None = None
    after: figures.Point | None = None
    improved: bool | None = None
    waiting: str = ""
    cells: list[str] = field(default_factory=list)  # the page's cells (``exporters.columns``)
    link: str = ""  # the action's page

    @property
    def status(self) -> str:
        return str(Status(self.action.status).label)

    @property
    def on_time(self) -> bool | None:
        """Done by its due date (None while not done)."""
        action = self.action
        if action.status != Status.DONE or action.completed_on is None:
            return None
        return action.completed_on <= action.due_on

    @property
    def is_open(self) -> bool:
        return self.action.status in OPEN_STATUSES


@dataclass
class Group:
    key: str
    label: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class UnitSection:
    unit: ServiceUnit
    counts: YearCounts
    groups: list[Group]

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]


@dataclass
class AnnualDocument:
    kind: str  # PLAN or REPORT
    year: int
    name: str  # the unit's or the agency's name
    agency: Agency | None  # the agency of an agency's document
    grouping: str
    sections: list[UnitSection]
    totals: YearCounts
    carried_in: list[Row]  # plan: open actions of earlier years
    carried_out: list[Row]  # report: open actions of the year, into the next one
    today: date

    @property
    def is_plan(self) -> bool:
        return self.kind == PLAN

    @property
    def title(self) -> str:
        if self.is_plan:
            return _("Annual improvement plan %(year)s") % {"year": self.year}
        return _("Realisation of the improvement plan %(year)s") % {"year": self.year}

    @property
    def next_year(self) -> int:
        return self.year + 1

    @property
    def rows(self) -> list[Row]:
        return [row for section in self.sections for row in section.rows]


def _category_labels(actions: Sequence[Action]) -> dict[str, str]:
    """Category code → name for the ``complaints.category:<code>`` figures (one query)."""
    from pantau.complaints.models import Category

    codes = set()
    for action in actions:
        metric = metrics.parse(action.metric_key)
        if metric is not None and metric.family == "complaints.category":
            codes.add(metric.key)
    if not codes:
        return {}
    return dict(Category.objects.filter(code__in=codes).order_by("-id").values_list("code", "name"))


def figure_label(action: Action, categories: dict[str, str]) -> str:
    """The figure in words, without a query per action: the SKM figures as ``figures.attach``
    named them, the complaint figures from their key."""
    metric = metrics.parse(action.metric_key)
    if metric is None:
        return ""
    if metric.family == metrics.ON_TIME:
        return _("Complaints resolved within the deadline (%)")
    if metric.family == "complaints.category":
        return _("Complaints about %(category)s: reports per month") % {
            "category": categories.get(metric.key, metric.key)
        }
    figure = getattr(action, "figure", None)
    if figure is not None:
        return str(figure.name)
    return "IKM" if metric.family == metrics.SKM_IKM else f"NRR {metric.key}"


def _rows(actions: list[Action], today: date, *, public: bool = False) -> list[Row]:
    figures.attach(actions, today=today, public=public)
    categories = _category_labels(actions)
    rows = []
    for action in actions:
        figure = getattr(action, "figure", None)
        rows.append(
            Row(
                action=action,
                unit=action.unit,
                source=sources.describe(action),
                figure=figure_label(action, categories),
                owner=action.owner_label,
                files=len(action.files.all()),
                before=figure.before if figure else None,
                after=figure.after if figure else None,
                improved=figure.improved if figure else None,
                waiting=figure.waiting if figure else "",
            )
        )
    return rows


def _actions(unit_ids: Sequence[int]) -> Any:
    return (
        Action.objects.filter(unit_id__in=unit_ids)
        .select_related(*RELATED)
        .prefetch_related("files")
    )


SOURCE_ORDER = {value: index for index, value in enumerate(Source.values)}


def _groups(rows: list[Row], grouping: str) -> list[Group]:
    groups: dict[str, Group] = {}
    if grouping == BY_FIGURE:
        for row in sorted(rows, key=lambda r: (r.figure == "", r.figure, r.action.due_on)):
            key = row.action.metric_key
            label = row.figure or _("No figure named")
            groups.setdefault(key, Group(key, label)).rows.append(row)
        return list(groups.values())
    for row in sorted(
        rows, key=lambda r: (SOURCE_ORDER.get(r.action.source, 99), r.action.due_on, r.action.pk)
    ):
        kind = row.action.source
        groups.setdefault(kind, Group(kind, str(Source(kind).label))).rows.append(row)
    return list(groups.values())


def build(
    *,
    kind: str,
    year: int,
    units: Sequence[ServiceUnit],
    today: date,
    agency: Agency | None = None,
    grouping: str = BY_SOURCE,
) -> AnnualDocument:
    """The plan (``kind=PLAN``) or the realisation report (``REPORT``) of ``year`` for these
    units (one unit, or an agency's units the reader reaches)."""
    if kind not in KINDS:
        raise ValueError(kind)
    grouping = grouping if grouping in GROUPINGS else BY_SOURCE
    unit_ids = [unit.pk for unit in units]
    by_unit = {unit.pk: unit for unit in units}
    counts = _counts(unit_ids, year)
    due_actions = _actions(unit_ids).filter(due_on__year=year)
    if kind == PLAN:
        due_actions = due_actions.exclude(status=Status.DROPPED)  # the report says why dropped
    due = list(due_actions.order_by("due_on", "id"))
    carried_in: list[Action] = []
    if kind == PLAN:
        carried_in = list(
            _actions(unit_ids)
            .filter(due_on__year__lt=year, status__in=OPEN_STATUSES)
            .order_by("due_on", "id")
        )
    rows = _rows(due + carried_in, today)
    year_rows, in_rows = rows[: len(due)], rows[len(due) :]
    sections = []
    for unit_id in unit_ids:
        own = [row for row in year_rows if row.action.unit_id == unit_id]
        sections.append(
            UnitSection(
                unit=by_unit[unit_id],
                counts=counts.get(unit_id, YearCounts()),
                groups=_groups(own, grouping),
            )
        )
    if agency is not None:
        sections = [s for s in sections if s.rows]  # an agency's document lists units with actions
    totals = sum((c for c in counts.values()), YearCounts())
    return AnnualDocument(
        kind=kind,
        year=year,
        name=agency.name if agency is not None else units[0].name,
        agency=agency,
        grouping=grouping,
        sections=sections,
        totals=totals,
        carried_in=in_rows,
        carried_out=[row for row in year_rows if row.is_open] if kind == REPORT else [],
        today=today,
    )
