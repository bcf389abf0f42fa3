"""``/api/v1/units/{slug}/…``: a unit's service standards in force and their public history, its
service pledge (maklumat), the outcome of its held consultation forums (public), and its
publication records (token; recording and deleting them with the write scope); and, with the
write scope, the writes of the web pages: a standard's workflow and its draft's content, the
pledge's draft and setting it, consultation forums with their participants, attendance and
agreements.

Reads go through ``standards.selectors`` (the public ones for the public endpoints, so a draft
or a forum not yet held never shows); writes go through ``standards.services`` after the web
form's own checks (``standards.forms``: VersionForm, MaklumatForm, ForumForm, AgreementForm…),
and the service checks the right."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, parsers, permissions, serializers, status
from rest_framework.response import Response

from pantau.organisations import selectors as organisations
from pantau.organisations.models import Service
from pantau.standards import forms as standard_forms
from pantau.standards import selectors
from pantau.standards import services as standard_services
from pantau.standards.models import (
    MANUFACTURING_KEYS,
    Agreement,
    Forum,
    Maklumat,
    Medium,
    Participant,
    Publication,
    StandardVersion,
)
from pantau.standards.permissions import can_edit_standards, can_set_standards

from ..forms import MAX_ID, check_form
from ..permissions import WriteScope, get_unit
from ..schema import errors

# --- Serializers ----------------------------------------------------------------------------


class RequirementSerializer(serializers.Serializer):
    text = serializers.CharField()
    note = serializers.CharField()


class StepSerializer(serializers.Serializer):
    text = serializers.CharField()
    actor = serializers.CharField()


class TimeLimitSerializer(serializers.Serializer):
    value = serializers.IntegerField(source="time_limit_value", allow_null=True)
    unit = serializers.CharField(source="time_limit_unit")
    note = serializers.CharField(source="time_limit_note")


class FeeSerializer(serializers.Serializer):
    free = serializers.BooleanField(source="fee_is_free")
    amount = serializers.IntegerField(
        source="fee_amount", allow_null=True, help_text="Rupiah; null when free."
    )
    legal_basis = serializers.CharField(source="fee_legal_basis")
    note = serializers.CharField(source="fee_note")


class VersionSummarySerializer(serializers.ModelSerializer):
    forum = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The consultation forum it was discussed in."
    )

    class Meta:
        model = StandardVersion
        fields = [
            "number",
            "status",
            "decree_number",
            "decree_date",
            "published_at",
            "superseded_at",
            "change_note",
            "forum",
        ]


class StandardSerializer(VersionSummarySerializer):
    """The six service-delivery components (the public part of a standard)."""

    service = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    requirements = RequirementSerializer(many=True, source="requirements.all")
    steps = StepSerializer(many=True, source="steps.all")
    time_limit = TimeLimitSerializer(source="*")
    fee = FeeSerializer(source="*")

    class Meta(VersionSummarySerializer.Meta):
        fields = [
            "service",
            *VersionSummarySerializer.Meta.fields,
            "review_months",
            "requirements",
            "steps",
            "time_limit",
            "fee",
            "product",
            "complaint_handling",
        ]


class InForceSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    decree_date = serializers.DateField(allow_null=True)
    time_limit = TimeLimitSerializer(source="*")
    free = serializers.BooleanField(source="fee_is_free")
    fee_amount = serializers.IntegerField(allow_null=True)


class ServiceStandardSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    standard = InForceSerializer(
        allow_null=True, help_text="The version in force, or null when none is published."
    )


class MaklumatSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Maklumat
        fields = [
            "unit",
            "number",
            "status",
            "promise",
            "improvement",
            "sanction",
            "signatory_name",
            "signatory_title",
            "set_on",
            "published_at",
        ]


class ForumSerializer(serializers.ModelSerializer):
    agreements = serializers.IntegerField(source="agreement_count")
    carried_out = serializers.IntegerField(
        source="done_count", help_text="Agreements carried out so far."
    )

    class Meta:
        model = Forum
        fields = ["id", "topic", "title", "held_on", "place", "agreements", "carried_out"]


class ParticipantCountSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    attended = serializers.IntegerField()


class AgreementStandardSerializer(serializers.Serializer):
    service = serializers.CharField(source="service.slug")
    number = serializers.IntegerField()


class AgreementSerializer(serializers.ModelSerializer):
    standard = AgreementStandardSerializer(
        allow_null=True, help_text="The standard version it changes."
    )

    class Meta:
        model = Agreement
        fields = ["text", "standard", "action", "outcome", "outcome_note"]


class ForumDetailSerializer(serializers.ModelSerializer):
    participants = serializers.SerializerMethodField()
    agreements = AgreementSerializer(many=True, source="agreements.all")

    class Meta:
        model = Forum
        fields = ["id", "topic", "title", "held_on", "place", "participants", "agreements"]

    @extend_schema_field(ParticipantCountSerializer(many=True))
    def get_participants(self, forum) -> list[dict]:
        return list(
            ParticipantCountSerializer(
                [
                    {"kind": kind, "label": label, "attended": n}
                    for kind, label, n in selectors.participant_type_counts(forum)
                ],
                many=True,
            ).data
        )


class PublicationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    target = serializers.SerializerMethodField(
        help_text="What was published: standard-<id>, maklumat-<id> or skm-<SKM period id>."
    )
    url = serializers.CharField(help_text="The link, on electronic media; empty otherwise.")
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = [
            "id",
            "unit",
            "subject",
            "target",
            "medium",
            "published_on",
            "url",
            "note",
            "has_evidence",
            "recorded_at",
        ]

    def get_target(self, record) -> str:
        for prefix, key in (("standard", "standard_id"), ("maklumat", "maklumat_id")):
            if getattr(record, key):
                return f"{prefix}-{getattr(record, key)}"
        return f"skm-{record.skm_period_id}"

    def get_has_evidence(self, record) -> bool:
        return bool(record.evidence)


class PublicationWriteSerializer(serializers.Serializer):
    target = serializers.CharField(
        max_length=40,
        help_text="What was published: standard-<id> (a published or replaced version), "
        "maklumat-<id> (a set pledge) or skm-<SKM period id> (a published period).",
    )
    medium = serializers.ChoiceField(choices=Medium.choices)
    published_on = serializers.DateField()
    url = serializers.URLField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="Required for electronic media (website, social media, app, SIPPN).",
    )
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ForumWriteSerializer(serializers.Serializer):
    """A forum's plan and minutes; on creation ``topic``, ``title`` and ``held_on`` are
    required, on a change what is left out keeps its value."""

    topic = serializers.ChoiceField(choices=Forum.Topic.choices, required=False)
    title = serializers.CharField(max_length=200, required=False)
    held_on = serializers.DateField(required=False)
    place = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="The place, or give the online link.",
    )
    online_link = serializers.URLField(max_length=200, required=False, allow_blank=True)
    minutes = serializers.CharField(
        required=False, allow_blank=True, help_text="The minutes (notulen); not public."
    )


class ParticipantEditSerializer(serializers.ModelSerializer):
    class Meta:
        model = Participant
        fields = ["id", "name", "organisation", "kind", "attended"]


class AgreementEditSerializer(AgreementSerializer):
    class Meta(AgreementSerializer.Meta):
        fields = ["id", *AgreementSerializer.Meta.fields]


class ForumEditSerializer(serializers.ModelSerializer):
    """A forum as its unit's editors see it: planned or held, with the minutes and the names."""

    online_link = serializers.CharField(help_text="The online link; empty when none.")
    participants = ParticipantEditSerializer(many=True, source="participants.all")
    agreements = AgreementEditSerializer(many=True, source="agreements.all")

    class Meta:
        model = Forum
        fields = [
            "id",
            "topic",
            "title",
            "held_on",
            "place",
            "online_link",
            "status",
            "minutes",
            "participants",
            "agreements",
        ]


class ParticipantWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    organisation = serializers.CharField(
        max_length=160, required=False, allow_blank=True, default=""
    )
    kind = serializers.ChoiceField(
        choices=Participant.Kind.choices, help_text="Whom they represent."
    )


class AttendanceWriteSerializer(serializers.Serializer):
    attended = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        max_length=1000,
        help_text="The ids of the participants who attended; the others did not.",
    )


class AgreementWriteSerializer(serializers.Serializer):
    """An agreement; on creation ``text`` is required, on a change what is left out keeps its
    value."""

    text = serializers.CharField(required=False)
    standard = AgreementStandardSerializer(
        required=False, allow_null=True, help_text="A version of a standard of the unit it changes."
    )
    action = serializers.CharField(max_length=300, required=False, allow_blank=True)
    outcome = serializers.ChoiceField(choices=Agreement.Outcome.choices, required=False)
    outcome_note = serializers.CharField(max_length=300, required=False, allow_blank=True)


# --- Public reads ---------------------------------------------------------------------------


def _public_service(slug: str, service_slug: str) -> Service:
    unit = organisations.get_public_unit(slug)
    return selectors.get_public_service(unit, service_slug)


class UnitStandards(generics.ListAPIView):
    """An active unit's active services, each with its standard in force or null (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ServiceStandardSerializer
    queryset = Service.objects.none()
    cursor_ordering = "slug"

    def list(self, request, *args, **kwargs):
        unit = organisations.get_public_unit(self.kwargs["slug"])
        page = self.paginate_queryset(unit.services.filter(is_active=True))
        in_force = selectors.public_standards_of_unit(unit)
        rows = [
            {
                "id": service.pk,
                "slug": service.slug,
                "name": service.name,
                "description": service.description,
                "standard": in_force.get(service.pk),
            }
            for service in page
        ]
        return self.get_paginated_response(ServiceStandardSerializer(rows, many=True).data)


class StandardInForce(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = StandardSerializer
    queryset = StandardVersion.objects.none()

    @extend_schema(responses={200: StandardSerializer, **errors(404)})
    def get(self, request, slug: str, service_slug: str):
        """The standard in force of a service: its six service-delivery components (public).
        404 when the service has none published."""
        version = selectors.version_in_force(_public_service(slug, service_slug))
        if version is None:
            raise Http404
        return Response(StandardSerializer(version).data)


class StandardHistory(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = VersionSummarySerializer
    queryset = StandardVersion.objects.none()
    pagination_class = None  # a service has a handful of versions

    @extend_schema(responses={200: VersionSummarySerializer(many=True), **errors(404)})
    def get(self, request, slug: str, service_slug: str):
        """The published versions of a service's standard, newest first, as one list (public)."""
        versions = selectors.public_history(_public_service(slug, service_slug))
        return Response(VersionSummarySerializer(versions, many=True).data)


