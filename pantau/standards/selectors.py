"""Reads of standards, pledges, forums and publication records, for staff and for the public."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from pantau.organisations import search as unit_search
from pantau.organisations.models import Service, ServiceMall, ServiceUnit
from pantau.satisfaction.models import SurveyPeriod

from .models import (
    COUNTED_PARTICIPANT_KINDS,
    ELECTRONIC_MEDIA,
    Agreement,
    Forum,
    Maklumat,
    Medium,
    Participant,
    Publication,
    StandardVersion,
    add_months,
)

Status = StandardVersion.Status
PUBLIC_STATUSES = [Status.PUBLISHED, Status.SUPERSEDED]


def _with_content(queryset: QuerySet[StandardVersion]) -> QuerySet[StandardVersion]:
    return queryset.select_related("service", "service__unit", "forum", "set_by").prefetch_related(
        "requirements", "steps", "files"
    )


# --- Staff reads (the caller has checked that the user may see the unit) --------------------


def services_with_standards(unit: ServiceUnit) -> list[Service]:
    """The unit's services, each with ``in_force`` and ``in_progress`` versions (two queries)."""
    services = list(Service.objects.filter(unit=unit).order_by("name"))
    versions = StandardVersion.objects.filter(
        service__unit=unit,
        status__in=[Status.DRAFT, Status.DISCUSSED, Status.SET, Status.PUBLISHED],
    ).only("id", "service_id", "number", "status", "decree_number", "decree_date", "review_months")
    by_service: dict[int, dict[str, StandardVersion]] = {}
    for version in versions:
        key = "in_force" if version.status == Status.PUBLISHED else "in_progress"
        by_service.setdefault(version.service_id, {})[key] = version
    for service in services:
        found = by_service.get(service.pk, {})
        service.in_force = found.get("in_force")  # type: ignore[attr-defined]
        service.in_progress = found.get("in_progress")  # type: ignore[attr-defined]
    return services


def versions_of_service(service: Service) -> list[StandardVersion]:
    return list(service.standard_versions.select_related("forum", "set_by").order_by("-number"))


def get_version(service: Service, number: int) -> StandardVersion:
    return get_object_or_404(_with_content(service.standard_versions.all()), number=number)


def held_forums(unit: ServiceUnit) -> QuerySet[Forum]:
    return Forum.objects.filter(unit=unit, status=Forum.Status.HELD).order_by("-held_on")


def due_for_review(*, units: QuerySet[ServiceUnit], today: date) -> list[StandardVersion]:
    """Standards in force whose review date has come (decree date + interval), oldest first."""
    in_force = StandardVersion.objects.filter(
        service__unit__in=units, status=Status.PUBLISHED
    ).select_related("service", "service__unit")
    due = [version for version in in_force if version.review_is_due(today)]
    return sorted(due, key=lambda version: version.review_due_on or today)


