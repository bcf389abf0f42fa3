"""``/api/v1/agencies/``, ``/api/v1/units/``, ``/api/v1/services/``: the public directory, and
the unit head's edits (profile, services) through ``pantau.organisations.services``.

Agencies carry their Kemendagri region code and units their SIPP code (issue 20): both lists
filter by ``region_code`` (the region and every region below it), units by ``sipp_code``, and
``/api/v1/units/sipp/{code}/`` reads a unit by its SIPP code."""

import re

import django_filters
from django import forms
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import exceptions, generics, permissions, serializers, status
from rest_framework.response import Response

from pantau.organisations import forms as organisation_forms
from pantau.organisations import selectors
from pantau.organisations import services as organisation_services
from pantau.organisations.models import (
    REGION_CODE_MAX,
    REGION_CODE_PATTERN,
    SIPP_CODE_MAX,
    SIPP_CODE_PATTERN,
    Agency,
    ContactChannel,
    OpeningHours,
    Service,
    ServiceUnit,
    validate_region_code,
    validate_sipp_code,
)

from ..filters import KnownValueFilter
from ..forms import check_form
from ..permissions import WriteScope, get_unit, narrow_units
from ..schema import errors


class AgencySerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)  # type: ignore[assignment]  # a field named like a DRF Field attribute

    class Meta:
        model = Agency
        fields = ["slug", "name", "short_name", "kind", "parent", "region_code"]


class ServiceSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Service
        fields = ["id", "unit", "slug", "name", "description", "is_active"]
        read_only_fields = ["id", "unit", "slug"]


class ServiceWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=5000, allow_blank=True, default="")
    is_active = serializers.BooleanField(default=True)


class ServiceUpdateSerializer(ServiceWriteSerializer):
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=5000, allow_blank=True, required=False)
    is_active = serializers.BooleanField(required=False)


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
        "example": "08:00",
        "description": "Local time at the unit (its `time_zone`), HH:MM.",
    }
)
class LocalTimeField(serializers.TimeField):
    """A wall-clock time of the unit, "08:00": JSON Schema's ``format: time`` wants an offset
    ("08:00:00+07:00") that an opening hour, repeated every week, does not have."""

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%H:%M", **kwargs)


class HoursSerializer(serializers.ModelSerializer):
    opens = LocalTimeField(read_only=True)
    closes = LocalTimeField(read_only=True)

    class Meta:
        model = OpeningHours
        fields = ["weekday", "opens", "closes", "note"]


class ChannelSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContactChannel
        fields = ["kind", "value", "label"]


class UnitSerializer(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    mall = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    region_code = serializers.CharField(
        source="agency.region_code",
        read_only=True,
        help_text="The Kemendagri region code of the unit's agency; empty when it has none.",
    )

    class Meta:
        model = ServiceUnit
        fields = [
            "slug",
            "name",
            "agency",
            "mall",
            "description",
            "address",
            "city",
            "province",
            "postal_code",
            "time_zone",
            "is_active",
            "sipp_code",
            "region_code",
        ]


class UnitDetailSerializer(UnitSerializer):
    services = ServiceSerializer(many=True, read_only=True)
    opening_hours = HoursSerializer(many=True, read_only=True)
    channels = ChannelSerializer(many=True, read_only=True)

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "services", "opening_hours", "channels"]


@extend_schema_field({"type": "string", "pattern": r"^\s*[0-9]{5}\s*$|^\s+$", "example": "83612"})
class PostalCodeField(serializers.CharField):
    """Five digits or nothing, as the web form checks it (organisations.forms), spaces around
    trimmed. drf-spectacular adds the empty text as an alternative (``oneOf``) of a blank-allowed
    field with a pattern, so the pattern itself must not match it."""


