"""Reads of observation visits: who sees which visit (once, here), a visit's answers, a unit's
results over time, the comparison across units, and the summary the report card reads."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from pantau.accounts.models import Membership, Role, User
from pantau.analytics.checklist import NO, mean_score
from pantau.organisations.models import ServiceUnit
from pantau.organisations.selectors import scope_for
from pantau.surveys.models import Answer, Item
from pantau.surveys.selectors import version_items

from .models import ItemNote, Kind, Visit

RELATED = ("unit", "unit__agency", "service", "collection__version__instrument", "observer")


def _schedulable_agencies(user: Any) -> set[int]:
    scope = scope_for(user)
    return scope.evaluated_agencies | scope.headed_agencies


def schedulable_units(user: Any) -> QuerySet[ServiceUnit]:
    """Units the user may schedule visits for (``permissions.can_schedule``, as a query)."""
    scope = scope_for(user)
    units = ServiceUnit.objects.select_related("agency").filter(is_active=True)
    if scope.sees_everything:
        return units
    return units.filter(agency_id__in=_schedulable_agencies(user))


def visible_visits(user: Any) -> QuerySet[Visit]:
    """Every visit the user may open: those assigned to them, those of the units whose programme
    they run, and the submitted ones of the units they head (never one still to come)."""
    visits = Visit.objects.select_related(*RELATED)
    scope = scope_for(user)
    if not user.is_authenticated:
        return visits.none()
    if scope.sees_everything:
        return visits
    headed = [unit for unit, roles in scope.unit_roles.items() if Role.UNIT_HEAD in roles]
    return visits.filter(
        Q(observer=user)
        | Q(unit__agency_id__in=_schedulable_agencies(user))
        | Q(unit_id__in=headed, status=Visit.Status.SUBMITTED)
    )


def headed_units(user: Any) -> list[ServiceUnit]:
    """The units the user heads, whose submitted results they read."""
    scope = scope_for(user)
    ids = [unit for unit, roles in scope.unit_roles.items() if Role.UNIT_HEAD in roles]
    return list(ServiceUnit.objects.filter(pk__in=ids).order_by("name")) if ids else []


def get_visible_visit(user: Any, pk: int) -> Visit:
    return get_object_or_404(visible_visits(user), pk=pk)


def assigned_visits(user: Any) -> QuerySet[Visit]:
    """The observer's own visits, those to enter first (soonest), then the others."""
    return (
        Visit.objects.select_related(*RELATED)
        .filter(observer=user)
        .order_by("status", "planned_on", "id")
    )


def programme_visits(user: Any, *, status: str = "") -> QuerySet[Visit]:
    """The visits of the units whose programme the user runs, newest first."""
    visits = Visit.objects.select_related(*RELATED).filter(
        unit__in=schedulable_units(user).values("pk")
    )
    return visits.filter(status=status) if status else visits


def observer_candidates(user: Any) -> QuerySet[User]:
    """People the user may assign: active accounts holding a role in the units or agencies the
    user reaches, accounts with no role at all (volunteer observers, such as the students of a
    partner university), those who observed a visit of these units before, and the user.
    Members of the visited unit stay in the list so that choosing one is answered with the
    reason it is refused (``services.schedule_visit``)."""
    scope = scope_for(user)
    people = User.objects.filter(is_active=True)
    volunteers = Q(memberships__isnull=True, is_superuser=False)
    if scope.sees_everything:
        chosen = Q(pk__in=Membership.objects.values("user_id")) | volunteers | Q(pk=user.pk)
    else:
        agencies = _schedulable_agencies(user)
        members = Membership.objects.filter(
            Q(unit__agency_id__in=agencies) | Q(agency_id__in=agencies)
        ).values("user_id")
        observed = Visit.objects.filter(unit__agency_id__in=agencies).values("observer_id")
        chosen = Q(pk__in=members) | Q(pk__in=observed) | volunteers | Q(pk=user.pk)
    return people.filter(chosen).distinct().order_by("first_name", "last_name", "username")


