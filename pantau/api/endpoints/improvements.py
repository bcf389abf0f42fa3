"""``/api/v1/improvements/``: the improvement register (issue 21). A token reads the actions of
the units its user reaches (``improvements.selectors.visible_actions``, narrowed to the token's
units), each with its figure before and after; with the write scope, the unit head plans,
revises and drops actions and the unit's officers record progress, through the web pages' forms
and ``improvements.services`` (no rule twice). Evidence files are attached on the web page."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from pantau.improvements import figures, forms, permissions, selectors, services, sources
from pantau.improvements.models import OPEN_STATUSES, Action, Source, Status
from pantau.organisations.models import ServiceUnit

from ..fields import StrictBooleanField
from ..filters import KnownValueFilter
from ..forms import check_form
from ..permissions import WriteScope, get_unit, narrow_by_unit
from ..schema import errors

# --- Reading -----------------------------------------------------------------------------------


class FigurePointSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="The SKM period, or the months counted.")  # type: ignore[assignment]  # a field named like a DRF Field attribute
    value = serializers.FloatField()


class ActionFigureSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="NRR of an element, IKM, or reports per month.")
    before = FigurePointSerializer(allow_null=True)
    after = FigurePointSerializer(allow_null=True)
    change = serializers.FloatField(allow_null=True)
    improved = serializers.BooleanField(allow_null=True)
    lower_is_better = serializers.BooleanField()
    waiting = serializers.CharField(help_text="Why there is no figure after yet.")


class ActionEvidenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    uploaded_at = serializers.DateTimeField()


class ActionSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    source_label = serializers.SerializerMethodField()
    category = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    complaint = serializers.SlugRelatedField(
        slug_field="tracking_number", read_only=True, allow_null=True
    )
    owner = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        help_text="The owner's username, if a person.",
    )
    owner_label = serializers.CharField(read_only=True, help_text="Who is responsible, in words.")
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)
    figure = serializers.SerializerMethodField()
    files = ActionEvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "unit",
            "title",
            "description",
            "source",
            "source_label",
            "period",
            "element_key",
            "category",
            "complaint",
            "recommendation",
            "agreement",
            "study",
            "source_note",
            "owner",
            "owner_label",
            "due_on",
            "status",
            "completed_on",
            "overdue",
            "evidence_note",
            "drop_reason",
            "metric_key",
            "baseline",
            "target",
            "is_public",
            "figure",
            "files",
            "created_at",
            "updated_at",
        ]

    def get_source_label(self, action) -> str:
        return sources.describe(action)

    @extend_schema_field(ActionFigureSerializer(allow_null=True))
    def get_figure(self, action) -> dict | None:
        """The figure before and after the action (null when Pantau does not read it)."""
        figure = getattr(action, "figure", None)
        return None if figure is None else dict(ActionFigureSerializer(figure).data)


def _shown(actions) -> list:
    actions = list(actions)
    figures.attach(actions, today=timezone.localdate())
    return actions


class ActionFilter(django_filters.FilterSet):
    unit = KnownValueFilter(field_name="unit__slug", model=ServiceUnit, help_text="Unit slug.")
    status = django_filters.ChoiceFilter(
        choices=[("open", _("Planned or in progress")), ("overdue", _("Overdue")), *Status.choices],
        method="filter_status",
    )
    source = django_filters.ChoiceFilter(choices=Source.choices)

    class Meta:
        model = Action
        fields: list[str] = []

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.filter(selectors.overdue_q(today))
        if value == "open":
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.filter(status=value)


def reachable_actions(request):
    return narrow_by_unit(request, selectors.visible_actions(request.user)).prefetch_related(
        "files"
    )


def _action(request, pk: int) -> Action:
    return get_object_or_404(reachable_actions(request), pk=pk)


def _answer(action: Action, code: int = status.HTTP_200_OK) -> Response:
    action = (
        Action.objects.select_related(*selectors.RELATED)
        .prefetch_related("files")
        .get(pk=action.pk)
    )
    return Response(ActionSerializer(_shown([action])[0]).data, status=code)


class ActionCreateSerializer(serializers.Serializer):
    unit = serializers.SlugField(max_length=80, help_text="Slug of the unit (one you manage).")
    source = serializers.ChoiceField(choices=Source.choices)  # type: ignore[assignment]  # a field named like a DRF Field attribute
    period = serializers.IntegerField(
        required=False, min_value=1, help_text="For an SKM element: the SKM period's id."
    )
    element_key = serializers.SlugField(
        max_length=60,
        required=False,
        help_text="For an SKM element: the element's key (e.g. waktu); for a study, a dimension.",
    )
    category = serializers.SlugField(
        max_length=40, required=False, help_text="For complaints in one category: its code."
    )
    complaint = serializers.CharField(
        max_length=40, required=False, help_text="For a single complaint: its tracking number."
    )
    recommendation = serializers.IntegerField(
        required=False, min_value=1, help_text="For a PEKPPP recommendation: its id."
    )
    agreement = serializers.IntegerField(
        required=False, min_value=1, help_text="For a forum agreement: its id."
    )
    study = serializers.IntegerField(
        required=False, min_value=1, help_text="For a study's gap: the study's id."
    )
    source_note = serializers.CharField(
        max_length=300, required=False, help_text="For a mystery-shopping finding: what was found."
    )
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    owner = serializers.CharField(max_length=150, help_text="Username of a person of the unit.")
    due_on = serializers.DateField()
    metric_key = serializers.CharField(
        max_length=80,
        required=False,
        allow_blank=True,
        help_text="skm.ikm, skm.element:<key>, complaints.on_time_share or "
        "complaints.category:<code>; left out, the source's own figure.",
    )
    baseline = serializers.DecimalField(
        max_digits=9, decimal_places=2, required=False, allow_null=True
    )
    target = serializers.DecimalField(
        max_digits=9, decimal_places=2, required=False, allow_null=True
    )
    is_public = StrictBooleanField(
        required=False,
        allow_null=True,
        help_text="Left out or null: shown unless the source is a single complaint.",
    )


# The record each kind of source names, as this API names it.
REFERENCE_PARAMETERS = {
    Source.SKM_ELEMENT: "period",
    Source.COMPLAINT_PATTERN: "category",
    Source.COMPLAINT: "complaint",
    Source.RECOMMENDATION: "recommendation",
    Source.AGREEMENT: "agreement",
    Source.STUDY_GAP: "study",
}


def _field_error(field: str, message: str) -> serializers.ValidationError:
    return serializers.ValidationError({field: [serializers.ErrorDetail(message, code="invalid")]})


def _source(unit, values: dict) -> services.SourceRef:
    """The unit's own record the request names for its kind of source; a 400 naming the field
    when it names none (or another unit's)."""
    kind = values["source"]
    name = REFERENCE_PARAMETERS.get(kind)
    ref = "" if name is None else str(values.get(name) or "")
    if name is not None and not ref:
        raise _field_error(name, _("Name the record this kind of source comes from."))
    try:
        found = sources.resolve(unit, sources.SourceLink(kind, ref, values.get("element_key", "")))
    except Http404:
        raise _field_error(name or "source", _("The unit has no such record.")) from None
    source = services.SourceRef(**{**found.__dict__, "note": values.get("source_note", "")})
    services.check_source(unit, source)  # an element of the questionnaire, a finding's note
    return source


def _owner(unit, username: str):
    owner = forms.unit_people(unit).filter(username=username).first()
    if owner is None:
        raise _field_error("owner", _("No person of the unit has this username."))
    return owner


def _iso(value) -> str:
    return "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)


class ActionList(generics.ListAPIView):
    """The improvement actions of the units you reach (token), each with the figure it should
    move before and after it; with the write scope, the unit head plans one (POST)."""

    permission_classes = [WriteScope]
    serializer_class = ActionSerializer
    queryset = Action.objects.none()
    filterset_class = ActionFilter
    cursor_ordering = "-id"

    def get_queryset(self):
        return reachable_actions(self.request)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(ActionSerializer(_shown(page), many=True).data)

    @extend_schema(
        request=ActionCreateSerializer,
        responses={201: ActionSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request):
        """Plan an action in a unit's register, with the web page's rules: a source of the
        unit's own (an SKM period and element, a category, a report, a recommendation, an
        agreement, a study; a finding says what was found), a person of the unit as owner, a
        due date (write scope; the unit head, the agency head)."""
        data = ActionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        unit = get_unit(request, values["unit"], managed=True)
        source = _source(unit, values)
        owner = _owner(unit, values["owner"])
        public = values.get("is_public")
        form = forms.PlanForm(
            data={
                "title": values["title"],
                "description": values.get("description", ""),
                "owner": str(owner.pk),
                "due_on": _iso(values["due_on"]),
                "metric_key": values.get("metric_key", services.default_metric(source)),
                "baseline": _iso(values.get("baseline")),
                "target": _iso(values.get("target")),
                "public": "" if public is None else ("yes" if public else "no"),
                "source_note": source.note,
            },
            unit=unit,
            fixed=source,
        )
        cleaned = check_form(form)
        action = services.plan_action(
            actor=request.user,
            unit=unit,
            source=cleaned["source_ref"],
            title=cleaned["title"],
            description=cleaned["description"],
            owner=cleaned["owner"],
            due_on=cleaned["due_on"],
            metric_key=cleaned["metric_key"],
            baseline=cleaned["baseline"],
            target=cleaned["target"],
            is_public=form.is_public,
        )
        return _answer(action, status.HTTP_201_CREATED)


class ActionWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=4000, allow_blank=True)
    owner = serializers.CharField(max_length=150, help_text="Username of a person of the unit.")
    due_on = serializers.DateField()
    metric_key = serializers.CharField(max_length=80, allow_blank=True)
    baseline = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    target = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    is_public = StrictBooleanField()


class ActionDetail(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ActionWriteSerializer
    queryset = Action.objects.none()

    @extend_schema(responses={200: ActionSerializer, **errors(401, 404)})
    def get(self, request, pk: int):
        """One action with its evidence files and its figure before and after (token)."""
        return _answer(_action(request, pk))

    @extend_schema(
        request=ActionWriteSerializer,
        responses={200: ActionSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request, pk: int):
        """Change the plan: the fields sent replace the action's, then the whole action is
        checked as on the web page; its source stays (write scope; the unit head, the agency
        head)."""
        action = _action(request, pk)
        if not permissions.can_plan(request.user, action.unit):
            raise PermissionDenied
        data = ActionWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        owner = _owner(action.unit, values["owner"]) if "owner" in values else action.owner
        current = {
            "title": action.title,
            "description": action.description,
            "due_on": action.due_on,
            "metric_key": action.metric_key,
            "baseline": action.baseline,
            "target": action.target,
            "is_public": action.is_public,
        }
        merged = {**current, **{k: v for k, v in values.items() if k != "owner"}}
        form = forms.ReviseForm(
            data={
                **{k: _iso(v) for k, v in merged.items() if k != "is_public"},
                "owner": "" if owner is None else str(owner.pk),
                **({"is_public": "on"} if merged["is_public"] else {}),
            },
            unit=action.unit,
            carried_over=action.responsible if action.owner_id is None else "",
        )
        cleaned = check_form(form)
        action = services.revise_action(
            actor=request.user,
            action=action,
            title=cleaned["title"],
            description=cleaned["description"],
            owner=cleaned["owner"],
            responsible=action.responsible if cleaned["owner"] is None else "",
            due_on=cleaned["due_on"],
            metric_key=cleaned["metric_key"],
            baseline=cleaned["baseline"],
            target=cleaned["target"],
            is_public=cleaned["is_public"],
        )
        return _answer(action)


class ProgressSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in Status if s != Status.DROPPED]
    )
    completed_on = serializers.DateField(
        required=False, allow_null=True, help_text="Required when done; not in the future."
    )
    evidence_note = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, help_text="What was done."
    )


