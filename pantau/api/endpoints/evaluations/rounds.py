"""Rounds a user sees, creating one and adding its lokus, a round's detail and ranking, a lokus's
published result."""

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.forms import DateField
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from pantau.evaluations import forms as evaluation_forms
from pantau.evaluations import permissions as evaluation_permissions
from pantau.evaluations import selectors
from pantau.evaluations import services as evaluation_services
from pantau.evaluations.models import (
    EvaluationInstrument,
    Lokus,
    Method,
    Round,
)

from ...forms import check_form, limits
from ...permissions import ReadScope, WriteScope, token_unit_ids
from ...schema import errors
from .lookups import field_error, is_published, lokus_of, reachable_rounds
from .serializers import (
    LokusDetailSerializer,
    LokusSerializer,
    RoundDetailSerializer,
    RoundFilter,
    RoundSerializer,
)

# --- Views ----------------------------------------------------------------------------------


# The round form's dates, in its order: the schedule's windows.
SCHEDULE = tuple(
    name
    for name, field in evaluation_forms.RoundForm.base_fields.items()
    if isinstance(field, DateField)
)


class RoundCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    body = serializers.SlugField(
        max_length=80, help_text="Slug of the evaluating body: an agency in your scope."
    )
    year = serializers.IntegerField(**limits(evaluation_forms.RoundForm, "year"))
    instrument = serializers.SlugField(max_length=60, help_text="The instrument's code.")
    instrument_version = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=1000,
        help_text="Its version; default: the latest version with indicator detail.",
    )
    method = serializers.ChoiceField(choices=Method.choices, help_text="Aggregation method.")
    mode = serializers.ChoiceField(choices=Round.Mode.choices)
    self_assessment_opens = serializers.DateField()
    self_assessment_closes = serializers.DateField()
    citizen_opens = serializers.DateField()
    citizen_closes = serializers.DateField()
    scoring_opens = serializers.DateField()
    scoring_closes = serializers.DateField()
    verification_opens = serializers.DateField()
    verification_closes = serializers.DateField()
    results_on = serializers.DateField()
    follow_up_due = serializers.DateField()