# --- A visit's answers --------------------------------------------------------------------------


@dataclass
class ItemResult:
    item: Item
    answer: int | None  # 1 yes, 0 no, -1 not applicable
    note: ItemNote | None = None

    @property
    def failed(self) -> bool:
        return self.answer == NO


@dataclass
class SectionResult:
    title: str
    rows: list[ItemResult] = field(default_factory=list)


def visit_results(visit: Visit) -> list[SectionResult]:
    """The visit's items by section with the answer and the observer's note and photo (two
    queries; the items come from the engine's per-process cache)."""
    items = version_items(visit.collection.version)
    answers: dict[int, int | None] = {}
    if visit.response_id is not None:
        answers = dict(
            Answer.objects.filter(response_id=visit.response_id).values_list("item_id", "value_int")
        )
    notes = {note.item_id: note for note in ItemNote.objects.filter(visit=visit)}
    sections: list[SectionResult] = []
    for item in items:
        if not sections or sections[-1].title != item.section.shown_title:
            sections.append(SectionResult(item.section.shown_title))
        sections[-1].rows.append(ItemResult(item, answers.get(item.pk), notes.get(item.pk)))
    return sections


def failed_items(visit: Visit) -> list[ItemResult]:
    return [row for section in visit_results(visit) for row in section.rows if row.failed]


# --- Results over time and across units ---------------------------------------------------------


def submitted_visits(
    units: Any, *, start: date | None = None, end: date | None = None
) -> QuerySet[Visit]:
    visits = Visit.objects.select_related(*RELATED).filter(
        unit__in=units, status=Visit.Status.SUBMITTED
    )
    if start is not None:
        visits = visits.filter(planned_on__gte=start)
    if end is not None:
        visits = visits.filter(planned_on__lte=end)
    return visits.order_by("planned_on", "id")


@dataclass
class UnitRow:
    """One unit's results on one checklist."""

    unit: ServiceUnit
    kind: str
    visits: int
    latest: float | None
    latest_on: date | None
    average: float | None
    failed_latest: int

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)


def _rows(visits: list[Visit]) -> list[UnitRow]:
    grouped: dict[tuple[int, str], list[Visit]] = defaultdict(list)
    for visit in visits:  # in date order
        grouped[(visit.unit_id, visit.kind)].append(visit)
    rows = []
    for (_unit, kind), group in grouped.items():
        last = group[-1]
        rows.append(
            UnitRow(
                unit=last.unit,
                kind=kind,
                visits=len(group),
                latest=_float(last.score),
                latest_on=last.planned_on,
                average=mean_score(_float(v.score) for v in group),
                failed_latest=last.failed_items,
            )
        )
    return rows


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def comparison(user: Any, *, start: date | None = None, end: date | None = None) -> list[UnitRow]:
    """Each unit whose programme the user runs, per checklist: visits, latest and average
    score; best latest score first within a checklist, units without a score last."""
    rows = _rows(list(submitted_visits(schedulable_units(user), start=start, end=end)))
    return sorted(rows, key=lambda r: (r.kind, r.latest is None, -(r.latest or 0), r.unit.name))


def unit_timeline(unit: ServiceUnit) -> dict[str, list[Visit]]:
    """The unit's submitted visits per checklist kind, oldest first (for the trend)."""
    timeline: dict[str, list[Visit]] = defaultdict(list)
    for visit in submitted_visits([unit.pk]):
        timeline[visit.kind].append(visit)
    return dict(timeline)


# --- For the report card ------------------------------------------------------------------------


@dataclass(frozen=True)
class FailedItemSummary:
    key: str  # the item's stable key in its checklist (e.g. "terap-biaya", "setia-t2")
    code: str  # as shown on the checklist (P4, T2)
    text: str  # the item in the active language
    weight: int
    times_failed: int  # submitted visits in the period that answered "no" to it


