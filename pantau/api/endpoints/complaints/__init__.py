"""``/api/v1/complaints/``: the public intake and tracking, and the unit's handling actions.

Every write goes through ``pantau.complaints.services`` (submit_complaint, transition, categorise,
add_note) and every staff read through ``selectors.visible_complaints``, narrowed to the token's
units. A report of a unit the token does not reach answers 404."""

import django_filters
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response

from pantau.complaints import forms as complaint_forms
from pantau.complaints import selectors, services
from pantau.complaints.models import Category, Complaint, Event, Status
from pantau.organisations.models import Agency, ServiceUnit

from ...fields import StrictBooleanField
from ...filters import IntegerFilter, KnownValueFilter, MomentFilter, known
from ...forms import MAX_ID, check_form
from ...permissions import WriteScope, narrow_by_unit
from ...schema import errors
from ...throttling import (
    AnonymousRateThrottle,
    ComplaintIntakeThrottle,
    TokenRateThrottle,
    TrackRateThrottle,
)
from .intake import (
    ComplaintCreateSerializer,
    ComplaintReceiptSerializer,
    issuer_of,
    keyed_submission_token,
    submit_report,
)

# --- Serializers ---------------------------------------------------------------------------


class CategorySerializer(serializers.ModelSerializer):
    code = serializers.SlugField()
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]  # a field named like a DRF Field attribute
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Category
        fields = ["code", "name", "name_en", "label", "description", "agency"]


class TrackSerializer(serializers.Serializer):
    tracking_number = serializers.CharField(max_length=20)
    access_code = serializers.CharField(max_length=20)


class PublicEventSerializer(serializers.ModelSerializer):
    action_label = serializers.CharField(read_only=True)
    unit = serializers.CharField(source="unit.name", default=None, allow_null=True)

    class Meta:
        model = Event
        fields = ["at", "action", "action_label", "from_status", "to_status", "note", "unit"]


class EventSerializer(PublicEventSerializer):
    actor = serializers.CharField(source="actor.username", default=None, allow_null=True)

    class Meta(PublicEventSerializer.Meta):
        fields = [*PublicEventSerializer.Meta.fields, "public", "actor"]


class PublicComplaintSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display")
    unit = serializers.CharField(source="unit.name", default=None, allow_null=True)
    category = serializers.CharField(source="category.label", default=None, allow_null=True)
    events = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "tracking_number",
            "kind",
            "status",
            "status_label",
            "subject",
            "unit",
            "category",
            "created_at",
            "resolution_due",
            "answered_at",
            "closed_at",
            "rating",
            "events",
        ]

    def get_events(self, complaint) -> list[dict]:
        return list(PublicEventSerializer(selectors.public_events(complaint), many=True).data)


class ReporterSerializer(serializers.Serializer):
    name = serializers.CharField(source="reporter_name")
    email = serializers.CharField(source="reporter_email")
    phone = serializers.CharField(source="reporter_phone")


class ComplaintSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    category = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    assigned_to = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    duplicate_of = serializers.SlugRelatedField(
        slug_field="tracking_number", read_only=True, allow_null=True
    )
    reporter = serializers.SerializerMethodField(
        help_text="Null when the report is anonymous: its reporter is never shown."
    )
    lat = serializers.FloatField(
        source="latitude",
        read_only=True,
        allow_null=True,
        help_text="The reporter's point (WGS84), when given.",
    )
    long = serializers.FloatField(source="longitude", read_only=True, allow_null=True)
    queue_agency = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="The agency whose coordinator or inspector holds the report (queue "
        "'coordinator' or 'inspector'); null for the unit's and the national queue.",
    )

    class Meta:
        model = Complaint
        fields = [
            "tracking_number",
            "kind",
            "channel",
            "status",
            "unit",
            "agency",
            "service",
            "category",
            "subject",
            "description",
            "happened_on",
            "remedy",
            "external_reference",
            "lat",
            "long",
            "late",
            "anonymous",
            "confidential",
            "integrity",
            "queue",
            "queue_agency",
            "reporter",
            "assigned_to",
            "verify_due",
            "response_due",
            "resolution_due",
            "first_response_at",
            "answered_at",
            "closed_at",
            "archive_reason",
            "rating",
            "duplicate_of",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(ReporterSerializer(allow_null=True))
    def get_reporter(self, complaint) -> dict | None:
        return None if complaint.anonymous else ReporterSerializer(complaint).data


class ComplaintDetailSerializer(ComplaintSerializer):
    events = EventSerializer(many=True, read_only=True)
    tags = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()

    class Meta(ComplaintSerializer.Meta):
        fields = [*ComplaintSerializer.Meta.fields, "tags", "events", "allowed_actions"]

    def get_tags(self, complaint) -> list[str]:
        return sorted(tag.name for tag in complaint.tags.all())

    def get_allowed_actions(self, complaint) -> list[str]:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        return [a for a in services.allowed_actions(complaint, user) if a not in REPORTER_ACTIONS]


REPORTER_ACTIONS = ("reporter_reply", "reopen")
STAFF_ACTIONS = [a for a in services.TRANSITIONS if a not in REPORTER_ACTIONS]


class TransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=STAFF_ACTIONS)
    note = serializers.CharField(required=False, allow_blank=True, max_length=10000, default="")
    unit = serializers.SlugField(
        required=False, help_text="assign, forward: slug of the unit that acts on the report."
    )
    officer = serializers.CharField(
        required=False, max_length=150, help_text="assign, forward: username of an officer."
    )
    reason = serializers.ChoiceField(
        choices=Complaint.ArchiveReason.choices, required=False, help_text="archive: why."
    )
    duplicate_of = serializers.CharField(
        required=False, max_length=20, help_text="archive as duplicate: the earlier report."
    )


class CategoriseSerializer(serializers.Serializer):
    category = serializers.SlugField(allow_null=True, help_text="Category code, or null.")
    tags = serializers.ListField(
        child=serializers.CharField(max_length=100), default=list, max_length=20
    )


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=10000)
    public = StrictBooleanField(default=False, help_text="Show it to the reporter.")


# --- Filters ---------------------------------------------------------------------------------


class ComplaintFilter(django_filters.FilterSet):
    unit = KnownValueFilter(field_name="unit__slug", model=ServiceUnit, help_text="Unit slug.")
    service = IntegerFilter(
        field_name="service_id", min_value=1, max_value=MAX_ID, help_text="Service id."
    )
    category = KnownValueFilter(
        field_name="category__code", model=Category, lookup="code", help_text="Category code."
    )
    kind = django_filters.ChoiceFilter(choices=Complaint.Kind.choices)
    status = django_filters.ChoiceFilter(
        choices=[("open", _("Any open status")), *Status.choices], method="filter_status"
    )
    external_reference = django_filters.CharFilter(
        max_length=100, help_text="The report's number in the system that sent it."
    )
    created_after = MomentFilter(field_name="created_at", lookup_expr="gte")
    created_before = MomentFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = Complaint
        fields: list[str] = []

    def filter_status(self, queryset, name, value):
        from pantau.complaints.models import OPEN_STATUSES

        return (
            queryset.filter(status__in=OPEN_STATUSES)
            if value == "open"
            else queryset.filter(status=value)
        )


# --- Views -----------------------------------------------------------------------------------


def reachable_complaints(request):
    return narrow_by_unit(request, selectors.visible_complaints(request.user))


def get_complaint(request, number: str) -> Complaint:
    return get_object_or_404(reachable_complaints(request), tracking_number=number)


