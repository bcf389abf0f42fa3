"""The follow-up plan (rencana tindak lanjut) of a period, through satisfaction.services: the
improvement register's actions on the period's elements (issue 21), with the plan's own field
names (``action``, ``owner``, ``deadline``, ``report``; a dropped action is "cancelled")."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from pantau.improvements.models import Action, Source
from pantau.organisations.permissions import can_manage_unit
from pantau.satisfaction import selectors
from pantau.satisfaction import services as skm_services
from pantau.satisfaction.forms import PLAN_STATUSES, FollowUpActionForm
from pantau.satisfaction.models import SurveyPeriod

from ...forms import check_form
from ...permissions import WriteScope
from ...schema import errors
from .periods import reachable_periods

# --- The follow-up plan (rencana tindak lanjut) ------------------------------------------------


class PlanElementSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField(source="shown_label")  # type: ignore[assignment]  # a field named like a DRF Field attribute


class FollowUpActionSerializer(serializers.ModelSerializer):
    period = serializers.IntegerField(source="period_id", read_only=True)
    element = serializers.SerializerMethodField()
    action = serializers.CharField(source="plan_text", read_only=True)
    owner = serializers.CharField(
        source="owner_label", read_only=True, help_text="Who is responsible."
    )
    deadline = serializers.DateField(source="due_on", read_only=True)
    status = serializers.SerializerMethodField()
    report = serializers.CharField(
        source="evidence_note", read_only=True, help_text="What was done."
    )

    class Meta:
        model = Action
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

    @extend_schema_field(
        serializers.ChoiceField(choices=[value for value, _label in PLAN_STATUSES])
    )
    def get_status(self, action) -> str:
        return "cancelled" if action.status == "dropped" else action.status


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
    status = serializers.ChoiceField(choices=PLAN_STATUSES, default="planned")
    completed_on = serializers.DateField(
        required=False, allow_null=True, help_text="Required when the status is done."
    )
    report = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, help_text="What was done."
    )


def _action_form(period: SurveyPeriod, values: dict) -> FollowUpActionForm:
    """The web page's form, bound to the API's values (dates as ISO text, as a browser posts)."""
    data = {
        name: value.isoformat() if hasattr(value, "isoformat") else ("" if value is None else value)
        for name, value in values.items()
    }
    return FollowUpActionForm(data=data, elements=selectors.scored_items(period))


def _plan_action(period: SurveyPeriod, action: Action) -> dict:
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
    queryset = Action.objects.none()

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
            Action.objects.select_related(
                "unit", "owner", "period__unit", "period__collection__version"
            ).filter(source=Source.SKM_ELEMENT, period__in=reachable_periods(request)),
            pk=pk,
        )
        period = action.period
        if period is None:  # an SKM action always names its period (a database check)
            raise Http404
        if not can_manage_unit(request.user, period.unit):
            raise PermissionDenied
        data = FollowUpActionWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        current = FollowUpActionForm.values_of(action)
        cleaned = check_form(_action_form(period, {**current, **data.validated_data}))
        action = skm_services.save_follow_up_action(
            actor=request.user, period=period, action=action, data=cleaned
        )
        return Response(_plan_action(period, action))
