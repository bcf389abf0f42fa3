"""Reads for PEKPPP: instruments, rounds and lokus each user may see, the indicator sheet of a
lokus, final scores, citizen totals, rankings and the unit's SKM/complaint figures as evidence."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Avg, Count, F, Max, Min, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from pantau.analytics.ipp import AspectSpec, GradeRow, IndicatorSpec, IppModel, ItemTotal
from pantau.common.numbers import half_up, half_up_int
from pantau.organisations.selectors import scope_for
from pantau.surveys.models import AnswerTally, Item

from . import permissions
from .models import (
    Aspect,
    Criterion,
    EvaluationInstrument,
    Evidence,
    Indicator,
    Lokus,
    Recommendation,
    Round,
    Score,
    SelfAssessment,
    Verification,
)

# --- Instruments -----------------------------------------------------------------------------


def instruments() -> QuerySet[EvaluationInstrument]:
    return EvaluationInstrument.objects.annotate(round_count=Count("rounds")).order_by(
        "code", "-number"
    )


def instrument_with_detail(pk: int) -> EvaluationInstrument:
    return get_object_or_404(
        EvaluationInstrument.objects.select_related("citizen_version").prefetch_related(
            Prefetch(
                "aspects",
                queryset=Aspect.objects.prefetch_related(
                    Prefetch(
                        "indicators",
                        queryset=Indicator.objects.prefetch_related("criteria"),
                    )
                ),
            ),
            "grades",
        ),
        pk=pk,
    )


def citizen_items_by_aspect(instrument: EvaluationInstrument) -> dict[int, list[Item]]:
    """The F-03 items per aspect number (the form's section position is the aspect number)."""
    if instrument.citizen_version_id is None:
        return {}
    grouped: dict[int, list[Item]] = defaultdict(list)
    for item in Item.objects.filter(version_id=instrument.citizen_version_id).select_related(
        "section"
    ):
        grouped[item.section.position].append(item)
    return dict(grouped)


def ipp_model(instrument: EvaluationInstrument) -> IppModel:
    """The instrument version as the pure computation's model (3 queries)."""
    citizen = citizen_items_by_aspect(instrument)
    aspects = []
    for aspect in instrument.aspects.prefetch_related("indicators").order_by("number"):
        aspects.append(
            AspectSpec(
                code=aspect.code,
                weight=Fraction(aspect.weight),
                indicators=tuple(
                    IndicatorSpec(i.code, Fraction(i.weight)) for i in aspect.indicators.all()
                ),
                citizen_items=tuple(item.key for item in citizen.get(aspect.number, [])),
            )
        )
    grades = tuple(
        GradeRow(g.grade, g.label, g.low, g.high) for g in instrument.grades.order_by("low")
    )
    return IppModel(
        aspects=tuple(aspects),
        grades=grades,
        evaluator_share=Fraction(instrument.evaluator_share),
    )


def unconfirmed_values(instrument: EvaluationInstrument) -> list[str]:
    """Plain descriptions of what the spec marks as not confirmed (for the admin badge)."""
    from django.utils.translation import gettext as _

    found = []
    if not instrument.evaluator_share_confirmed:
        found.append(_("The evaluator/citizen blend"))
    if not instrument.method_confirmed:
        found.append(_("The aggregation method"))
    if instrument.aspects.filter(weight_confirmed=False).exists():
        found.append(_("Some aspect weights"))
    if Indicator.objects.filter(aspect__instrument=instrument, weight_confirmed=False).exists():
        found.append(_("Some indicator weights"))
    if instrument.grades.filter(confirmed=False).exists():
        found.append(_("Some grade rows"))
    return found


# --- Rounds and lokus ------------------------------------------------------------------------


def visible_rounds(user) -> QuerySet[Round]:
    scope = scope_for(user)
    rounds = Round.objects.select_related("body", "instrument")
    if scope.sees_everything:
        return rounds
    own_units = [
        unit_id for unit_id, roles in scope.unit_roles.items() if roles & permissions.UNIT_ROLES
    ]
    return rounds.filter(
        Q(body_id__in=scope.evaluated_agencies)
        | Q(body_id__in=scope.headed_agencies, mode=Round.Mode.SELF)
        | Q(lokus__unit_id__in=own_units)
        | Q(lokus__evaluators=user)
    ).distinct()


def get_visible_round(user, pk: int) -> Round:
    return get_object_or_404(visible_rounds(user), pk=pk)


def lokus_for(user, round_: Round) -> QuerySet[Lokus]:
    """The round's lokus the user may see: all for a manager, else their own unit or assignments."""
    lokus = round_.lokus.select_related("unit", "unit__agency").prefetch_related("evaluators")
    if permissions.can_manage_round(user, round_):
        return lokus
    scope = scope_for(user)
    own_units = [u for u, roles in scope.unit_roles.items() if roles & permissions.UNIT_ROLES]
    return lokus.filter(Q(unit_id__in=own_units) | Q(evaluators=user)).distinct()


def get_visible_lokus(user, round_pk: int, pk: int) -> Lokus:
    lokus = get_object_or_404(
        Lokus.objects.select_related("round", "round__instrument", "round__body", "unit"),
        round_id=round_pk,
        pk=pk,
    )
    if not permissions.can_view_lokus(user, lokus):
        raise Http404
    return lokus


@dataclass
class IndicatorRow:
    indicator: Indicator
    criteria: list[Criterion]
    self_assessment: SelfAssessment | None
    evidence: list[Evidence]
    scores: list[Score]
    verification: Verification | None
    final: int | None
    disagreement: bool
    hidden_scores: int = 0  # other evaluators' scores withheld until this evaluator has scored


def hide_unscored(blocks: list["AspectBlock"], evaluator) -> None:
    """Evaluators score independently: another evaluator's score of an indicator shows only once
    this evaluator has scored it (the final score and disagreement flag follow the same rule)."""
    for block in blocks:
        for row in block.rows:
            if row.scores and not any(s.evaluator_id == evaluator.pk for s in row.scores):
                row.hidden_scores = len(row.scores)
                row.scores = []
                row.final, row.disagreement = None, False


@dataclass
class AspectBlock:
    aspect: Aspect
    rows: list[IndicatorRow] = field(default_factory=list)

    @property
    def answered(self) -> int:
        return sum(1 for row in self.rows if row.self_assessment is not None)

    @property
    def with_evidence(self) -> int:
        return sum(1 for row in self.rows if row.evidence)

    @property
    def scored(self) -> int:
        return sum(1 for row in self.rows if row.final is not None)

    @property
    def complete_percent(self) -> int:
        return half_up_int(100 * self.answered / len(self.rows)) if self.rows else 0


def _final(scores: list[Score], verification: Verification | None) -> tuple[int | None, bool]:
    if verification is not None and verification.agreed_score is not None:
        return verification.agreed_score, False
    values = {s.score for s in scores}
    if len(values) == 1:
        return values.pop(), False
    return None, len(values) > 1


def lokus_sheet(lokus: Lokus) -> list[AspectBlock]:
    """Per aspect, per indicator: criteria, the unit's answer and evidence, scores, verification
    (six queries whatever the number of indicators)."""
    aspects = list(
        lokus.round.instrument.aspects.prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related("criteria"))
        )
    )
    answers = {a.indicator_id: a for a in SelfAssessment.objects.filter(lokus=lokus)}
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    for item in Evidence.objects.filter(lokus=lokus).order_by("original_name", "-version"):
        evidence[item.indicator_id].append(item)
    scores: dict[int, list[Score]] = defaultdict(list)
    for score in Score.objects.filter(lokus=lokus).select_related("evaluator"):
        scores[score.indicator_id].append(score)
    verifications = {v.indicator_id: v for v in Verification.objects.filter(lokus=lokus)}
    blocks = []
    for aspect in aspects:
        block = AspectBlock(aspect=aspect)
        for indicator in aspect.indicators.all():
            final, disagreement = _final(
                scores.get(indicator.pk, []), verifications.get(indicator.pk)
            )
            block.rows.append(
                IndicatorRow(
                    indicator=indicator,
                    criteria=list(indicator.criteria.all()),
                    self_assessment=answers.get(indicator.pk),
                    evidence=evidence.get(indicator.pk, []),
                    scores=scores.get(indicator.pk, []),
                    verification=verifications.get(indicator.pk),
                    final=final,
                    disagreement=disagreement,
                )
            )
        blocks.append(block)
    return blocks


