"""Reads of perception studies: which studies a user sees, the answers as a matrix, the results.

Counting (answers per item and value) is done by the database (the engine's tallies, kept in step
with the answers); the respondent-level statistics (alpha, correlations, tests, regression) need
one row per respondent and are computed by pantau.analytics.likert on one query's matrix.
"""

from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from pantau.analytics import likert
from pantau.common.numbers import half_up_int
from pantau.organisations.selectors import visible_units
from pantau.surveys.models import Answer, AnswerTally, Item, Response, Section

from .instruments import QUALITY_CODES, dimension_code
from .models import ProviderParticipation, RespondentGroup, Study


def _visible(user) -> QuerySet[Study]:
    """Studies led by, or including, a unit the user may see."""
    units = visible_units(user)
    return Study.objects.filter(
        Q(unit__in=units)
        | Q(pk__in=RespondentGroup.objects.filter(unit__in=units).values("study_id"))
    )


def visible_studies(user) -> QuerySet[Study]:
    return (
        _visible(user)
        .select_related("unit")
        .annotate(
            responses=Count("groups__collection__responses", distinct=True),
        )
    )


def get_visible_study(user, pk: int) -> Study:
    """The study if the user may see it; a 404 otherwise."""
    return get_object_or_404(_visible(user).select_related("unit", "unit__agency"), pk=pk)


def groups_of(study: Study) -> list[RespondentGroup]:
    """The study's groups with ``answered`` (responses so far) and ``progress`` (% of target)."""
    groups: list[RespondentGroup] = list(
        study.groups.select_related("unit", "collection", "collection__version__instrument")
        .annotate(answered=Count("collection__responses"))
        .order_by("role", "unit__name", "pk")  # explicit: grouped rows come back in any order
    )
    for group in groups:
        group.progress = min(  # type: ignore[attr-defined]
            100,
            half_up_int(100 * group.answered / group.target_sample),  # type: ignore[attr-defined]
        )
    return groups


def open_studies_for_officer(user) -> list[RespondentGroup]:
    """Provider groups of open studies of the units the user works in, not yet answered (one per
    study)."""
    from pantau.organisations.selectors import scope_for

    groups = (
        RespondentGroup.objects.filter(
            role=RespondentGroup.Role.PROVIDER,
            unit_id__in=scope_for(user).unit_roles.keys(),
            collection__status="open",
        )
        .exclude(
            study_id__in=ProviderParticipation.objects.filter(user=user).values("group__study_id")
        )
        .select_related("study", "study__unit")
        .order_by("study_id", "unit__name")
    )
    seen: set[int] = set()
    result = []
    for group in groups:
        if group.study_id not in seen:
            seen.add(group.study_id)
            result.append(group)
    return result


def scored_items(version_id: int) -> list[Item]:
    return list(
        Item.objects.filter(version_id=version_id, section__kind=Section.Kind.SCORED)
        .select_related("section")
        .order_by("section__position", "position")
    )


@dataclass
class GroupMatrix:
    """The answers of one role's groups (one per unit): respondents × items, NaN where an item was
    not answered, reverse-scored items already turned round."""

    role: str
    groups: list[RespondentGroup]
    items: list[Item]
    codes: list[str]
    responses: list[int]
    data: np.ndarray

    def columns(self, codes) -> np.ndarray:
        index = {code: j for j, code in enumerate(self.codes)}
        return self.data[:, [index[c] for c in codes]]


