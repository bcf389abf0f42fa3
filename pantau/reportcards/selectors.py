"""Reads of report cards (issue 21 item 4), and the figures a card is made of.

``card_figures`` computes a card's figures once, when the unit head prepares it; the result is
stored in the card (``ReportCard.figures``) and every page, the PDF and the API read that copy,
so a published card says the same thing forever (decision 0043). Published figures only: the
SKM results of published periods (as the public read them), complaints, the standards and the
register as they stand when the card is prepared.

The comparison with peers reads each figure for the unit and all its peers at once through the
KPI metrics (``pantau.kpis.metrics``: grouped queries in the database, the median days by a
window function), so the card's figures are the unit's KPI figures for the year; the median and
rank among the peers are ``analytics.reportcard``.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from pantau.analytics import reportcard
from pantau.analytics.ikm import grade_for
from pantau.common.numbers import rounded
from pantau.organisations.models import ServiceUnit
from pantau.organisations.selectors import visible_units

from .models import ReportCard, Status

FIGURES_VERSION = 1
WEAKEST_COUNT = 3
HIGHLIGHT_COUNT = 5

# The figures compared with the peers: (key in the card, KPI metric, decimals, higher is better).
COMPARED = (
    ("ikm", "skm.ikm", 2, True),
    ("on_time_share", "complaints.on_time_share", 1, True),
    ("median_days", "complaints.median_days_to_answer", 1, False),
    ("rating", "complaints.rating", 2, True),
    ("in_force_share", "standards.in_force_share", 1, True),
    ("reviewed_share", "standards.reviewed_share", 1, True),
)


def _number(value: Any, places: int) -> str | None:
    """A figure as stored in the card: a decimal string rounded half up, as the pages print it."""
    found = rounded(value, places)
    return None if found is None else str(found)


# --- Who reads which cards ------------------------------------------------------------------


def cards_of_unit(unit: ServiceUnit) -> QuerySet[ReportCard]:
    return ReportCard.objects.filter(unit=unit).select_related("prepared_by", "published_by")


def get_unit_card(unit: ServiceUnit, year: int) -> ReportCard:
    return get_object_or_404(cards_of_unit(unit), year=year)


def visible_cards(user: Any) -> QuerySet[ReportCard]:
    return ReportCard.objects.filter(unit__in=visible_units(user).values("pk")).select_related(
        "unit", "unit__agency"
    )


def published_cards(unit: ServiceUnit | None = None) -> QuerySet[ReportCard]:
    cards = ReportCard.objects.filter(status=Status.PUBLISHED).select_related(
        "unit", "unit__agency"
    )
    return cards if unit is None else cards.filter(unit=unit)


def get_published_card(unit: ServiceUnit, year: int) -> ReportCard:
    return get_object_or_404(published_cards(unit), year=year)


def latest_published(unit: ServiceUnit) -> ReportCard | None:
    return published_cards(unit).order_by("-year").first()


# --- Peers ----------------------------------------------------------------------------------


def peers_of(unit: ServiceUnit) -> tuple[list[ServiceUnit], str]:
    """The units a card compares with, and the group's description: the other active units of
    the agencies of the same kind under the same parent (the other kecamatan of a city, the
    other dinas of a regency), which includes the other units of the unit's own agency; for an
    agency without a parent, the other units of that agency."""
    agency = unit.agency
    units = ServiceUnit.objects.filter(is_active=True).exclude(pk=unit.pk).select_related("agency")
    parent = agency.parent
    if parent is None:
        group = agency.short_name or agency.name
        found = units.filter(agency=agency)
    else:
        group = f"{agency.get_kind_display()} · {parent.short_name or parent.name}"
        found = units.filter(agency__parent_id=agency.parent_id, agency__kind=agency.kind)
    return list(found.order_by("name")), group


# --- The card's figures ---------------------------------------------------------------------


def _year_period(year: int) -> Any:
    from pantau.kpis import periods

    return periods.make("year", year, 1)


def _compared(units: list[ServiceUnit], year: int) -> dict[str, dict[int, Decimal]]:
    """Each compared figure of each unit for the year (unit id → value), in the database."""
    from pantau.kpis import metrics

    period = _year_period(year)
    found: dict[str, dict[int, Decimal]] = {}
    for key, metric_key, _places, _higher in COMPARED:
        values = metrics.values(metric_key, units=units, periods=[period])
        found[key] = {unit_id: value for (unit_id, _index), value in values.items()}
    return found


def _skm(unit: ServiceUnit, year: int, ikm: Decimal | None) -> dict[str, Any] | None:
    """The published SKM periods of the year with the figures as published, and the weakest
    elements of the period the card's IKM comes from (the longest, then the latest)."""
    from pantau.satisfaction.models import SurveyPeriod
    from pantau.satisfaction.selectors import public_results

    periods = list(
        SurveyPeriod.objects.filter(
            unit=unit,
            published_at__isnull=False,
            starts_on__gte=date(year, 1, 1),
            ends_on__lte=date(year, 12, 31),
        )
        .select_related("collection", "unit")
        .prefetch_related("publications")
        .order_by("starts_on")
    )
    if not periods:
        return None
    rows = []
    for period in periods:
        last = max(period.publications.all(), key=lambda p: (p.published_at, p.pk), default=None)
        if last is None:
            continue
        rows.append(
            {
                "label": period.label,
                "ikm": _number(last.ikm, 2),
                "grade": last.grade,
                "respondents": last.respondents,
                "required": last.required,
                "published_on": last.published_at.date().isoformat(),
            }
        )
    chosen = max(periods, key=lambda p: ((p.ends_on - p.starts_on).days, p.ends_on))
    results = public_results(chosen)
    elements = {
        row.item.code: (row.item.shown_label, row.nrr)
        for row in results.elements
        if row.nrr is not None
    }
    weakest = reportcard.weakest(
        [(code, Decimal(str(nrr))) for code, (_label, nrr) in elements.items()], WEAKEST_COUNT
    )
    band = grade_for(ikm) if ikm is not None else None
    return {
        "ikm": _number(ikm, 2),
        "grade": band.grade if band else "",
        "performance": str(band.performance) if band else "",
        "from_period": chosen.label,
        "respondents": results.respondents,
        "periods": rows,
        "weakest": [
            {"code": code, "label": elements[code][0], "nrr": _number(nrr, 3)}
            for code, nrr in weakest
        ],
    }