def _rows(queryset, chunk: int = 20000):
    """The rows of a values_list query read straight from the cursor: for the few plain integer
    columns of a round-wide aggregate, Django's per-value converters cost more than the query."""
    from django.db import connection

    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(chunk):
            yield from batch


def final_scores(lokus_list: list[Lokus]) -> dict[int, tuple[dict[str, int], list[str]]]:
    """Per lokus: {indicator code: final score} and the codes the evaluators disagree on.

    Two queries for the whole round, both grouped in the database: the lowest and highest score
    per lokus and indicator (equal when the evaluators agree), and the agreed scores."""
    if not lokus_list:
        return {}
    round_id = lokus_list[0].round_id
    ids = [lokus.pk for lokus in lokus_list]
    codes = dict(
        Indicator.objects.filter(aspect__instrument__rounds__id=round_id).values_list("id", "code")
    )
    agreed: dict[tuple[int, int], int] = {
        (lokus_id, indicator_id): value
        for lokus_id, indicator_id, value in Verification.objects.filter(
            lokus__round_id=round_id, agreed_score__isnull=False
        ).values_list("lokus_id", "indicator_id", "agreed_score")
        if value is not None
    }
    result: dict[int, tuple[dict[str, int], list[str]]] = {pk: ({}, []) for pk in ids}
    for lokus_id, indicator_id, low, high in _rows(
        Score.objects.filter(lokus__round_id=round_id)
        .values_list("lokus_id", "indicator_id")
        .annotate(low=Min("score"), high=Max("score"))
        .values_list("lokus_id", "indicator_id", "low", "high")
        .order_by()
    ):
        entry = result.get(lokus_id)
        if entry is None:
            continue
        key = (lokus_id, indicator_id)
        if key in agreed:
            entry[0][codes[indicator_id]] = agreed.pop(key)
        elif low is not None and low == high:
            entry[0][codes[indicator_id]] = low
        else:
            entry[1].append(codes[indicator_id])
    for (lokus_id, indicator_id), value in agreed.items():  # agreed without any score left
        if lokus_id in result:
            result[lokus_id][0][codes[indicator_id]] = value
    for _scores, disagreements in result.values():
        disagreements.sort(key=lambda code: int(code.split(".")[0]))
    return result


