"""``/api/v1/integration/``: what an agency's integration token reads (issue 20), for the
SP4N-LAPOR! and SIPP connectors: the complaints, SKM results and PEKPPP results of every unit in
the token's scope (``pantau.api.integration.selectors``), as cursor pages of JSON, and the same
rows as one streamed CSV or NDJSON file (``….csv``, ``….ndjson``).

A row never holds a reporter's name, contact, point or access code, and a confidential report's
row leaves the reporter's words (subject, description) empty. The bulk files are written while
they are sent: the rows come from ``QuerySet.iterator(chunk_size=…)`` and each line is handed to
``StreamingHttpResponse`` as soon as it is written, so memory stays the same whatever the number
of rows."""

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal

import django_filters
from django.http import StreamingHttpResponse
from django.urls import path
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import generics, serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.utils.encoders import JSONEncoder

from pantau.common.personal_data import mask_personal_data
from pantau.complaints.models import Complaint, Status
from pantau.complaints.public_text import reporter_names
from pantau.evaluations.models import Lokus
from pantau.satisfaction import selectors as skm_selectors
from pantau.satisfaction.models import SurveyPeriod

from ..filters import MomentFilter
from ..integration import selectors
from ..integration.permissions import IntegrationScope, integration_token_of
from ..schema import errors
from .organisations import RegionCodeFilter

CHUNK_SIZE = 500  # rows read from the database at a time while a file streams

# --- Rows -------------------------------------------------------------------------------------


class ComplaintRowSerializer(serializers.Serializer):
    """One report, without the reporter's identity, contact, point or access code."""

    tracking_number = serializers.CharField()
    external_reference = serializers.CharField(help_text="Its number in the system that sent it.")
    kind = serializers.CharField()
    channel = serializers.CharField()
    status = serializers.CharField()
    unit = serializers.CharField(source="unit.slug", default=None, allow_null=True)
    unit_sipp_code = serializers.CharField(source="unit.sipp_code", default=None, allow_null=True)
    agency = serializers.SerializerMethodField()
    region_code = serializers.SerializerMethodField()
    service = serializers.CharField(source="service.name", default=None, allow_null=True)
    category = serializers.CharField(source="category.code", default=None, allow_null=True)
    subject = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    public_summary = serializers.SerializerMethodField(help_text="Written or approved by staff.")
    public_answer = serializers.SerializerMethodField(help_text="Written or approved by staff.")
    anonymous = serializers.BooleanField()
    confidential = serializers.BooleanField()
    late = serializers.BooleanField()
    reopened = serializers.BooleanField()
    happened_on = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    verify_due = serializers.DateField(allow_null=True)
    response_due = serializers.DateField(allow_null=True)
    resolution_due = serializers.DateField(allow_null=True)
    first_response_at = serializers.DateTimeField(allow_null=True)
    answered_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    archive_reason = serializers.CharField()
    rating = serializers.IntegerField(allow_null=True)
    duplicate_of = serializers.CharField(
        source="duplicate_of.tracking_number", default=None, allow_null=True
    )

    def _agency(self, complaint):
        return complaint.unit.agency if complaint.unit_id else complaint.agency

    def get_agency(self, complaint) -> str | None:
        agency = self._agency(complaint)
        return agency.slug if agency else None

    def get_region_code(self, complaint) -> str | None:
        agency = self._agency(complaint)
        return agency.region_code if agency else None

    def _masked(self, complaint, text: str) -> str:
        return mask_personal_data(text, names=reporter_names(complaint))

    def get_subject(self, complaint) -> str | None:
        """The reporter's title with what looks personal masked (identity numbers, telephone
        numbers, e-mail addresses, the reporter's name); null for a confidential report."""
        return None if complaint.confidential else self._masked(complaint, complaint.subject)

    def get_description(self, complaint) -> str | None:
        """The reporter's words, masked as ``subject``; null for a confidential report."""
        return None if complaint.confidential else self._masked(complaint, complaint.description)

    def get_public_summary(self, complaint) -> str:
        return self._masked(complaint, complaint.public_summary)

    def get_public_answer(self, complaint) -> str:
        return self._masked(complaint, complaint.public_answer)


class SkmResultRowSerializer(serializers.Serializer):
    """One published SKM period with its IKM as published."""

    id = serializers.IntegerField()
    unit = serializers.CharField(source="unit.slug")
    unit_sipp_code = serializers.CharField(source="unit.sipp_code")
    region_code = serializers.CharField(source="unit.agency.region_code")
    kind = serializers.CharField()
    year = serializers.IntegerField()
    number = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    population = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    respondents = serializers.SerializerMethodField()
    ikm = serializers.SerializerMethodField()
    grade = serializers.SerializerMethodField()
    performance = serializers.SerializerMethodField()

    def _point(self, period):
        return self.context["points"].get(period.pk)

    def get_respondents(self, period) -> int:
        point = self._point(period)
        return point.respondents if point else 0

    @extend_schema_field(serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True))
    def get_ikm(self, period) -> Decimal | None:
        """IKM 25–100, two decimals (as in ``/skm/results/``)."""
        point = self._point(period)
        return point.ikm.ikm if point and point.ikm else None

    def get_grade(self, period) -> str | None:
        point = self._point(period)
        return point.ikm.grade if point and point.ikm else None

    def get_performance(self, period) -> str | None:
        point = self._point(period)
        return point.ikm.performance if point and point.ikm else None