def _complaints(unit: ServiceUnit, year: int, own: dict[str, Decimal | None]) -> dict[str, Any]:
    from pantau.complaints.selectors import public_statistics

    months = public_statistics(unit, year)
    return {
        "received": sum(row["received"] for row in months),
        "answered": sum(row["resolved"] for row in months),
        "on_time_share": _number(own["on_time_share"], 1),
        "median_days": _number(own["median_days"], 1),
        "rating": _number(own["rating"], 2),
    }


def _standards(unit: ServiceUnit, own: dict[str, Decimal | None]) -> dict[str, Any]:
    from pantau.standards.selectors import current_maklumat, services_with_standards

    maklumat = current_maklumat(unit)
    return {
        "services": len(services_with_standards(unit)),
        "in_force_share": _number(own["in_force_share"], 1),
        "reviewed_share": _number(own["reviewed_share"], 1),
        "maklumat": None
        if maklumat is None
        else {
            "promise": maklumat.promise,
            "improvement": maklumat.improvement,
            "sanction": maklumat.sanction,
            "signatory_title": maklumat.signatory_title,
            "set_on": maklumat.set_on.isoformat() if maklumat.set_on else None,
        },
    }


def _actions(unit: ServiceUnit, year: int, today: date) -> dict[str, Any]:
    """The register in the year: actions done in it, those due in it (or before) and still
    open past their due date, those still open; and the public ones done in the year, with
    their figure before and after ("Anda menyampaikan, kami melakukan")."""
    from pantau.improvements.models import OPEN_STATUSES, Action
    from pantau.improvements.models import Status as ActionStatus
    from pantau.improvements.selectors import public_register

    last_day = min(date(year, 12, 31), today)
    counts = Action.objects.filter(unit=unit).aggregate(
        done=Count("id", filter=Q(status=ActionStatus.DONE, completed_on__year=year)),
        overdue=Count("id", filter=Q(status__in=OPEN_STATUSES, due_on__lt=last_day)),
        open=Count("id", filter=Q(status__in=OPEN_STATUSES)),
        done_on_time=Count(
            "id",
            filter=Q(
                status=ActionStatus.DONE,
                completed_on__year=year,
                completed_on__lte=F("due_on"),
            ),
        ),
    )
    highlights = []
    for action in public_register(unit):
        if action.status != ActionStatus.DONE or action.completed_on is None:
            continue
        if action.completed_on.year != year:
            continue
        figure = getattr(action, "figure", None)
        highlights.append(
            {
                "title": action.title,
                "source": str(getattr(action, "public_source", "")),
                "completed_on": action.completed_on.isoformat(),
                "figure": None
                if figure is None or figure.before is None
                else {
                    "name": str(figure.name),
                    "before_label": figure.before.label,
                    "before": _number(figure.before.value, 2),
                    "after_label": figure.after.label if figure.after else "",
                    "after": _number(figure.after.value, 2) if figure.after else None,
                    "improved": figure.improved,
                },
            }
        )
        if len(highlights) == HIGHLIGHT_COUNT:
            break
    done_share = reportcard.share(counts["done_on_time"], counts["done"])
    return {
        "done": counts["done"],
        "done_on_time_share": _number(done_share, 1),
        "overdue": counts["overdue"],
        "open": counts["open"],
        "highlights": highlights,
    }


