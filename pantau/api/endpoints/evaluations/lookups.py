"""Finding what a request names, for every PEKPPP endpoint: the rounds and lokus a token reaches,
an indicator of a lokus, and the API's error for one field."""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import serializers

from pantau.evaluations import permissions as evaluation_permissions
from pantau.evaluations import selectors
from pantau.evaluations.models import (
    Indicator,
    Lokus,
    Round,
)

from ...permissions import token_unit_ids


def unit_lokus(request, pk: int) -> Lokus:
    """A lokus whose self-assessment and follow-up the user fills (its unit's officers and
    head); a 404 for anyone else, as on the web."""
    lokus = lokus_of(request, pk)
    if not evaluation_permissions.can_fill_self_assessment(request.user, lokus):
        raise Http404
    return lokus


PUBLISHED = (Round.Status.RESULTS, Round.Status.FOLLOW_UP, Round.Status.CLOSED)


def is_published(round_: Round) -> bool:
    return round_.status in PUBLISHED


def field_error(field: str, message: str):
    return serializers.ValidationError({field: [serializers.ErrorDetail(message, code="invalid")]})


def indicator_of(lokus: Lokus, code: str) -> Indicator:
    """The indicator with this code in the round's instrument; a 400 on ``indicator`` if none."""
    indicator = (
        Indicator.objects.filter(aspect__instrument_id=lokus.round.instrument_id, code=code)
        .select_related("aspect")
        .first()
    )
    if indicator is None:
        raise field_error("indicator", _("No indicator of this round's instrument has this code."))
    return indicator


def reachable_rounds(request):
    """The rounds the user sees (evaluations.selectors); with a token limited to some units,
    the rounds that evaluate one of them."""
    rounds = selectors.visible_rounds(request.user)
    ids = token_unit_ids(request)
    if ids is not None:
        rounds = rounds.filter(Q(pk__in=Lokus.objects.filter(unit_id__in=ids).values("round_id")))
    return rounds


def lokus_of(request, pk: int) -> Lokus:
    """The lokus if the user may see it (evaluations.selectors.get_visible_lokus) and the token
    reaches its unit; a 404 otherwise."""
    round_id = Lokus.objects.filter(pk=pk).values_list("round_id", flat=True).first()
    if round_id is None:
        raise Http404
    lokus = selectors.get_visible_lokus(request.user, round_id, pk)
    ids = token_unit_ids(request)
    if ids is not None and lokus.unit_id not in ids:
        raise Http404
    return lokus
