"""SKM reads. Every aggregation is one grouped query in the database; the IKM arithmetic is
``analytics.ikm.compute_ikm`` on its result."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, QuerySet, Sum, Value, When
from django.shortcuts import get_object_or_404

from pantau.analytics import followup
from pantau.analytics.ikm import ElementTotal, IkmError, IkmResult, compute_ikm, required_sample
from pantau.common import memo
from pantau.common.numbers import half_up, half_up_int
from pantau.common.text import Text
from pantau.surveys.models import (
    Answer,
    AnswerTally,
    Item,
    RefusedSubmission,
    ResponseTally,
    Section,
)
from pantau.surveys.selectors import version_items

from .instrument import AGE, EDUCATION, GENDER, OCCUPATION, SUGGESTION
from .models import SurveyPeriod


def periods_of_unit(unit):
    return (
        SurveyPeriod.objects.filter(unit=unit)
        .select_related("collection")
        .annotate(respondents=Count("collection__responses", distinct=True))
        .order_by("-year", "-starts_on", "kind")
    )


def get_period(unit, pk: int) -> SurveyPeriod:
    return get_object_or_404(
        SurveyPeriod.objects.select_related("collection", "collection__version", "unit"),
        unit=unit,
        pk=pk,
    )


@dataclass
class ElementRow:
    item: Item
    answered: int = 0
    total: int = 0
    nrr: float | None = None
    weighted_nrr: float | None = None
    rank: int | None = None

    @property
    def bar_percent(self) -> float:
        return half_up(100 * (self.nrr or 0) / 4, 1) or 0.0


@dataclass
class PeriodResults:
    period: SurveyPeriod
    respondents: int
    elements: list[ElementRow]
    ikm: IkmResult | None
    problem: str = ""
    required: int = 0
    by_service: list[dict] = field(default_factory=list)
    refusals: dict[str, int] = field(default_factory=dict)

    @property
    def refusal_rows(self) -> list[tuple[Text, int]]:
        return [
            (RefusedSubmission.Reason(reason).label, n)
            for reason, n in sorted(self.refusals.items())
        ]

    @property
    def below_sample(self) -> bool:
        return self.respondents < self.required

    @property
    def margin(self) -> float | None:
        """Margin of error at 95 % for the sample obtained (a proportion, 0,05 = ±5 points)."""
        from pantau.analytics.ikm import margin_of_error

        return margin_of_error(self.respondents, self.period.population)

    @property
    def margin_points(self) -> float | None:
        """The margin in percentage points, as printed ("± 10,3 poin")."""
        return None if self.margin is None else half_up(self.margin * 100, 1)

    @property
    def progress_percent(self) -> int:
        return min(100, half_up_int(100 * self.respondents / self.required)) if self.required else 0


def _items(period: SurveyPeriod) -> tuple[Item, ...]:
    """The questions of the period's questionnaire version (cached per process)."""
    return version_items(period.collection.version)


def scored_items(period: SurveyPeriod) -> list[Item]:
    return sorted(
        (i for i in _items(period) if i.section.kind == Section.Kind.SCORED),
        key=lambda i: i.position,
    )


def _service_filter(service) -> dict:
    return {} if service is None else {"service_key": service.pk}


def period_results(period: SurveyPeriod, *, service=None) -> PeriodResults:
    """Per-element totals from the tallies (one grouped query), then ``compute_ikm``."""
    items = scored_items(period)
    tallies = AnswerTally.objects.filter(
        collection_id=period.collection_id, item__in=items, **_service_filter(service)
    )
    totals = {
        row["item_id"]: row
        for row in tallies.values("item_id")
        .annotate(n=Sum("count"), s=Sum(F("count") * F("value_int")))
        .order_by()
    }
    rows = [
        ElementRow(
            item=item,
            answered=totals.get(item.pk, {}).get("n") or 0,
            total=totals.get(item.pk, {}).get("s") or 0,
        )
        for item in items
    ]
    per_service = dict(
        ResponseTally.objects.filter(collection_id=period.collection_id).values_list(
            "service_key", "count"
        )
    )
    respondents = sum(per_service.values()) if service is None else per_service.get(service.pk, 0)
    result, problem = None, ""
    if respondents:
        try:
            result = compute_ikm(
                [ElementTotal(r.item.code, r.answered, r.total) for r in rows],
                respondents=respondents,
                weights=period.weight_mode,
            )
        except IkmError as error:
            problem = str(error)
    if result is not None:
        for row, element in zip(rows, result.elements, strict=True):
            row.nrr, row.weighted_nrr = element.nrr, element.weighted_nrr
        for rank, element in enumerate(result.weakest_first(), start=1):
            next(r for r in rows if r.item.code == element.code).rank = rank
    by_service = []
    if service is None:
        by_service = [
            {"service": s, "respondents": per_service.get(s.pk, 0)} for s in period.services.all()
        ]
    refusals = dict(
        RefusedSubmission.objects.filter(collection_id=period.collection_id)
        .values_list("reason")
        .annotate(n=Count("id"))
        .order_by()
    )
    return PeriodResults(
        period=period,
        respondents=respondents,
        elements=rows,
        ikm=result,
        problem=problem,
        required=required_sample(period.population),
        by_service=by_service,
        refusals=refusals,
    )


