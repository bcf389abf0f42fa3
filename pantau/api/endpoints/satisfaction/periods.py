"""Periods and their published results: the public list and detail, and a unit's periods (token),
created as on the web page."""

import django_filters
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response

from pantau.organisations.models import Service, ServiceUnit
from pantau.satisfaction import selectors
from pantau.satisfaction import services as skm_services
from pantau.satisfaction.models import SurveyPeriod
from pantau.satisfaction.periods import POPULATION_MAX, YEARS
from pantau.surveys.models import Collection

from ...filters import IntegerFilter, KnownValueFilter, MomentFilter
from ...forms import MAX_ID
from ...permissions import WriteScope, get_unit, narrow_by_unit
from ...schema import errors
from .serializers import PeriodDetailSerializer, PeriodSerializer


class PeriodFilter(django_filters.FilterSet):
    unit = KnownValueFilter(field_name="unit__slug", model=ServiceUnit, help_text="Unit slug.")
    year = IntegerFilter(min_value=2000, max_value=2100)
    kind = django_filters.ChoiceFilter(choices=SurveyPeriod.Kind.choices)
    service = IntegerFilter(
        field_name="services", min_value=1, max_value=MAX_ID, help_text="Service id."
    )
    status = django_filters.ChoiceFilter(
        field_name="collection__status", choices=Collection.Status.choices
    )
    # For the SIPP portals, which fetch what was published since their last visit (issue 20).
    published_after = MomentFilter(
        field_name="published_at",
        lookup_expr="gte",
        help_text="Published at or after this moment (ISO 8601 with an offset).",
    )
    published_before = MomentFilter(
        field_name="published_at",
        lookup_expr="lt",
        help_text="Published before this moment (ISO 8601 with an offset).",
    )

    class Meta:
        model = SurveyPeriod
        fields: list[str] = []


class PeriodListBase(generics.ListAPIView):
    serializer_class = PeriodSerializer
    as_published = False  # the public list shows what was published, not a correction
    queryset = SurveyPeriod.objects.none()
    filterset_class = PeriodFilter
    cursor_ordering = "-id"

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()).distinct())
        points = {p.period.pk: p for p in selectors.trend(page, as_published=self.as_published)}
        data = PeriodSerializer(page, many=True, context={"points": points}).data
        return self.get_paginated_response(data)


class PublishedResultList(PeriodListBase):
    """Published SKM results of every unit, with the IKM (public)."""

    permission_classes = [permissions.AllowAny]
    as_published = True

    def get_queryset(self):
        return SurveyPeriod.objects.filter(
            published_at__isnull=False, unit__is_active=True
        ).select_related("unit", "collection")


class PublishedResultDetail(generics.RetrieveAPIView):
    """A published period's full results: per element NRR and rank, IKM, grade (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = PeriodDetailSerializer
    queryset = SurveyPeriod.objects.filter(published_at__isnull=False, unit__is_active=True)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "as_published": True}

    def get_object(self):
        return get_object_or_404(
            self.queryset.select_related("unit", "collection", "collection__version"),
            pk=self.kwargs["pk"],
        )


def reachable_periods(request):
    from pantau.organisations.selectors import visible_units

    periods = SurveyPeriod.objects.filter(unit__in=visible_units(request.user))
    return narrow_by_unit(request, periods).select_related(
        "unit", "collection", "collection__version"
    )


class PeriodCreateSerializer(serializers.Serializer):
    unit = serializers.SlugField(max_length=80, help_text="Slug of a unit you manage.")
    kind = serializers.ChoiceField(choices=SurveyPeriod.Kind.choices)
    year = serializers.IntegerField(min_value=YEARS[0], max_value=YEARS[1])
    number = serializers.IntegerField(
        min_value=1, max_value=12, help_text="Month 1–12, quarter 1–4, semester 1–2; 1 for a year."
    )
    population = serializers.IntegerField(
        min_value=1,
        max_value=POPULATION_MAX,
        help_text="Service users in the period; it sets the required sample (Krejcie & Morgan).",
    )
    services = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=500,
        help_text="Ids of the unit's services surveyed.",
    )
    weight_mode = serializers.ChoiceField(
        choices=SurveyPeriod.WeightMode.choices, default=SurveyPeriod.WeightMode.EXACT
    )
    requires_code = serializers.BooleanField(
        default=False, help_text="Each respondent needs a one-time code handed out at the counter."
    )


class PeriodList(PeriodListBase):
    """SKM periods of the units you reach, published or not (token)."""

    permission_classes = [WriteScope]

    def get_queryset(self):
        return reachable_periods(self.request)

    @extend_schema(
        request=PeriodCreateSerializer,
        responses={201: PeriodDetailSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request):
        """Set up a survey period of a unit you manage, with its services and population, as
        on the web page (write scope; the unit head). It starts as a draft: open it with
        ``status``. The answer shows the required sample."""
        data = PeriodCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        unit = get_unit(request, values["unit"], managed=True)
        chosen = list(Service.objects.filter(pk__in=values["services"]))
        if len(chosen) != len(set(values["services"])):
            raise serializers.ValidationError(
                {"services": [_("Choose at least one service of this unit.")]}
            )
        period = skm_services.create_period(
            actor=request.user,
            unit=unit,
            kind=values["kind"],
            year=values["year"],
            number=values["number"],
            population=values["population"],
            services=chosen,
            weight_mode=values["weight_mode"],
            requires_code=values["requires_code"],
        )
        period = get_object_or_404(reachable_periods(request), pk=period.pk)
        return Response(PeriodDetailSerializer(period).data, status=status.HTTP_201_CREATED)


class PeriodDetail(generics.RetrieveAPIView):
    """One period of a unit you reach, with its results so far (token)."""

    permission_classes = [WriteScope]
    serializer_class = PeriodDetailSerializer
    queryset = SurveyPeriod.objects.none()

    def get_object(self):
        return get_object_or_404(reachable_periods(self.request), pk=self.kwargs["pk"])