def overview_rows(units: list[ServiceUnit], *, today: date) -> list[dict]:
    """Per unit: active services, standards in force, versions in progress, standards due for
    review, and whether a pledge is in force (three grouped queries for the whole page)."""
    ids = [unit.pk for unit in units]
    services = dict(
        Service.objects.filter(unit_id__in=ids, is_active=True)
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    counts: dict[int, dict[str, int]] = {}
    for row in (
        StandardVersion.objects.filter(service__unit_id__in=ids, service__is_active=True)
        .exclude(status=Status.SUPERSEDED)
        .values("service__unit_id", "status")
        .annotate(n=Count("id"))
    ):
        counts.setdefault(row["service__unit_id"], {})[row["status"]] = row["n"]
    due: dict[int, int] = {}
    for version in due_for_review(units=ServiceUnit.objects.filter(id__in=ids), today=today):
        due[version.service.unit_id] = due.get(version.service.unit_id, 0) + 1
    pledged = set(
        Maklumat.objects.filter(unit_id__in=ids, status=Maklumat.Status.PUBLISHED).values_list(
            "unit_id", flat=True
        )
    )
    rows = []
    for unit in units:
        by_status = counts.get(unit.pk, {})
        rows.append(
            {
                "unit": unit,
                "services": services.get(unit.pk, 0),
                "in_force": by_status.get(Status.PUBLISHED, 0),
                "in_progress": sum(
                    by_status.get(s, 0) for s in (Status.DRAFT, Status.DISCUSSED, Status.SET)
                ),
                "due": due.get(unit.pk, 0),
                "pledge": unit.pk in pledged,
            }
        )
    return rows


def current_maklumat(unit: ServiceUnit) -> Maklumat | None:
    return Maklumat.objects.filter(unit=unit, status=Maklumat.Status.PUBLISHED).first()


def maklumat_draft(unit: ServiceUnit) -> Maklumat | None:
    return Maklumat.objects.filter(unit=unit, status=Maklumat.Status.DRAFT).first()


def maklumat_history(unit: ServiceUnit) -> QuerySet[Maklumat]:
    return Maklumat.objects.filter(unit=unit).exclude(status=Maklumat.Status.DRAFT)


def publications_of_unit(unit: ServiceUnit) -> QuerySet[Publication]:
    return Publication.objects.filter(unit=unit).select_related(
        "standard", "standard__service", "maklumat", "skm_period"
    )


def forums_of_unit(unit: ServiceUnit) -> QuerySet[Forum]:
    return Forum.objects.filter(unit=unit).annotate(
        invited=Count("participants", distinct=True),
        present=Count("participants", filter=Q(participants__attended=True), distinct=True),
    )


def get_forum(unit: ServiceUnit, pk: int) -> Forum:
    return get_object_or_404(
        Forum.objects.filter(unit=unit).prefetch_related(
            Prefetch("participants", queryset=Participant.objects.order_by("kind", "name")),
            Prefetch(
                "agreements",
                queryset=Agreement.objects.select_related("standard", "standard__service"),
            ),
            "files",
        ),
        pk=pk,
    )


def participant_type_counts(forum: Forum) -> list[tuple[str, str, int]]:
    """(type, label, attendees) for every participant type, counted in the database."""
    # ``order_by()`` clears the model's ordering (kind, name, id), which would otherwise join
    # the GROUP BY and count every participant as a group of one (issue 16: "Pengguna layanan:
    # 1" with two present).
    counts = dict(
        forum.participants.filter(attended=True)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return [(kind, str(label), counts.get(kind, 0)) for kind, label in Participant.Kind.choices]


# --- Indicator inputs (PEKPPP) --------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorInputs:
    """What the PEKPPP indicators on standards read from this app for one unit."""

    services: int
    services_in_force: int
    services_drafted: int  # services with any version
    services_complete: int  # services whose latest version has all 14 components
    in_force_with_forum: int
    in_force_not_overdue: int
    services_reviewed_within: dict[int, int]  # review interval in months -> services reviewed
    participant_types: int  # distinct counted types that attended a held forum on standards
    standard_media: set[str]  # media on which every standard in force was published
    maklumat_drafted: bool
    maklumat_set: bool
    maklumat_media: set[str]
    skm_media: set[str]


def _skm_period_media(unit: ServiceUnit) -> set[str]:
    """Media ticked when an SKM period was published (satisfaction's own record), so a result is
    counted whether it was recorded there or here."""
    from pantau.satisfaction.models import SurveyPeriod

    media: set[str] = set()
    for ticked in SurveyPeriod.objects.filter(unit=unit, published_at__isnull=False).values_list(
        "published_media", flat=True
    ):
        media.update(str(medium) for medium in ticked or [])
    return media


def _media(publications: QuerySet[Publication]) -> set[str]:
    return set(publications.values_list("medium", flat=True).distinct())


def indicator_inputs(unit: ServiceUnit, *, today: date) -> IndicatorInputs:
    services = Service.objects.filter(unit=unit, is_active=True)
    in_force = StandardVersion.objects.filter(service__in=services, status=Status.PUBLISHED)
    service_count = services.count()
    # A medium counts for the standards when every standard in force was published on it.
    per_medium = (
        Publication.objects.filter(standard__in=in_force)
        .values("medium")
        .annotate(n=Count("standard", distinct=True))
    )
    in_force_count = in_force.count()
    standard_media = {
        row["medium"] for row in per_medium if in_force_count and row["n"] == in_force_count
    }
    forum_types = (
        Participant.objects.filter(
            forum__unit=unit,
            forum__status=Forum.Status.HELD,
            forum__topic__in=[Forum.Topic.DRAFTING, Forum.Topic.REVIEWING],
            attended=True,
            kind__in=COUNTED_PARTICIPANT_KINDS,
        )
        .order_by()
        .values_list("kind", flat=True)
        .distinct()
    )
    latest_by_service: dict[int, StandardVersion] = {}
    for version in _with_content(StandardVersion.objects.filter(service__in=services)).order_by(
        "number"
    ):
        latest_by_service[version.service_id] = version
    from .services import missing_components

    complete = sum(
        1
        for version in latest_by_service.values()
        if not version.is_editable or not missing_components(version)
    )
    in_force_list = list(in_force.only("id", "forum_id", "decree_date", "review_months", "status"))
    maklumat = current_maklumat(unit)
    periods_published = Publication.objects.filter(unit=unit, subject=Publication.Subject.SKM)
    return IndicatorInputs(
        services=service_count,
        services_in_force=in_force_count,
        services_drafted=len(latest_by_service),
        services_complete=complete,
        in_force_with_forum=sum(1 for v in in_force_list if v.forum_id),
        in_force_not_overdue=sum(1 for v in in_force_list if not v.review_is_due(today)),
        services_reviewed_within={int(k): v for k, v in _reviewed_within(in_force, today).items()},
        participant_types=len(set(forum_types)),
        standard_media=standard_media,
        maklumat_drafted=Maklumat.objects.filter(unit=unit).exists(),
        maklumat_set=maklumat is not None,
        maklumat_media=_media(maklumat.publications.all()) if maklumat else set(),
        skm_media=_media(periods_published) | _skm_period_media(unit),
    )


def _reviewed_within(in_force: QuerySet[StandardVersion], today: date) -> dict[str, int]:
    """How many standards in force were set (reviewed) within the last 12, 24 and 36 months."""
    return in_force.aggregate(
        **{
            str(months): Count("id", filter=Q(decree_date__gte=add_months(today, -months)))
            for months in (12, 24, 36)
        }
    )


@dataclass(frozen=True)
class IndicatorScore:
    code: str
    label: str
    score: int


def indicator_scores(
    unit: ServiceUnit, *, today: date, inputs: IndicatorInputs | None = None
) -> list[IndicatorScore]:
    """The PEKPPP aspect-1 indicators this app holds the evidence for, scored 0–5."""
    from django.utils.translation import gettext as _

    from pantau.analytics import standards as scoring

    if inputs is None:
        inputs = indicator_inputs(unit, today=today)
    n = inputs.services
    everything = n > 0
    within = inputs.services_reviewed_within
    return [
        IndicatorScore(
            "1.a.Ak",
            _("Service standard as required"),
            scoring.standard_score(
                has_standard=inputs.services_drafted > 0,
                complete=everything and inputs.services_complete >= n,
                is_set=everything and inputs.services_in_force >= n,
                with_forum=everything and inputs.in_force_with_forum >= n,
                evaluated=everything and inputs.in_force_not_overdue >= n,
            ),
        ),
        IndicatorScore(
            "2.a.P",
            _("Public involved in the standard"),
            scoring.participation_score(inputs.participant_types),
        ),
        IndicatorScore(
            "3.a.T",
            _("Media publishing the service-delivery components"),
            scoring.publication_score(
                all_media=inputs.standard_media if inputs.services_in_force >= n else set(),
                some_published=Publication.objects.filter(
                    unit=unit, subject=Publication.Subject.STANDARD
                ).exists(),
            ),
        ),
        IndicatorScore(
            "4.a.K",
            _("Periodic review of the standards"),
            scoring.review_score(
                services=n,
                within_12=min(within[12], n),
                within_24=min(within[24], n),
                within_36=min(within[36], n),
            ),
        ),
        IndicatorScore(
            "5.a.K",
            _("Service pledge cycle"),
            scoring.maklumat_score(
                drafted=inputs.maklumat_drafted,
                is_set=inputs.maklumat_set,
                compliant=inputs.maklumat_set,
                media=inputs.maklumat_media,
            ),
        ),
        IndicatorScore(
            "7.a.T",
            _("Media publishing the SKM results"),
            scoring.media_count_score(inputs.skm_media),
        ),
    ]


# --- Evidence for an evaluation (PEKPPP F-01/F-02) -------------------------------------------

# The F-02 indicators whose evidence this app holds (domain spec 2.4), by code.
EVIDENCE_CODES = ("1.a.Ak", "2.a.P", "3.a.T", "4.a.K", "5.a.K", "7.a.T")


@dataclass(frozen=True)
class EvaluationEvidence:
    """One unit's own records behind indicators 1.a–5.a and 7.a, and the scores they suggest.
    ``forums`` carry ``type_counts``: (label, attendees) for each participant type present."""

    scores: dict[str, IndicatorScore]
    in_force: list[StandardVersion]
    services: int
    forums: list[Forum]
    standard_publications: list[Publication]
    maklumat: Maklumat | None
    maklumat_publications: list[Publication]
    skm_publications: list[Publication]
    skm_media: list[str]  # labels of every medium counted for 7.a.T (here or on the SKM period)


def evaluation_evidence(unit: ServiceUnit, *, today: date) -> EvaluationEvidence:
    """The unit's standards in force (with decree and forum), its held forums on standards with
    attendees by participant type, its pledge and its publication records, each read in one query
    (the number of queries does not grow with the number of records), with the suggested scores
    of ``indicator_scores``. Only the unit's own records are read."""
    inputs = indicator_inputs(unit, today=today)
    scores = {item.code: item for item in indicator_scores(unit, today=today, inputs=inputs)}
    in_force = list(
        StandardVersion.objects.filter(
            service__unit=unit, service__is_active=True, status=Status.PUBLISHED
        )
        .select_related("service", "forum")
        .order_by("service__name")
    )
    forums = list(
        Forum.objects.filter(
            unit=unit,
            status=Forum.Status.HELD,
            topic__in=[Forum.Topic.DRAFTING, Forum.Topic.REVIEWING],
        ).order_by("-held_on", "-pk")
    )
    counts: dict[int, dict[str, int]] = {}
    for forum_id, kind, n in (
        Participant.objects.filter(forum__in=[f.pk for f in forums], attended=True)
        .order_by()
        .values("forum_id", "kind")
        .annotate(n=Count("id"))
        .values_list("forum_id", "kind", "n")
    ):
        counts.setdefault(forum_id, {})[kind] = n
    for forum in forums:
        present = counts.get(forum.pk, {})
        forum.type_counts = [  # type: ignore[attr-defined]  # annotated for the template
            (str(label), present[kind])
            for kind, label in Participant.Kind.choices
            if kind in present
        ]
    publications = list(publications_of_unit(unit).order_by("-published_on", "medium"))
    maklumat = current_maklumat(unit)
    Subject = Publication.Subject
    return EvaluationEvidence(
        scores=scores,
        in_force=in_force,
        services=inputs.services,
        forums=forums,
        standard_publications=[p for p in publications if p.subject == Subject.STANDARD],
        maklumat=maklumat,
        maklumat_publications=[
            p
            for p in publications
            if p.subject == Subject.MAKLUMAT and maklumat and p.maklumat_id == maklumat.pk
        ],
        skm_publications=[p for p in publications if p.subject == Subject.SKM],
        skm_media=[str(label) for value, label in Medium.choices if value in inputs.skm_media],
    )


def has_electronic(media: set[str]) -> bool:
    return bool(media & {str(m) for m in ELECTRONIC_MEDIA})


# --- Public reads ---------------------------------------------------------------------------


def get_public_service(unit: ServiceUnit, service_slug: str) -> Service:
    return get_object_or_404(Service.objects.filter(unit=unit, is_active=True), slug=service_slug)


def version_in_force(service: Service) -> StandardVersion | None:
    return _with_content(service.standard_versions.filter(status=Status.PUBLISHED)).first()


def public_history(service: Service) -> list[StandardVersion]:
    return list(
        service.standard_versions.filter(status__in=PUBLIC_STATUSES)
        .select_related("forum")
        .order_by("-number")
    )


def get_public_version(service: Service, number: int) -> StandardVersion:
    return get_object_or_404(
        _with_content(service.standard_versions.filter(status__in=PUBLIC_STATUSES)),
        number=number,
    )


def matching_services(units: list[ServiceUnit], search: str) -> dict[int, list[Service]]:
    """Unit id -> its active services whose name or description holds a word of the search
    (``organisations.search``), each with ``published``, for the directory's results (one query)."""
    found: dict[int, list[Service]] = {}
    services = (
        Service.objects.filter(unit__in=[unit.pk for unit in units], is_active=True)
        .annotate(
            published=Count(
                "standard_versions", filter=Q(standard_versions__status=Status.PUBLISHED)
            )
        )
        .order_by("name")
    )
    for service in services:
        if unit_search.holds_a_word(f"{service.name} {service.description}", search):
            found.setdefault(service.unit_id, []).append(service)
    return found


def public_standards_of_unit(unit: ServiceUnit) -> dict[int, StandardVersion]:
    """Service id -> the version in force, for the unit's public page (one query)."""
    return {
        version.service_id: version
        for version in StandardVersion.objects.filter(
            service__unit=unit, service__is_active=True, status=Status.PUBLISHED
        ).only(
            "id",
            "service_id",
            "number",
            "time_limit_value",
            "time_limit_unit",
            "fee_is_free",
            "fee_amount",
            "decree_date",
        )
    }


@dataclass(frozen=True)
class Compliance:
    """How far a unit keeps the rules on standards, for its public report card."""

    services: int
    in_force: int
    on_time: int  # standards in force not past their review date
    pledge: bool
    forums_last_year: int
    media: int  # media on which every standard in force is published

    @property
    def share(self) -> float | None:
        return self.in_force / self.services * 100 if self.services else None


def public_compliance(unit: ServiceUnit, *, today: date) -> Compliance:
    inputs = indicator_inputs(unit, today=today)
    return Compliance(
        services=inputs.services,
        in_force=inputs.services_in_force,
        on_time=inputs.in_force_not_overdue,
        pledge=inputs.maklumat_set,
        forums_last_year=Forum.objects.filter(
            unit=unit, status=Forum.Status.HELD, held_on__gt=add_months(today, -12)
        ).count(),
        media=len(inputs.standard_media),
    )


def public_forums(unit: ServiceUnit) -> QuerySet[Forum]:
    return Forum.objects.filter(unit=unit, status=Forum.Status.HELD).annotate(
        agreement_count=Count("agreements", distinct=True),
        done_count=Count(
            "agreements", filter=Q(agreements__outcome=Agreement.Outcome.DONE), distinct=True
        ),
    )


def get_public_forum(unit: ServiceUnit, pk: int) -> Forum:
    return get_object_or_404(
        Forum.objects.filter(unit=unit, status=Forum.Status.HELD).prefetch_related(
            Prefetch(
                "agreements",
                queryset=Agreement.objects.select_related("standard", "standard__service"),
            )
        ),
        pk=pk,
    )


def public_publications(unit: ServiceUnit) -> list[tuple[str, list[str]]]:
    """(subject label, media labels) of what the unit has recorded as published."""
    rows = (
        Publication.objects.filter(unit=unit)
        .values_list("subject", "medium")
        .distinct()
        .order_by("subject", "medium")
    )
    grouped: dict[str, list[str]] = {}
    for subject, medium in rows:
        grouped.setdefault(str(Publication.Subject(subject).label), []).append(
            str(Medium(medium).label)
        )
    return list(grouped.items())


# --- Public service malls (for the portal) ------------------------------------------------------


def public_malls() -> list[ServiceMall]:
    """Malls with at least one active unit, each with ``unit_count`` (one query)."""
    return list(
        ServiceMall.objects.annotate(unit_count=Count("units", filter=Q(units__is_active=True)))
        .filter(unit_count__gt=0)
        .order_by("name")
    )


def get_public_mall(slug: str) -> ServiceMall:
    return get_object_or_404(ServiceMall, slug=slug)


def mall_units(mall: ServiceMall) -> list[ServiceUnit]:
    """The mall's active units with their active services, each service with ``standard`` (the
    version in force or None): the units of one mall together, in four queries."""
    units = list(
        ServiceUnit.objects.filter(mall=mall, is_active=True)
        .select_related("agency")
        .prefetch_related(
            Prefetch("services", queryset=Service.objects.filter(is_active=True).order_by("name"))
        )
        .order_by("name")
    )
    in_force = {
        version.service_id: version
        for version in StandardVersion.objects.filter(
            service__unit__in=units, status=Status.PUBLISHED
        ).only(
            "id",
            "service_id",
            "number",
            "time_limit_value",
            "time_limit_unit",
            "time_limit_note",
            "fee_is_free",
            "fee_amount",
            "fee_note",
        )
    }
    for unit in units:
        for service in unit.services.all():
            service.standard = in_force.get(service.pk)  # type: ignore[attr-defined]
    return units


def publication_targets(unit) -> dict[str, tuple[str, str, object]]:
    """What a unit may record as published (choice value -> (subject, label, object)): its
    standards in force or superseded, its pledges past draft, its published SKM results."""
    targets: dict[str, tuple[str, str, object]] = {}
    for version in StandardVersion.objects.filter(
        service__unit=unit, status__in=PUBLIC_STATUSES
    ).select_related("service"):
        targets[f"standard-{version.pk}"] = (
            Publication.Subject.STANDARD,
            _("Standard: %(service)s, version %(number)s")
            % {"service": version.service.name, "number": version.number},
            version,
        )
    for pledge in Maklumat.objects.filter(unit=unit).exclude(status=Maklumat.Status.DRAFT):
        targets[f"maklumat-{pledge.pk}"] = (
            Publication.Subject.MAKLUMAT,
            _("Service pledge, version %(number)s") % {"number": pledge.number},
            pledge,
        )
    for period in SurveyPeriod.objects.filter(unit=unit, published_at__isnull=False).order_by(
        "-starts_on"
    ):
        targets[f"skm-{period.pk}"] = (
            Publication.Subject.SKM,
            _("SKM result: %(period)s") % {"period": period.label},
            period,
        )
    return targets
