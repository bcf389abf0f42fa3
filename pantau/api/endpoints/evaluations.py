"""``/api/v1/pekppp/``: PEKPPP rounds a user sees, a unit's result once the round's results are
published (IPP, grade, rank, aspect scores, the instrument version), the ranking of a round for
its managers, and the evaluator's scores (F-02) with the write scope (token).

Visibility is ``evaluations.selectors`` (``visible_rounds``, ``lokus_for``,
``get_visible_lokus``) and ``evaluations.permissions``; results are the stored ones computed by
``evaluations.services.compute_round_results``; a score goes through ``evaluations.forms.ScoreForm``
and ``evaluations.services.save_score``, which check the evaluator's assignment and the window.

The other writes are the web's actions, each through its form and service: the round's status
steps (``change_round_status``, the round's managers), the unit's self-assessment answer (F-01,
``SelfAssessmentForm`` + ``save_self_assessment``) and its submission
(``submit_self_assessment``), the evaluator's recommendation (``RecommendationForm`` +
``add_recommendation``) and the unit's follow-up (``FollowUpForm`` + ``update_follow_up``).
Evidence files come with the self-assessment answer (multipart); follow-up documents are
uploaded on the web pages."""

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Q
from django.forms import DateField
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, parsers, serializers, status
from rest_framework.response import Response

from pantau.evaluations import forms as evaluation_forms
from pantau.evaluations import permissions as evaluation_permissions
from pantau.evaluations import selectors
from pantau.evaluations import services as evaluation_services
from pantau.evaluations.models import (
    EvaluationInstrument,
    Evidence,
    Indicator,
    Lokus,
    Method,
    Recommendation,
    Round,
    Score,
    SelfAssessment,
    Verification,
)

from ..fields import StrictBooleanField
from ..forms import check_form
from ..permissions import ReadScope, WriteScope, token_unit_ids
from ..schema import errors

PUBLISHED = (Round.Status.RESULTS, Round.Status.FOLLOW_UP, Round.Status.CLOSED)


def _published(round_: Round) -> bool:
    return round_.status in PUBLISHED


# --- Serializers ----------------------------------------------------------------------------


class AspectResultSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="aspect.name", default="")
    weight = serializers.FloatField()
    evaluator = serializers.FloatField(help_text="Evaluator form (F-02) score, 0–5.")
    citizen = serializers.FloatField(
        allow_null=True, help_text="Citizen form (F-03) score, 0–5; null when not used."
    )
    blended = serializers.FloatField()
    contribution = serializers.FloatField(help_text="weight × blended, its share of the IPP.")


class ResultSerializer(serializers.Serializer):
    ipp = serializers.DecimalField(max_digits=3, decimal_places=2)
    grade = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    rank = serializers.IntegerField(allow_null=True, help_text="1 = the highest IPP of the round.")
    method = serializers.CharField()
    instrument = serializers.CharField(help_text="The instrument version the result used.")
    instrument_id = serializers.IntegerField()
    evaluator_share = serializers.FloatField()
    citizen_used = serializers.BooleanField()
    computed_at = serializers.DateTimeField()
    aspects = AspectResultSerializer(many=True)


class LokusSerializer(serializers.ModelSerializer):
    round = serializers.PrimaryKeyRelatedField(read_only=True)
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    ipp = serializers.SerializerMethodField()
    grade = serializers.SerializerMethodField()
    rank = serializers.SerializerMethodField()

    class Meta:
        model = Lokus
        fields = ["id", "round", "unit", "service_class", "ipp", "grade", "rank"]

    def _result(self, lokus, name):
        return getattr(lokus, name) if _published(lokus.round) else None

    @extend_schema_field(serializers.DecimalField(max_digits=3, decimal_places=2, allow_null=True))
    def get_ipp(self, lokus):
        ipp = self._result(lokus, "ipp")
        return None if ipp is None else float(ipp)

    def get_grade(self, lokus) -> str | None:
        return self._result(lokus, "grade") or None

    def get_rank(self, lokus) -> int | None:
        return self._result(lokus, "rank")


