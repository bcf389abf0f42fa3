"""``/api/v1/studies/``: the New Public Service perception studies a user sees, their results
(the same numbers as the results page) and their raw answers (token).

Which study a user sees is ``studies.selectors.visible_studies`` (the leading unit or a unit
taking part is one they see), narrowed to the token's units; results are
``studies.selectors.study_results`` and the raw answers ``studies.selectors.raw_rows`` (what the exports write), so the
API and the downloads never differ.

Opening and closing a study (the web's study-status action) goes through
``studies.services.change_study_status`` with the write scope, for the study's managers only."""

import math

import django_filters
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from pantau.organisations.models import ServiceUnit
from pantau.organisations.selectors import managed_units
from pantau.studies import exporters, selectors
from pantau.studies import permissions as study_permissions
from pantau.studies import services as study_services
from pantau.studies.forms import StudyForm
from pantau.studies.models import RespondentGroup, Study

from ..filters import IntegerFilter, KnownValueFilter
from ..forms import check_form, checked_questionnaire, limits
from ..permissions import ReadScope, WriteScope, get_unit, narrow_units, token_unit_ids
from ..schema import errors


def _number(value):
    """A float for JSON: NaN and infinities (an undefined statistic) become null."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


@extend_schema_field({"type": "number", "format": "double", "nullable": True})
class Number(serializers.Field):
    """A statistic: a float, or null when it is undefined for the data (too few answers)."""

    def to_representation(self, value):
        return _number(value)


# --- Studies --------------------------------------------------------------------------------


class GroupSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status = serializers.CharField(
        source="collection.status", help_text="draft, open or closed (the group's collection)."
    )
    answered = serializers.IntegerField()
    progress = serializers.IntegerField(help_text="Answers as a percentage of the target, ≤ 100.")

    class Meta:
        model = RespondentGroup
        fields = ["role", "unit", "status", "target_sample", "answered", "progress"]


class StudySerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="The leading unit."
    )
    responses = serializers.IntegerField(help_text="Answers so far, all groups together.")

    class Meta:
        model = Study
        fields = ["id", "title", "unit", "starts_on", "ends_on", "responses"]


class StudyDetailSerializer(StudySerializer):
    groups = serializers.SerializerMethodField()

    class Meta(StudySerializer.Meta):
        fields = [*StudySerializer.Meta.fields, "groups"]

    @extend_schema_field(GroupSerializer(many=True))
    def get_groups(self, study) -> list[dict]:
        return list(GroupSerializer(selectors.groups_of(study), many=True).data)


class StudyFilter(django_filters.FilterSet):
    unit = KnownValueFilter(
        method="filter_unit",
        model=ServiceUnit,
        help_text="Unit slug: studies led by or including this unit.",
    )
    year = IntegerFilter(
        field_name="starts_on__year", min_value=2000, max_value=2100, help_text="Starting year."
    )

    class Meta:
        model = Study
        fields: list[str] = []

    def filter_unit(self, queryset, name, value):
        return queryset.filter(Q(unit__slug=value) | Q(groups__unit__slug=value))


def reachable_studies(request):
    """The studies the user sees (studies.selectors), limited to the token's units if any."""
    studies = selectors.visible_studies(request.user)
    ids = token_unit_ids(request)
    if ids is not None:
        studies = studies.filter(
            Q(unit_id__in=ids)
            | Q(pk__in=RespondentGroup.objects.filter(unit_id__in=ids).values("study_id"))
        )
    return studies


def _study(request, pk: int) -> Study:
    return get_object_or_404(reachable_studies(request), pk=pk)


class StudyCreateSerializer(serializers.Serializer):
    unit = serializers.SlugField(
        max_length=80, help_text="Slug of the leading unit (one you manage)."
    )
    title = serializers.CharField(max_length=200)
    form_set = serializers.ChoiceField(
        choices=["nps5", "nps7"],
        default="nps5",
        help_text="nps5: New Public Service in five dimensions; nps7: Denhardt's seven principles.",
    )
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    recipient_target = serializers.IntegerField(
        **limits(StudyForm, "recipient_target"), help_text="Target sample of recipients per unit."
    )
    provider_target = serializers.IntegerField(
        **limits(StudyForm, "provider_target"), help_text="Target sample of providers per unit."
    )
    other_units = serializers.ListField(
        child=serializers.SlugField(max_length=80),
        required=False,
        default=list,
        max_length=200,
        help_text="Slugs of other units you manage that take part.",
    )


