"""A standard's workflow (a new draft, discussed, set, published) and its draft's content, through
standards.services.versions."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, parsers, serializers, status
from rest_framework.response import Response

from pantau.organisations.models import Service
from pantau.standards import forms as standard_forms
from pantau.standards import selectors
from pantau.standards import services as standard_services
from pantau.standards.models import (
    MANUFACTURING_KEYS,
    StandardVersion,
)
from pantau.standards.permissions import can_edit_standards

from ...forms import MAX_ID, check_form
from ...permissions import WriteScope, get_unit
from ...schema import errors
from .serializers import StandardSerializer, VersionSummarySerializer

# --- The standard's workflow: a new draft, discussed, set, published ---------------------------


def _editable_service(request, slug: str, service_slug: str) -> Service:
    """A service of a unit whose standards the user edits (standards.permissions) and the
    token reaches; a 404 otherwise."""
    unit = get_unit(request, slug)
    if not can_edit_standards(request.user, unit):
        raise Http404
    return get_object_or_404(unit.services.all(), slug=service_slug)


class DraftStart(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = None
    queryset = StandardVersion.objects.none()

    @extend_schema(
        request=None, responses={201: VersionSummarySerializer, **errors(400, 401, 403, 404)}
    )
    def post(self, request, slug: str, service_slug: str):
        """Open a new draft version of a service's standard, copied from its latest version
        (write scope; the unit's officers and heads, the agency head). Its content is changed with
        ``PATCH …/versions/{version}/content/``. 400 when a version is already in progress."""
        service = _editable_service(request, slug, service_slug)
        version = standard_services.start_version(actor=request.user, service=service)
        return Response(VersionSummarySerializer(version).data, status=status.HTTP_201_CREATED)


class DiscussWriteSerializer(serializers.Serializer):
    forum = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="The id of a held consultation forum of the unit."
    )


class VersionDiscuss(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = DiscussWriteSerializer
    queryset = StandardVersion.objects.none()

    @extend_schema(responses={200: VersionSummarySerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str, service_slug: str, version: int):
        """Record that the draft was discussed in a held consultation forum of the unit (write
        scope; the unit's officers and heads, the agency head)."""
        service = _editable_service(request, slug, service_slug)
        draft = selectors.get_version(service, version)
        data = DiscussWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        form = standard_forms.DiscussForm(
            data={"forum": str(data.validated_data["forum"])},
            forums=selectors.held_forums(service.unit),
        )
        cleaned = check_form(form)
        draft = standard_services.record_discussion(
            actor=request.user, version=draft, forum=cleaned["forum"]
        )
        return Response(VersionSummarySerializer(draft).data)


class SetWriteSerializer(serializers.Serializer):
    decree_number = serializers.CharField(max_length=120)
    decree_date = serializers.DateField(help_text="Not in the future.")
    decree_file = serializers.FileField(help_text="The signed decree: a PDF or a picture, ≤ 10 MB.")


class VersionSet(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = SetWriteSerializer
    parser_classes = [parsers.MultiPartParser]
    queryset = StandardVersion.objects.none()

    @extend_schema(
        request={"multipart/form-data": SetWriteSerializer},
        responses={200: VersionSummarySerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, slug: str, service_slug: str, version: int):
        """Set (menetapkan) a discussed version by decree, sent as multipart/form-data with the
        signed decree file; from now on it cannot change (write scope; the unit head, the
        agency head). 400 while a component is missing."""
        service = _editable_service(request, slug, service_slug)
        draft = selectors.get_version(service, version)
        data = SetWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        form = standard_forms.SetForm(
            data={
                "decree_number": values["decree_number"],
                "decree_date": values["decree_date"].isoformat(),
            },
            files={"decree_file": values["decree_file"]},  # type: ignore[arg-type]
        )
        cleaned = check_form(form)
        draft = standard_services.set_version(actor=request.user, version=draft, **cleaned)
        return Response(VersionSummarySerializer(draft).data)


class VersionPublish(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = None
    queryset = StandardVersion.objects.none()

    @extend_schema(
        request=None, responses={200: VersionSummarySerializer, **errors(400, 401, 403, 404)}
    )
    def post(self, request, slug: str, service_slug: str, version: int):
        """Publish a set version: it comes into force and the version in force until now
        becomes history (write scope; the unit head, the agency head)."""
        service = _editable_service(request, slug, service_slug)
        draft = selectors.get_version(service, version)
        draft = standard_services.publish_version(actor=request.user, version=draft)
        return Response(VersionSummarySerializer(draft).data)


class RequirementWriteSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=standard_services.LINE_TEXT_MAX)
    note = serializers.CharField(
        max_length=standard_services.LINE_NOTE_MAX, required=False, allow_blank=True, default=""
    )


class StepWriteSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=standard_services.LINE_TEXT_MAX)
    actor = serializers.CharField(
        max_length=standard_services.LINE_NOTE_MAX,
        required=False,
        allow_blank=True,
        default="",
        help_text="Who does the step.",
    )


class TimeLimitWriteSerializer(serializers.Serializer):
    value = serializers.IntegerField(min_value=0, max_value=2**31 - 1, allow_null=True)
    unit = serializers.ChoiceField(choices=StandardVersion.TimeUnit.choices, allow_blank=True)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class FeeWriteSerializer(serializers.Serializer):
    free = serializers.BooleanField()
    amount = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        allow_null=True,
        required=False,
        default=None,
        help_text="Rupiah; null when free.",
    )
    legal_basis = serializers.CharField(
        max_length=300,
        required=False,
        allow_blank=True,
        default="",
        help_text="The regulation that sets the fee.",
    )
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


def _text(**kwargs):
    return serializers.CharField(required=False, allow_blank=True, **kwargs)


class DraftWriteSerializer(serializers.Serializer):
    """The content of a draft; what is left out keeps its value. A list sent replaces the whole
    list (in the order sent); ``time_limit`` and ``fee`` are replaced whole."""

    requirements = RequirementWriteSerializer(many=True, required=False)
    steps = StepWriteSerializer(many=True, required=False)
    time_limit = TimeLimitWriteSerializer(required=False)
    fee = FeeWriteSerializer(required=False)
    product = _text()
    complaint_handling = _text()
    legal_basis = _text()
    facilities = _text()
    staff_competence = _text()
    internal_supervision = _text()
    staff_count = _text()
    service_guarantee = _text()
    safety_guarantee = _text()
    staff_evaluation = _text()
    change_note = _text(max_length=300)
    review_months = serializers.IntegerField(
        required=False, min_value=1, max_value=60, help_text="Months until the next review."
    )


class DraftSerializer(StandardSerializer):
    """A version with all fourteen components: the six of service delivery and the eight of
    its manufacturing (the internal part)."""

    class Meta(StandardSerializer.Meta):
        fields = [*StandardSerializer.Meta.fields, *MANUFACTURING_KEYS]


# The service's field names, as the API names them (for its errors).
DRAFT_FIELD_NAMES = {
    "time_limit_value": "time_limit.value",
    "time_limit_unit": "time_limit.unit",
    "time_limit_note": "time_limit.note",
    "fee_is_free": "fee.free",
    "fee_amount": "fee.amount",
    "fee_legal_basis": "fee.legal_basis",
    "fee_note": "fee.note",
}
DRAFT_TEXT_FIELDS = ("product", "complaint_handling", *MANUFACTURING_KEYS, "change_note")


def _draft_changes(values: dict) -> dict:
    """The sent content by the service's field names; what is left out keeps its value."""
    content = {
        name: values[name] for name in (*DRAFT_TEXT_FIELDS, "review_months") if name in values
    }
    if "time_limit" in values:
        limit = values["time_limit"]
        content.update(
            time_limit_value=limit["value"],
            time_limit_unit=limit["unit"],
            time_limit_note=limit["note"],
        )
    if "fee" in values:
        fee = values["fee"]
        content.update(
            fee_is_free=fee["free"],
            fee_amount=fee["amount"],
            fee_legal_basis=fee["legal_basis"],
            fee_note=fee["note"],
        )
    return content


class VersionContent(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = DraftWriteSerializer
    queryset = StandardVersion.objects.none()

    @extend_schema(responses={200: DraftSerializer, **errors(401, 403, 404)})
    def get(self, request, slug: str, service_slug: str, version: int):
        """A version with all fourteen components, a draft too (token; the unit's officers and
        heads, the agency head)."""
        service = _editable_service(request, slug, service_slug)
        return Response(DraftSerializer(selectors.get_version(service, version)).data)

    @extend_schema(responses={200: DraftSerializer, **errors(400, 401, 403, 404)})
    def patch(self, request, slug: str, service_slug: str, version: int):
        """Change the content of a draft (or discussed) version: any of its fourteen components;
        what is left out keeps its value (write scope; the unit's officers and heads, the agency
        head). 400 once the version is set: it can no longer change; start a new draft."""
        service = _editable_service(request, slug, service_slug)
        draft = selectors.get_version(service, version)
        data = DraftWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        requirements = (
            [(row["text"], row["note"]) for row in values["requirements"]]
            if "requirements" in values
            else [(row.text, row.note) for row in draft.requirements.all()]
        )
        steps = (
            [(row["text"], row["actor"]) for row in values["steps"]]
            if "steps" in values
            else [(row.text, row.actor) for row in draft.steps.all()]
        )
        try:
            draft = standard_services.update_version(
                actor=request.user,
                version=draft,
                data=_draft_changes(values),
                requirements=requirements,
                steps=steps,
            )
        except DjangoValidationError as error:
            if not hasattr(error, "error_dict"):
                raise
            raise serializers.ValidationError(
                {
                    DRAFT_FIELD_NAMES.get(name, name): errors
                    for name, errors in error.message_dict.items()
                }
            ) from None
        draft = selectors.get_version(service, draft.number)
        return Response(DraftSerializer(draft).data)