def group_matrix(groups: list[RespondentGroup]) -> GroupMatrix:
    versions = {group.collection.version_id for group in groups}
    if len(versions) != 1:
        raise ValueError("The groups of one role in a study answer one instrument version.")
    items = scored_items(versions.pop())
    column = {item.pk: j for j, item in enumerate(items)}
    query = Answer.objects.filter(
        collection_id__in=[group.collection_id for group in groups],
        item_id__in=column.keys(),
        value_int__isnull=False,
    ).values_list("response_id", "item_id", "value_int")
    # The rows go straight from the cursor into NumPy (no model or dict per row).
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 3)
    responses, row_index = np.unique(rows[:, 0], return_inverse=True)
    data = np.full((responses.size, len(items)), np.nan)
    if rows.size:
        item_ids = np.array(list(column.keys()), dtype=np.int64)
        positions = np.array(list(column.values()), dtype=np.int64)
        order = np.argsort(item_ids)
        where = positions[order][np.searchsorted(item_ids[order], rows[:, 1])]
        data[row_index, where] = rows[:, 2]
    for j, item in enumerate(items):
        if item.reverse_scored:
            data[:, j] = likert.reverse(data[:, j], item.min_value or 1, item.max_value or 5)
    return GroupMatrix(
        groups[0].role, groups, items, [item.code for item in items], responses.tolist(), data
    )


def item_descriptives(
    groups: list[RespondentGroup], items: list[Item]
) -> dict[str, likert.Descriptive]:
    """Per item: n, mean, SD and the distribution, from the database's counts per value."""
    counts: dict[int, dict[int, int]] = {}
    for item_id, value, count in AnswerTally.objects.filter(
        collection_id__in=[g.collection_id for g in groups], item_id__in=[i.pk for i in items]
    ).values_list("item_id", "value_int", "count"):
        counts.setdefault(item_id, {})
        counts[item_id][value] = counts[item_id].get(value, 0) + count
    result = {}
    for item in items:
        raw = counts.get(item.pk, {})
        if item.reverse_scored:
            low, high = item.min_value or 1, item.max_value or 5
            raw = {low + high - v: c for v, c in raw.items()}
        result[item.code] = likert.describe_counts(raw)
    return result


def respondent_profile(groups: list[RespondentGroup]) -> list[dict]:
    """The questions about the respondent, with per option the number and share of answers,
    counted by the database (the engine's tallies) over the groups' collections."""
    if not groups:
        return []
    items = list(
        Item.objects.filter(
            version_id=groups[0].collection.version_id, section__kind=Section.Kind.DEMOGRAPHICS
        )
        .prefetch_related("options")
        .order_by("position")
    )
    counts: dict[tuple[int, int], int] = {}
    for item_id, value, count in AnswerTally.objects.filter(
        collection_id__in=[g.collection_id for g in groups], item_id__in=[i.pk for i in items]
    ).values_list("item_id", "value_int", "count"):
        counts[(item_id, value)] = counts.get((item_id, value), 0) + count
    profile = []
    for item in items:
        options = [(o, counts.get((item.pk, o.value), 0)) for o in item.options.all()]
        total = sum(n for _o, n in options)
        profile.append(
            {
                "item": item,
                "total": total,
                "options": [
                    {"option": o, "n": n, "share": 100 * n / total if total else None}
                    for o, n in options
                ],
            }
        )
    return profile


@dataclass
class Dimension:
    code: str
    title: str
    items: list[Item]


def dimensions_of(items: list[Item]) -> list[Dimension]:
    found: dict[str, Dimension] = {}
    for item in items:
        code = dimension_code(item.code)
        if code not in found:
            found[code] = Dimension(code, item.section.shown_title, [])
        found[code].items.append(item)
    return list(found.values())


@dataclass
class StudyResults:
    study: Study
    groups: list[RespondentGroup]
    unit: object = None  # the unit the results are restricted to, or None for all
    units: list = field(default_factory=list)
    n: dict[str, int] = field(default_factory=dict)
    x_dimensions: list[Dimension] = field(default_factory=list)
    y_dimensions: list[Dimension] = field(default_factory=list)
    descriptives: dict[str, dict[str, likert.Descriptive]] = field(default_factory=dict)
    overall: dict = field(default_factory=dict)  # likert.analyse of both groups on X
    by_group: dict[str, dict] = field(default_factory=dict)  # likert.analyse per group
    quality: dict = field(default_factory=dict)  # likert.analyse of recipients on Y
    item_gaps: list[dict] = field(default_factory=list)
    regression: likert.Ols | None = None
    correlations: list[dict] = field(default_factory=list)
    small_groups: bool = False
    profile: dict[str, list[dict]] = field(default_factory=dict)
    # Roles with answers but fewer than PANTAU_STUDY_MIN_GROUP: nothing of them is shown, so that
    # no one's answers can be picked out (issue 15).
    withheld: list[str] = field(default_factory=list)
    min_group: int = 5

    @property
    def has_answers(self) -> bool:
        return any(self.n.values())