class PekpppResultRowSerializer(serializers.Serializer):
    """One unit's result in a PEKPPP round whose results are published."""

    id = serializers.IntegerField()
    round = serializers.IntegerField(source="round.pk")
    round_name = serializers.CharField(source="round.name")
    year = serializers.IntegerField(source="round.year")
    body = serializers.CharField(source="round.body.slug", help_text="The evaluating agency.")
    unit = serializers.CharField(source="unit.slug")
    unit_sipp_code = serializers.CharField(source="unit.sipp_code")
    region_code = serializers.CharField(source="unit.agency.region_code")
    service_class = serializers.CharField()
    ipp = serializers.DecimalField(max_digits=3, decimal_places=2, allow_null=True)
    grade = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    rank = serializers.IntegerField(allow_null=True)
    computed_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()


# --- Filters ----------------------------------------------------------------------------------

UPDATED_AFTER_HELP = (
    "Only rows changed after this moment (ISO 8601 with an offset), e.g. the newest "
    "`updated_at` of the last file."
)


def with_updated_after(filterset_class: type[django_filters.FilterSet]):
    """The filters of a list for its file: the list pages ``updated_after`` with its sync cursor
    (``pantau.api.sync``, through the pagination); a file has no pages, so it filters on it."""
    return type(
        f"{filterset_class.__name__}ForFile",
        (filterset_class,),
        {
            "updated_after": MomentFilter(
                field_name="updated_at", lookup_expr="gt", help_text=UPDATED_AFTER_HELP
            )
        },
    )


class ComplaintRowFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices)
    region_code = RegionCodeFilter(prefix="unit__agency__")

    class Meta:
        model = Complaint
        fields: list[str] = []


class SkmResultRowFilter(django_filters.FilterSet):
    published_after = MomentFilter(
        field_name="published_at", lookup_expr="gte", help_text="Published at or after."
    )
    published_before = MomentFilter(
        field_name="published_at", lookup_expr="lt", help_text="Published before."
    )
    region_code = RegionCodeFilter(prefix="unit__agency__")

    class Meta:
        model = SurveyPeriod
        fields: list[str] = []


class PekpppResultRowFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="round__year")
    region_code = RegionCodeFilter(prefix="unit__agency__")

    class Meta:
        model = Lokus
        fields: list[str] = []


# --- Datasets ---------------------------------------------------------------------------------


class Dataset:
    """What one integration read lists: its rows' queryset for a token, their serializer, its
    filters, and what a chunk of rows needs besides (``context``)."""

    name = ""
    model: type
    serializer_class: type[serializers.Serializer]
    filterset_class: type[django_filters.FilterSet]

    def queryset(self, token):
        raise NotImplementedError

    def context(self, rows: list) -> dict:
        return {}


class Complaints(Dataset):
    name = "complaints"
    model = Complaint
    serializer_class = ComplaintRowSerializer
    filterset_class = ComplaintRowFilter

    def queryset(self, token):
        return selectors.integration_complaints(token)


class SkmResults(Dataset):
    name = "skm-results"
    model = SurveyPeriod
    serializer_class = SkmResultRowSerializer
    filterset_class = SkmResultRowFilter

    def queryset(self, token):
        return selectors.integration_skm_periods(token)

    def context(self, rows: list) -> dict:
        # One grouped query over the tallies of the chunk's periods (satisfaction.selectors.trend).
        return {"points": {p.period.pk: p for p in skm_selectors.trend(rows, as_published=True)}}


class PekpppResults(Dataset):
    name = "pekppp-results"
    model = Lokus
    serializer_class = PekpppResultRowSerializer
    filterset_class = PekpppResultRowFilter

    def queryset(self, token):
        return selectors.integration_pekppp_results(token)


DATASETS = (Complaints(), SkmResults(), PekpppResults())


