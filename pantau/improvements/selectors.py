"""Reads of the improvement register (issue 21). Who sees which unit's actions is
``organisations.selectors.visible_units``: the unit's own people, and the evaluators, agency
heads and coordinators whose tree holds it; nothing here decides it again."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Case, Count, IntegerField, Max, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from pantau.organisations.selectors import visible_units

from .models import OPEN_STATUSES, Action, Source, Status

RELATED = (
    "unit",
    "owner",
    "period",
    "period__collection__version",
    "category",
    "complaint",
    "complaint__category",
    "recommendation",
    "recommendation__aspect",
    "recommendation__lokus__round",
    "agreement",
    "agreement__forum",
    "study",
)

# Open actions before done ones.
DONE_LAST = Case(
    When(status=Status.DONE, then=Value(1)), default=Value(0), output_field=IntegerField()
)

# The register's filter "status": one status, or these groups of them.
STATUS_FILTERS = ("open", "overdue", *Status.values)


def overdue_q(today: date) -> Q:
    """Late: still planned or in progress after its due date (one rule for lists and counts)."""
    return Q(status__in=OPEN_STATUSES, due_on__lt=today)


def visible_actions(user: Any) -> QuerySet[Action]:
    return Action.objects.filter(unit__in=visible_units(user).values("pk")).select_related(*RELATED)


def get_visible_action(user: Any, pk: int) -> Action:
    """The action if the user reaches its unit; a 404 otherwise (never another unit's data)."""
    return get_object_or_404(visible_actions(user), pk=pk)


def get_unit_action(unit: Any, pk: int) -> Action:
    return get_object_or_404(Action.objects.select_related(*RELATED), unit=unit, pk=pk)


def unit_register(
    unit: Any, *, today: date, status: str = "", source: str = ""
) -> QuerySet[Action]:
    """The unit's register, open actions first and then by due date, filtered by ``status`` (a
    status, "open" or "overdue") and ``source`` (a kind); unknown values filter nothing."""
    actions = Action.objects.filter(unit=unit).select_related(*RELATED).prefetch_related("files")
    if status == "open":
        actions = actions.filter(status__in=OPEN_STATUSES)
    elif status == "overdue":
        actions = actions.filter(overdue_q(today))
    elif status in Status.values:
        actions = actions.filter(status=status)
    if source in Source.values:
        actions = actions.filter(source=source)
    return actions.order_by(DONE_LAST, "due_on", "id")


@dataclass
class RegisterCounts:
    planned: int = 0
    in_progress: int = 0
    done: int = 0
    dropped: int = 0
    overdue: int = 0
    last_change: Any = None

    @property
    def total(self) -> int:
        return self.planned + self.in_progress + self.done

    @property
    def done_percent(self) -> int | None:
        return round(100 * self.done / self.total) if self.total else None


def _counts(actions: QuerySet[Action], today: date, by: str) -> dict[Any, RegisterCounts]:
    found: dict[Any, RegisterCounts] = {}
    for row in (
        actions.values(by)
        .annotate(
            planned=Count("id", filter=Q(status=Status.PLANNED)),
            in_progress=Count("id", filter=Q(status=Status.IN_PROGRESS)),
            done=Count("id", filter=Q(status=Status.DONE)),
            dropped=Count("id", filter=Q(status=Status.DROPPED)),
            overdue=Count("id", filter=overdue_q(today)),
            last_change=Max("updated_at"),
        )
        .order_by()
    ):
        key = row.pop(by)
        found[key] = RegisterCounts(**row)
    return found


def unit_counts(unit: Any, *, today: date) -> RegisterCounts:
    return _counts(Action.objects.filter(unit=unit), today, "unit_id").get(
        unit.pk, RegisterCounts()
    )


def overview(user: Any, *, today: date) -> list[tuple[Any, RegisterCounts]]:
    """Every unit the user reaches, with its register's counts (one grouped query), the units with
    the most overdue actions first: where an evaluator or agency head looks first."""
    units = list(visible_units(user).filter(is_active=True).order_by("name"))
    counts = _counts(Action.objects.filter(unit__in=[u.pk for u in units]), today, "unit_id")
    rows = [(unit, counts.get(unit.pk, RegisterCounts())) for unit in units]
    rows.sort(key=lambda row: (-row[1].overdue, -(row[1].planned + row[1].in_progress)))
    return rows


def public_actions(unit: Any) -> QuerySet[Action]:
    """What the public sees of the unit's register: the actions staff marked public and did not
    drop, open ones first."""
    return (
        Action.objects.filter(unit=unit, is_public=True)
        .exclude(status=Status.DROPPED)
        .select_related(*RELATED)
        .order_by(DONE_LAST, "due_on", "id")
    )


# --- The SKM follow-up plan: the register's actions on one period's elements ----------------


def skm_actions(
    period: Any, *, include_dropped: bool = False, public_only: bool = False
) -> list[Action]:
    """The period's follow-up plan, each action with ``element`` (the scored item it answers, None
    if the questionnaire no longer has it)."""
    from pantau.satisfaction.selectors import scored_items

    actions = Action.objects.filter(source=Source.SKM_ELEMENT, period=period).select_related(
        "owner"
    )
    if not include_dropped:
        actions = actions.exclude(status=Status.DROPPED)
    if public_only:
        actions = actions.filter(is_public=True)
    elements = {item.key: item for item in scored_items(period)}
    found = list(actions.order_by("due_on", "id"))
    for action in found:
        action.element = elements.get(action.element_key)  # type: ignore[attr-defined]
    return found


def skm_plan_counts(period: Any) -> dict[str, Any]:
    """How many of the period's actions there are (not dropped), how many are done and when the
    last was completed (one aggregate query): PEKPPP indicators 8 and 9 read these."""
    return (
        Action.objects.filter(source=Source.SKM_ELEMENT, period=period)
        .exclude(status=Status.DROPPED)
        .aggregate(
            total=Count("id"),
            realised=Count("id", filter=Q(status=Status.DONE)),
            last=Max("completed_on", filter=Q(status=Status.DONE)),
        )
    )


PUBLIC_LIMIT = 200


def public_register(unit: Any, *, limit: int = PUBLIC_LIMIT) -> list[Action]:
    """The unit's public actions (``public_actions``), each with ``public_source`` (its source
    in public words) and ``figure`` (before and after, from published figures only)."""
    from django.utils import timezone

    from . import figures, sources

    actions = list(public_actions(unit)[:limit])
    for action in actions:
        action.public_source = sources.describe(action, public=True)  # type: ignore[attr-defined]
    figures.attach(actions, today=timezone.localdate(), public=True)
    return actions
