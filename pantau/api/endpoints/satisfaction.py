"""``/api/v1/skm/``: published SKM results (public), a unit's periods (token), the citizen's
questionnaire and submission (public), the unit's writes (setting up a period, paper entry, the
unit head's open/close/publish) and the period's follow-up plan (rencana tindak lanjut).

Results come from ``satisfaction.selectors`` (one grouped query over the tallies, then
``analytics.ikm.compute_ikm``); submissions go through ``surveys.services.submit_public_response``
after the web form's own checks (``surveys.forms.ResponseForm``)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import exceptions, generics, permissions, serializers, status
from rest_framework.response import Response

from pantau.organisations.models import Service
from pantau.organisations.permissions import can_manage_unit
from pantau.satisfaction import selectors
from pantau.satisfaction import services as skm_services
from pantau.satisfaction.forms import AccessCodeBatchForm, FollowUpActionForm
from pantau.satisfaction.models import FollowUpAction, Medium, SurveyPeriod
from pantau.satisfaction.periods import POPULATION_MAX, YEARS
from pantau.satisfaction.permissions import can_enter_responses
from pantau.surveys.models import Collection
from pantau.surveys.refusals import REFUSAL_MESSAGES
from pantau.surveys.selectors import version_items
from pantau.surveys.services import (
    SubmissionRefused,
    client_key_for,
    device_key_for,
    record_refusal,
    submit_public_response,
)

from ..forms import MAX_ID, check_form, checked_questionnaire
from ..permissions import WriteScope, get_unit, narrow_by_unit, token_of
from ..schema import errors


class IkmSummarySerializer(serializers.Serializer):
    respondents = serializers.IntegerField()
    ikm = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    grade = serializers.CharField(allow_null=True)
    performance = serializers.CharField(allow_null=True)


class PeriodSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]  # a field named like a DRF Field attribute
    status = serializers.CharField(source="collection.status", read_only=True)
    result = serializers.SerializerMethodField()

    class Meta:
        model = SurveyPeriod
        fields = [
            "id",
            "unit",
            "kind",
            "year",
            "number",
            "label",
            "starts_on",
            "ends_on",
            "status",
            "population",
            "weight_mode",
            "published_at",
            "result",
        ]

    @extend_schema_field(IkmSummarySerializer)
    def get_result(self, period) -> dict:
        point = self.context.get("points", {}).get(period.pk)
        ikm = point.ikm if point else None
        return {
            "respondents": point.respondents if point else 0,
            "ikm": ikm.ikm if ikm else None,
            "grade": ikm.grade if ikm else None,
            "performance": ikm.performance if ikm else None,
        }


class ElementSerializer(serializers.Serializer):
    key = serializers.CharField(source="item.key")
    code = serializers.CharField(source="item.code")
    label = serializers.CharField(source="item.shown_label")  # type: ignore[assignment]  # a field named like a DRF Field attribute
    answered = serializers.IntegerField()
    total = serializers.IntegerField()
    nrr = serializers.FloatField(allow_null=True)
    weighted_nrr = serializers.FloatField(allow_null=True)
    rank = serializers.IntegerField(allow_null=True, help_text="1 = the weakest element.")


class ServiceCountSerializer(serializers.Serializer):
    service = serializers.IntegerField(source="service.pk")
    name = serializers.CharField(source="service.name")
    respondents = serializers.IntegerField()


class ServiceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ResultsSerializer(serializers.Serializer):
    respondents = serializers.IntegerField()
    required_sample = serializers.IntegerField(source="required")
    ikm = serializers.DecimalField(
        source="ikm.ikm", max_digits=5, decimal_places=2, default=None, allow_null=True
    )
    ikm_4 = serializers.FloatField(source="ikm.ikm_4", default=None, allow_null=True)
    grade = serializers.CharField(source="ikm.grade", default=None, allow_null=True)
    performance = serializers.CharField(source="ikm.performance", default=None, allow_null=True)
    weights = serializers.CharField(source="ikm.weights", default=None, allow_null=True)
    problem = serializers.CharField()
    elements = ElementSerializer(many=True)
    by_service = ServiceCountSerializer(many=True)


class PeriodDetailSerializer(PeriodSerializer):
    results = serializers.SerializerMethodField()

    class Meta(PeriodSerializer.Meta):
        fields = [f for f in PeriodSerializer.Meta.fields if f != "result"] + ["results"]

    @extend_schema_field(ResultsSerializer)
    def get_results(self, period) -> dict:
        # The public detail (context "as_published") shows what was published while a correction
        # is under way; staff see the answers as they stand (issue 17).
        if self.context.get("as_published"):
            return ResultsSerializer(selectors.public_results(period)).data
        return ResultsSerializer(selectors.period_results(period)).data


class OptionSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    label = serializers.CharField(source="shown_label")  # type: ignore[assignment]  # a field named like a DRF Field attribute


class QuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    text = serializers.CharField(source="shown_text")
    kind = serializers.CharField()
    required = serializers.BooleanField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    min_value = serializers.IntegerField(allow_null=True)
    max_value = serializers.IntegerField(allow_null=True)
    options = OptionSerializer(many=True, source="options.all")


class QuestionnaireSerializer(serializers.Serializer):
    period = serializers.IntegerField(source="pk")
    unit = serializers.CharField(source="unit.slug")
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    requires_code = serializers.BooleanField()
    services = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()

    @extend_schema_field(ServiceRefSerializer(many=True))
    def get_services(self, period) -> list[dict]:
        return [{"id": s.pk, "name": s.name} for s in period.services.filter(is_active=True)]

    @extend_schema_field(QuestionSerializer(many=True))
    def get_questions(self, period) -> list[dict]:
        return list(QuestionSerializer(version_items(period.collection.version), many=True).data)


class AnswersSerializer(serializers.Serializer):
    submission_token = serializers.UUIDField(
        help_text="A new UUID per questionnaire; sent again, it is saved once."
    )
    service = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="Id of the service received."
    )
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=2000),
        help_text=(
            "Question → the chosen value (or the text written). A question is named by its key,"
            " or a scored element by its code (U1 … U9) as in the import file."
        ),
    )


class ResponseSubmitSerializer(AnswersSerializer):
    access_code = serializers.CharField(required=False, allow_blank=True, max_length=20)


class ReceiptSerializer(serializers.Serializer):
    receipt_number = serializers.CharField()


class StatusActionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["open", "close"])


class PublishSerializer(serializers.Serializer):
    media = serializers.ListField(
        child=serializers.ChoiceField(choices=Medium.choices), min_length=1, max_length=6
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=1000,
        help_text="Required when fewer respondents answered than the sample requires: why the "
        "results are published now (shown with them).",
    )


class PeriodFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__slug", help_text="Unit slug.")
    year = django_filters.NumberFilter(min_value=2000, max_value=2100)
    kind = django_filters.ChoiceFilter(choices=SurveyPeriod.Kind.choices)
    service = django_filters.NumberFilter(
        field_name="services", min_value=1, max_value=MAX_ID, help_text="Service id."
    )
    status = django_filters.ChoiceFilter(
        field_name="collection__status", choices=Collection.Status.choices
    )

    class Meta:
        model = SurveyPeriod
        fields: list[str] = []


class PeriodListBase(generics.ListAPIView):
    serializer_class = PeriodSerializer
    as_published = False  # the public list shows what was published, not a correction
    queryset = SurveyPeriod.objects.none()
    filterset_class = PeriodFilter
    cursor_ordering = "-id"

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()).distinct())
        points = {p.period.pk: p for p in selectors.trend(page, as_published=self.as_published)}
        data = PeriodSerializer(page, many=True, context={"points": points}).data
        return self.get_paginated_response(data)


class PublishedResultList(PeriodListBase):
    """Published SKM results of every unit, with the IKM (public)."""

    permission_classes = [permissions.AllowAny]
    as_published = True

    def get_queryset(self):
        return SurveyPeriod.objects.filter(
            published_at__isnull=False, unit__is_active=True
        ).select_related("unit", "collection")


class PublishedResultDetail(generics.RetrieveAPIView):
    """A published period's full results: per element NRR and rank, IKM, grade (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = PeriodDetailSerializer
    queryset = SurveyPeriod.objects.filter(published_at__isnull=False, unit__is_active=True)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "as_published": True}

    def get_object(self):
        return get_object_or_404(
            self.queryset.select_related("unit", "collection", "collection__version"),
            pk=self.kwargs["pk"],
        )