class StandardVersionDetail(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = StandardSerializer
    queryset = StandardVersion.objects.none()

    @extend_schema(responses={200: StandardSerializer, **errors(404)})
    def get(self, request, slug: str, service_slug: str, number: int):
        """One published version (in force or replaced) of a service's standard (public)."""
        service = _public_service(slug, service_slug)
        return Response(StandardSerializer(selectors.get_public_version(service, number)).data)


class MaklumatInForce(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = MaklumatSerializer
    queryset = Maklumat.objects.none()

    @extend_schema(responses={200: MaklumatSerializer, **errors(404)})
    def get(self, request, slug: str):
        """The unit's service pledge in force (public). 404 when none is set."""
        pledge = selectors.current_maklumat(organisations.get_public_unit(slug))
        if pledge is None:
            raise Http404
        return Response(MaklumatSerializer(pledge).data)


class ForumList(generics.ListAPIView):
    """The unit's held consultation forums, newest first, with how many agreements were carried
    out (public). Forums not yet held are not shown."""

    serializer_class = ForumSerializer
    queryset = Forum.objects.none()
    cursor_ordering = ("-held_on", "-id")

    def get_permissions(self):
        return [permissions.AllowAny()] if self.request.method == "GET" else [WriteScope()]

    def get_queryset(self):
        return selectors.public_forums(organisations.get_public_unit(self.kwargs["slug"]))

    @extend_schema(
        request=ForumWriteSerializer,
        responses={201: ForumEditSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, slug: str):
        """Plan a consultation forum (write scope; the unit's officers and heads, the agency
        head). It shows publicly once recorded as held."""
        unit = _editing_unit(request, slug)
        forum = _save_forum(request, unit, None)
        return Response(ForumEditSerializer(forum).data, status=status.HTTP_201_CREATED)


class ForumDetail(generics.GenericAPIView):
    serializer_class = ForumDetailSerializer
    queryset = Forum.objects.none()

    def get_permissions(self):
        return [permissions.AllowAny()] if self.request.method == "GET" else [WriteScope()]

    @extend_schema(
        request=ForumWriteSerializer,
        responses={200: ForumEditSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request, slug: str, pk: int):
        """Change a forum, its minutes (notulen) too; what is left out keeps its value (write
        scope; the unit's officers and heads, the agency head)."""
        unit = _editing_unit(request, slug)
        forum = _save_forum(request, unit, selectors.get_forum(unit, pk))
        return Response(ForumEditSerializer(forum).data)

    @extend_schema(responses={200: ForumDetailSerializer, **errors(404)})
    def get(self, request, slug: str, pk: int):
        """A held forum's public outcome: who took part (by type) and what was agreed, and what
        happened to it (public). The minutes and the names of participants are not public."""
        forum = selectors.get_public_forum(organisations.get_public_unit(slug), pk)
        return Response(ForumDetailSerializer(forum).data)


# --- Publication records (token) ------------------------------------------------------------


class PublicationList(generics.ListAPIView):
    """Records of where the unit published its standards, pledge and SKM results (token; a unit
    you reach). Send a write-scoped token to record one."""

    permission_classes = [WriteScope]
    serializer_class = PublicationSerializer
    queryset = Publication.objects.none()
    cursor_ordering = "-id"

    def get_queryset(self):
        return selectors.publications_of_unit(get_unit(self.request, self.kwargs["slug"]))

    @extend_schema(
        request=PublicationWriteSerializer,
        responses={201: PublicationSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, slug: str):
        """Record that a standard, the pledge or an SKM result was published on a medium (the
        unit's officers and heads). Evidence files are attached on the web page."""
        unit = get_unit(request, slug)
        data = PublicationWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        form = standard_forms.PublicationForm(
            data={**values, "published_on": values["published_on"].isoformat()},
            targets=selectors.publication_targets(unit),
        )
        cleaned = check_form(form)
        subject, _label, target = form.targets[cleaned["target"]]
        record = standard_services.record_publication(
            actor=request.user,
            unit=unit,
            subject=subject,
            target=target,
            medium=cleaned["medium"],
            published_on=cleaned["published_on"],
            url=cleaned["url"],
            note=cleaned["note"],
        )
        return Response(PublicationSerializer(record).data, status=status.HTTP_201_CREATED)


class PublicationDetail(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = PublicationSerializer
    queryset = Publication.objects.none()

    @extend_schema(responses={204: None, **errors(401, 403, 404)})
    def delete(self, request, slug: str, pk: int):
        """Delete a publication record, with its evidence (the unit's officers and heads)."""
        unit = get_unit(request, slug)
        record = get_object_or_404(selectors.publications_of_unit(unit), pk=pk)
        standard_services.delete_publication(actor=request.user, record=record)
        return Response(status=status.HTTP_204_NO_CONTENT)


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


# --- The service pledge: a draft, set and published --------------------------------------------


class MaklumatWriteSerializer(serializers.Serializer):
    """The pledge's text; what is left out keeps the draft's value (for a new draft: the
    pledge in force's, or the standard wording of the three promises)."""

    promise = serializers.CharField(required=False, help_text="1. To serve by the standard.")
    improvement = serializers.CharField(required=False, help_text="2. To keep improving.")
    sanction = serializers.CharField(
        required=False, help_text="3. To accept sanctions or give compensation."
    )
    signatory_name = serializers.CharField(max_length=120, required=False)
    signatory_title = serializers.CharField(max_length=160, required=False)


class MaklumatPublishSerializer(serializers.Serializer):
    set_on = serializers.DateField(help_text="The date the head signed it; not in the future.")


def _editing_unit(request, slug: str):
    """A unit the token reaches (404 otherwise) whose standards the user edits (403 otherwise,
    as the web page refuses)."""
    unit = get_unit(request, slug)
    if not can_edit_standards(request.user, unit):
        raise PermissionDenied
    return unit


class MaklumatDraft(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = MaklumatWriteSerializer
    queryset = Maklumat.objects.none()

    @extend_schema(responses={200: MaklumatSerializer, **errors(401, 403, 404)})
    def get(self, request, slug: str):
        """The unit's draft pledge (token; the unit's officers and heads, the agency head).
        404 when there is none."""
        draft = selectors.maklumat_draft(_editing_unit(request, slug))
        if draft is None:
            raise Http404
        return Response(MaklumatSerializer(draft).data)

    @extend_schema(responses={200: MaklumatSerializer, **errors(400, 401, 403, 404)})
    def put(self, request, slug: str):
        """Write the unit's draft pledge, opening one when there is none (write scope; the unit's
        officers and heads, the agency head). A pledge in force is never changed: the draft
        replaces it when set and published."""
        unit = _editing_unit(request, slug)
        data = MaklumatWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        draft = selectors.maklumat_draft(unit)
        start = (
            {name: getattr(draft, name) for name in standard_services.PLEDGE_FIELDS}
            if draft
            else standard_services.new_maklumat_text(unit)
        )
        form = standard_forms.MaklumatForm(data=start | data.validated_data, instance=draft)
        cleaned = check_form(form)
        draft = standard_services.save_maklumat_draft(actor=request.user, unit=unit, data=cleaned)
        return Response(MaklumatSerializer(draft).data)


class MaklumatPublish(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = MaklumatPublishSerializer
    queryset = Maklumat.objects.none()

    @extend_schema(responses={200: MaklumatSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str):
        """Set and publish the draft pledge: it comes into force and the pledge in force until
        now becomes history (write scope; the unit head, the agency head). 404 without a draft."""
        unit = get_unit(request, slug)
        if not can_set_standards(request.user, unit):
            raise PermissionDenied
        draft = selectors.maklumat_draft(unit)
        if draft is None:
            raise Http404
        data = MaklumatPublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        form = standard_forms.MaklumatPublishForm(
            data={"set_on": data.validated_data["set_on"].isoformat()}
        )
        cleaned = check_form(form)
        pledge = standard_services.publish_maklumat(
            actor=request.user, maklumat=draft, set_on=cleaned["set_on"]
        )
        return Response(MaklumatSerializer(pledge).data)


# --- Consultation forums: planned, participants and attendance, held, agreements ----------------


def _save_forum(request, unit, forum: Forum | None) -> Forum:
    data = ForumWriteSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    start = {
        name: getattr(forum, name, "") or ""
        for name in ("topic", "title", "held_on", "place", "online_link", "minutes")
    }
    form = standard_forms.ForumForm(data=start | data.validated_data, instance=forum)
    cleaned = check_form(form)
    forum = standard_services.save_forum(actor=request.user, unit=unit, data=cleaned, forum=forum)
    return selectors.get_forum(unit, forum.pk)


class ForumParticipants(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ParticipantWriteSerializer
    queryset = Forum.objects.none()

    @extend_schema(responses={201: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str, pk: int):
        """Invite a participant, with whom they represent (write scope; the unit's officers and
        heads, the agency head). Attendance is recorded with ``…/attendance/``."""
        unit = _editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        data = ParticipantWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = check_form(standard_forms.ParticipantForm(data=data.validated_data))
        standard_services.add_participant(actor=request.user, forum=forum, data=cleaned)
        return Response(
            ForumEditSerializer(selectors.get_forum(unit, pk)).data,
            status=status.HTTP_201_CREATED,
        )


class ForumAttendance(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = AttendanceWriteSerializer
    queryset = Forum.objects.none()

    @extend_schema(responses={200: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def put(self, request, slug: str, pk: int):
        """Record who attended: the participants listed did, the others did not (write scope;
        the unit's officers and heads, the agency head). 400 for an id not of this forum."""
        unit = _editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        data = AttendanceWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ids = set(data.validated_data["attended"])
        if ids - {participant.pk for participant in forum.participants.all()}:
            raise serializers.ValidationError(
                {"attended": [_("Choose participants of this forum.")]}
            )
        standard_services.set_attendance(actor=request.user, forum=forum, attended_ids=ids)
        return Response(ForumEditSerializer(selectors.get_forum(unit, pk)).data)


class ForumHeld(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = None
    queryset = Forum.objects.none()

    @extend_schema(request=None, responses={200: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str, pk: int):
        """Record the forum as held: it then shows publicly and a draft standard can be recorded
        as discussed in it (write scope; the unit's officers and heads, the agency head). 400
        when it is dated in the future or nobody is recorded as attending."""
        unit = _editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        standard_services.mark_forum_held(actor=request.user, forum=forum)
        return Response(ForumEditSerializer(selectors.get_forum(unit, pk)).data)


def _save_agreement(request, unit, forum: Forum, agreement: Agreement | None) -> None:
    data = AgreementWriteSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    values = dict(data.validated_data)
    standards = StandardVersion.objects.filter(service__unit=unit).select_related("service")
    start = {
        "text": getattr(agreement, "text", ""),
        "standard": getattr(agreement, "standard_id", None) or "",
        "action": getattr(agreement, "action", ""),
        "outcome": getattr(agreement, "outcome", Agreement.Outcome.PENDING),
        "outcome_note": getattr(agreement, "outcome_note", ""),
    }
    if "standard" in values:
        wanted = values.pop("standard")
        version = (
            standards.filter(
                service__slug=wanted["service"]["slug"], number=wanted["number"]
            ).first()
            if wanted
            else None
        )
        if wanted and version is None:
            raise serializers.ValidationError({"standard": [_("Choose a standard of this unit.")]})
        start["standard"] = version.pk if version else ""
    form = standard_forms.AgreementForm(
        data=start | values, instance=agreement, standards=standards
    )
    cleaned = check_form(form)
    standard_services.save_agreement(
        actor=request.user, forum=forum, data=cleaned, agreement=agreement
    )


class ForumAgreements(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = AgreementWriteSerializer
    queryset = Agreement.objects.none()

    @extend_schema(responses={201: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str, pk: int):
        """Record an agreement reached in the forum, with the standard it changes (write scope;
        the unit's officers and heads, the agency head)."""
        unit = _editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        _save_agreement(request, unit, forum, None)
        return Response(
            ForumEditSerializer(selectors.get_forum(unit, pk)).data,
            status=status.HTTP_201_CREATED,
        )


class ForumAgreement(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = AgreementWriteSerializer
    queryset = Agreement.objects.none()

    @extend_schema(responses={200: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def patch(self, request, slug: str, pk: int, agreement: int):
        """Change an agreement, e.g. record what happened to it (``outcome``: ``done`` or
        ``dropped``, with ``outcome_note``); what is left out keeps its value (write scope;
        the unit's officers and heads, the agency head)."""
        unit = _editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        item = get_object_or_404(Agreement, forum=forum, pk=agreement)
        _save_agreement(request, unit, forum, item)
        return Response(ForumEditSerializer(selectors.get_forum(unit, pk)).data)


SERVICE = "units/<slug:slug>/services/<slug:service_slug>/standard/"

urlpatterns = [
    path(f"{SERVICE}drafts/", DraftStart.as_view(), name="standard-draft-start"),
    path(
        f"{SERVICE}versions/<int:version>/content/",
        VersionContent.as_view(),
        name="standard-version-content",
    ),
    path(
        f"{SERVICE}versions/<int:version>/discuss/",
        VersionDiscuss.as_view(),
        name="standard-version-discuss",
    ),
    path(
        f"{SERVICE}versions/<int:version>/set/", VersionSet.as_view(), name="standard-version-set"
    ),
    path(
        f"{SERVICE}versions/<int:version>/publish/",
        VersionPublish.as_view(),
        name="standard-version-publish",
    ),
    path("units/<slug:slug>/standards/", UnitStandards.as_view(), name="unit-standards"),
    path(SERVICE, StandardInForce.as_view(), name="standard-in-force"),
    path(f"{SERVICE}versions/", StandardHistory.as_view(), name="standard-history"),
    path(
        f"{SERVICE}versions/<int:number>/",
        StandardVersionDetail.as_view(),
        name="standard-version",
    ),
    path("units/<slug:slug>/maklumat/", MaklumatInForce.as_view(), name="unit-maklumat"),
    path("units/<slug:slug>/maklumat/draft/", MaklumatDraft.as_view(), name="unit-maklumat-draft"),
    path(
        "units/<slug:slug>/maklumat/draft/publish/",
        MaklumatPublish.as_view(),
        name="unit-maklumat-publish",
    ),
    path("units/<slug:slug>/forums/", ForumList.as_view(), name="unit-forum-list"),
    path("units/<slug:slug>/forums/<int:pk>/", ForumDetail.as_view(), name="unit-forum-detail"),
    path(
        "units/<slug:slug>/forums/<int:pk>/participants/",
        ForumParticipants.as_view(),
        name="unit-forum-participants",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/attendance/",
        ForumAttendance.as_view(),
        name="unit-forum-attendance",
    ),
    path("units/<slug:slug>/forums/<int:pk>/held/", ForumHeld.as_view(), name="unit-forum-held"),
    path(
        "units/<slug:slug>/forums/<int:pk>/agreements/",
        ForumAgreements.as_view(),
        name="unit-forum-agreements",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/agreements/<int:agreement>/",
        ForumAgreement.as_view(),
        name="unit-forum-agreement",
    ),
    path(
        "units/<slug:slug>/publications/",
        PublicationList.as_view(),
        name="unit-publication-list",
    ),
    path(
        "units/<slug:slug>/publications/<int:pk>/",
        PublicationDetail.as_view(),
        name="unit-publication-detail",
    ),
]
