"""Answering: the questionnaire of an open period, a citizen's answers, an officer's paper entry,
one-time codes."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, permissions, serializers, status
from rest_framework.response import Response

from pantau.satisfaction import services as skm_services
from pantau.satisfaction.forms import AccessCodeBatchForm
from pantau.satisfaction.models import SurveyPeriod
from pantau.satisfaction.permissions import can_enter_responses
from pantau.surveys.models import Collection
from pantau.surveys.refusals import REFUSAL_MESSAGES
from pantau.surveys.services import (
    SubmissionRefused,
    client_key_for,
    device_key_for,
    record_refusal,
    submit_public_response,
)

from ...forms import check_form, checked_questionnaire, limits
from ...permissions import WriteScope, token_of
from ...schema import errors
from .periods import reachable_periods
from .serializers import (
    AnswersSerializer,
    QuestionnaireSerializer,
    ReceiptSerializer,
    ResponseSubmitSerializer,
)


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
            {"receipt_number": response.number, "held_for_review": response.held},
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
            {"receipt_number": response.number, "held_for_review": False},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class AccessCodeBatchSerializer(serializers.Serializer):
    count = serializers.IntegerField(
        **limits(AccessCodeBatchForm, "count"), help_text="How many new codes, 1 to 500."
    )


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
