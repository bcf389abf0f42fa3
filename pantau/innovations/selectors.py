"""Reads of the innovation register (issue 21). Who sees which unit's innovations is
``organisations.selectors.visible_units`` (the unit's own people, and the evaluators and agency
heads whose tree holds it); the public catalogue shows what unit heads published."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from pantau.organisations.models import Agency, ServiceUnit
from pantau.organisations.selectors import agency_subtree_ids, scope_for, visible_units

from .models import Effect, Innovation, Stage

RELATED = ("unit", "unit__agency", "owner", "replicates", "replicates__unit")
MAX_WORDS = 8


def with_copy_counts(innovations: QuerySet[Innovation]) -> QuerySet[Innovation]:
    """``replication_count``: how many innovations (of other units) copy each one."""
    return innovations.annotate(replication_count=Count("replications", distinct=True))


def matching(innovations: QuerySet[Innovation], search: str) -> QuerySet[Innovation]:
    """Every word of ``search`` somewhere in the innovation or its unit or agency's name."""
    for word in search.split()[:MAX_WORDS]:
        innovations = innovations.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(problem__icontains=word)
            | Q(before__icontains=word)
            | Q(after__icontains=word)
            | Q(unit__name__icontains=word)
            | Q(unit__agency__name__icontains=word)
            | Q(unit__city__icontains=word)
        )
    return innovations


def visible_innovations(user: Any) -> QuerySet[Innovation]:
    return Innovation.objects.filter(unit__in=visible_units(user).values("pk")).select_related(
        *RELATED
    )


def get_unit_innovation(unit: Any, pk: int) -> Innovation:
    """The unit's innovation with its evidence and effects; a 404 for another unit's."""
    return get_object_or_404(
        Innovation.objects.select_related(*RELATED).prefetch_related(
            "files__uploaded_by", "effects"
        ),
        unit=unit,
        pk=pk,
    )


def unit_register(unit: Any, *, stage: str = "") -> QuerySet[Innovation]:
    """The unit's innovations, the latest changed first, filtered by ``stage`` (an unknown value
    filters nothing)."""
    innovations = with_copy_counts(Innovation.objects.filter(unit=unit).select_related(*RELATED))
    if stage in Stage.values:
        innovations = innovations.filter(stage=stage)
    return innovations.order_by("-updated_at", "-id")


def stage_counts(innovations: QuerySet[Innovation]) -> dict[str, int]:
    """How many innovations are at each stage (one grouped query)."""
    found = dict(
        innovations.order_by()
        .values_list("stage")
        .annotate(n=Count("id"))
        .values_list("stage", "n")
    )
    return {stage: found.get(stage, 0) for stage in Stage.values}


def overview(user: Any, *, stage: str = "", search: str = "") -> QuerySet[Innovation]:
    """Every innovation of the units the user reaches (evaluators and agency heads across their
    tree), filtered by stage and words."""
    innovations = with_copy_counts(visible_innovations(user))
    if stage in Stage.values:
        innovations = innovations.filter(stage=stage)
    if search.strip():
        innovations = matching(innovations, search)
    return innovations.order_by("unit__name", "-updated_at", "-id")


def registrable_units(user: Any) -> QuerySet[ServiceUnit]:
    """The active units into which the user may register (and so copy) an innovation: their own
    units, those of the agencies they head; every unit for an administrator."""
    scope = scope_for(user)
    units = ServiceUnit.objects.filter(is_active=True).select_related("agency")
    if not scope.is_admin:
        units = units.filter(
            Q(id__in=scope.unit_roles.keys()) | Q(agency_id__in=scope.headed_agencies)
        )
    return units.order_by("name")


def get_replicable(user: Any, pk: int) -> Innovation:
    """An innovation the user may copy: a public one, or one of a unit they read."""
    reachable = Innovation.objects.filter(
        Q(is_public=True, unit__is_active=True) | Q(unit__in=visible_units(user).values("pk"))
    )
    return get_object_or_404(reachable.select_related(*RELATED), pk=pk)


# --- The public catalogue ---------------------------------------------------------------------


def public_innovations() -> QuerySet[Innovation]:
    return Innovation.objects.filter(is_public=True, unit__is_active=True).select_related(*RELATED)


