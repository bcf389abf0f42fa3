"""``/api/v1/innovations/``: the innovation register (issue 21, One Agency One Innovation). Anyone
reads the public catalogue; a token reads the innovations of the units its user reaches
(``innovations.selectors.visible_innovations``, narrowed to the token's units); with the write
scope, the unit's people register, change and move an innovation to a later stage, through the
web pages' forms and ``innovations.services`` (no rule twice), and upload evidence files
(multipart/form-data, checked by content and size as on the web page, stored with size and
SHA-256). The signed copy of the legal basis is uploaded on the web page."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, parsers, permissions, serializers, status
from rest_framework.response import Response

from pantau.innovations import forms, selectors, services
from pantau.innovations import permissions as rules
from pantau.innovations.models import (
    BudgetSource,
    CompetitionResult,
    Effect,
    EvidenceFile,
    Innovation,
    LegalBasisKind,
    Stage,
)
from pantau.organisations.models import Agency, ServiceUnit
from pantau.organisations.selectors import agency_subtree_ids

from ..fields import StrictBooleanField
from ..filters import KnownValueFilter
from ..forms import check_form, limits
from ..parsers import DescribedJSONParser
from ..permissions import WriteScope, get_unit, narrow_by_unit
from ..schema import errors

# --- Reading -----------------------------------------------------------------------------------


class InnovationLegalBasisSerializer(serializers.Serializer):
    kind = serializers.CharField(source="legal_basis_kind", help_text="perda, perkada, decree, …")
    title = serializers.CharField(source="legal_basis_title")
    number = serializers.CharField(source="decree_number", help_text="Empty for a draft.")
    date = serializers.DateField(source="decree_date", allow_null=True)
    draft = serializers.BooleanField(source="has_draft_legal_basis")


class InnovationEffectSerializer(serializers.ModelSerializer):
    improved = serializers.BooleanField(
        read_only=True, allow_null=True, help_text="Null when the figure did not change."
    )

    class Meta:
        model = Effect
        fields = ["metric_key", "before", "after", "measured_before", "measured_after", "improved"]


class PublicInnovationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    agency = serializers.CharField(source="unit.agency.slug", read_only=True)
    agency_name = serializers.CharField(source="unit.agency.name", read_only=True)
    province = serializers.CharField(source="unit.province", read_only=True)
    legal_basis = serializers.SerializerMethodField()
    effects = InnovationEffectSerializer(many=True, read_only=True)
    replicates = serializers.SerializerMethodField()
    replication_count = serializers.IntegerField(
        read_only=True, help_text="How many units copied the innovation (ATM)."
    )

    class Meta:
        model = Innovation
        fields = [
            "id",
            "title",
            "description",
            "problem",
            "before",
            "after",
            "effect",
            "stage",
            "idea_on",
            "action_plan_on",
            "trial_on",
            "implemented_on",
            "institutionalised_on",
            "unit",
            "unit_name",
            "agency",
            "agency_name",
            "province",
            "legal_basis",
            "budget",
            "budget_source",
            "competition",
            "competition_result",
            "modification",
            "replicates",
            "replication_count",
            "effects",
            "updated_at",
        ]

    @extend_schema_field(InnovationLegalBasisSerializer(allow_null=True))
    def get_legal_basis(self, innovation) -> dict | None:
        """The legal basis, set or draft; null when there is none."""
        if not innovation.legal_basis_title and not innovation.has_legal_basis:
            return None
        return dict(InnovationLegalBasisSerializer(innovation).data)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_replicates(self, innovation) -> int | None:
        """The id of the innovation this one copies, when the reader may see it."""
        original = innovation.replicates
        if original is None:
            return None
        if original.is_public or self.context.get("staff"):
            return original.pk
        return None


class InnovationEvidenceSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name")

    class Meta:
        model = EvidenceFile
        fields = ["id", "name", "description", "content_type", "size", "sha256", "uploaded_at"]


class InnovationSerializer(PublicInnovationSerializer):
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)
    files = InnovationEvidenceSerializer(many=True, read_only=True)

    class Meta(PublicInnovationSerializer.Meta):
        fields = [
            *PublicInnovationSerializer.Meta.fields,
            "owner",
            "team",
            "facilities",
            "is_public",
            "files",
            "created_at",
        ]


class CatalogueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_words", max_length=100, help_text="Words, all of which must be found."
    )
    stage = django_filters.ChoiceFilter(choices=Stage.choices)
    agency = KnownValueFilter(
        model=Agency, method="filter_agency", help_text="Agency slug: it and the agencies below."
    )
    province = django_filters.CharFilter(field_name="unit__province", max_length=100)

    class Meta:
        model = Innovation
        fields: list[str] = []

    def filter_words(self, queryset, name, value):
        return selectors.matching(queryset, value)

    def filter_agency(self, queryset, name, value):
        root = Agency.objects.get(slug=value).pk
        return queryset.filter(unit__agency_id__in=agency_subtree_ids({root}))


class Catalogue(generics.ListAPIView):
    """The public innovation catalogue: innovations unit heads published, each with how many
    units copied it (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = PublicInnovationSerializer
    queryset = Innovation.objects.none()
    filterset_class = CatalogueFilter
    cursor_ordering = "-id"

    def get_queryset(self):
        return selectors.with_copy_counts(selectors.public_innovations()).prefetch_related(
            "effects"
        )


class CatalogueEntry(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = PublicInnovationSerializer
    queryset = Innovation.objects.none()

    @extend_schema(responses={200: PublicInnovationSerializer, **errors(404)})
    def get(self, request, pk: int):
        """One innovation of the catalogue (public)."""
        innovation = selectors.get_public_innovation(pk)
        return Response(PublicInnovationSerializer(innovation).data)


# --- The register (token) ----------------------------------------------------------------------


class InnovationFilter(django_filters.FilterSet):
    unit = KnownValueFilter(field_name="unit__slug", model=ServiceUnit, help_text="Unit slug.")
    stage = django_filters.ChoiceFilter(choices=Stage.choices)

    class Meta:
        model = Innovation
        fields: list[str] = []


def reachable(request):
    innovations = narrow_by_unit(request, selectors.visible_innovations(request.user))
    return selectors.with_copy_counts(innovations).prefetch_related("files", "effects")


def _innovation(request, pk: int) -> Innovation:
    return get_object_or_404(reachable(request), pk=pk)


def _answer(innovation: Innovation, code: int = status.HTTP_200_OK) -> Response:
    fresh = get_object_or_404(
        selectors.with_copy_counts(Innovation.objects.select_related(*selectors.RELATED))
        .prefetch_related("files", "effects")
        .filter(pk=innovation.pk)
    )
    return Response(InnovationSerializer(fresh, context={"staff": True}).data, status=code)


def _text(**kwargs) -> serializers.CharField:
    return serializers.CharField(max_length=4000, allow_blank=True, **kwargs)


class DetailsSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = _text(required=False)
    problem = serializers.CharField(max_length=4000)
    before = serializers.CharField(max_length=4000, help_text="The condition before.")
    after = _text(required=False, help_text="The condition after; needed once implemented.")
    effect = _text(required=False, help_text="The effect on the unit's figures, in words.")
    modification = _text(required=False, help_text="For a copy (ATM): what was modified.")
    owner = serializers.CharField(max_length=150, help_text="Username of a person of the unit.")
    team = _text(required=False)
    facilities = _text(required=False)
    budget = serializers.IntegerField(
        required=False, allow_null=True, **limits(forms.DetailsForm, "budget")
    )
    budget_source = serializers.ChoiceField(
        choices=BudgetSource.choices, required=False, allow_blank=True
    )
    competition = serializers.CharField(max_length=200, required=False, allow_blank=True)
    competition_result = serializers.ChoiceField(
        choices=CompetitionResult.choices, required=False, allow_blank=True
    )
    is_public = StrictBooleanField(
        required=False, help_text="In the public catalogue (the unit head decides)."
    )


class RegisterSerializer(DetailsSerializer):
    unit = serializers.SlugField(max_length=80, help_text="Slug of a unit you work at.")
    stage = serializers.ChoiceField(  # type: ignore[assignment]  # a field named like a DRF Field attribute
        choices=Stage.choices,
        help_text="The stage reached, not institutionalised: that is its own step, with the "
        "legal basis.",
    )
    stage_on = serializers.DateField(help_text="The day the stage was reached.")


DETAIL_FIELDS = (
    "title",
    "description",
    "problem",
    "before",
    "after",
    "effect",
    "modification",
    "team",
    "facilities",
    "budget",
    "budget_source",
    "competition",
    "competition_result",
)


def _form_data(values: dict, owner) -> dict:
    data = {name: "" if values.get(name) is None else str(values[name]) for name in DETAIL_FIELDS}
    data["owner"] = "" if owner is None else str(owner.pk)
    if values.get("is_public"):
        data["is_public"] = "on"
    return data


def _owner(unit, username: str):
    owner = forms.unit_people([unit]).filter(username=username).first()
    if owner is None:
        message = _("No person of the unit has this username.")
        raise serializers.ValidationError(
            {"owner": [serializers.ErrorDetail(str(message), code="invalid")]}
        )
    return owner


def _publish_choice(request, unit, values: dict) -> bool | None:
    wanted = values.get("is_public")
    if wanted is not None and not rules.can_govern(request.user, unit):
        raise PermissionDenied(_("Only the unit head decides what the public catalogue shows."))
    return wanted


class InnovationList(generics.ListAPIView):
    """The innovations of the units you reach (token); with the write scope, the unit's people
    register one (POST)."""

    permission_classes = [WriteScope]
    serializer_class = InnovationSerializer
    queryset = Innovation.objects.none()
    filterset_class = InnovationFilter
    cursor_ordering = "-id"

    def get_queryset(self):
        return reachable(self.request)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "staff": True}

    @extend_schema(
        request=RegisterSerializer,
        responses={201: InnovationSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request):
        """Register an innovation in a unit you work at, at the stage it reached, with the web
        page's rules (the condition after once implemented; a person of the unit as owner; the
        unit head alone publishes it) (write scope)."""
        data = RegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        unit = get_unit(request, values["unit"])
        if not rules.can_register(request.user, unit):
            raise PermissionDenied
        publish = _publish_choice(request, unit, values)
        owner = _owner(unit, values["owner"])
        form = forms.RegisterForm(
            data={
                **_form_data(values, owner),
                "stage": values["stage"],
                "stage_on": values["stage_on"].isoformat(),
            },
            unit=unit,
            may_publish=rules.can_govern(request.user, unit),
        )
        check_form(form)
        innovation = services.register_innovation(
            actor=request.user,
            unit=unit,
            details=form.details(),
            stage=form.cleaned_data["stage"],
            stage_on=form.cleaned_data["stage_on"],
            is_public=bool(publish),
        )
        return _answer(innovation, status.HTTP_201_CREATED)


class InnovationDetail(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = DetailsSerializer
    queryset = Innovation.objects.none()

    @extend_schema(responses={200: InnovationSerializer, **errors(401, 404)})
    def get(self, request, pk: int):
        """One innovation with its evidence files and figures (token)."""
        return _answer(_innovation(request, pk))

    @extend_schema(
        request=DetailsSerializer,
        responses={200: InnovationSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request, pk: int):
        """Change the innovation: the fields sent replace its own, then the whole is checked as on
        the web page (write scope; the unit's people; ``is_public`` the unit head)."""
        innovation = _innovation(request, pk)
        if not rules.can_edit(request.user, innovation):
            raise PermissionDenied
        data = DetailsSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        publish = _publish_choice(request, innovation.unit, values)
        owner = _owner(innovation.unit, values["owner"]) if "owner" in values else innovation.owner
        current = {name: getattr(innovation, name) for name in DETAIL_FIELDS}
        merged = {**current, **{k: v for k, v in values.items() if k in DETAIL_FIELDS}}
        form = forms.DetailsForm(
            data=_form_data(merged, owner), unit=innovation.unit, may_publish=False
        )
        check_form(form)
        innovation = services.update_innovation(
            actor=request.user, innovation=innovation, details=form.details(), is_public=publish
        )
        return _answer(innovation)


class StageSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)  # type: ignore[assignment]  # a field named like a DRF Field attribute
    on = serializers.DateField(help_text="The day the stage was reached; not in the future.")
    legal_basis_kind = serializers.ChoiceField(
        choices=LegalBasisKind.choices, required=False, allow_blank=True
    )
    legal_basis_title = serializers.CharField(max_length=300, required=False, allow_blank=True)
    decree_number = serializers.CharField(max_length=120, required=False, allow_blank=True)
    decree_date = serializers.DateField(required=False, allow_null=True)


class InnovationStage(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = StageSerializer
    queryset = Innovation.objects.none()

    @extend_schema(responses={200: InnovationSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Move the innovation to a later stage reached on a day not before the previous one;
        institutionalised (the unit head) needs the legal basis's number and date, sent here or
        recorded before (write scope)."""
        innovation = _innovation(request, pk)
        if not rules.can_edit(request.user, innovation):
            raise PermissionDenied
        data = StageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        may_govern = rules.can_govern(request.user, innovation.unit)
        if values["stage"] == Stage.INSTITUTIONALISED and not may_govern:
            raise PermissionDenied
        form = forms.StageForm(
            data={
                "stage": values["stage"],
                "on": values["on"].isoformat(),
                "legal_basis_kind": values.get("legal_basis_kind", ""),
                "legal_basis_title": values.get("legal_basis_title", ""),
                "decree_number": values.get("decree_number", ""),
                "decree_date": (values.get("decree_date") or "")
                and values["decree_date"].isoformat(),
            },
            innovation=innovation,
            may_govern=may_govern,
        )
        check_form(form)
        innovation = services.advance_stage(
            actor=request.user,
            innovation=innovation,
            stage=form.cleaned_data["stage"],
            on=form.cleaned_data["on"],
            basis=form.stage_basis(),
        )
        return _answer(innovation)


class EvidenceUploadSerializer(serializers.Serializer):
    evidence = serializers.ListField(
        child=serializers.FileField(),
        min_length=1,
        max_length=5,
        help_text="Evidence files, sent as multipart/form-data (the field repeated for each "
        "file): PDF, pictures or office documents, up to five of 10 MB each, checked by their "
        "content, not their name.",
    )
    description = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="What the files show, e.g. the budget document (DPA) or the team's decree.",
    )


class InnovationEvidence(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = EvidenceUploadSerializer
    queryset = Innovation.objects.none()
    parser_classes = [parsers.MultiPartParser, DescribedJSONParser]

    @extend_schema(
        request={"multipart/form-data": EvidenceUploadSerializer},
        responses={201: InnovationSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, pk: int):
        """Add evidence files to the innovation (multipart/form-data; write scope; the unit's
        people), checked as on the web page; each is stored with its size and SHA-256 and listed
        in the innovation's ``files``."""
        innovation = _innovation(request, pk)
        if not rules.can_edit(request.user, innovation):
            raise PermissionDenied
        data = EvidenceUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        form = forms.EvidenceForm(
            data={"description": values.get("description", "")},
            files=MultiValueDict({"evidence": values["evidence"]}),
        )
        cleaned = check_form(form)
        services.attach_evidence(
            actor=request.user,
            innovation=innovation,
            files=cleaned["evidence"],
            description=cleaned["description"],
        )
        return _answer(_innovation(request, pk), status.HTTP_201_CREATED)


urlpatterns = [
    path("innovations/catalogue/", Catalogue.as_view(), name="innovation-catalogue"),
    path(
        "innovations/catalogue/<int:pk>/",
        CatalogueEntry.as_view(),
        name="innovation-catalogue-entry",
    ),
    path("innovations/", InnovationList.as_view(), name="innovation-list"),
    path("innovations/<int:pk>/", InnovationDetail.as_view(), name="innovation-detail"),
    path("innovations/<int:pk>/stage/", InnovationStage.as_view(), name="innovation-stage"),
    path(
        "innovations/<int:pk>/evidence/", InnovationEvidence.as_view(), name="innovation-evidence"
    ),
]