MIN_FOR_ANALYSIS = 3


def study_results(study: Study, unit=None) -> StudyResults:
    """The study's results over all its units (each role's groups pooled), or over one unit.

    Long: the results page's figures in its order; each step is a call into pantau.analytics."""
    groups = groups_of(study)
    results = StudyResults(study=study, groups=groups, unit=unit)
    results.units = sorted({g.unit for g in groups}, key=lambda u: u.name)
    by_role: dict[str, list[RespondentGroup]] = {}
    for group in groups:
        if unit is None or group.unit_id == unit.pk:
            by_role.setdefault(group.role, []).append(group)
    matrices = {role: group_matrix(members) for role, members in by_role.items()}
    results.min_group = settings.PANTAU_STUDY_MIN_GROUP
    for role, matrix in list(matrices.items()):
        results.n[role] = len(matrix.responses)
        if 0 < results.n[role] < results.min_group:
            results.withheld.append(role)
            continue
        results.descriptives[role] = item_descriptives(matrix.groups, matrix.items)
        results.profile[role] = respondent_profile(matrix.groups)
    rec = matrices.get(RespondentGroup.Role.RECIPIENT)
    prov = matrices.get(RespondentGroup.Role.PROVIDER)
    if rec is None or prov is None:
        return results
    all_dims = dimensions_of(rec.items)
    results.y_dimensions = [d for d in all_dims if d.code in QUALITY_CODES]
    shared = set(prov.codes)
    results.x_dimensions = [
        d
        for d in all_dims
        if d.code not in QUALITY_CODES and all(i.code in shared for i in d.items)
    ]
    x_codes = [i.code for d in results.x_dimensions for i in d.items]
    x_map = {d.code: [i.code for i in d.items] for d in results.x_dimensions}
    results.small_groups = likert.small_group_warning(len(rec.responses), len(prov.responses))
    floor = max(MIN_FOR_ANALYSIS, results.min_group)
    enough = {role: results.n.get(role, 0) >= floor for role in (rec.role, prov.role)}
    if x_codes and any(enough.values()) and not results.withheld:
        # Providers first, so that every gap reads providers − recipients.
        data = np.vstack([prov.columns(x_codes), rec.columns(x_codes)])
        labels = [RespondentGroup.Role.PROVIDER.value] * len(prov.responses) + [
            RespondentGroup.Role.RECIPIENT.value
        ] * len(rec.responses)
        results.overall = likert.analyse(data, x_codes, x_map, groups=labels)
    if x_codes:
        for matrix in (rec, prov):
            if enough[matrix.role]:
                results.by_group[matrix.role] = likert.analyse(
                    matrix.columns(x_codes), x_codes, x_map
                )
    if all(enough.values()):
        for code in x_codes:
            a = rec.columns([code])[:, 0]
            b = prov.columns([code])[:, 0]
            a, b = a[~np.isnan(a)], b[~np.isnan(b)]
            results.item_gaps.append(
                {
                    "code": code,
                    "recipients": float(a.mean()) if a.size else None,
                    "providers": float(b.mean()) if b.size else None,
                    "welch": likert.welch(b, a),
                    "mwu": likert.mann_whitney(b, a),
                }
            )
    y_codes = [i.code for d in results.y_dimensions for i in d.items]
    if y_codes and enough[rec.role]:
        y_map = {d.code: [i.code for i in d.items] for d in results.y_dimensions}
        results.quality = likert.analyse(rec.columns(y_codes), y_codes, y_map)
        if results.x_dimensions:
            scores = [np.nanmean(rec.columns(y_codes), axis=1)]
            names = []
            for dimension in results.x_dimensions:
                scores.append(rec.columns(x_map[dimension.code]).mean(axis=1))
                names.append(dimension.code)
            y_all = rec.columns(y_codes)
            stacked = np.column_stack(scores)
            complete = ~np.isnan(stacked).any(axis=1) & ~np.isnan(y_all).any(axis=1)
            y = stacked[complete, 0]
            if complete.sum() > len(names) + 1:
                results.regression = likert.ols(y, stacked[complete, 1:], names=names)
                for j, name in enumerate(names, start=1):
                    results.correlations.append(
                        {
                            "code": name,
                            "pearson": likert.pearson(stacked[complete, j], y),
                            "spearman": likert.spearman(stacked[complete, j], y),
                        }
                    )
    return results


