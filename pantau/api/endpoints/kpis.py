"""``/api/v1/units/{slug}/kpis/``: a unit's KPIs (its own and those its agencies set for it) with
their targets and values per period, the same figures as the unit's KPI dashboard (token); and,
with the write scope, a custom KPI's value for a period, recorded as on the web page (the unit's
officers and head; evidence files are attached on the web page).

Reads go through ``kpis.selectors`` (``series``: the built-in measures computed from Pantau's
records, the custom values, the targets); the write goes through the web page's form
(``kpis.forms.MeasurementForm``) and ``kpis.services.record_measurement``, which checks the
right again."""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, parsers, serializers, status
from rest_framework.response import Response

from pantau.common.numbers import half_up
from pantau.kpis import forms as kpi_forms
from pantau.kpis import selectors
from pantau.kpis import services as kpi_services
from pantau.kpis.models import BUILT_IN_KEYS, CUSTOM, Direction, Frequency, Indicator, Measurement
from pantau.kpis.services import VALUE_LIMIT

from ..filters import check_parameters
from ..forms import check_form
from ..parsers import DescribedJSONParser
from ..permissions import ReadScope, WriteScope, get_unit
from ..schema import errors

PERIODS_PARAMETER = OpenApiParameter(
    "periods",
    {
        "type": "integer",
        "minimum": selectors.PERIOD_BOUNDS[0],
        "maximum": selectors.PERIOD_BOUNDS[1],
        "default": selectors.DEFAULT_PERIODS,
    },
    description=(
        "How many periods of each KPI, up to the current one "
        f"({selectors.PERIOD_BOUNDS[0]} to {selectors.PERIOD_BOUNDS[1]}, "
        f"{selectors.DEFAULT_PERIODS} by default)."
    ),
)
PERIOD_KEY = r"^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]|S[12]))?$"
PERIOD_HELP = "The period: 2025-03 (a month), 2025-Q1 (a quarter), 2025-S1 (a semester) or 2025."


class PointSerializer(serializers.Serializer):
    period = serializers.CharField(help_text=PERIOD_HELP)
    label = serializers.CharField()  # type: ignore[assignment]  # the period's name, not Field.label
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    value = serializers.FloatField(allow_null=True, help_text="Null: no value for the period.")
    target = serializers.FloatField(allow_null=True, help_text="Null: no target for the period.")
    met = serializers.BooleanField(
        allow_null=True, help_text="The value reaches the target, by the KPI's direction."
    )
    achievement = serializers.FloatField(
        allow_null=True,
        help_text="The value as a percentage of the target; above 100 is better in either direction.",
    )


class DetailPointSerializer(PointSerializer):
    evidence_note = serializers.CharField(
        allow_null=True, help_text="What a custom KPI's value is based on; null otherwise."
    )
    evidence_file = serializers.BooleanField(
        help_text="An evidence file is attached (download it on the web page)."
    )


class TargetSerializer(serializers.Serializer):
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    value = serializers.FloatField(help_text="The value each period of the range should reach.")
    note = serializers.CharField()


class KpiSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    description = serializers.CharField()
    unit = serializers.SlugField(allow_null=True, help_text="The unit whose own KPI it is.")
    agency = serializers.SlugField(
        allow_null=True, help_text="The agency that set it for each of its units."
    )
    service = serializers.SlugField(allow_null=True, help_text="The service it is about.")
    metric = serializers.ChoiceField(
        choices=[CUSTOM, *BUILT_IN_KEYS],
        help_text="custom: entered by the unit with evidence; else the measure Pantau computes.",
    )
    unit_of_measure = serializers.CharField()
    direction = serializers.ChoiceField(choices=Direction.choices)
    frequency = serializers.ChoiceField(choices=Frequency.choices)
    is_active = serializers.BooleanField()
    latest = PointSerializer(allow_null=True, help_text="The latest period with a value.")


class KpiDetailSerializer(KpiSerializer):
    targets = TargetSerializer(many=True)
    points = DetailPointSerializer(many=True, help_text="The periods, oldest first.")


