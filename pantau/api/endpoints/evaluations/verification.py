"""Verification: the unit's response to a score and the agreed score, with the recommendations they
lead to."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from pantau.evaluations import forms as evaluation_forms
from pantau.evaluations import permissions as evaluation_permissions
from pantau.evaluations import services as evaluation_services
from pantau.evaluations.models import (
    Recommendation,
    Verification,
)

from ...forms import check_form
from ...permissions import WriteScope
from ...schema import errors
from .lookups import indicator_of, lokus_of


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
        lokus = lokus_of(request, pk)
        if not evaluation_permissions.can_fill_self_assessment(request.user, lokus):
            raise Http404
        indicator = indicator_of(lokus, code)
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
    agreed_score = serializers.IntegerField(
        min_value=0, max_value=5, help_text="The agreed score, 0–5."
    )
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
        lokus = lokus_of(request, pk)
        if not evaluation_permissions.can_score(request.user, lokus):
            raise Http404
        indicator = indicator_of(lokus, code)
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