def _column(code: str, key: str, kind: str) -> str:
    """Scored items by their code (``SNS_1``, as SPSS and ``pantau stats`` expect), the others by
    their key (``jenis-kelamin``), so that the two forms' demographics never share a column."""
    return code if kind == Section.Kind.SCORED else key


def reversed_columns(study: Study) -> set[str]:
    """The scored columns the results page turns round (``reverse_scored`` in every form of the
    study that has the item). The raw exports name them ``SNS_4R`` so that ``pantau stats`` (and a
    reader) turns them round the same way; a column reversed in one form and not in another keeps
    its plain name."""
    seen: dict[str, set[bool]] = {}
    for code, reverse in Item.objects.filter(
        version_id__in=study.groups.values("collection__version_id"),
        section__kind=Section.Kind.SCORED,
    ).values_list("code", "reverse_scored"):
        seen.setdefault(code, set()).add(reverse)
    return {code for code, flags in seen.items() if flags == {True}}


def raw_rows(study: Study):
    """Every response of the study, one row per respondent: (group, unit, number, submitted at,
    source, {column: value as answered}) for the export. Reverse-scored items are exported as
    answered."""
    # Providers first, as on the results page: ``pantau stats`` takes the first group it meets as
    # the first of the gap, so the file's gap reads providers − recipients like the page's.
    groups = list(study.groups.select_related("collection", "unit").order_by("role", "unit__name"))
    columns: list[str] = []
    for group in groups:
        for code, key, kind in (
            Item.objects.filter(version_id=group.collection.version_id)
            .order_by("section__position", "position")
            .values_list("code", "key", "section__kind")
        ):
            if _column(code, key, kind) not in columns:
                columns.append(_column(code, key, kind))
    rows = []
    counts = dict(
        Response.objects.filter(collection__in=[g.collection_id for g in groups])
        .values_list("collection_id")
        .annotate(n=Count("pk"))
    )
    for group in groups:
        if counts.get(group.collection_id, 0) < settings.PANTAU_STUDY_MIN_GROUP:
            continue  # too few to export without pointing at someone (issue 15)
        answers: dict[int, dict[str, object]] = {}
        for response_id, code, key, kind, number, text in Answer.objects.filter(
            collection_id=group.collection_id
        ).values_list(
            "response_id",
            "item__code",
            "item__key",
            "item__section__kind",
            "value_int",
            "value_text",
        ):
            answers.setdefault(response_id, {})[_column(code, key, kind)] = (
                number if number is not None else text
            )
        for response in Response.objects.filter(collection_id=group.collection_id).order_by(
            "submitted_at", "pk"
        ):
            rows.append(
                (
                    group.role,
                    group.unit.slug,
                    response.number,
                    response.submitted_at,
                    response.source,
                    answers.get(response.pk, {}),
                )
            )
    return columns, rows


def open_recipient_groups(unit) -> list[RespondentGroup]:
    """The studies a unit's service recipients can answer today (open, and today between the
    study's dates): what the unit's public page offers (issue 19: a study could not be found from
    the portal)."""
    from django.utils import timezone

    today = timezone.localdate()
    return list(
        RespondentGroup.objects.filter(
            unit=unit,
            role=RespondentGroup.Role.RECIPIENT,
            collection__status="open",
            study__starts_on__lte=today,
            study__ends_on__gte=today,
        )
        .select_related("study", "collection")
        .order_by("study__starts_on", "pk")
    )
