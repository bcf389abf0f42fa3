"""What an integration token reads: the one place that decides its visibility.

A token of an agency reaches the units of that agency and of every agency below it; a national
token (no agency) reaches every unit. Through those units it reads:

- complaints: every report about one of them (or, without a unit, routed to one of those
  agencies), except integrity reports, which belong to the internal supervisor's queue alone;
  never the reporter's identity, contact, point or access code (``pantau.privacy.registry``), and
  of a confidential report not even the reporter's words (``exports`` leaves them empty);
- SKM results: the published periods, with the figures as published;
- PEKPPP results: the units' results in rounds whose results are published.

Each read is a queryset ordered by id, so that a bulk export walks it with ``iterator()``."""

from django.db.models import Q, QuerySet

from pantau.complaints.models import Complaint
from pantau.evaluations.models import Lokus, Round
from pantau.organisations.models import Agency, ServiceUnit
from pantau.organisations.selectors import agency_subtree_ids
from pantau.satisfaction.models import SurveyPeriod

from ..models import ApiToken
from .permissions import issuable_agency_ids

PUBLISHED_ROUNDS = (Round.Status.RESULTS, Round.Status.FOLLOW_UP, Round.Status.CLOSED)


def scope_agency_ids(token: ApiToken) -> set[int] | None:
    """The agencies the token reaches; None for a national token (every agency)."""
    if token.agency_id is None:
        return None
    cached: set[int] | None = getattr(token, "_pantau_scope_agencies", None)
    if cached is None:
        cached = agency_subtree_ids({token.agency_id})
        setattr(token, "_pantau_scope_agencies", cached)  # noqa: B010 - a per-request cache
    return cached


def integration_units(token: ApiToken) -> QuerySet[ServiceUnit]:
    units = ServiceUnit.objects.select_related("agency")
    agencies = scope_agency_ids(token)
    return units if agencies is None else units.filter(agency_id__in=agencies)


def integration_complaints(token: ApiToken) -> QuerySet[Complaint]:
    complaints = Complaint.objects.filter(integrity=False).select_related(
        "unit", "unit__agency", "agency", "service", "category", "duplicate_of"
    )
    agencies = scope_agency_ids(token)
    if agencies is not None:
        complaints = complaints.filter(
            Q(unit__agency_id__in=agencies) | Q(unit__isnull=True, agency_id__in=agencies)
        )
    return complaints.order_by("id")


def integration_skm_periods(token: ApiToken) -> QuerySet[SurveyPeriod]:
    periods = SurveyPeriod.objects.filter(published_at__isnull=False).select_related(
        "unit", "unit__agency", "collection"
    )
    agencies = scope_agency_ids(token)
    if agencies is not None:
        periods = periods.filter(unit__agency_id__in=agencies)
    return periods.order_by("id")


def integration_pekppp_results(token: ApiToken) -> QuerySet[Lokus]:
    lokus = Lokus.objects.filter(round__status__in=PUBLISHED_ROUNDS).select_related(
        "round", "round__body", "unit", "unit__agency"
    )
    agencies = scope_agency_ids(token)
    if agencies is not None:
        lokus = lokus.filter(unit__agency_id__in=agencies)
    return lokus.order_by("id")


# --- The staff page ---------------------------------------------------------------------------


def issuable_agencies(user) -> QuerySet[Agency]:
    """The agencies the user may issue integration tokens for, by name."""
    ids = issuable_agency_ids(user)
    agencies = Agency.objects.order_by("name")
    return agencies if ids is None else agencies.filter(pk__in=ids)


def integration_tokens_for(user) -> QuerySet[ApiToken]:
    """The integration tokens of the agencies the user may issue for (and, for an
    administrator, the national ones), newest first."""
    tokens = ApiToken.objects.filter(kind=ApiToken.Kind.INTEGRATION).select_related(
        "agency", "user"
    )
    ids = issuable_agency_ids(user)
    if ids is not None:
        tokens = tokens.filter(agency_id__in=ids)
    return tokens.order_by("-created_at", "-id")