class RoundList(generics.ListAPIView):
    """PEKPPP rounds you take part in: as their manager, an evaluator, or a unit evaluated
    (token)."""

    permission_classes = [WriteScope]
    serializer_class = RoundSerializer
    queryset = Round.objects.none()
    filterset_class = RoundFilter
    cursor_ordering = "-id"

    def get_queryset(self):
        return reachable_rounds(self.request)

    @extend_schema(
        request=RoundCreateSerializer,
        responses={201: RoundDetailSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request):
        """Set up an evaluation round with the web form's fields: name, evaluating body, year,
        instrument version, aggregation method, kind and the schedule's windows (write scope;
        national evaluators, an agency's evaluators or head, for a body in their scope). Units
        are added with ``lokus``. A token limited to units cannot set up rounds (404)."""
        if not evaluation_permissions.may_set_up_rounds(request.user) or token_unit_ids(request):
            raise Http404
        data = RoundCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        bodies = selectors.round_bodies(request.user)
        body = bodies.filter(slug=values["body"]).values_list("pk", flat=True).first()
        instruments = EvaluationInstrument.objects.filter(
            code=values["instrument"], indicators_available=True
        )
        if values.get("instrument_version"):
            instruments = instruments.filter(number=values["instrument_version"])
        instrument = instruments.order_by("-number").values_list("pk", flat=True).first()
        form = evaluation_forms.RoundForm(
            data={
                "name": values["name"],
                "body": str(body or 0),
                "year": str(values["year"]),
                "instrument": str(instrument or 0),
                "method": values["method"],
                "mode": values["mode"],
                **{name: values[name].isoformat() for name in SCHEDULE},
            },
            bodies=bodies,
        )
        cleaned = check_form(form)
        try:
            round_ = evaluation_services.create_round(actor=request.user, **cleaned)
        except DjangoPermissionDenied:
            raise field_error(
                "body", _("You may set up this kind of round only for a body in your scope.")
            ) from None
        round_ = get_object_or_404(reachable_rounds(request), pk=round_.pk)
        return Response(
            RoundDetailSerializer(round_, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class LokusWriteSerializer(serializers.Serializer):
    unit = serializers.SlugField(
        max_length=80, help_text="Slug of an active unit under the round's evaluating body."
    )
    service_class = serializers.ChoiceField(choices=Lokus.ServiceClass.choices)
    evaluators = serializers.ListField(
        child=serializers.CharField(max_length=150),
        min_length=1,
        max_length=2,
        help_text="Usernames of one or two evaluators whose scope holds the unit.",
    )


class LokusAdd(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = LokusWriteSerializer
    queryset = Lokus.objects.none()

    @extend_schema(responses={201: LokusDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Add a unit to a round, with its class of service and one or two evaluators, before
        desk scoring starts, as on the web page (write scope; the round's managers)."""
        round_ = get_object_or_404(reachable_rounds(request), pk=pk)
        if not evaluation_permissions.can_manage_round(request.user, round_):
            raise Http404
        data = LokusWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        units = selectors.addable_units(round_)
        unit = units.filter(slug=values["unit"]).values_list("pk", flat=True).first()
        form = evaluation_forms.LokusForm(
            data={"unit": str(unit or 0), "service_class": values["service_class"]},
            units=units,
        )
        evaluators = dict(
            form.fields["evaluators"]  # type: ignore[attr-defined]  # a ModelMultipleChoiceField
            .queryset.filter(username__in=values["evaluators"])
            .values_list("username", "pk")
        )
        unknown = [name for name in values["evaluators"] if name not in evaluators]
        if unknown:
            raise field_error(
                "evaluators",
                _("There is no evaluator with this username: %(name)s.") % {"name": unknown[0]},
            )
        form.data = {**form.data, "evaluators": [str(evaluators[n]) for n in values["evaluators"]]}
        cleaned = check_form(form)
        lokus = evaluation_services.add_lokus(actor=request.user, round_=round_, **cleaned)
        return Response(
            LokusDetailSerializer(lokus_of(request, lokus.pk)).data, status=status.HTTP_201_CREATED
        )


class RoundDetail(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = RoundDetailSerializer
    queryset = Round.objects.none()

    @extend_schema(responses={200: RoundDetailSerializer, **errors(401, 404)})
    def get(self, request, pk: int):
        """A round with its schedule and the units you may see, with their IPP, grade and rank
        once the results are published (token)."""
        round_ = get_object_or_404(reachable_rounds(request), pk=pk)
        return Response(RoundDetailSerializer(round_, context={"request": request}).data)


class RankingFilter(django_filters.FilterSet):
    service_class = django_filters.ChoiceFilter(choices=Lokus.ServiceClass.choices)

    class Meta:
        model = Lokus
        fields: list[str] = []


class RoundRanking(generics.ListAPIView):
    """The round's units by IPP, highest first, once its results are published (the round's
    managers, as on the round page). Units without a result are left out (token)."""

    permission_classes = [ReadScope]
    serializer_class = LokusSerializer
    queryset = Lokus.objects.none()
    filterset_class = RankingFilter
    cursor_ordering = ("rank", "id")

    def get_queryset(self):
        round_ = get_object_or_404(reachable_rounds(self.request), pk=self.kwargs["pk"])
        if not (
            is_published(round_)
            and evaluation_permissions.can_manage_round(self.request.user, round_)
        ):
            raise Http404
        return selectors.ranking(round_).select_related("round")


class LokusDetail(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = LokusDetailSerializer
    queryset = Lokus.objects.none()

    @extend_schema(responses={200: LokusDetailSerializer, **errors(401, 404)})
    def get(self, request, pk: int):
        """One evaluated unit and, once the round's results are published, its result: IPP,
        grade, rank, the score of each aspect and the instrument version used (token; the
        unit's people, its evaluators and the round's managers)."""
        return Response(LokusDetailSerializer(lokus_of(request, pk)).data)