def citizen_totals(lokus_list: list[Lokus]) -> dict[int, list[ItemTotal]]:
    """Per lokus, the F-03 answers per item from the engine's tallies (one grouped query)."""
    by_collection = {
        lokus.citizen_collection_id: lokus.pk for lokus in lokus_list if lokus.citizen_collection_id
    }
    if not by_collection:
        return {}
    round_id = lokus_list[0].round_id
    keys = dict(
        Item.objects.filter(version__collections__pekppp_lokus__round_id=round_id)
        .distinct()
        .values_list("id", "key")
    )
    totals: dict[int, list[ItemTotal]] = defaultdict(list)
    for collection_id, item_id, n, s in _rows(
        AnswerTally.objects.filter(collection__pekppp_lokus__round_id=round_id)
        .values_list("collection_id", "item_id")
        .annotate(n=Sum("count"), s=Sum(F("count") * F("value_int")))
        .values_list("collection_id", "item_id", "n", "s")
        .order_by()
    ):
        lokus_id = by_collection.get(collection_id)
        if lokus_id is not None:
            totals[lokus_id].append(ItemTotal(keys[item_id], int(n), int(s)))
    return dict(totals)


def citizen_response_count(lokus: Lokus) -> int:
    from pantau.surveys.models import ResponseTally

    if lokus.citizen_collection_id is None:
        return 0
    return (
        ResponseTally.objects.filter(collection_id=lokus.citizen_collection_id).aggregate(
            n=Sum("count")
        )["n"]
        or 0
    )


def ranking(round_: Round, *, service_class: str = "") -> QuerySet[Lokus]:
    lokus = round_.lokus.select_related("unit").filter(ipp__isnull=False)
    if service_class:
        lokus = lokus.filter(service_class=service_class)
    return lokus.order_by("-ipp", "unit__name")