def reachable_periods(request):
    from pantau.organisations.selectors import visible_units

    periods = SurveyPeriod.objects.filter(unit__in=visible_units(request.user))
    return narrow_by_unit(request, periods).select_related(
        "unit", "collection", "collection__version"
    )


class PeriodCreateSerializer(serializers.Serializer):
    unit = serializers.SlugField(max_length=80, help_text="Slug of a unit you manage.")
    kind = serializers.ChoiceField(choices=SurveyPeriod.Kind.choices)
    year = serializers.IntegerField(min_value=YEARS[0], max_value=YEARS[1])
    number = serializers.IntegerField(
        min_value=1, max_value=12, help_text="Month 1–12, quarter 1–4, semester 1–2; 1 for a year."
    )
    population = serializers.IntegerField(
        min_value=1,
        max_value=POPULATION_MAX,
        help_text="Service users in the period; it sets the required sample (Krejcie & Morgan).",
    )
    services = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=500,
        help_text="Ids of the unit's services surveyed.",
    )
    weight_mode = serializers.ChoiceField(
        choices=SurveyPeriod.WeightMode.choices, default=SurveyPeriod.WeightMode.EXACT
    )
    requires_code = serializers.BooleanField(
        default=False, help_text="Each respondent needs a one-time code handed out at the counter."
    )


