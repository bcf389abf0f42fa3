"""``/api/v1/observations/``: mystery-shopping and observation visits (issue 21), read only. A
token reads the visits its user may open (``observations.selectors.visible_visits``: those
assigned to the user, those of the units whose programme the user runs, and the submitted ones
of the units the user heads), narrowed to the token's units; a visit's answers, notes and photo
fingerprints; and a unit's summary as the report card reads it. The observer is named only to
the observer and to those who run the programme, as on the web pages. Visits are scheduled and
entered on the web pages."""

from datetime import date, timedelta

import django_filters
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.response import Response

from pantau.observations import permissions, selectors
from pantau.observations.models import Kind, Visit
from pantau.organisations.models import ServiceUnit
from pantau.surveys.models import CheckAnswer

from ..filters import KnownValueFilter
from ..permissions import ReadScope, get_unit, narrow_by_unit
from ..schema import errors

ANSWER_NAMES = {
    CheckAnswer.YES: "yes",
    CheckAnswer.NO: "no",
    CheckAnswer.NOT_APPLICABLE: "not_applicable",
}


class VisitSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    service = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    checklist = serializers.SerializerMethodField()
    observer = serializers.SerializerMethodField()
    score = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text="0–100: the weighted share of yes among the items that applied; null before "
        "submission or when no item applied.",
    )

    class Meta:
        model = Visit
        fields = [
            "id",
            "unit",
            "service",
            "kind",
            "checklist",
            "planned_on",
            "status",
            "score",
            "applicable_items",
            "failed_items",
            "submitted_at",
            "observer",
        ]

    def get_checklist(self, visit) -> str:
        """The checklist's code and version (``setia v1``, ``standar-layanan-12 v2``)."""
        version = visit.collection.version
        return f"{version.instrument.code} v{version.number}"

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_observer(self, visit) -> str | None:
        """The observer's username, for the observer and those who run the programme; null
        for the unit's head."""
        user = self.context["request"].user
        return visit.observer.username if permissions.sees_observer(user, visit) else None


class PhotoSerializer(serializers.Serializer):
    name = serializers.CharField(source="file_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()


class ItemResultSerializer(serializers.Serializer):
    key = serializers.CharField(source="item.key")
    code = serializers.CharField(source="item.code")
    text = serializers.CharField(source="item.shown_text")
    weight = serializers.IntegerField(source="item.weight")
    answer = serializers.SerializerMethodField()
    note = serializers.SerializerMethodField()
    photo = serializers.SerializerMethodField()

    @extend_schema_field(
        serializers.ChoiceField(choices=["yes", "no", "not_applicable"], allow_null=True)
    )
    def get_answer(self, row) -> str | None:
        return ANSWER_NAMES.get(row.answer) if row.answer is not None else None

    def get_note(self, row) -> str:
        return row.note.note if row.note is not None else ""

    @extend_schema_field(PhotoSerializer(allow_null=True))
    def get_photo(self, row) -> dict | None:
        """The photo's name, type, size and SHA-256 (the file itself on the web page)."""
        if row.note is None or not row.note.photo:
            return None
        return dict(PhotoSerializer(row.note).data)


class SectionResultSerializer(serializers.Serializer):
    title = serializers.CharField()
    items = ItemResultSerializer(many=True, source="rows")


class VisitDetailSerializer(VisitSerializer):
    scenario = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()

    class Meta(VisitSerializer.Meta):
        fields = [*VisitSerializer.Meta.fields, "scenario", "sections"]

    def get_scenario(self, visit) -> str:
        """What the observer was to ask for (only to those who see the observer)."""
        user = self.context["request"].user
        return visit.scenario if permissions.sees_observer(user, visit) else ""

    @extend_schema_field(SectionResultSerializer(many=True))
    def get_sections(self, visit) -> list:
        """The answers by section, empty before submission."""
        if visit.response_id is None:
            return []
        return list(SectionResultSerializer(selectors.visit_results(visit), many=True).data)


class VisitFilter(django_filters.FilterSet):
    unit = KnownValueFilter(field_name="unit__slug", model=ServiceUnit, help_text="Unit slug.")
    status = django_filters.ChoiceFilter(choices=Visit.Status.choices)
    kind = django_filters.ChoiceFilter(choices=Kind.choices)

    class Meta:
        model = Visit
        fields: list[str] = []


def reachable_visits(request):
    return narrow_by_unit(request, selectors.visible_visits(request.user))


class VisitList(generics.ListAPIView):
    """The observation visits you may open (token), newest first."""

    permission_classes = [ReadScope]
    serializer_class = VisitSerializer
    queryset = Visit.objects.none()
    filterset_class = VisitFilter
    cursor_ordering = "-id"

    def get_queryset(self):
        return reachable_visits(self.request)


class VisitDetail(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = VisitDetailSerializer
    queryset = Visit.objects.none()

    @extend_schema(responses={200: VisitDetailSerializer, **errors(401, 404)})
    def get(self, request, pk: int):
        """One visit with its answers, the observer's notes and the photos' fingerprints."""
        visit = get_object_or_404(reachable_visits(request), pk=pk)
        return Response(VisitDetailSerializer(visit, context={"request": request}).data)


class FailedItemSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    text = serializers.CharField()
    weight = serializers.IntegerField()
    times_failed = serializers.IntegerField()


class ChecklistSummarySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    visits = serializers.IntegerField()
    latest_score = serializers.FloatField(allow_null=True)
    latest_on = serializers.DateField()
    average_score = serializers.FloatField(allow_null=True)
    failed_items = FailedItemSerializer(many=True)


class SummarySerializer(serializers.Serializer):
    unit = serializers.CharField(source="unit.slug", help_text="The unit's slug.")
    start = serializers.DateField()
    end = serializers.DateField()
    visits = serializers.IntegerField()
    checklists = ChecklistSummarySerializer(many=True)


class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(required=False)
    end = serializers.DateField(required=False)

    def validate(self, attrs):
        end = attrs.get("end") or timezone.localdate()
        start = attrs.get("start") or end - timedelta(days=365)
        if start > end:
            raise serializers.ValidationError({"start": "The start must not be after the end."})
        if (end - start).days > 3 * 366:
            raise serializers.ValidationError({"start": "Ask for at most three years at a time."})
        return {"start": start, "end": end}


class UnitSummary(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = SummarySerializer
    queryset = Visit.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter("start", date, description="First visit date (default: a year ago)."),
            OpenApiParameter("end", date, description="Last visit date (default: today)."),
        ],
        responses={200: SummarySerializer, **errors(400, 401, 404)},
    )
    def get(self, request, slug: str):
        """What observers found at a unit in a period, as the report card reads it: the latest
        and average score per checklist and the items the latest visit failed (the unit's
        head and those who run the programme)."""
        unit = get_unit(request, slug)
        if not permissions.can_read_results(request.user, unit):
            raise Http404
        period = PeriodSerializer(data=request.query_params)
        period.is_valid(raise_exception=True)
        summary = selectors.unit_observation_summary(
            unit, period.validated_data["start"], period.validated_data["end"]
        )
        return Response(SummarySerializer(summary).data)


urlpatterns = [
    path("observations/visits/", VisitList.as_view(), name="observation-visit-list"),
    path("observations/visits/<int:pk>/", VisitDetail.as_view(), name="observation-visit-detail"),
    path(
        "observations/units/<slug:slug>/summary/",
        UnitSummary.as_view(),
        name="observation-unit-summary",
    ),
]