def round_summary(round_: Round) -> dict:
    """Counts for the round page: units, grades, follow-up share (grouped queries)."""
    lokus = round_.lokus.all()
    grades = dict(lokus.exclude(grade="").values_list("grade").annotate(n=Count("id")).order_by())
    recommendations = Recommendation.objects.filter(lokus__round=round_)
    done_statuses = [Recommendation.Status.DONE, Recommendation.Status.ACCEPTED]
    counts = recommendations.aggregate(
        total=Count("id"),
        followed=Count("id", filter=Q(status__in=done_statuses)),
        accepted=Count("id", filter=Q(status=Recommendation.Status.ACCEPTED)),
        returned=Count("id", filter=Q(status=Recommendation.Status.RETURNED)),
    )
    with_recs = recommendations.values("lokus_id").distinct().count()
    durations = [
        max(0.0, (done - created).total_seconds() / 86400)
        for created, done in recommendations.filter(
            status__in=done_statuses, done_at__isnull=False
        ).values_list("created_at", "done_at")
        if done is not None
    ]
    grade_order = [g.grade for g in round_.instrument.grades.order_by("-low")]
    most = max(grades.values(), default=0)
    return {
        "grade_rows": [
            {
                "grade": g,
                "count": grades.get(g, 0),
                "percent": half_up_int(100 * grades.get(g, 0) / most) if most else 0,
            }
            for g in grade_order
        ],
        "median_follow_up_days": half_up(statistics.median(durations), 1) if durations else None,
        "units": lokus.count(),
        "computed": lokus.filter(ipp__isnull=False).count(),
        "grades": grades,
        "recommendations": counts["total"],
        "units_with_recommendations": with_recs,
        # The follow-up rate counts recommendations, not units (issue 16): done or accepted over
        # all of them; "accepted" are those an evaluator has checked.
        "recommendations_followed_up": counts["followed"],
        "recommendations_accepted": counts["accepted"],
        "recommendations_returned": counts["returned"],
        "follow_up_percent": half_up_int(100 * counts["followed"] / counts["total"])
        if counts["total"]
        else None,
    }


def recommendations_of(lokus: Lokus) -> QuerySet[Recommendation]:
    return lokus.recommendations.select_related("aspect", "author").prefetch_related(
        "documents", "improvement_actions"
    )


# Indicators Pantau's own records prove: 6–9 (SKM and its follow-up), 25–28 (complaints).
PANTAU_EVIDENCE_INDICATORS = frozenset({6, 7, 8, 9, 25, 26, 27, 28})


def unit_figures(lokus: Lokus) -> dict:
    """Evidence Pantau already holds (indicators 6–9 SKM; 25–28 complaints): read through the
    satisfaction and complaints selectors, never copied."""
    from pantau.complaints.selectors import monthly_recap
    from pantau.satisfaction.selectors import follow_up_summary, latest_published, public_results

    figures: dict = {"skm": None, "complaints": None}
    period = latest_published(lokus.unit)
    if period is not None:
        figures["skm"] = {
            "period": period,
            "results": public_results(period),  # what was published, as the public read it
            "follow_up": follow_up_summary(period),
        }
    recap = monthly_recap(lokus.unit, lokus.round.year)
    figures["complaints"] = recap
    return figures


def standards_evidence(lokus: Lokus, indicator) -> dict | None:
    """The unit's own standards, pledge, forum and publication records behind indicators 1.a–5.a
    and 7.a (domain spec 2.4) and the score they suggest, read through the standards selectors;
    ``None`` for any other indicator. The suggestion is shown to the people who answer and score;
    it never sets a score."""
    from django.utils import timezone

    from pantau.standards.selectors import EVIDENCE_CODES, evaluation_evidence

    if indicator.code not in EVIDENCE_CODES:
        return None
    evidence = evaluation_evidence(lokus.unit, today=timezone.localdate())
    return {
        "code": indicator.code,
        "evidence": evidence,
        "suggested": evidence.scores[indicator.code],
    }


def innovation_evidence(lokus: Lokus, indicator) -> dict | None:
    """The unit's innovations behind an aspect-6 indicator (Inovasi) and, for 29.f.B and 30.f.B,
    the score they suggest (``analytics.innovation``), read through the innovation register's
    selectors; ``None`` for an indicator of another aspect. Shown only: it never sets a score."""
    from django.utils import timezone

    from pantau.innovations.selectors import INNOVATION_ASPECT, pekppp_evidence

    if indicator.aspect.number != INNOVATION_ASPECT:
        return None
    evidence = pekppp_evidence(lokus.unit, today=timezone.localdate())
    return {
        "code": indicator.code,
        "evidence": evidence,
        "suggested": evidence.scores.get(indicator.code),
    }


def result_rows(lokus: Lokus) -> list[dict]:
    """The stored result's aspect profile with aspect names and bar lengths (0–100)."""
    if not lokus.result or "aspects" not in lokus.result:
        return []
    names = {a.code: a for a in lokus.round.instrument.aspects.all()}
    return [
        {
            **row,
            "aspect": names.get(row["code"]),
            "percent": round(row["blended"] * 20, 1),
        }
        for row in lokus.result["aspects"]
    ]


def previous_result(lokus: Lokus) -> Lokus | None:
    """The same unit's result in the body's latest earlier round (for the comparison)."""
    return (
        Lokus.objects.filter(
            unit_id=lokus.unit_id,
            round__body_id=lokus.round.body_id,
            round__year__lt=lokus.round.year,
            ipp__isnull=False,
        )
        .select_related("round")
        .order_by("-round__year", "-round_id")
        .first()
    )