def chunked(rows: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def stream_rows(dataset: Dataset, queryset) -> Iterator[dict]:
    """The rows of ``queryset`` one by one, read ``CHUNK_SIZE`` at a time from a server-side
    cursor (``iterator``), never the whole list in memory."""
    for chunk in chunked(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        serializer = dataset.serializer_class(context=dataset.context(chunk))
        for obj in chunk:
            yield serializer.to_representation(obj)


class _Line:
    """A file-like object whose ``write`` returns what it was given (``csv.writer`` into a
    stream)."""

    def write(self, value: str) -> str:
        return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value) -> str:
    """A cell: empty for null, true/false, and text that a spreadsheet would run as a formula
    prefixed with an apostrophe (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_lines(fields: list[str], rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(fields)  # the byte-order mark: spreadsheets read UTF-8
    for row in rows:
        yield writer.writerow([csv_value(row[name]) for name in fields])


def ndjson_lines(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, cls=JSONEncoder) + "\n"


# --- Views ------------------------------------------------------------------------------------


class IntegrationList(generics.ListAPIView):
    """Cursor pages of one integration read (integration token)."""

    permission_classes = [IntegrationScope]
    queryset = Complaint.objects.none()
    cursor_ordering = "id"
    dataset: Dataset

    def get_queryset(self):
        return self.dataset.queryset(integration_token_of(self.request))

    def get_serializer_class(self):
        return self.dataset.serializer_class

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        serializer = self.dataset.serializer_class(
            page, many=True, context=self.dataset.context(list(page))
        )
        return self.get_paginated_response(serializer.data)


class JsonForErrors(BaseContentNegotiation):
    """A bulk file answers in its own type; an error before it in the API's JSON, whatever the
    Accept header asks."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson; charset=utf-8",
}


class IntegrationExport(generics.GenericAPIView):
    """One integration read as a single streamed file (integration token)."""

    permission_classes = [IntegrationScope]
    content_negotiation_class = JsonForErrors
    pagination_class = None
    queryset = Complaint.objects.none()
    dataset: Dataset
    file_format = "csv"

    def get_serializer_class(self):
        return self.dataset.serializer_class

    def get(self, request):
        token = integration_token_of(request)
        queryset = self.filter_queryset(self.dataset.queryset(token))
        rows = stream_rows(self.dataset, queryset)
        if self.file_format == "csv":
            fields = list(self.dataset.serializer_class().fields)
            lines = csv_lines(fields, rows)
        else:
            lines = ndjson_lines(rows)
        response = StreamingHttpResponse(lines, content_type=FORMATS[self.file_format])
        scope = token.agency.slug if token.agency_id else "national"
        filename = (
            f"pantau-{self.dataset.name}-{scope}-{timezone.localdate():%Y%m%d}.{self.file_format}"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


def _list_view(dataset: Dataset):
    titles = {
        "complaints": "Reports of the units in the token's scope, without reporters' personal "
        "data (integration token).",
        "skm-results": "Published SKM results of the units in the token's scope, with the IKM "
        "as published (integration token).",
        "pekppp-results": "PEKPPP results of the units in the token's scope, in rounds whose "
        "results are published (integration token).",
    }
    view = type(
        f"Integration{dataset.__class__.__name__}List",
        (IntegrationList,),
        {
            "dataset": dataset,
            "queryset": dataset.model.objects.none(),  # type: ignore[attr-defined]
            "filterset_class": dataset.filterset_class,
            "__doc__": titles[dataset.name],
        },
    )
    return extend_schema_view(
        get=extend_schema(
            operation_id=f"integration_{dataset.name.replace('-', '_')}_list",
            description=titles[dataset.name],
            responses={200: dataset.serializer_class, **errors(400, 401, 403)},
        )
    )(view)


def _export_view(dataset: Dataset, file_format: str):
    view = type(
        f"Integration{dataset.__class__.__name__}Export{file_format.title()}",
        (IntegrationExport,),
        {
            "dataset": dataset,
            "queryset": dataset.model.objects.none(),  # type: ignore[attr-defined]
            "filterset_class": with_updated_after(dataset.filterset_class),
            "file_format": file_format,
        },
    )
    media_type = FORMATS[file_format].split(";")[0]
    return extend_schema_view(
        get=extend_schema(
            operation_id=f"integration_{dataset.name.replace('-', '_')}_{file_format}",
            description=(
                f"Every row of /integration/{dataset.name}/ as one streamed "
                f"{'CSV (UTF-8 with a byte-order mark, a header line)' if file_format == 'csv' else 'NDJSON (one JSON object a line)'} "
                "file; the same filters (integration token)."
            ),
            responses={
                (200, media_type): OpenApiResponse(OpenApiTypes.STR, description="The file."),
                **errors(400, 401, 403),
            },
        )
    )(view)


urlpatterns = []
for _dataset in DATASETS:
    urlpatterns.append(
        path(
            f"integration/{_dataset.name}/",
            _list_view(_dataset).as_view(),
            name=f"integration-{_dataset.name}",
        )
    )
    for _format in FORMATS:
        urlpatterns.append(
            path(
                f"integration/{_dataset.name}.{_format}",
                _export_view(_dataset, _format).as_view(),
                name=f"integration-{_dataset.name}-{_format}",
            )
        )