AGE_BANDS = [(15, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 100)]


@dataclass
class ProfileTable:
    item: Item
    rows: list[tuple[str, int]]
    total: int


def respondent_profile(period: SurveyPeriod) -> list[ProfileTable]:
    """Counts per answer of each demographic question, from one grouped query (age in bands)."""
    items = {
        item.key: item
        for item in _items(period)
        if item.key in (GENDER, AGE, EDUCATION, OCCUPATION)
    }
    keys = {item.pk: key for key, item in items.items()}
    age_id = items[AGE].pk if AGE in items else None
    band = Case(
        *[
            When(item_id=age_id, value_int__range=(low, high), then=Value(index))
            for index, (low, high) in enumerate(AGE_BANDS)
        ],
        default="value_int",
        output_field=IntegerField(),
    )
    counts: dict[str, dict[int, int]] = {}
    for item_id, value, n in (
        AnswerTally.objects.filter(collection_id=period.collection_id, item_id__in=keys)
        .annotate(bucket=band)
        .values_list("item_id", "bucket")
        .annotate(n=Sum("count"))
        .order_by()
    ):
        counts.setdefault(keys[item_id], {})[value] = n
    tables = []
    for key in (GENDER, AGE, EDUCATION, OCCUPATION):
        item = items.get(key)
        if item is None:
            continue
        found = counts.get(key, {})
        if key == AGE:
            rows = [
                (f"{low}–{high}" if high < 100 else f"≥ {low}", found.get(index, 0))
                for index, (low, high) in enumerate(AGE_BANDS)
            ]
        else:
            rows = [
                (option.shown_label, found.get(option.value, 0)) for option in item.options.all()
            ]
        tables.append(ProfileTable(item=item, rows=rows, total=sum(n for _label, n in rows)))
    return tables


def suggestions(period: SurveyPeriod, *, limit: int = 200):
    return (
        Answer.objects.filter(
            collection_id=period.collection_id,
            item_id__in=[i.pk for i in _items(period) if i.key == SUGGESTION],
        )
        .exclude(value_text="")
        .select_related("response", "service")
        .order_by("-id")[:limit]
    )


def period_by_token(token: str) -> SurveyPeriod:
    """The period behind a survey link, with its collection, version and unit (404 if none)."""
    return get_object_or_404(
        SurveyPeriod.objects.select_related("collection", "collection__version", "unit"),
        collection__token=token,
    )


# What a submission needs of its period; building the SQL for the 52 columns of the four
# tables was a quarter of a submission's CPU.
SUBMISSION_FIELDS = (
    "id",
    "requires_code",
    "unit",
    "unit__id",
    "collection__id",
    "collection__token",
    "collection__status",
    "collection__version",
    "collection__version__id",
    "collection__version__updated_at",
)


@dataclass(frozen=True)
class SubmissionTarget:
    """What a citizen's submission to a survey link needs, kept by each process for a few
    seconds (``pantau.common.memo``): the period (only ``SUBMISSION_FIELDS``), the services the
    form offers, and those same services by ``str(pk)``, so that the chosen one is taken without
    a query. The collection's status in it may be seconds old: the statement that saves checks
    it again."""

    period: SurveyPeriod
    services: QuerySet
    known_services: dict


def submission_target(token: str) -> SubmissionTarget:
    def load() -> SubmissionTarget:
        period = get_object_or_404(
            SurveyPeriod.objects.select_related("collection", "collection__version", "unit").only(
                *SUBMISSION_FIELDS
            ),
            collection__token=token,
        )
        services = period.services.filter(is_active=True).order_by("name")
        return SubmissionTarget(
            period=period,
            services=services,
            known_services={str(service.pk): service for service in services.all()},
        )

    return memo.remembered(("survey-submission", token), load)