class LokusDetailSerializer(LokusSerializer):
    round_status = serializers.CharField(source="round.status")
    result = serializers.SerializerMethodField()
    problem = serializers.SerializerMethodField()

    class Meta(LokusSerializer.Meta):
        fields = ["id", "round", "round_status", "unit", "service_class", "result", "problem"]

    @extend_schema_field(ResultSerializer(allow_null=True))
    def get_result(self, lokus) -> dict | None:
        if not _published(lokus.round) or lokus.ipp is None:
            return None
        stored = lokus.result or {}
        return ResultSerializer(
            {
                **stored,
                "ipp": lokus.ipp,
                "grade": lokus.grade,
                "label": lokus.label,
                "rank": lokus.rank,
                "computed_at": lokus.computed_at,
                "aspects": selectors.result_rows(lokus),
            }
        ).data

    def get_problem(self, lokus) -> str | None:
        """Why a published round gave this unit no result (a missing or unreconciled score)."""
        if not _published(lokus.round) or lokus.ipp is not None:
            return None
        return (lokus.result or {}).get("error")


class RoundSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    instrument = serializers.CharField(
        source="instrument.__str__", help_text="The instrument version."
    )
    results_published = serializers.SerializerMethodField()

    class Meta:
        model = Round
        fields = [
            "id",
            "name",
            "year",
            "body",
            "mode",
            "status",
            "method",
            "instrument",
            "results_on",
            "results_published",
        ]

    def get_results_published(self, round_) -> bool:
        return _published(round_)


class RoundDetailSerializer(RoundSerializer):
    lokus = serializers.SerializerMethodField(help_text="The units of the round you may see.")

    class Meta(RoundSerializer.Meta):
        fields = [
            *RoundSerializer.Meta.fields,
            "self_assessment_opens",
            "self_assessment_closes",
            "citizen_opens",
            "citizen_closes",
            "scoring_opens",
            "scoring_closes",
            "verification_opens",
            "verification_closes",
            "follow_up_due",
            "lokus",
        ]

    @extend_schema_field(LokusSerializer(many=True))
    def get_lokus(self, round_) -> list[dict]:
        lokus = selectors.lokus_for(self.context["request"].user, round_)
        ids = token_unit_ids(self.context["request"])
        if ids is not None:
            lokus = lokus.filter(unit_id__in=ids)
        return list(LokusSerializer(lokus.order_by("unit__name"), many=True).data)


class ScoreWriteSerializer(serializers.Serializer):
    indicator = serializers.CharField(
        max_length=20, help_text="The indicator's code in the round's instrument."
    )
    score = serializers.IntegerField(min_value=0, max_value=5)
    note = serializers.CharField(max_length=4000, help_text="What the score rests on.")
    mode = serializers.ChoiceField(choices=Score.Mode.choices, default=Score.Mode.DESK)


class ScoreSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")

    class Meta:
        model = Score
        fields = ["indicator", "score", "note", "mode", "updated_at"]


class RoundFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(min_value=2000, max_value=2100)
    status = django_filters.ChoiceFilter(choices=Round.Status.choices)
    body = django_filters.CharFilter(field_name="body__slug", help_text="Evaluating body's slug.")

    class Meta:
        model = Round
        fields: list[str] = []


# --- Views ----------------------------------------------------------------------------------


def reachable_rounds(request):
    """The rounds the user sees (evaluations.selectors); with a token limited to some units,
    the rounds that evaluate one of them."""
    rounds = selectors.visible_rounds(request.user)
    ids = token_unit_ids(request)
    if ids is not None:
        rounds = rounds.filter(Q(pk__in=Lokus.objects.filter(unit_id__in=ids).values("round_id")))
    return rounds