@extend_schema_field(
    {
        "type": "string",
        "pattern": SIPP_CODE_PATTERN,
        "maxLength": SIPP_CODE_MAX,
        "example": "5203-DINSOS-001",
    }
)
class SippCodeField(serializers.CharField):
    """A SIPP unit code (``organisations.models.validate_sipp_code``); empty clears it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(max_length=SIPP_CODE_MAX, **kwargs)


class UnitProfileSerializer(serializers.Serializer):
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    address = serializers.CharField(required=False, max_length=1000)
    city = serializers.CharField(required=False, max_length=100)
    province = serializers.CharField(required=False, max_length=100)
    postal_code = PostalCodeField(required=False, allow_blank=True)
    time_zone = serializers.ChoiceField(choices=ServiceUnit.TimeZone.choices, required=False)
    sipp_code = SippCodeField(required=False, allow_blank=True)


class CodeField(forms.CharField):
    """A code checked by ``validator`` (a 400 naming the parameter when it does not fit)."""

    def __init__(self, *, validator, **kwargs) -> None:
        super().__init__(**kwargs)
        self.validators.append(validator)

    def to_python(self, value):
        return super().to_python(value).strip()


class RegionCodeFilter(django_filters.CharFilter):
    """A Kemendagri region code: the region and every region below it (``in_region``)."""

    field_class = CodeField

    def __init__(self, *args, prefix: str = "", **kwargs) -> None:
        kwargs.setdefault(
            "help_text",
            "Kemendagri region code (NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN): the region and "
            "every region below it, e.g. 52.03 for Kabupaten Lombok Timur.",
        )
        super().__init__(
            *args, validator=validate_region_code, max_length=REGION_CODE_MAX, **kwargs
        )
        self.prefix = prefix
        extend_schema_field(
            {
                "type": "string",
                "pattern": REGION_CODE_PATTERN,
                "maxLength": REGION_CODE_MAX,
                "description": kwargs["help_text"],
            }
        )(self)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(selectors.in_region(value, prefix=self.prefix))


class SippCodeFilter(django_filters.CharFilter):
    """A SIPP unit code, letter case ignored."""

    field_class = CodeField

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(
            *args,
            validator=validate_sipp_code,
            max_length=SIPP_CODE_MAX,
            field_name="sipp_code",
            lookup_expr="iexact",
            **kwargs,
        )
        extend_schema_field(
            {
                "type": "string",
                "pattern": SIPP_CODE_PATTERN,
                "maxLength": SIPP_CODE_MAX,
                "description": "The unit's SIPP code (letter case ignored).",
            }
        )(self)


class AgencyFilter(django_filters.FilterSet):
    parent = KnownValueFilter(
        field_name="parent__slug", model=Agency, help_text="Parent agency slug."
    )
    kind = django_filters.ChoiceFilter(choices=Agency.Kind.choices)
    region_code = RegionCodeFilter()

    class Meta:
        model = Agency
        fields: list[str] = []


class UnitFilter(django_filters.FilterSet):
    agency = KnownValueFilter(field_name="agency__slug", model=Agency, help_text="Agency slug.")
    province = django_filters.CharFilter()
    city = django_filters.CharFilter()
    sipp_code = SippCodeFilter()
    region_code = RegionCodeFilter(prefix="agency__")

    class Meta:
        model = ServiceUnit
        fields: list[str] = []


class ServiceFilter(django_filters.FilterSet):
    unit = KnownValueFilter(field_name="unit__slug", model=ServiceUnit, help_text="Unit slug.")

    class Meta:
        model = Service
        fields: list[str] = []


class AgencyList(generics.ListAPIView):
    """Governments, ministries and their offices (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = AgencySerializer
    queryset = Agency.objects.select_related("parent")
    filterset_class = AgencyFilter
    cursor_ordering = "slug"


class UnitList(generics.ListAPIView):
    """Active service units (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = UnitSerializer
    queryset = ServiceUnit.objects.none()
    filterset_class = UnitFilter
    cursor_ordering = "slug"

    def get_queryset(self):
        return selectors.public_units().select_related("agency", "mall")


class UnitDetail(generics.GenericAPIView):
    serializer_class = UnitDetailSerializer
    queryset = ServiceUnit.objects.none()

    def get_permissions(self):
        return [permissions.AllowAny()] if self.request.method == "GET" else [WriteScope()]

    def get(self, request, slug: str):
        """An active unit with its services, opening hours and contact channels (public)."""
        return Response(UnitDetailSerializer(selectors.get_public_unit(slug)).data)

    @extend_schema(
        request=UnitProfileSerializer,
        responses={200: UnitDetailSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request, slug: str):
        """Edit the unit's profile (unit head, agency head)."""
        unit = get_unit(request, slug, managed=True)
        data = UnitProfileSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        current = {name: getattr(unit, name) for name in organisation_services.UNIT_PROFILE_FIELDS}
        form = organisation_forms.UnitProfileForm(
            data={**current, **data.validated_data},
            instance=ServiceUnit.objects.get(pk=unit.pk),
        )
        cleaned = check_form(form)
        organisation_services.update_unit_profile(actor=request.user, unit=unit, data=cleaned)
        return Response(UnitDetailSerializer(selectors.unit_with_details(unit)).data)


class UnitBySippCode(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = UnitDetailSerializer
    queryset = ServiceUnit.objects.none()

    @extend_schema(responses={200: UnitDetailSerializer, **errors(404)})
    def get(self, request, code: str):
        """An active unit found by its SIPP code (letter case ignored), as ``/units/{slug}/``
        reads it (public)."""
        if not re.fullmatch(SIPP_CODE_PATTERN, code):
            raise exceptions.NotFound()
        return Response(UnitDetailSerializer(selectors.public_unit_by_sipp_code(code)).data)


class ServiceList(generics.ListAPIView):
    """Active services of active units (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ServiceSerializer
    queryset = Service.objects.filter(is_active=True, unit__is_active=True).select_related("unit")
    filterset_class = ServiceFilter
    cursor_ordering = "id"


class UnitServiceCreate(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ServiceWriteSerializer

    @extend_schema(responses={201: ServiceSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str):
        """Add a service to a unit (unit head, agency head)."""
        unit = get_unit(request, slug, managed=True)
        data = ServiceWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = check_form(organisation_forms.ServiceForm(data=data.validated_data, unit=unit))
        service = organisation_services.create_service(
            actor=request.user, unit=unit, name=cleaned["name"], description=cleaned["description"]
        )
        return Response(ServiceSerializer(service).data, status=status.HTTP_201_CREATED)


class ServiceDetail(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ServiceUpdateSerializer

    @extend_schema(responses={200: ServiceSerializer, **errors(400, 401, 403, 404)})
    def patch(self, request, pk: int):
        """Rename, describe, or deactivate a service (unit head, agency head)."""
        managed = narrow_units(request, selectors.managed_units(request.user))
        service = get_object_or_404(Service.objects.select_related("unit"), pk=pk, unit__in=managed)
        data = ServiceUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        merged = {
            "name": service.name,
            "description": service.description,
            "is_active": service.is_active,
            **data.validated_data,
        }
        form = organisation_forms.ServiceForm(
            data=merged, unit=service.unit, instance=Service.objects.get(pk=service.pk)
        )
        cleaned = check_form(form)
        service = organisation_services.update_service(
            actor=request.user,
            service=service,
            name=cleaned["name"],
            description=cleaned["description"],
            is_active=cleaned["is_active"],
        )
        return Response(ServiceSerializer(service).data)


urlpatterns = [
    path("agencies/", AgencyList.as_view(), name="agency-list"),
    path("units/", UnitList.as_view(), name="unit-list"),
    path("units/sipp/<str:code>/", UnitBySippCode.as_view(), name="unit-by-sipp-code"),
    path("units/<slug:slug>/", UnitDetail.as_view(), name="unit-detail"),
    path("units/<slug:slug>/services/", UnitServiceCreate.as_view(), name="unit-service-create"),
    path("services/", ServiceList.as_view(), name="service-list"),
    path("services/<int:pk>/", ServiceDetail.as_view(), name="service-detail"),
]