def open_survey_for_public(unit) -> tuple[SurveyPeriod | None, SurveyPeriod | None]:
    """(the open survey a citizen can answer today, the next open one that starts later), read in
    one query: what the counter's stable link and the unit's public page offer. An open period
    whose dates do not cover today refuses answers (issue 16), so neither ever sends a citizen
    there (issue 17)."""
    from django.utils import timezone

    today = timezone.localdate()
    current = upcoming = None
    for period in (
        SurveyPeriod.objects.filter(unit=unit, collection__status="open", ends_on__gte=today)
        .select_related("collection", "unit")
        .order_by("starts_on", "pk")
    ):
        if period.starts_on <= today:
            current = period  # of several covering today, the one started last
        elif upcoming is None:
            upcoming = period
    return current, upcoming


def latest_published(unit) -> SurveyPeriod | None:
    return (
        SurveyPeriod.objects.filter(unit=unit, published_at__isnull=False)
        .select_related("collection", "unit")
        .order_by("-ends_on", "-published_at")
        .first()
    )


@dataclass
class FollowUpSummary:
    total: int
    realised: int
    percent: float | None
    realisation_score: int
    speed_score: int
    last_completed: object | None


def follow_up_actions(
    period: SurveyPeriod, *, include_cancelled: bool = False, public_only: bool = False
):
    """The plan's actions: the improvement register's actions on the period's elements, each
    with ``element`` (the scored item it answers) attached; ``public_only`` for public pages."""
    from pantau.improvements.selectors import skm_actions

    return skm_actions(period, include_dropped=include_cancelled, public_only=public_only)


def follow_up_summary(period: SurveyPeriod) -> FollowUpSummary:
    """Indicators 8 and 9 of PEKPPP for this period's plan (one aggregate query over the
    register's actions on the period's elements; dropped ones do not count)."""
    from pantau.improvements.selectors import skm_plan_counts

    stats = skm_plan_counts(period)
    percent = followup.realised_percent(stats["total"], stats["realised"])
    all_done = stats["total"] > 0 and stats["realised"] == stats["total"]
    return FollowUpSummary(
        total=stats["total"],
        realised=stats["realised"],
        percent=float(percent) if percent is not None else None,
        realisation_score=followup.realisation_score(stats["total"], stats["realised"]),
        speed_score=followup.speed_score(period.ends_on, stats["last"]) if all_done else 0,
        last_completed=stats["last"],
    )


@dataclass
class TrendPoint:
    period: SurveyPeriod
    respondents: int
    ikm: IkmResult | None
    position: int = 0  # place in the series, for the chart
    series_length: int = 1

    @property
    def required(self) -> int:
        return required_sample(self.period.population)

    @property
    def chart_x(self) -> int:
        return self.position * 100 + 10

    @property
    def chart_width(self) -> int:
        return self.series_length * 100

    # A bar of height (IKM − 25) on a 0–100 px chart whose baseline is at y = 105.
    @property
    def chart_height(self) -> float:
        return round(float(self.ikm.ikm - 25) * 90 / 75, 1) if self.ikm else 0

    @property
    def chart_y(self) -> float:
        return round(105 - self.chart_height, 1)


