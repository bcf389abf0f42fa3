"""The IKM of the published SKM results, read through ``satisfaction.selectors`` (published
figures only: a result under correction counts as it was last published)."""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pantau.organisations.models import Service, ServiceUnit
from pantau.satisfaction.models import SurveyPeriod
from pantau.satisfaction.selectors import trend

from ..periods import Period


def _chosen(
    units: Sequence[ServiceUnit], periods: Sequence[Period]
) -> dict[tuple[int, int], SurveyPeriod]:
    """For each unit and KPI period, the published SKM period lying within it: the longest, then
    the one ending last (one query)."""
    published = SurveyPeriod.objects.filter(
        unit_id__in=[unit.pk for unit in units],
        published_at__isnull=False,
        starts_on__gte=min(p.starts_on for p in periods),
        ends_on__lte=max(p.ends_on for p in periods),
    ).select_related("collection")
    chosen: dict[tuple[int, int], SurveyPeriod] = {}
    for survey in published:
        for index, period in enumerate(periods):
            if period.starts_on <= survey.starts_on and survey.ends_on <= period.ends_on:
                key = (survey.unit_id, index)
                best = chosen.get(key)
                if best is None or _rank(survey) > _rank(best):
                    chosen[key] = survey
    return chosen


def _rank(survey: SurveyPeriod) -> tuple[int, object]:
    return ((survey.ends_on - survey.starts_on).days, survey.ends_on)


def published_results(surveys: Sequence[SurveyPeriod]) -> dict[int, Any]:
    """The result of each SKM period as it was last published (its IKM and each element's NRR,
    ``analytics.ikm``), by the period's id, read for all of them at once through
    ``satisfaction.selectors.trend``; a period without a result is left out. The one way Pantau
    reads an SKM figure: the KPI below and the improvement register's figure before and after
    an action (``improvements.figures``) both read it."""
    if not surveys:
        return {}
    return {
        point.period.pk: point.ikm
        for point in trend(list(set(surveys)), as_published=True)
        if point.ikm is not None
    }


def ikm(
    units: Sequence[ServiceUnit], periods: Sequence[Period], service: Service | None
) -> dict[tuple[int, int], Decimal]:
    chosen = _chosen(units, periods)
    results = published_results(list(chosen.values()))
    found: dict[tuple[int, int], Decimal] = {}
    for key, survey in chosen.items():
        result = results.get(survey.pk)
        if result is not None:
            found[key] = result.ikm
    return found