def trend(lokus: Lokus) -> list[Lokus]:
    """The unit's results in every round of the body, oldest first."""
    return list(
        Lokus.objects.filter(
            unit_id=lokus.unit_id, round__body_id=lokus.round.body_id, ipp__isnull=False
        )
        .select_related("round")
        .order_by("round__year", "round_id")
    )


def body_trend(round_: Round) -> list[dict]:
    """The mean IPP of the body's rounds, oldest first (one grouped query), for the trend chart."""
    rows = (
        Lokus.objects.filter(round__body_id=round_.body_id, ipp__isnull=False)
        .values("round_id", "round__name", "round__year")
        .annotate(mean=Avg("ipp"), units=Count("id"))
        .order_by("round__year", "round_id")
    )
    return [
        {
            "name": row["round__name"],
            "year": row["round__year"],
            "mean": row["mean"],
            "units": row["units"],
            "percent": round(float(row["mean"]) * 20, 1),
        }
        for row in rows
    ]


ANNOUNCED = (Round.Status.RESULTS, Round.Status.FOLLOW_UP, Round.Status.CLOSED)


def open_citizen_forms(unit, today=None) -> list[Lokus]:
    """The unit's PEKPPP citizen forms (F-03) a resident can answer today, for the unit's public
    page, beside the SKM and the open studies (issue 19: every open questionnaire in one place)."""
    from django.utils import timezone

    from pantau.surveys.models import Collection

    today = today or timezone.localdate()
    return list(
        Lokus.objects.filter(
            unit=unit,
            citizen_collection__status=Collection.Status.OPEN,
            round__citizen_opens__lte=today,
            round__citizen_closes__gte=today,
        )
        .select_related("round", "citizen_collection")
        .only("id", "round__name", "citizen_collection__token")
    )


def public_result(unit) -> Lokus | None:
    """The unit's latest announced evaluation result, for the public report card: a round past its
    results step, with an IPP computed; ``lokus.ranked`` is how many units of the round have one."""
    lokus = (
        Lokus.objects.filter(unit=unit, ipp__isnull=False, round__status__in=ANNOUNCED)
        .select_related("round", "round__body")
        .order_by("-round__year", "-round__results_on", "-pk")
        .first()
    )
    if lokus is not None:
        lokus.ranked = Lokus.objects.filter(round_id=lokus.round_id, ipp__isnull=False).count()  # type: ignore[attr-defined]
    return lokus


def round_bodies(user):
    """The agencies a user may set up a round for, by name."""
    from pantau.organisations.models import Agency

    scope = scope_for(user)
    if scope.sees_everything:
        return Agency.objects.order_by("name")
    return Agency.objects.filter(id__in=scope.evaluated_agencies | scope.headed_agencies).order_by(
        "name"
    )


def addable_units(round_: Round, user=None, *, search: str = "", province: str = "", agency=None):
    """Active units the round may still take, by name: those under the evaluating body, or any
    unit in the country for a national body's round managed by someone of national scope;
    narrowed by words of the name (each must appear), the province and the agency."""
    from pantau.organisations.models import ServiceUnit
    from pantau.organisations.selectors import agency_subtree_ids

    units = ServiceUnit.objects.filter(is_active=True).select_related("agency")
    national = (
        user is not None
        and permissions.is_national_round(round_)
        and scope_for(user).sees_everything
    )
    if not national:
        units = units.filter(agency_id__in=agency_subtree_ids({round_.body_id}))
    for word in search.split()[:6]:
        units = units.filter(Q(name__icontains=word) | Q(agency__name__icontains=word))
    if province:
        units = units.filter(province__iexact=province)
    if agency is not None:
        units = units.filter(agency_id__in=agency_subtree_ids({agency}))
    return units.exclude(evaluations__round=round_).order_by("name")


def announced_for_headed_units(user) -> QuerySet[Lokus]:
    """Every IPP announced for the units of the agencies the user heads, whoever evaluated them
    (the province, the ministry, the agency itself), newest round first."""
    scope = scope_for(user)
    if not scope.headed_agencies:
        return Lokus.objects.none()
    return (
        Lokus.objects.filter(
            unit__agency_id__in=scope.headed_agencies,
            round__status__in=[Round.Status.RESULTS, Round.Status.FOLLOW_UP, Round.Status.CLOSED],
        )
        .select_related("round", "round__body", "unit")
        .order_by("-round__year", "-round__results_on", "unit__name")
    )