class CategoryList(generics.ListAPIView):
    """Complaint categories that apply to a unit or government (the national ones without either)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = CategorySerializer
    queryset = Category.objects.none()
    cursor_ordering = "position"
    query_parameters = ("unit", "agency")

    def get_queryset(self):
        unit = agency = None
        if self.request.query_params.get("unit"):
            unit = known(self.request, "unit", ServiceUnit)
        elif self.request.query_params.get("agency"):
            agency = known(self.request, "agency", Agency)
        return selectors.categories_for(unit=unit, agency=agency).select_related("agency")

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "unit", {"type": "string", "maxLength": 80}, description="Slug of a service unit."
            ),
            OpenApiParameter(
                "agency",
                {"type": "string", "maxLength": 80},
                description="Slug of a government or agency.",
            ),
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ComplaintList(generics.ListCreateAPIView):
    own_idempotency = True  # its Idempotency-Key is its submission_token (pantau.api.idempotency)
    """Reports of the units you reach (GET, token), or a citizen's new report (POST, public)."""

    serializer_class = ComplaintSerializer
    queryset = Complaint.objects.none()
    filterset_class = ComplaintFilter
    cursor_ordering = "-created_at"

    def get_permissions(self):
        if self.request.method == "POST":
            return [permissions.AllowAny()]
        return [WriteScope()]

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.request.method == "POST":
            throttles.append(ComplaintIntakeThrottle())
        return throttles

    def get_queryset(self):
        # What the list's serializer reads, and no more joins: planning visible_complaints'
        # six joins cost PostgreSQL more than running the query (3 to 7 ms against 0.3 ms).
        return (
            reachable_complaints(self.request)
            .select_related(None)
            .select_related("unit", "agency", "category", "assigned_to")
            .prefetch_related("duplicate_of")
        )

    @extend_schema(
        request=ComplaintCreateSerializer,
        responses={
            201: ComplaintReceiptSerializer,
            200: ComplaintReceiptSerializer,
            **errors(400, 429),
        },
    )
    def post(self, request):
        """Send a report as a citizen would on the web form; no token needed. Keep the access code:
        with the tracking number it is the only way to follow the report."""
        data = ComplaintCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = {**data.validated_data}
        keyed = keyed_submission_token(request)
        if keyed is not None:
            cleaned["submission_token"] = keyed
        complaint, code, created = submit_report(cleaned, issuer=issuer_of(request))
        body = {
            "tracking_number": complaint.tracking_number,
            "access_code": code,
            "status": complaint.status,
            "created_at": complaint.created_at,
        }
        return Response(
            ComplaintReceiptSerializer(body).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class ComplaintTrack(generics.GenericAPIView):
    """Follow a report with its tracking number and access code (what the reporter sees)."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = [TrackRateThrottle, TokenRateThrottle, AnonymousRateThrottle]
    serializer_class = TrackSerializer

    @extend_schema(
        request=TrackSerializer, responses={200: PublicComplaintSerializer, **errors(400, 404, 429)}
    )
    def post(self, request):
        data = TrackSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        complaint = services.find_by_number_and_code(
            data.validated_data["tracking_number"], data.validated_data["access_code"]
        )
        if complaint is None:
            from rest_framework.exceptions import NotFound

            raise NotFound(_("The tracking number and access code do not match a report."))
        for throttle in self.get_throttles():
            if isinstance(throttle, TrackRateThrottle):
                throttle.record_success(request, self)  # only wrong tries use the limit up
        return Response(PublicComplaintSerializer(complaint).data)


class ComplaintDetail(generics.RetrieveAPIView):
    serializer_class = ComplaintDetailSerializer
    queryset = Complaint.objects.none()
    permission_classes = [WriteScope]

    def get_object(self):
        return with_details(get_complaint(self.request, self.kwargs["number"]))


def with_details(complaint: Complaint) -> Complaint:
    """The report with its events (and their actors and units) and tags, in three queries."""
    from django.db.models import Prefetch

    return (
        Complaint.objects.select_related(
            "unit", "agency", "category", "assigned_to", "duplicate_of"
        )
        .prefetch_related(
            Prefetch("events", queryset=Event.objects.select_related("actor", "unit")),
            "tags",  # type: ignore[misc]  # taggit's manager prefetches; the stubs do not know it
        )
        .get(pk=complaint.pk)
    )


class ComplaintTransition(generics.GenericAPIView):
    """One workflow step (verify, assign, start, answer, close, postpone, forward, archive)."""

    permission_classes = [WriteScope]
    serializer_class = TransitionSerializer

    @extend_schema(responses={200: ComplaintDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, number: str):
        complaint = get_complaint(request, number)
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        unit = officer = original = None
        if values.get("unit"):
            unit = ServiceUnit.objects.filter(slug=values["unit"], is_active=True).first()
            if unit is None:
                raise serializers.ValidationError(
                    {"unit": _("There is no active unit with this slug.")}
                )
        if values.get("officer"):
            officer = (
                get_user_model().objects.filter(username=values["officer"], is_active=True).first()
            )
            if officer is None:
                raise serializers.ValidationError(
                    {"officer": _("There is no active user with this name.")}
                )
        if values.get("duplicate_of"):
            original = (
                reachable_complaints(request)
                .filter(tracking_number__iexact=values["duplicate_of"].strip())
                .first()
            )
            if original is None:
                raise serializers.ValidationError(
                    {"duplicate_of": _("No report you can see has this tracking number.")}
                )
        services.transition(
            actor=request.user,
            complaint=complaint,
            action=values["action"],
            note=values["note"],
            unit=unit,
            officer=officer,
            reason=values.get("reason", ""),
            duplicate_of=original,
        )
        return _detail_after(request, complaint)


def _detail_after(request, complaint) -> Response:
    """The report after a step (a forwarded report may since have left the caller's reach; the
    caller has just acted on it, so it sees the result once)."""
    return Response(ComplaintDetailSerializer(with_details(complaint)).data)


class ComplaintCategorise(generics.GenericAPIView):
    """Set the category and the internal tags of a report."""

    permission_classes = [WriteScope]
    serializer_class = CategoriseSerializer

    @extend_schema(responses={200: ComplaintDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, number: str):
        complaint = get_complaint(request, number)
        data = CategoriseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        code = data.validated_data["category"]
        category = None
        if code:
            category = (
                selectors.categories_for(complaint.unit, complaint.agency)
                .filter(code=code)
                .order_by("agency_id")
                .first()
            )
            if category is None:
                raise serializers.ValidationError(
                    {"category": _("This category does not apply to the report's unit.")}
                )
        form = complaint_forms.CategoriseForm(
            data={
                "category": category.pk if category else "",
                "tags": ", ".join(data.validated_data["tags"]),
            },
            complaint=complaint,
        )
        cleaned = check_form(form)
        services.categorise(
            actor=request.user,
            complaint=complaint,
            category=cleaned["category"],
            tags=cleaned["tags"],
        )
        return _detail_after(request, complaint)


class ComplaintNote(generics.GenericAPIView):
    """Add a note: internal, or public (the reporter reads it on the tracking page)."""

    permission_classes = [WriteScope]
    serializer_class = NoteSerializer

    @extend_schema(responses={201: EventSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, number: str):
        complaint = get_complaint(request, number)
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = check_form(complaint_forms.NoteForm(data=data.validated_data))
        event = services.add_note(
            actor=request.user, complaint=complaint, note=cleaned["note"], public=cleaned["public"]
        )
        return Response(EventSerializer(event).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("complaints/", ComplaintList.as_view(), name="complaint-list"),
    path("complaints/categories/", CategoryList.as_view(), name="complaint-category-list"),
    path("complaints/track/", ComplaintTrack.as_view(), name="complaint-track"),
    path("complaints/<slug:number>/", ComplaintDetail.as_view(), name="complaint-detail"),
    path(
        "complaints/<slug:number>/transitions/",
        ComplaintTransition.as_view(),
        name="complaint-transition",
    ),
    path(
        "complaints/<slug:number>/categorise/",
        ComplaintCategorise.as_view(),
        name="complaint-categorise",
    ),
    path("complaints/<slug:number>/notes/", ComplaintNote.as_view(), name="complaint-note"),
]
