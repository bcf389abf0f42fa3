"""Recommendations added by the evaluator and the unit's follow-up."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from pantau.evaluations import forms as evaluation_forms
from pantau.evaluations import permissions as evaluation_permissions
from pantau.evaluations import services as evaluation_services
from pantau.evaluations.models import (
    Recommendation,
)

from ...forms import check_form
from ...permissions import WriteScope
from ...schema import errors
from .lookups import field_error, lokus_of, unit_lokus
from .verification import RecommendationSerializer


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
        lokus = lokus_of(request, pk)
        if not evaluation_permissions.can_score(request.user, lokus):
            raise Http404
        data = RecommendationWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        instrument = lokus.round.instrument
        aspect = next(
            (a for a in instrument.aspects.all() if a.code == data.validated_data["aspect"]), None
        )
        if aspect is None:
            raise field_error("aspect", _("No aspect of this round's instrument has this code."))
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
        lokus = unit_lokus(request, lokus_id)
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