class StudyList(generics.ListAPIView):
    """Perception studies led by, or including, a unit you reach (token)."""

    permission_classes = [WriteScope]
    serializer_class = StudySerializer
    queryset = Study.objects.none()
    filterset_class = StudyFilter
    cursor_ordering = "-id"

    def get_queryset(self):
        return reachable_studies(self.request)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()

    @extend_schema(
        request=StudyCreateSerializer,
        responses={201: StudyDetailSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request):
        """Set up a perception study led by a unit you manage, with the web page's form: the
        instrument (Form A and Form B), dates, target samples per unit and the other units
        taking part (write scope; the unit head, the agency head). Each unit gets a recipients'
        and a providers' group; open the study with ``status``."""
        data = StudyCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        unit = get_unit(request, values["unit"], managed=True)
        managed = narrow_units(request, managed_units(request.user)).exclude(pk=unit.pk)
        others = {u.slug: u.pk for u in managed.filter(slug__in=values["other_units"])}
        unknown = [slug for slug in values["other_units"] if slug not in others]
        if unknown:
            raise serializers.ValidationError(
                {
                    "other_units": [
                        _("You do not manage a unit with this slug: %(slug)s.")
                        % {"slug": unknown[0]}
                    ]
                }
            )
        form = StudyForm(
            data={
                "title": values["title"],
                "form_set": values["form_set"],
                "starts_on": values["starts_on"].isoformat(),
                "ends_on": values["ends_on"].isoformat(),
                "recipient_target": str(values["recipient_target"]),
                "provider_target": str(values["provider_target"]),
                "other_units": [str(pk) for pk in others.values()],
            },
            units=managed.order_by("name"),
        )
        cleaned = check_form(form)
        study = study_services.create_study(actor=request.user, unit=unit, **cleaned)
        return Response(
            StudyDetailSerializer(_study(request, study.pk)).data, status=status.HTTP_201_CREATED
        )


class StudyDetail(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = StudyDetailSerializer
    queryset = Study.objects.none()

    @extend_schema(responses={200: StudyDetailSerializer, **errors(401, 404)})
    def get(self, request, pk: int):
        """A study with its respondent groups and their progress (token)."""
        return Response(StudyDetailSerializer(_study(request, pk)).data)


# --- Results --------------------------------------------------------------------------------


class ItemGroupSerializer(serializers.Serializer):
    role = serializers.CharField()
    n = serializers.IntegerField()
    mean = Number()
    sd = Number()
    category = serializers.CharField(help_text="very_low … very_high; empty without answers.")
    counts = serializers.DictField(
        child=serializers.IntegerField(), help_text="Answer value (1–5) → how many gave it."
    )


class ItemSerializer(serializers.Serializer):
    code = serializers.CharField()
    dimension = serializers.CharField()
    text = serializers.CharField()
    reverse_scored = serializers.BooleanField()
    groups = ItemGroupSerializer(many=True)


class GroupScoreSerializer(serializers.Serializer):
    n = serializers.IntegerField()
    mean = Number()
    sd = Number()
    alpha = Number()


class GapSerializer(serializers.Serializer):
    groups = serializers.ListField(child=serializers.CharField())
    mean_diff = Number(help_text="Providers − recipients.")
    welch_t = Number()
    welch_df = Number()
    welch_p = Number()
    mwu_u = Number()
    mwu_p = Number()
    hedges_g = Number()
    rank_biserial = Number()


class DimensionSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    items = serializers.ListField(child=serializers.CharField())
    n = serializers.IntegerField()
    mean = Number()
    sd = Number()
    alpha = Number()
    alpha_ci95 = serializers.ListField(child=Number())
    by_group = serializers.DictField(child=GroupScoreSerializer(), required=False)
    gap = GapSerializer(required=False, allow_null=True)


class WelchSerializer(serializers.Serializer):
    mean_diff = Number()
    t = Number()
    df = Number()
    p = Number()
    hedges_g = Number()


class MannWhitneySerializer(serializers.Serializer):
    u = Number()
    p = Number()
    rank_biserial = Number()
    method = serializers.CharField()


class ItemGapSerializer(serializers.Serializer):
    code = serializers.CharField()
    recipients = Number()
    providers = Number()
    welch = WelchSerializer()
    mwu = MannWhitneySerializer()


class CoefficientSerializer(serializers.Serializer):
    name = serializers.CharField()
    b = Number()
    se = Number()
    t = Number()
    p = Number()
    vif = Number()


class RegressionSerializer(serializers.Serializer):
    n = serializers.IntegerField()
    r2 = Number()
    adj_r2 = Number()
    f = Number()
    f_p = Number()
    df_model = serializers.IntegerField()
    df_resid = serializers.IntegerField()
    coefficients = CoefficientSerializer(many=True)


class CorrelationValueSerializer(serializers.Serializer):
    r = Number()
    p = Number()
    n = serializers.IntegerField()


class CorrelationSerializer(serializers.Serializer):
    code = serializers.CharField()
    pearson = CorrelationValueSerializer()
    spearman = CorrelationValueSerializer()


class StudyResultsSerializer(serializers.Serializer):
    study = serializers.IntegerField()
    unit = serializers.CharField(
        allow_null=True, help_text="The unit the results are limited to; null for all units."
    )
    units = serializers.ListField(child=serializers.CharField())
    respondents = serializers.DictField(child=serializers.IntegerField())
    small_groups = serializers.BooleanField(
        help_text="A group is too small for the tests to be trusted."
    )
    dimensions = DimensionSerializer(many=True, help_text="The NPS dimensions, both groups.")
    by_group = serializers.DictField(
        child=DimensionSerializer(many=True), help_text="Role → the NPS dimensions of that group."
    )
    quality = DimensionSerializer(many=True, help_text="Service quality, recipients.")
    items = ItemSerializer(many=True)
    item_gaps = ItemGapSerializer(many=True)
    regression = RegressionSerializer(allow_null=True)
    correlations = CorrelationSerializer(many=True)


def _dimensions(analysis: dict, dimensions) -> list[dict]:
    entries = analysis.get("dimensions", {}) if analysis else {}
    return [
        {"code": d.code, "title": d.title, **entries[d.code]}
        for d in dimensions
        if d.code in entries
    ]


def _results(results) -> dict:
    """The results page's numbers (studies.selectors.study_results) as plain data."""
    descriptives = results.descriptives
    items = []
    for dimension in results.x_dimensions + results.y_dimensions:
        for item in dimension.items:
            groups = []
            for role in RespondentGroup.Role:
                d = descriptives.get(role.value, {}).get(item.code)
                if d is not None:
                    groups.append(
                        {
                            "role": role.value,
                            "n": d.n,
                            "mean": d.mean,
                            "sd": d.sd,
                            "category": d.category,
                            "counts": {str(k): v for k, v in d.counts.items()},
                        }
                    )
            items.append(
                {
                    "code": item.code,
                    "dimension": dimension.code,
                    "text": item.shown_text,
                    "reverse_scored": item.reverse_scored,
                    "groups": groups,
                }
            )
    regression = results.regression
    return {
        "study": results.study.pk,
        "unit": results.unit.slug if results.unit is not None else None,
        "units": [unit.slug for unit in results.units],
        "respondents": dict(results.n),
        "small_groups": bool(results.small_groups),
        "dimensions": _dimensions(results.overall, results.x_dimensions),
        "by_group": {
            role: _dimensions(analysis, results.x_dimensions)
            for role, analysis in results.by_group.items()
        },
        "quality": _dimensions(results.quality, results.y_dimensions),
        "items": items,
        "item_gaps": [
            {**gap, "welch": vars(gap["welch"]), "mwu": vars(gap["mwu"])}
            for gap in results.item_gaps
        ],
        "regression": None
        if regression is None
        else {**vars(regression), "coefficients": [vars(c) for c in regression.coefficients]},
        "correlations": [
            {**row, "pearson": vars(row["pearson"]), "spearman": vars(row["spearman"])}
            for row in results.correlations
        ],
    }


class StudyResults(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = StudyResultsSerializer
    queryset = Study.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter("unit", OpenApiTypes.STR, description="Slug of one unit of the study.")
        ],
        responses={200: StudyResultsSerializer, **errors(401, 404)},
    )
    def get(self, request, pk: int):
        """A study's results, the same numbers as its results page: respondents per group, per
        dimension mean, SD, Cronbach's alpha and the providers–recipients gap (Welch, Mann–Whitney),
        per item the distribution, quality of service, regression and correlations (token).
        Statistics that the data cannot define (too few answers) are null."""
        study = _study(request, pk)
        unit = None
        if request.query_params.get("unit"):
            unit = next(
                (
                    group.unit
                    for group in study.groups.select_related("unit")
                    if group.unit.slug == request.query_params["unit"]
                ),
                None,
            )
            if unit is None:
                raise Http404
        results = selectors.study_results(study, unit=unit)
        return Response(StudyResultsSerializer(_results(results)).data)


class RawRowSerializer(serializers.Serializer):
    group = serializers.CharField(help_text="recipient or provider")
    unit = serializers.CharField()
    number = serializers.CharField(help_text="The response's receipt number.")
    submitted_on = serializers.DateField()
    submitted_at = serializers.DateTimeField(
        allow_null=True, help_text="Null for providers: only the day is given for them."
    )
    source = serializers.CharField(allow_null=True, help_text="Null for providers.")  # type: ignore[assignment]  # a field named like a DRF Field attribute
    answers = serializers.DictField(
        help_text="Column → the answer as given (scored items by code, others by key)."
    )


class RawDataSerializer(serializers.Serializer):
    columns = serializers.ListField(
        child=serializers.CharField(), help_text="The answer columns, in the export's order."
    )
    rows = RawRowSerializer(many=True)


class StudyResponses(generics.GenericAPIView):
    permission_classes = [ReadScope]
    serializer_class = RawDataSerializer
    queryset = Study.objects.none()

    @extend_schema(responses={200: RawDataSerializer, **errors(401, 404)})
    def get(self, request, pk: int):
        """Every answer of the study, one row per respondent, as the raw export (CSV, XLSX, SPSS)
        has it: reverse-scored items as answered, no respondent's identity (token)."""
        study = _study(request, pk)
        columns, rows = selectors.raw_rows(study)
        body = {
            "columns": columns,
            "rows": [
                {
                    "group": role,
                    "unit": unit,
                    "number": number,
                    **dict(
                        zip(
                            ("submitted_on", "submitted_at", "source"),
                            exporters.raw_when(role, submitted_at, source),
                            strict=True,
                        )
                    ),
                    "answers": answers,
                }
                for role, unit, number, submitted_at, source, answers in rows
            ],
        }
        return Response(RawDataSerializer(body).data)


# --- Writes ---------------------------------------------------------------------------------


class StudyStatusSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=sorted(study_services.TRANSITIONS),
        help_text="open: accept answers in every group; close: accept no more.",
    )


