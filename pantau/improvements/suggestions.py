"""What the unit head may act on, shown beside the register with a "plan an action" link each:
the weakest elements of the unit's latest SKM results, the complaint categories with the most
reports lately, the PEKPPP recommendations and forum agreements still waiting for an action.
Each list is one grouped query (the SKM through ``satisfaction.selectors.period_results``)."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count

from .models import Action, Source
from .sources import SourceLink

RECENT_DAYS = 90


@dataclass(frozen=True)
class Suggestion:
    label: str
    detail: str
    link: SourceLink
    planned: int  # actions already in the register for it


def _skm(unit: Any) -> list[Suggestion]:
    from django.utils.formats import number_format

    from pantau.satisfaction.models import SurveyPeriod
    from pantau.satisfaction.selectors import period_results

    # The latest results the unit has: published, else of a survey closed (not one still open).
    periods = SurveyPeriod.objects.filter(unit=unit).select_related("collection__version", "unit")
    period = (
        periods.filter(published_at__isnull=False).order_by("-ends_on", "-pk").first()
        or periods.filter(collection__status="closed").order_by("-ends_on", "-pk").first()
    )
    if period is None:
        return []
    results = period_results(period)
    if results.ikm is None:
        return []
    planned = dict(
        Action.objects.filter(source=Source.SKM_ELEMENT, period=period)
        .values_list("element_key")
        .annotate(n=Count("id"))
        .order_by()
    )
    weakest = sorted((row for row in results.elements if row.rank), key=lambda row: row.rank or 0)
    return [
        Suggestion(
            label=f"{row.item.code} {row.item.shown_label}",
            detail=f"SKM {period.label} · NRR {number_format(row.nrr or 0, 3)}",
            link=SourceLink(Source.SKM_ELEMENT, str(period.pk), row.item.key),
            planned=planned.get(row.item.key, 0),
        )
        for row in weakest[:3]
    ]


def _complaint_categories(unit: Any, today: date) -> list[Suggestion]:
    from django.utils.translation import gettext as _

    from pantau.complaints.models import Category, Complaint

    rows = list(
        Complaint.objects.filter(
            unit=unit,
            category__isnull=False,
            created_at__date__gte=today - timedelta(days=RECENT_DAYS),
        )
        .values_list("category_id")
        .annotate(n=Count("id"))
        .order_by("-n")[:3]
    )
    categories = Category.objects.in_bulk([category_id for category_id, _n in rows])
    planned = dict(
        Action.objects.filter(unit=unit, source=Source.COMPLAINT_PATTERN)
        .values_list("category_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [
        Suggestion(
            label=categories[category_id].label,
            detail=_("%(count)d reports in the last %(days)d days")
            % {"count": n, "days": RECENT_DAYS},
            link=SourceLink(Source.COMPLAINT_PATTERN, categories[category_id].code),
            planned=planned.get(category_id, 0),
        )
        for category_id, n in rows
    ]


def _recommendations(unit: Any) -> list[Suggestion]:
    from pantau.evaluations.models import Recommendation

    waiting = (
        Recommendation.objects.filter(lokus__unit=unit, improvement_actions__isnull=True)
        .exclude(status__in=("done", "accepted"))
        .select_related("aspect", "lokus__round")
        .order_by("-lokus__round__year", "aspect__number", "id")[:5]
    )
    return [
        Suggestion(
            label=recommendation.text[:120],
            detail=f"PEKPPP {recommendation.lokus.round.year} · {recommendation.aspect.name}",
            link=SourceLink(Source.RECOMMENDATION, str(recommendation.pk)),
            planned=0,
        )
        for recommendation in waiting
    ]


def _agreements(unit: Any) -> list[Suggestion]:
    from pantau.standards.models import Agreement

    waiting = (
        Agreement.objects.filter(
            forum__unit=unit, outcome="pending", improvement_actions__isnull=True
        )
        .select_related("forum")
        .order_by("-forum__held_on", "position", "id")[:5]
    )
    return [
        Suggestion(
            label=agreement.text[:120],
            detail=agreement.forum.title,
            link=SourceLink(Source.AGREEMENT, str(agreement.pk)),
            planned=0,
        )
        for agreement in waiting
    ]


def for_unit(unit: Any, *, today: date) -> dict[str, list[Suggestion]]:
    return {
        "skm": _skm(unit),
        "complaints": _complaint_categories(unit, today),
        "recommendations": _recommendations(unit),
        "agreements": _agreements(unit),
    }