class UnitKpisSerializer(serializers.Serializer):
    unit = serializers.SlugField()
    results = KpiSerializer(many=True)


def _point(point: selectors.Point, places: int, *, detail: bool = False) -> dict:
    body = {
        "period": point.period.key,
        "label": point.period.label,
        "starts_on": point.period.starts_on,
        "ends_on": point.period.ends_on,
        "value": half_up(point.value, places),
        "target": half_up(point.target, places),
        "met": point.met,
        "achievement": half_up(point.achievement, 1),
    }
    if detail:
        measurement = point.measurement
        body["evidence_note"] = measurement.evidence_note if measurement else None
        body["evidence_file"] = bool(measurement and measurement.has_file)
    return body


def _kpi(line: selectors.Series, *, detail: bool = False) -> dict:
    indicator = line.indicator
    places = line.decimals
    latest = line.latest
    body = {
        "id": indicator.pk,
        "name": indicator.name,
        "description": indicator.description,
        "unit": indicator.unit.slug if indicator.unit else None,
        "agency": indicator.agency.slug if indicator.agency else None,
        "service": indicator.service.slug if indicator.service else None,
        "metric": indicator.metric,
        "unit_of_measure": indicator.unit_of_measure,
        "direction": indicator.direction,
        "frequency": indicator.frequency,
        "is_active": indicator.is_active,
        "latest": _point(latest, places) if latest else None,
    }
    if detail:
        body["targets"] = [
            {
                "starts_on": target.starts_on,
                "ends_on": target.ends_on,
                "value": half_up(target.value, places),
                "note": target.note,
            }
            for target in selectors.targets_of(indicator)
        ]
        body["points"] = [_point(point, places, detail=True) for point in line.points]
    return body


def _periods(request) -> int:
    raw = request.query_params.get("periods")
    if not raw:  # empty means not given, as for every parameter of the API
        return selectors.DEFAULT_PERIODS
    low, high = selectors.PERIOD_BOUNDS
    if raw.isascii() and raw.isdigit() and len(raw) <= 2 and low <= int(raw) <= high:
        return int(raw)
    raise exceptions.ValidationError(
        {
            "periods": [
                _("Give a whole number of periods from %(low)s to %(high)s.")
                % {"low": low, "high": high}
            ]
        }
    )


def _indicator(unit, pk: int) -> Indicator:
    """The KPI ``pk`` if it is one of the unit's (its own or its agencies'); a 404 otherwise."""
    return get_object_or_404(selectors.indicators_of_unit(unit, active_only=False), pk=pk)