def _lokus(request, pk: int) -> Lokus:
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
    year = serializers.IntegerField()
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
            raise _field_error(
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
            raise _field_error(
                "evaluators",
                _("There is no evaluator with this username: %(name)s.") % {"name": unknown[0]},
            )
        form.data = {**form.data, "evaluators": [str(evaluators[n]) for n in values["evaluators"]]}
        cleaned = check_form(form)
        lokus = evaluation_services.add_lokus(actor=request.user, round_=round_, **cleaned)
        return Response(
            LokusDetailSerializer(_lokus(request, lokus.pk)).data, status=status.HTTP_201_CREATED
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
            _published(round_)
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
        return Response(LokusDetailSerializer(_lokus(request, pk)).data)


def _field_error(field: str, message: str):
    return serializers.ValidationError({field: [serializers.ErrorDetail(message, code="invalid")]})


def _indicator(lokus: Lokus, code: str) -> Indicator:
    """The indicator with this code in the round's instrument; a 400 on ``indicator`` if none."""
    indicator = (
        Indicator.objects.filter(aspect__instrument_id=lokus.round.instrument_id, code=code)
        .select_related("aspect")
        .first()
    )
    if indicator is None:
        raise _field_error("indicator", _("No indicator of this round's instrument has this code."))
    return indicator


class ScoreSubmit(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ScoreWriteSerializer
    queryset = Score.objects.none()

    @extend_schema(responses={200: ScoreSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Save your score (F-02) of one indicator of a unit you are assigned to evaluate, while
        scoring is open; sent again, it replaces your score (an assigned evaluator)."""
        lokus = _lokus(request, pk)
        if not evaluation_permissions.can_score(request.user, lokus):
            raise Http404
        data = ScoreWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        indicator = _indicator(lokus, values["indicator"])
        form = evaluation_forms.ScoreForm(
            data={"score": str(values["score"]), "note": values["note"], "mode": values["mode"]}
        )
        cleaned = check_form(form)
        score = evaluation_services.save_score(
            actor=request.user, lokus=lokus, indicator=indicator, **cleaned
        )
        return Response(ScoreSerializer(score).data, status=status.HTTP_200_OK)


# --- Round steps, self-assessment, recommendations and follow-up ------------------------------


class RoundStatusSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=list(evaluation_services.TRANSITIONS),
        help_text=(
            "The next step: open_self_assessment, start_scoring, start_verification, "
            "publish_results (computes the results), start_follow_up, close."
        ),
    )


class RoundStatus(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = RoundStatusSerializer
    queryset = Round.objects.none()

    @extend_schema(responses={200: RoundDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Move a round to its next step, as the round page's buttons do (write scope; the
        round's managers). ``publish_results`` computes and publishes every unit's result. A
        step the round is not ready for answers 400 and changes nothing."""
        round_ = get_object_or_404(reachable_rounds(request), pk=pk)
        if not evaluation_permissions.can_manage_round(request.user, round_):
            raise Http404
        data = RoundStatusSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        evaluation_services.change_round_status(
            actor=request.user, round_=round_, action=data.validated_data["action"]
        )
        round_ = get_object_or_404(reachable_rounds(request), pk=pk)
        return Response(RoundDetailSerializer(round_, context={"request": request}).data)


class SelfAssessmentWriteSerializer(serializers.Serializer):
    indicator = serializers.CharField(
        max_length=20, help_text="The indicator's code in the round's instrument."
    )
    claimed_score = serializers.IntegerField(
        min_value=0, max_value=5, help_text="The score the unit claims (0–5)."
    )
    answer = serializers.CharField(
        max_length=4000, help_text="What the unit has in place, and where the evidence shows it."
    )
    evidence = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        max_length=5,
        help_text="Evidence files, sent as multipart/form-data: PDF, pictures or office "
        "documents, up to five of 10 MB each, checked by their content. A file with the name of "
        "an earlier one becomes its next version.",
    )


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = ["id", "original_name", "version", "content_type", "size", "sha256", "uploaded_at"]


class SelfAssessmentSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = SelfAssessment
        fields = ["indicator", "claimed_score", "answer", "updated_at", "evidence"]

    @extend_schema_field(EvidenceSerializer(many=True))
    def get_evidence(self, entry) -> list[dict]:
        files = Evidence.objects.filter(lokus_id=entry.lokus_id, indicator_id=entry.indicator_id)
        return list(EvidenceSerializer(files.order_by("original_name", "version"), many=True).data)


def _unit_lokus(request, pk: int) -> Lokus:
    """A lokus whose self-assessment and follow-up the user fills (its unit's officers and
    head); a 404 for anyone else, as on the web."""
    lokus = _lokus(request, pk)
    if not evaluation_permissions.can_fill_self_assessment(request.user, lokus):
        raise Http404
    return lokus


class SelfAssessmentSave(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = SelfAssessmentWriteSerializer
    queryset = SelfAssessment.objects.none()
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser]

    @extend_schema(responses={200: SelfAssessmentSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Save the unit's self-assessment answer (F-01) to one indicator while the
        self-assessment window is open, with any evidence files (multipart/form-data); sent
        again, it replaces the answer and adds the files (write scope; the unit's officers and
        head)."""
        lokus = _unit_lokus(request, pk)
        data = SelfAssessmentWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        indicator = _indicator(lokus, values["indicator"])
        form = evaluation_forms.SelfAssessmentForm(
            data={"claimed_score": str(values["claimed_score"]), "answer": values["answer"]},
            files=MultiValueDict({"evidence": values.get("evidence", [])}),
        )
        cleaned = check_form(form)
        entry = evaluation_services.save_self_assessment(
            actor=request.user,
            lokus=lokus,
            indicator=indicator,
            claimed_score=cleaned["claimed_score"],
            answer=cleaned["answer"],
            files=cleaned["evidence"],
        )
        return Response(SelfAssessmentSerializer(entry).data)


class SelfAssessmentSubmittedSerializer(serializers.ModelSerializer):
    class Meta:
        model = Lokus
        fields = ["id", "self_assessment_submitted_at"]


class SelfAssessmentSubmitSerializer(serializers.Serializer):
    confirm_incomplete = StrictBooleanField(
        default=False,
        help_text="Send the self-assessment although some indicators are unanswered (as the "
        "web's confirmation page does); without it such a submission answers 400 listing them.",
    )


class SelfAssessmentSubmit(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = SelfAssessmentSubmitSerializer
    queryset = Lokus.objects.none()

    @extend_schema(
        request=SelfAssessmentSubmitSerializer,
        responses={200: SelfAssessmentSubmittedSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, pk: int):
        """Submit the unit's self-assessment to its evaluators while the window is open (write
        scope; the unit's officers and head). Answers may still change until the window
        closes; submitting again records the new time. With indicators unanswered it needs
        ``confirm_incomplete: true``; otherwise 400 lists the missing indicators."""
        lokus = _unit_lokus(request, pk)
        data = SelfAssessmentSubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        lokus = evaluation_services.submit_self_assessment(
            actor=request.user,
            lokus=lokus,
            confirm_incomplete=data.validated_data["confirm_incomplete"],
        )
        return Response(SelfAssessmentSubmittedSerializer(lokus).data)


class RecommendationSerializer(serializers.ModelSerializer):
    lokus = serializers.PrimaryKeyRelatedField(read_only=True)
    aspect = serializers.CharField(source="aspect.code", help_text="The aspect's code (A1, …).")

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "lokus",
            "aspect",
            "text",
            "status",
            "action_plan",
            "plan_due",
            "progress",
            "done_at",
            "created_at",
            "updated_at",
        ]


class ScoreResponseSerializer(serializers.Serializer):
    response = serializers.CharField(
        max_length=4000, help_text="The unit's response to the evaluators' score."
    )


class VerificationSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")

    class Meta:
        model = Verification
        fields = [
            "indicator",
            "agreed_score",
            "unit_response",
            "responded_at",
            "evaluator_reply",
            "replied_at",
        ]


class ScoreRespond(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ScoreResponseSerializer
    queryset = Verification.objects.none()

    @extend_schema(responses={200: VerificationSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int, code: str):
        """The unit's response to the score of one indicator during field verification, as on
        the web page; sent again, it replaces the response (write scope; the unit's officers
        and head). 400 outside the verification window."""
        lokus = _lokus(request, pk)
        if not evaluation_permissions.can_fill_self_assessment(request.user, lokus):
            raise Http404
        indicator = _indicator(lokus, code)
        data = ScoreResponseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = check_form(
            evaluation_forms.ResponseToScoreForm(data={"response": data.validated_data["response"]})
        )
        verification = evaluation_services.respond_to_score(
            actor=request.user, lokus=lokus, indicator=indicator, response=cleaned["response"]
        )
        return Response(VerificationSerializer(verification).data)


class AgreedScoreSerializer(serializers.Serializer):
    agreed_score = serializers.IntegerField(help_text="The agreed score, 0–5.")
    reply = serializers.CharField(
        max_length=4000,
        required=False,
        allow_blank=True,
        help_text="A reply to the unit or a note on the agreement.",
    )


class ScoreReconcile(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = AgreedScoreSerializer
    queryset = Verification.objects.none()

    @extend_schema(responses={200: VerificationSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int, code: str):
        """Set the agreed score of one indicator after the evaluators disagreed or the unit
        responded, with an optional reply to the unit, as on the web page (write scope; an
        assigned evaluator, while scoring or verification is open)."""
        lokus = _lokus(request, pk)
        if not evaluation_permissions.can_score(request.user, lokus):
            raise Http404
        indicator = _indicator(lokus, code)
        data = AgreedScoreSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        cleaned = check_form(
            evaluation_forms.ReconcileForm(
                data={"agreed_score": str(values["agreed_score"]), "reply": values.get("reply", "")}
            )
        )
        verification = evaluation_services.reconcile_score(
            actor=request.user,
            lokus=lokus,
            indicator=indicator,
            score=cleaned["agreed_score"],
            reply=cleaned["reply"],
        )
        return Response(VerificationSerializer(verification).data)


class RecommendationWriteSerializer(serializers.Serializer):
    aspect = serializers.CharField(
        max_length=10, help_text="The aspect's code in the round's instrument (A1, A2, …)."
    )
    text = serializers.CharField(max_length=4000)


class RecommendationAdd(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = RecommendationWriteSerializer
    queryset = Recommendation.objects.none()

    @extend_schema(responses={201: RecommendationSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Add a recommendation on one aspect for a unit you evaluated, once the round's
        results are out (write scope; the unit's assigned evaluators)."""
        lokus = _lokus(request, pk)
        if not evaluation_permissions.can_score(request.user, lokus):
            raise Http404
        data = RecommendationWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        instrument = lokus.round.instrument
        aspect = next(
            (a for a in instrument.aspects.all() if a.code == data.validated_data["aspect"]), None
        )
        if aspect is None:
            raise _field_error("aspect", _("No aspect of this round's instrument has this code."))
        form = evaluation_forms.RecommendationForm(
            data={"aspect": str(aspect.pk), "text": data.validated_data["text"]},
            instrument=instrument,
        )
        cleaned = check_form(form)
        recommendation = evaluation_services.add_recommendation(
            actor=request.user, lokus=lokus, **cleaned
        )
        return Response(
            RecommendationSerializer(recommendation).data, status=status.HTTP_201_CREATED
        )


class FollowUpWriteSerializer(serializers.Serializer):
    action_plan = serializers.CharField(max_length=4000)
    plan_due = serializers.DateField(
        required=False, allow_null=True, help_text="Planned completion."
    )
    progress = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    done = serializers.BooleanField(
        required=False, default=False, help_text="The recommendation is followed up."
    )


class FollowUpSave(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = FollowUpWriteSerializer
    queryset = Recommendation.objects.none()

    @extend_schema(responses={200: RecommendationSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Save the unit's action plan and progress on a recommendation, from the results until
        the round closes; ``done`` marks it followed up (write scope; the unit's officers and
        head). Evidence files are attached on the web page."""
        lokus_id = Recommendation.objects.filter(pk=pk).values_list("lokus_id", flat=True).first()
        if lokus_id is None:
            raise Http404
        lokus = _unit_lokus(request, lokus_id)
        recommendation = get_object_or_404(
            Recommendation.objects.select_related("aspect"), lokus=lokus, pk=pk
        )
        data = FollowUpWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        form_data = {"action_plan": values["action_plan"], "progress": values.get("progress", "")}
        if values.get("plan_due"):
            form_data["plan_due"] = values["plan_due"].isoformat()
        if values["done"]:
            form_data["done"] = "on"
        cleaned = check_form(evaluation_forms.FollowUpForm(data=form_data))
        cleaned.pop("evidence", None)
        recommendation = evaluation_services.update_follow_up(
            actor=request.user, recommendation=recommendation, **cleaned
        )
        return Response(RecommendationSerializer(recommendation).data)


urlpatterns = [
    path("pekppp/rounds/", RoundList.as_view(), name="pekppp-round-list"),
    path("pekppp/rounds/<int:pk>/", RoundDetail.as_view(), name="pekppp-round-detail"),
    path("pekppp/rounds/<int:pk>/ranking/", RoundRanking.as_view(), name="pekppp-round-ranking"),
    path("pekppp/rounds/<int:pk>/lokus/", LokusAdd.as_view(), name="pekppp-lokus-add"),
    path("pekppp/lokus/<int:pk>/", LokusDetail.as_view(), name="pekppp-lokus-detail"),
    path(
        "pekppp/lokus/<int:pk>/agreed-scores/<str:code>/",
        ScoreReconcile.as_view(),
        name="pekppp-score-reconcile",
    ),
    path(
        "pekppp/lokus/<int:pk>/verification/<str:code>/",
        ScoreRespond.as_view(),
        name="pekppp-score-respond",
    ),
    path("pekppp/lokus/<int:pk>/scores/", ScoreSubmit.as_view(), name="pekppp-score-submit"),
    path("pekppp/rounds/<int:pk>/status/", RoundStatus.as_view(), name="pekppp-round-status"),
    path(
        "pekppp/lokus/<int:pk>/self-assessment/",
        SelfAssessmentSave.as_view(),
        name="pekppp-self-assessment",
    ),
    path(
        "pekppp/lokus/<int:pk>/self-assessment/submit/",
        SelfAssessmentSubmit.as_view(),
        name="pekppp-self-assessment-submit",
    ),
    path(
        "pekppp/lokus/<int:pk>/recommendations/",
        RecommendationAdd.as_view(),
        name="pekppp-recommendation-add",
    ),
    path(
        "pekppp/recommendations/<int:pk>/follow-up/",
        FollowUpSave.as_view(),
        name="pekppp-follow-up",
    ),
]
