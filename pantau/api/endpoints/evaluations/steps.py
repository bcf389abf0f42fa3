"""The round's status steps and the unit's self-assessment (F-01): its answers with evidence, and
its submission."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.datastructures import MultiValueDict
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, parsers, serializers
from rest_framework.response import Response

from pantau.evaluations import forms as evaluation_forms
from pantau.evaluations import permissions as evaluation_permissions
from pantau.evaluations import services as evaluation_services
from pantau.evaluations.models import (
    Evidence,
    Lokus,
    Round,
    SelfAssessment,
)

from ...fields import StrictBooleanField
from ...forms import check_form
from ...parsers import DescribedJSONParser
from ...permissions import WriteScope
from ...schema import errors
from .lookups import indicator_of, reachable_rounds, unit_lokus
from .serializers import RoundDetailSerializer

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


class SelfAssessmentSave(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = SelfAssessmentWriteSerializer
    queryset = SelfAssessment.objects.none()
    parser_classes = [DescribedJSONParser, parsers.MultiPartParser]

    @extend_schema(responses={200: SelfAssessmentSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Save the unit's self-assessment answer (F-01) to one indicator while the
        self-assessment window is open, with any evidence files (multipart/form-data); sent
        again, it replaces the answer and adds the files (write scope; the unit's officers and
        head)."""
        lokus = unit_lokus(request, pk)
        data = SelfAssessmentWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        indicator = indicator_of(lokus, values["indicator"])
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
        lokus = unit_lokus(request, pk)
        data = SelfAssessmentSubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        lokus = evaluation_services.submit_self_assessment(
            actor=request.user,
            lokus=lokus,
            confirm_incomplete=data.validated_data["confirm_incomplete"],
        )
        return Response(SelfAssessmentSubmittedSerializer(lokus).data)