@dataclass(frozen=True)
class ChecklistSummary:
    kind: str  # Kind value: "standard" or "behaviour"
    label: str
    visits: int  # submitted visits in the period
    latest_score: float | None  # 0..100; None when no item applied
    latest_on: date
    average_score: float | None  # plain mean of the visits' scores
    failed_items: tuple[FailedItemSummary, ...]  # of the latest visit, heaviest first


@dataclass(frozen=True)
class ObservationSummary:
    unit: ServiceUnit
    start: date
    end: date
    checklists: tuple[ChecklistSummary, ...]

    @property
    def visits(self) -> int:
        return sum(c.visits for c in self.checklists)


def unit_observation_summary(unit: ServiceUnit, start: date, end: date) -> ObservationSummary:
    """What observers found at ``unit`` in the visits dated from ``start`` to ``end``
    (inclusive, by the visit's date), for the report card.

    Only submitted visits count (scheduled and cancelled ones never do). ``checklists`` holds
    one ``ChecklistSummary`` per checklist kind visited in the period, standard before
    behaviour, none for a kind not visited (so an empty tuple means no visit in the period):

    - ``latest_score``: the score (0–100, ``analytics.checklist.checklist_score``: the weighted
      share of "yes" among the items that applied) of the latest visit (by date, then entry);
      ``None`` when no item of that visit applied.
    - ``average_score``: the plain mean of the scores of the period's visits of that kind
      (``analytics.checklist.mean_score``, visits without a score left out); ``None`` when none
      has a score.
    - ``failed_items``: the items the *latest* visit answered "no" (what is still wrong at the
      last look), heaviest first then in checklist order, each with how many of the period's
      visits of that kind failed an item with the same key. A standard checklist changes when
      the standard does; items are matched by key across versions.

    It names no observer and carries no note or photo, so a public page may show all of it.
    Costs three queries whatever the number of visits.
    """
    visits = list(submitted_visits([unit.pk], start=start, end=end))
    by_kind: dict[str, list[Visit]] = defaultdict(list)
    for visit in visits:
        by_kind[visit.kind].append(visit)
    failed = Answer.objects.filter(
        response__observation_visit__in=[v.pk for v in visits],
        value_int=NO,
        item__kind=Item.Kind.YES_NO_NA,
    ).values_list("response__observation_visit", "item__key")
    failed_keys: dict[int, set[str]] = defaultdict(set)
    for visit_id, key in failed:
        failed_keys[visit_id].add(key)
    latest_ids = [group[-1].pk for group in by_kind.values()]
    latest_items = {
        (answer.response.observation_visit.pk, answer.item.key): answer.item
        for answer in Answer.objects.filter(
            response__observation_visit__in=latest_ids, value_int=NO
        ).select_related("item", "response__observation_visit")
    }
    summaries = []
    for kind in (Kind.STANDARD, Kind.BEHAVIOUR):
        group = by_kind.get(kind.value)
        if not group:
            continue
        last = group[-1]
        items = sorted(
            (item for (visit_id, _key), item in latest_items.items() if visit_id == last.pk),
            key=lambda item: (-item.weight, item.section_id, item.position),
        )
        summaries.append(
            ChecklistSummary(
                kind=kind.value,
                label=str(kind.label),
                visits=len(group),
                latest_score=_float(last.score),
                latest_on=last.planned_on,
                average_score=mean_score(_float(v.score) for v in group),
                failed_items=tuple(
                    FailedItemSummary(
                        key=item.key,
                        code=item.code,
                        text=item.shown_text,
                        weight=item.weight,
                        times_failed=sum(1 for v in group if item.key in failed_keys[v.pk]),
                    )
                    for item in items
                ),
            )
        )
    return ObservationSummary(unit=unit, start=start, end=end, checklists=tuple(summaries))