class ActionProgress(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ProgressSerializer
    queryset = Action.objects.none()

    @extend_schema(responses={200: ActionSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Say where the action stands (planned, in progress, done with the date) and what was
        done; ``evidence_note`` left out keeps the note (write scope; the unit's officers and
        head; only the head brings back a dropped action)."""
        action = _action(request, pk)
        allowed = (
            permissions.can_drop(request.user, action)
            if action.status == Status.DROPPED
            else permissions.can_update(request.user, action)
        )
        if not allowed:
            raise PermissionDenied
        data = ProgressSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        note = values.get("evidence_note")
        cleaned = check_form(
            forms.ProgressForm(
                data={
                    "status": values["status"],
                    "completed_on": _iso(values.get("completed_on")),
                    "evidence_note": action.evidence_note if note is None else note,
                }
            )
        )
        action = services.record_progress(
            actor=request.user,
            action=action,
            status=cleaned["status"],
            completed_on=cleaned["completed_on"],
            evidence_note=cleaned["evidence_note"],
        )
        return _answer(action)


class DropSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, help_text="Why the action is dropped.")


class ActionDrop(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = DropSerializer
    queryset = Action.objects.none()

    @extend_schema(responses={200: ActionSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Drop an action that will not be carried out, saying why; the public no longer sees
        it (write scope; the unit head, the agency head)."""
        action = _action(request, pk)
        if not permissions.can_drop(request.user, action):
            raise PermissionDenied
        data = DropSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = check_form(forms.DropForm(data=data.validated_data))
        action = services.drop_action(actor=request.user, action=action, reason=cleaned["reason"])
        return _answer(action)


urlpatterns = [
    path("improvements/actions/", ActionList.as_view(), name="improvement-action-list"),
    path(
        "improvements/actions/<int:pk>/",
        ActionDetail.as_view(),
        name="improvement-action-detail",
    ),
    path(
        "improvements/actions/<int:pk>/progress/",
        ActionProgress.as_view(),
        name="improvement-action-progress",
    ),
    path(
        "improvements/actions/<int:pk>/drop/",
        ActionDrop.as_view(),
        name="improvement-action-drop",
    ),
]