def trend(periods: list[SurveyPeriod], *, as_published: bool = False) -> list[TrendPoint]:
    """The IKM of several periods from one grouped query over their tallies (oldest first).

    ``as_published`` (every public reader: portal, open data, the public API): a period whose
    published results are being corrected shows the figures published last, not the answers
    being corrected, as ``public_results`` does (issue 17)."""
    periods = sorted(periods, key=lambda p: (p.starts_on, p.ends_on))
    if not periods:
        return []
    collections = [p.collection_id for p in periods]
    totals: dict[int, dict[int, tuple[int, int]]] = {}
    for collection_id, item_id, n, s in (
        AnswerTally.objects.filter(
            collection_id__in=collections, item__section__kind=Section.Kind.SCORED
        )
        .values_list("collection_id", "item_id")
        .annotate(n=Sum("count"), s=Sum(F("count") * F("value_int")))
        .order_by()
    ):
        totals.setdefault(collection_id, {})[item_id] = (n, s)
    respondents = dict(
        ResponseTally.objects.filter(collection_id__in=collections)
        .values_list("collection_id")
        .annotate(n=Sum("count"))
        .order_by()
    )
    items_by_version: dict[int, list[Item]] = {}
    for item in Item.objects.filter(
        version_id__in={p.collection.version_id for p in periods}, section__kind=Section.Kind.SCORED
    ).order_by("position"):
        items_by_version.setdefault(item.version_id, []).append(item)
    points: list[TrendPoint] = []
    for period in periods:
        found = totals.get(period.collection_id, {})
        elements = [
            ElementTotal(item.code, *found.get(item.pk, (0, 0)))
            for item in items_by_version.get(period.collection.version_id, [])
        ]
        try:
            result = compute_ikm(
                elements,
                respondents=respondents.get(period.collection_id, 0),
                weights=period.weight_mode,
            )
        except IkmError:
            result = None
        count = respondents.get(period.collection_id, 0)
        if as_published and period.correction_started_at is not None:
            result, count = _last_published(period, result, count)
        points.append(
            TrendPoint(
                period=period,
                respondents=count,
                ikm=result,
                position=len(points),
                series_length=len(periods),
            )
        )
    return points


def published_periods(unit) -> list[SurveyPeriod]:
    return list(
        SurveyPeriod.objects.filter(unit=unit, published_at__isnull=False)
        .select_related("collection", "unit")
        .order_by("starts_on")
    )


def public_summary(unit) -> PeriodResults | None:
    latest = latest_published(unit)
    return public_results(latest) if latest else None


def _last_published(period: SurveyPeriod, result, respondents: int):
    """(IKM result, respondents) as published last, for a period under correction: the IKM,
    grade and count of its latest ``PublishedResult``; element rows were not kept, so none."""
    import dataclasses

    from pantau.analytics.ikm import grade_for

    last = period.publications.order_by("-published_at", "-id").first()
    if last is None or result is None:
        return result, respondents
    band = grade_for(last.ikm)
    snapshot = dataclasses.replace(
        result, ikm=last.ikm, grade=band.grade, performance=band.performance, elements=()
    )
    return snapshot, last.respondents


def public_results(period: SurveyPeriod) -> PeriodResults:
    """The results the public reads: those published. While a correction is under way, the
    answers being corrected are not shown; the figures published last are (without the element
    rows, which were not kept), until the corrected results are published."""
    import dataclasses

    results = period_results(period)
    if period.correction_started_at is None or results.ikm is None:
        return results
    if not period.publications.exists():
        return results
    snapshot, respondents = _last_published(period, results.ikm, results.respondents)
    return dataclasses.replace(
        results, respondents=respondents, elements=[], ikm=snapshot, by_service=[]
    )


def theme_choices(period: SurveyPeriod) -> list[tuple[str, str]]:
    from django.utils.translation import gettext

    from .models import SuggestionTheme

    return [(item.key, item.shown_label) for item in scored_items(period)] + [
        (SuggestionTheme.OTHER, gettext("Other"))
    ]


def suggestions_with_themes(period: SurveyPeriod, *, limit: int = 50):
    """The latest suggestions with their themes, and how many suggestions carry each theme."""
    from .models import SuggestionTheme

    answers = list(suggestions(period, limit=limit).prefetch_related("themes"))
    labels = dict(theme_choices(period))
    for answer in answers:
        answer.theme_list = [(t.theme, labels.get(t.theme, t.theme)) for t in answer.themes.all()]
    counts = [
        (labels.get(theme, theme), n)
        for theme, n in SuggestionTheme.objects.filter(answer__collection_id=period.collection_id)
        .values_list("theme")
        .annotate(n=Count("id"))
        .order_by("-n", "theme")
    ]
    return answers, counts


def latest_per_unit(units) -> dict[int, TrendPoint]:
    """For each unit, its most recent *published* SKM result (one grouped query over the
    tallies): what heads and evaluators compare is what the units have made public, not a period
    still collecting answers (issue 16)."""
    latest: dict[int, SurveyPeriod] = {}
    for period in (
        SurveyPeriod.objects.filter(unit__in=units, published_at__isnull=False)
        .select_related("collection")
        .order_by("unit_id", "-ends_on", "-pk")
    ):
        latest.setdefault(period.unit_id, period)
    return {
        point.period.unit_id: point for point in trend(list(latest.values()), as_published=True)
    }