class StudyStatus(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = StudyStatusSerializer
    queryset = Study.objects.none()

    @extend_schema(responses={200: StudyDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Open or close a study for answers, all its groups at once, as the study page's
        buttons do (write scope; the head of the leading unit, its agency head). A step the
        study's present state does not allow answers 400 and changes nothing."""
        study = _study(request, pk)
        if not study_permissions.can_manage_study(request.user, study):
            raise Http404
        data = StudyStatusSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        study_services.change_study_status(
            actor=request.user, study=study, action=data.validated_data["action"]
        )
        return Response(StudyDetailSerializer(_study(request, pk)).data)


class StudyPaperResponseSerializer(serializers.Serializer):
    unit = serializers.SlugField(
        max_length=80,
        required=False,
        help_text="The unit whose recipient answered; default: the first unit you enter for.",
    )
    submission_token = serializers.UUIDField(
        help_text="A new UUID per paper questionnaire; sent again, it is saved once."
    )
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=2000),
        help_text=(
            "Question → the value marked on paper (or the text written). A question is named by"
            " its key, or a scored one by its item code as in the import file and the raw data."
        ),
    )


class StudyReceiptSerializer(serializers.Serializer):
    receipt_number = serializers.CharField()


class PaperResponseCreate(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = StudyPaperResponseSerializer
    queryset = Study.objects.none()

    @extend_schema(
        responses={
            201: StudyReceiptSerializer,
            200: StudyReceiptSerializer,
            **errors(400, 401, 403, 404),
        }
    )
    def post(self, request, pk: int):
        """Enter one service recipient's paper questionnaire (Form A), recorded as entered by
        you, as on the web's paper entry page (write scope; officers and heads of a unit in the
        study). The same submission token again answers 200 with the first receipt."""
        study = _study(request, pk)
        ids = token_unit_ids(request)
        groups = [
            g
            for g in study.groups.filter(role=RespondentGroup.Role.RECIPIENT).select_related(
                "unit", "collection__version"
            )
            if study_permissions.can_enter_responses(request.user, g)
            and (ids is None or g.unit_id in ids)
        ]
        if not groups:
            raise Http404
        data = StudyPaperResponseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        group = groups[0]
        if values.get("unit"):
            chosen = next((g for g in groups if g.unit.slug == values["unit"]), None)
            if chosen is None:
                raise serializers.ValidationError(
                    {"unit": [_("You do not enter questionnaires for this unit in this study.")]}
                )
            group = chosen
        form, cleaned = checked_questionnaire(
            group.collection.version,
            values["answers"],
            submission_token=values["submission_token"],
        )
        response, created = study_services.enter_paper_response(
            actor=request.user,
            group=group,
            answers=form.answers(),
            submission_token=cleaned["submission_token"],
        )
        return Response(
            {"receipt_number": response.number},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


urlpatterns = [
    path("studies/", StudyList.as_view(), name="study-list"),
    path("studies/<int:pk>/", StudyDetail.as_view(), name="study-detail"),
    path("studies/<int:pk>/results/", StudyResults.as_view(), name="study-results"),
    path("studies/<int:pk>/responses/", StudyResponses.as_view(), name="study-responses"),
    path("studies/<int:pk>/status/", StudyStatus.as_view(), name="study-status"),
    path(
        "studies/<int:pk>/paper-responses/",
        PaperResponseCreate.as_view(),
        name="study-paper-response-create",
    ),
]