class UnitKpis(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = UnitKpisSerializer
    queryset = Indicator.objects.none()
    pagination_class = None
    query_parameters = ("periods",)

    @extend_schema(
        operation_id="units_kpis_list",
        parameters=[PERIODS_PARAMETER],
        responses={200: UnitKpisSerializer, **errors(400, 401, 404)},
    )
    def get(self, request, slug: str):
        """The unit's KPIs in use, each with its latest value against its target, as the KPI
        dashboard shows them (token; a unit you reach)."""
        check_parameters(request, self)
        count = _periods(request)
        unit = get_unit(request, slug)
        lines = selectors.unit_dashboard(unit, count=count, today=timezone.localdate())
        return Response({"unit": unit.slug, "results": [_kpi(line) for line in lines]})


class UnitKpiDetail(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = KpiDetailSerializer
    queryset = Indicator.objects.none()
    pagination_class = None
    query_parameters = ("periods",)

    @extend_schema(
        parameters=[PERIODS_PARAMETER],
        responses={200: KpiDetailSerializer, **errors(400, 401, 404)},
    )
    def get(self, request, slug: str, pk: int):
        """One KPI of the unit: its definition, its targets, and its value, target and whether
        it was met in each period, with the evidence of a custom KPI's values (token)."""
        check_parameters(request, self)
        count = _periods(request)
        unit = get_unit(request, slug)
        indicator = _indicator(unit, pk)
        found = selectors.series([indicator], [unit], count=count, until=timezone.localdate())
        return Response(_kpi(found[(indicator.pk, unit.pk)], detail=True))


class MeasurementWriteSerializer(serializers.Serializer):
    period = serializers.RegexField(PERIOD_KEY, max_length=7, help_text=PERIOD_HELP)
    value = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=-VALUE_LIMIT, max_value=VALUE_LIMIT
    )
    evidence_note = serializers.CharField(
        max_length=2000,
        help_text="What the value is based on, e.g. the month's distribution report.",
    )
    evidence = serializers.FileField(
        required=False,
        help_text="An evidence file, sent as multipart/form-data with the other fields: a PDF, "
        "picture or office document of at most 10 MB, checked by its content; it replaces the "
        "period's earlier file (none keeps it).",
    )


class EvidenceFileSerializer(serializers.Serializer):
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()


class MeasurementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    period = serializers.CharField(help_text=PERIOD_HELP)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    value = serializers.FloatField()
    evidence_note = serializers.CharField()
    evidence_file = serializers.BooleanField()
    evidence = EvidenceFileSerializer(
        allow_null=True, help_text="The period's evidence file, or null without one."
    )
    updated_at = serializers.DateTimeField()


class MeasurementCreate(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = MeasurementSerializer
    queryset = Measurement.objects.none()
    parser_classes = [DescribedJSONParser, parsers.MultiPartParser]

    @extend_schema(
        request={
            "application/json": MeasurementWriteSerializer,
            "multipart/form-data": MeasurementWriteSerializer,
        },
        responses={
            201: MeasurementSerializer,
            200: MeasurementSerializer,
            **errors(400, 401, 403, 404),
        },
    )
    def post(self, request, slug: str, pk: int):
        """Record the unit's value of a custom KPI for a period, with what it is based on (write
        scope; the unit's officers and head), as on the web page: a period of the KPI's
        frequency that has started, at most 24 back. A period that has a value already is
        corrected (200; the history keeps the earlier value); a new one answers 201. Sent as
        multipart/form-data, it may carry an evidence file (``evidence``), checked as on the web
        page and stored with its size and SHA-256."""
        unit = get_unit(request, slug)
        indicator = _indicator(unit, pk)
        data = MeasurementWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not indicator.is_custom:
            raise exceptions.ValidationError(
                {
                    "non_field_errors": [
                        _("This KPI is computed by Pantau: its values are not entered.")
                    ]
                }
            )
        values = data.validated_data
        form = kpi_forms.MeasurementForm(
            data={
                "period": values["period"],
                "value": str(values["value"]),
                "evidence_note": values["evidence_note"],
            },
            files=MultiValueDict(
                {"evidence": [values["evidence"]]} if "evidence" in values else {}
            ),
            indicator=indicator,
            today=timezone.localdate(),
        )
        cleaned = check_form(form)
        period = cleaned["period"]
        existed = Measurement.objects.filter(
            indicator=indicator, unit=unit, starts_on=period.starts_on
        ).exists()
        measurement = kpi_services.record_measurement(
            actor=request.user,
            indicator=indicator,
            unit=unit,
            period=period,
            value=cleaned["value"],
            evidence_note=cleaned["evidence_note"],
            evidence=cleaned["evidence"],
        )
        body = {
            "id": measurement.pk,
            "period": period.key,
            "starts_on": measurement.starts_on,
            "ends_on": measurement.ends_on,
            "value": half_up(measurement.value, 2),
            "evidence_note": measurement.evidence_note,
            "evidence_file": measurement.has_file,
            "evidence": {
                "name": measurement.evidence_name,
                "content_type": measurement.evidence_type,
                "size": measurement.evidence_size,
                "sha256": measurement.evidence_sha256,
            }
            if measurement.has_file
            else None,
            "updated_at": measurement.updated_at,
        }
        return Response(body, status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)


urlpatterns = [
    path("units/<slug:slug>/kpis/", UnitKpis.as_view(), name="unit-kpis"),
    path("units/<slug:slug>/kpis/<int:pk>/", UnitKpiDetail.as_view(), name="unit-kpi"),
    path(
        "units/<slug:slug>/kpis/<int:pk>/measurements/",
        MeasurementCreate.as_view(),
        name="unit-kpi-measurement",
    ),
]