class PeriodList(PeriodListBase):
    """SKM periods of the units you reach, published or not (token)."""

    permission_classes = [WriteScope]

    def get_queryset(self):
        return reachable_periods(self.request)

    @extend_schema(
        request=PeriodCreateSerializer,
        responses={201: PeriodDetailSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request):
        """Set up a survey period of a unit you manage, with its services and population, as
        on the web page (write scope; the unit head). It starts as a draft: open it with
        ``status``. The answer shows the required sample."""
        data = PeriodCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        unit = get_unit(request, values["unit"], managed=True)
        chosen = list(Service.objects.filter(pk__in=values["services"]))
        if len(chosen) != len(set(values["services"])):
            raise serializers.ValidationError(
                {"services": [_("Choose at least one service of this unit.")]}
            )
        period = skm_services.create_period(
            actor=request.user,
            unit=unit,
            kind=values["kind"],
            year=values["year"],
            number=values["number"],
            population=values["population"],
            services=chosen,
            weight_mode=values["weight_mode"],
            requires_code=values["requires_code"],
        )
        period = get_object_or_404(reachable_periods(request), pk=period.pk)
        return Response(PeriodDetailSerializer(period).data, status=status.HTTP_201_CREATED)


class PeriodDetail(generics.RetrieveAPIView):
    """One period of a unit you reach, with its results so far (token)."""

    permission_classes = [WriteScope]
    serializer_class = PeriodDetailSerializer
    queryset = SurveyPeriod.objects.none()

    def get_object(self):
        return get_object_or_404(reachable_periods(self.request), pk=self.kwargs["pk"])


def _open_period(pk: int) -> SurveyPeriod:
    return get_object_or_404(
        SurveyPeriod.objects.select_related("unit", "collection", "collection__version"),
        pk=pk,
        collection__status=Collection.Status.OPEN,
        unit__is_active=True,
    )


class Questionnaire(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = QuestionnaireSerializer

    @extend_schema(responses={200: QuestionnaireSerializer, **errors(404)})
    def get(self, request, pk: int):
        """The questions of an open survey, to build a form in another app (public)."""
        return Response(QuestionnaireSerializer(_open_period(pk)).data)


class ResponseSubmit(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = ResponseSubmitSerializer

    @extend_schema(
        responses={201: ReceiptSerializer, 200: ReceiptSerializer, **errors(400, 404, 409, 429)}
    )
    def post(self, request, pk: int):
        """A citizen's answers to an open survey, checked as on the web form (public). Refused
        answers (closed survey, too many from one client, a duplicate, a bad code) answer 409."""
        period = _open_period(pk)
        data = ResponseSubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        form, cleaned = checked_questionnaire(
            period.collection.version,
            values["answers"],
            submission_token=values["submission_token"],
            services=period.services.filter(is_active=True),
            service=values["service"],
        )
        token = token_of(request)
        client_key = f"token:{token.pk}" if token is not None else client_key_for(request)
        why = skm_services.public_answers_refusal(period)
        if why:
            record_refusal(collection=period.collection, reason="closed")
            error = exceptions.APIException(REFUSAL_MESSAGES[why], code="closed")
            error.status_code = status.HTTP_409_CONFLICT
            raise error
        try:
            response, created = submit_public_response(
                collection=period.collection,
                answers=form.answers(),
                submission_token=cleaned["submission_token"],
                client_key=client_key,
                device_key=None if token is not None else device_key_for(request),
                service=cleaned["service"],
                access_code=values.get("access_code", "") if period.requires_code else None,
            )
        except SubmissionRefused as refused:
            error = exceptions.APIException(REFUSAL_MESSAGES[refused.reason], code=refused.reason)
            error.status_code = status.HTTP_409_CONFLICT
            raise error from None
        return Response(
            {"receipt_number": response.number},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class PaperResponseSerializer(AnswersSerializer):
    """A paper questionnaire: the citizen's answers as marked on paper."""

    answered_on = serializers.DateField(
        required=False,
        help_text="The date written on the questionnaire (default today); inside the period.",
    )


class PaperResponseCreate(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = PaperResponseSerializer
    queryset = SurveyPeriod.objects.none()

    @extend_schema(
        responses={201: ReceiptSerializer, 200: ReceiptSerializer, **errors(400, 401, 403, 404)}
    )
    def post(self, request, pk: int):
        """Enter one paper questionnaire, marked as entered by you, as on the web's paper entry
        page (write scope; the unit's officers and head). Checked like a citizen's answers; the
        same submission token again answers 200 with the first receipt."""
        period = get_object_or_404(reachable_periods(request), pk=pk)
        if not can_enter_responses(request.user, period.unit):
            raise Http404
        data = PaperResponseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        form, cleaned = checked_questionnaire(
            period.collection.version,
            values["answers"],
            submission_token=values["submission_token"],
            services=period.services.all(),
            service=values["service"],
        )
        response, created = skm_services.enter_paper_response(
            actor=request.user,
            period=period,
            answers=form.answers(),
            service=cleaned["service"],
            submission_token=cleaned["submission_token"],
            answered_on=values.get("answered_on"),
        )
        return Response(
            {"receipt_number": response.number},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class AccessCodeBatchSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="How many new codes, 1 to 500.")


class AccessCodesSerializer(serializers.Serializer):
    codes = serializers.ListField(child=serializers.CharField(), help_text="The new codes.")
    survey_url = serializers.URLField(help_text="The survey's public page, for a QR code.")


class AccessCodesCreate(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = AccessCodeBatchSerializer
    queryset = SurveyPeriod.objects.none()

    @extend_schema(responses={201: AccessCodesSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """New one-time codes for a period that asks respondents for one, e.g. for a queue
        machine that prints one on each receipt; each code takes one questionnaire (write
        scope; the unit's officers and head, as on the web's codes page)."""
        period = get_object_or_404(reachable_periods(request), pk=pk)
        if not can_enter_responses(request.user, period.unit):
            raise Http404
        data = AccessCodeBatchSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = check_form(AccessCodeBatchForm(data={"count": str(data.validated_data["count"])}))
        codes = skm_services.make_access_codes(
            actor=request.user, period=period, count=cleaned["count"]
        )
        url = request.build_absolute_uri(reverse("survey:form", args=[period.collection.token]))
        return Response(
            {"codes": [code.code for code in codes], "survey_url": url},
            status=status.HTTP_201_CREATED,
        )


class PeriodStatus(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = StatusActionSerializer

    @extend_schema(responses={200: PeriodDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Open or close a period's collection of answers (unit head)."""
        period = get_object_or_404(reachable_periods(request), pk=pk)
        data = StatusActionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        skm_services.change_period_status(
            actor=request.user, period=period, action=data.validated_data["action"]
        )
        return Response(PeriodDetailSerializer(period).data)


class PeriodPublish(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = PublishSerializer

    @extend_schema(responses={200: PeriodDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Publish a period's results and record where (unit head)."""
        period = get_object_or_404(reachable_periods(request), pk=pk)
        data = PublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        skm_services.publish_period(
            actor=request.user,
            period=period,
            media=data.validated_data["media"],
            reason=data.validated_data.get("reason", ""),
        )
        return Response(PeriodDetailSerializer(period).data)


# --- The follow-up plan (rencana tindak lanjut) ------------------------------------------------


class PlanElementSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField(source="shown_label")  # type: ignore[assignment]  # a field named like a DRF Field attribute


class FollowUpActionSerializer(serializers.ModelSerializer):
    period = serializers.IntegerField(source="period_id", read_only=True)
    element = serializers.SerializerMethodField()

    class Meta:
        model = FollowUpAction
        fields = [
            "id",
            "period",
            "element_key",
            "element",
            "action",
            "owner",
            "deadline",
            "status",
            "completed_on",
            "report",
            "updated_at",
        ]

    @extend_schema_field(PlanElementSerializer(allow_null=True))
    def get_element(self, action) -> dict | None:
        """The scored element the action answers (null if the questionnaire no longer has it)."""
        element = getattr(action, "element", None)
        return PlanElementSerializer(element).data if element is not None else None


class PlanSummarySerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Actions not cancelled.")
    realised = serializers.IntegerField(help_text="Actions done.")
    percent = serializers.FloatField(allow_null=True)
    realisation_score = serializers.IntegerField(help_text="PEKPPP indicator 8 (0–5).")
    speed_score = serializers.IntegerField(help_text="PEKPPP indicator 9 (0–5).")
    last_completed = serializers.DateField(allow_null=True)


class PlanSerializer(serializers.Serializer):
    summary = PlanSummarySerializer()
    actions = FollowUpActionSerializer(many=True)


class FollowUpActionWriteSerializer(serializers.Serializer):
    element_key = serializers.CharField(
        max_length=60, help_text="Key of a scored element of the period (e.g. waktu)."
    )
    action = serializers.CharField(max_length=4000)
    owner = serializers.CharField(max_length=120, help_text="Who is responsible.")
    deadline = serializers.DateField()
    status = serializers.ChoiceField(
        choices=FollowUpAction.Status.choices, default=FollowUpAction.Status.PLANNED
    )
    completed_on = serializers.DateField(
        required=False, allow_null=True, help_text="Required when the status is done."
    )
    report = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, help_text="What was done."
    )


def _action_form(period: SurveyPeriod, values: dict, instance=None) -> FollowUpActionForm:
    """The web page's form, bound to the API's values (dates as ISO text, as a browser posts)."""
    data = {
        name: value.isoformat() if hasattr(value, "isoformat") else ("" if value is None else value)
        for name, value in values.items()
    }
    return FollowUpActionForm(data=data, instance=instance, elements=selectors.scored_items(period))


def _plan_action(period: SurveyPeriod, action: FollowUpAction) -> dict:
    """One action as the plan lists it, with its element."""
    elements = {item.key: item for item in selectors.scored_items(period)}
    action.element = elements.get(action.element_key)  # type: ignore[attr-defined]
    return FollowUpActionSerializer(action).data


class FollowUpPlan(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = FollowUpActionWriteSerializer
    queryset = SurveyPeriod.objects.none()

    @extend_schema(responses={200: PlanSerializer, **errors(401, 404)})
    def get(self, request, pk: int):
        """The period's follow-up plan (rencana tindak lanjut) as its page shows it: every
        action, cancelled ones too, and the realisation that PEKPPP scores (token)."""
        period = get_object_or_404(reachable_periods(request), pk=pk)
        summary = selectors.follow_up_summary(period)
        actions = selectors.follow_up_actions(period, include_cancelled=True)
        return Response(PlanSerializer({"summary": summary, "actions": actions}).data)

    @extend_schema(
        request=FollowUpActionWriteSerializer,
        responses={201: FollowUpActionSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, pk: int):
        """Add an action to the period's follow-up plan, with the web form's rules: an element
        of the questionnaire, a deadline, and the completion date once done (write scope; the
        unit head, the agency head; the unit's officers get 403)."""
        period = get_object_or_404(reachable_periods(request), pk=pk)
        if not can_manage_unit(request.user, period.unit):
            raise PermissionDenied
        data = FollowUpActionWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = check_form(_action_form(period, data.validated_data))
        action = skm_services.save_follow_up_action(
            actor=request.user, period=period, action=None, data=cleaned
        )
        return Response(_plan_action(period, action), status=status.HTTP_201_CREATED)


class FollowUpActionDetail(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = FollowUpActionWriteSerializer
    queryset = FollowUpAction.objects.none()

    @extend_schema(
        request=FollowUpActionWriteSerializer,
        responses={200: FollowUpActionSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request, pk: int):
        """Change an action of the plan: usually its ``status`` (``in_progress``, ``done`` with
        ``completed_on``, ``cancelled``) and ``report``; the fields sent replace the action's,
        then the whole action is checked as on the web page (write scope; the unit head, the
        agency head; the unit's officers get 403)."""
        action = get_object_or_404(
            FollowUpAction.objects.select_related(
                "period__unit", "period__collection__version"
            ).filter(period__in=reachable_periods(request)),
            pk=pk,
        )
        period = action.period
        if not can_manage_unit(request.user, period.unit):
            raise PermissionDenied
        data = FollowUpActionWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        current = {name: getattr(action, name) for name in FollowUpActionForm.Meta.fields}
        form = _action_form(
            period,
            {**current, **data.validated_data},
            instance=FollowUpAction.objects.get(pk=action.pk),
        )
        cleaned = check_form(form)
        action = skm_services.save_follow_up_action(
            actor=request.user, period=period, action=action, data=cleaned
        )
        return Response(_plan_action(period, action))


urlpatterns = [
    path("skm/results/", PublishedResultList.as_view(), name="skm-result-list"),
    path("skm/results/<int:pk>/", PublishedResultDetail.as_view(), name="skm-result-detail"),
    path("skm/periods/", PeriodList.as_view(), name="skm-period-list"),
    path("skm/periods/<int:pk>/", PeriodDetail.as_view(), name="skm-period-detail"),
    path("skm/periods/<int:pk>/questionnaire/", Questionnaire.as_view(), name="skm-questionnaire"),
    path("skm/periods/<int:pk>/responses/", ResponseSubmit.as_view(), name="skm-response-create"),
    path(
        "skm/periods/<int:pk>/paper-responses/",
        PaperResponseCreate.as_view(),
        name="skm-paper-response-create",
    ),
    path(
        "skm/periods/<int:pk>/access-codes/",
        AccessCodesCreate.as_view(),
        name="skm-access-codes-create",
    ),
    path("skm/periods/<int:pk>/status/", PeriodStatus.as_view(), name="skm-period-status"),
    path("skm/periods/<int:pk>/publish/", PeriodPublish.as_view(), name="skm-period-publish"),
    path("skm/periods/<int:pk>/actions/", FollowUpPlan.as_view(), name="skm-action-list"),
    path("skm/actions/<int:pk>/", FollowUpActionDetail.as_view(), name="skm-action-detail"),
]