def observations_available() -> bool:
    """Whether mystery shopping is part of this installation (``pantau.observations``)."""
    return apps.is_installed("pantau.observations")


def observation_figures(summary: Any) -> dict[str, Any] | None:
    """``observations.selectors.unit_observation_summary``'s answer as the card keeps it: per
    checklist kind (standard, behaviour) the visits, the latest and the mean score (0–100) and
    the items the latest visit failed; None when no visit was made. It names no observer."""
    checklists = []
    for checklist in getattr(summary, "checklists", ()) or ():
        checklists.append(
            {
                "kind": str(checklist.kind),
                "label": str(checklist.label),
                "visits": int(checklist.visits),
                "latest_score": _number(checklist.latest_score, 1),
                "latest_on": checklist.latest_on.isoformat() if checklist.latest_on else None,
                "average_score": _number(checklist.average_score, 1),
                "failed": [
                    {
                        "code": str(item.code),
                        "text": str(item.text),
                        "times_failed": int(item.times_failed),
                    }
                    for item in checklist.failed_items
                ],
            }
        )
    if not checklists:
        return None
    return {"visits": sum(c["visits"] for c in checklists), "checklists": checklists}


def _observations(unit: ServiceUnit, year: int) -> dict[str, Any] | None:
    """What observers found, from ``pantau.observations`` when it is installed and has visits in
    the year; None otherwise (the card then says why the section is empty)."""
    if not observations_available():
        return None
    from importlib import import_module

    summary = import_module("pantau.observations.selectors").unit_observation_summary(
        unit, date(year, 1, 1), date(year, 12, 31)
    )
    return observation_figures(summary)


def card_figures(unit: ServiceUnit, year: int, *, today: date) -> dict[str, Any]:
    """Everything the card shows, as JSON-safe values, computed now."""
    peers, group = peers_of(unit)
    compared = _compared([unit, *peers], year)
    own = {key: compared[key].get(unit.pk) for key, *_rest in COMPARED}
    comparison = []
    for key, _metric, places, higher in COMPARED:
        others = [value for unit_id, value in compared[key].items() if unit_id != unit.pk]
        found = reportcard.standing(own[key], others, higher_is_better=higher)
        comparison.append(
            {
                "key": key,
                "value": _number(own[key], places),
                "median": _number(found.median, places),
                "rank": found.rank,
                "of": found.of,
                "better_than_median": found.better_than_median,
                "higher_is_better": higher,
            }
        )
    return {
        "version": FIGURES_VERSION,
        "year": year,
        "unit": {"name": unit.name, "agency": unit.agency.name, "city": unit.city},
        "skm": _skm(unit, year, own["ikm"]),
        "complaints": _complaints(unit, year, own),
        "observations": _observations(unit, year),
        "standards": _standards(unit, own),
        "actions": _actions(unit, year, today),
        "peers": {
            "group": group,
            "units": [peer.name for peer in peers],
            "figures": comparison,
        },
    }


# --- Reading a stored card -------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One compared figure as the card prints it."""

    key: str
    label: str
    value: str | None
    median: str | None
    rank: int | None
    of: int
    better_than_median: bool | None
    higher_is_better: bool


def comparison_rows(card: ReportCard) -> list[Row]:
    from django.utils.translation import gettext as _

    labels = {
        "ikm": _("IKM (satisfaction index, 25–100)"),
        "on_time_share": _("Complaints answered within the deadline (%)"),
        "median_days": _("Median days to answer a complaint"),
        "rating": _("Reporters' rating of the answers (1–5)"),
        "in_force_share": _("Services with a standard in force (%)"),
        "reviewed_share": _("Standards reviewed on time (%)"),
    }
    rows = []
    for figure in card.figures.get("peers", {}).get("figures", []):
        rows.append(
            Row(
                key=figure["key"],
                label=labels.get(figure["key"], figure["key"]),
                value=figure["value"],
                median=figure["median"],
                rank=figure["rank"],
                of=figure["of"],
                better_than_median=figure["better_than_median"],
                higher_is_better=figure["higher_is_better"],
            )
        )
    return rows