def catalogue(
    *, search: str = "", stage: str = "", agency: str = "", province: str = ""
) -> QuerySet[Innovation]:
    """The public innovations with how many copied each, filtered by words, stage, agency (its
    whole tree: a regency finds its offices' innovations) and province; the most copied first."""
    innovations = with_copy_counts(public_innovations())
    if stage in Stage.values:
        innovations = innovations.filter(stage=stage)
    if agency:
        root = Agency.objects.filter(slug=agency).values_list("pk", flat=True).first()
        tree = agency_subtree_ids({root}) if root is not None else set()
        innovations = innovations.filter(unit__agency_id__in=tree)
    if province:
        innovations = innovations.filter(unit__province=province)
    if search.strip():
        innovations = matching(innovations, search)
    return innovations.order_by("-replication_count", "-updated_at", "-id")


def catalogue_choices() -> dict[str, list[Any]]:
    """The agencies (with the agencies above them, one query per level of the tree) and provinces
    that hold a public innovation, for the catalogue's filters."""
    units = ServiceUnit.objects.filter(innovations__is_public=True, is_active=True)
    provinces = sorted(set(units.values_list("province", flat=True)) - {""})
    found: set[int] = set()
    frontier = set(units.values_list("agency_id", flat=True))
    while frontier:
        found |= frontier
        frontier = (
            set(
                Agency.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                    "parent_id", flat=True
                )
            )
            - found
        )
    agencies = list(Agency.objects.filter(pk__in=found).order_by("name"))
    return {"agencies": agencies, "provinces": provinces}


def get_public_innovation(pk: int) -> Innovation:
    """A public innovation with ``public_replications`` (the copies shown in the catalogue) and
    ``replication_count`` (every copy, shown or not)."""
    innovation = get_object_or_404(
        with_copy_counts(public_innovations()).prefetch_related(
            Prefetch("effects", queryset=Effect.objects.order_by("id")),
            Prefetch(
                "replications",
                queryset=Innovation.objects.filter(is_public=True, unit__is_active=True)
                .select_related("unit", "unit__agency")
                .order_by("unit__name"),
                to_attr="public_replications",
            ),
        ),
        pk=pk,
    )
    return innovation


def public_original(innovation: Innovation) -> Innovation | None:
    """The innovation this one copies, if the catalogue shows it."""
    original = innovation.replicates
    if original is None or not original.is_public or not original.unit.is_active:
        return None
    return original


# --- PEKPPP aspect 6 ---------------------------------------------------------------------------

# The aspect-6 indicators of the current instrument (``evaluations.instruments``) Pantau suggests
# a score for; another indicator of the aspect gets the evidence without a suggestion.
CREATION_CODE, SUSTAINABILITY_CODE = "29.f.B", "30.f.B"
INNOVATION_ASPECT = 6


@dataclass(frozen=True)
class PekpppEvidence:
    """A unit's innovations behind PEKPPP aspect 6, each with ``creation`` and ``sustainability``
    (its own scores) and ``copied_by`` (how many other units copied it), and the unit's
    suggested scores by indicator code."""

    innovations: list[Innovation]
    scores: dict[str, int]


def pekppp_evidence(unit: Any, *, today: date) -> PekpppEvidence:
    """Two queries: the unit's innovations (with their copies counted) and their evidence files.
    The rules are in ``pantau.analytics.innovation``."""
    from pantau.analytics import innovation as scoring

    innovations = list(
        with_copy_counts(Innovation.objects.filter(unit=unit).select_related(*RELATED))
        .prefetch_related("files")
        .order_by("-updated_at", "-id")
    )
    facts = []
    for item in innovations:
        fact = scoring.InnovationFacts(
            stage=item.stage,
            implemented_on=item.implemented_on,
            competition_result=item.competition_result,
            legal_basis=scoring.SET_BASIS
            if item.has_legal_basis
            else scoring.DRAFT_BASIS
            if item.has_draft_legal_basis
            else scoring.NO_BASIS,
            budget=bool(item.budget),
            facilities=bool(item.facilities.strip()),
            people=bool(item.team.strip()),
        )
        item.creation = scoring.creation_score(fact, today=today)  # type: ignore[attr-defined]
        item.sustainability = scoring.sustainability_score(fact)  # type: ignore[attr-defined]
        facts.append(fact)
    creation, sustainability = scoring.unit_scores(facts, today=today)
    return PekpppEvidence(
        innovations=innovations,
        scores={CREATION_CODE: creation, SUSTAINABILITY_CODE: sustainability},
    )
