"""Staff pages of the improvement register: a unit's register, planning (from a source or not),
an action's page with its progress and evidence, revising, dropping, and the overview across
the units a user reaches."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common.files import private_file_response
from pantau.organisations import selectors as organisations

from . import (
    annual,
    figures,
    forms,
    metrics,
    permissions,
    selectors,
    services,
    sources,
    suggestions,
)
from .models import Action, EvidenceFile, Source, Status


def _query(request: HttpRequest, *names: str) -> str:
    from urllib.parse import urlencode

    return urlencode({name: request.GET[name] for name in names if request.GET.get(name)})


@login_required
def action_list(request: HttpRequest, slug: str) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    today = timezone.localdate()
    status, source = request.GET.get("status", ""), request.GET.get("source", "")
    page = Paginator(
        selectors.unit_register(unit, today=today, status=status, source=source), 50
    ).get_page(request.GET.get("page"))
    actions = list(page.object_list)
    for action in actions:
        action.source_label = sources.describe(action)  # type: ignore[attr-defined]
    figures.attach(actions, today=today)
    can_plan = permissions.can_plan(request.user, unit)
    return render(
        request,
        "improvements/action_list.html",
        {
            "unit": unit,
            "page": page,
            "actions": actions,
            "counts": selectors.unit_counts(unit, today=today),
            "status": status,
            "source": source,
            "statuses": [("open", _("Open")), ("overdue", _("Overdue")), *Status.choices],
            "sources": Source.choices,
            "query": _query(request, "status", "source"),
            "can_plan": can_plan,
            "year": today.year,
            "suggestions": suggestions.for_unit(unit, today=today) if can_plan else None,
        },
    )


def _initial(unit: Any, fixed: services.SourceRef | None) -> dict[str, Any]:
    """A plan started from a source: its figure and the figure's value now as the baseline."""
    if fixed is None:
        return {}
    initial: dict[str, Any] = {}
    if fixed.kind == Source.RECOMMENDATION and fixed.recommendation is not None:
        initial["title"] = fixed.recommendation.text[:200]
    if fixed.kind == Source.AGREEMENT and fixed.agreement is not None:
        initial["title"] = (fixed.agreement.action or fixed.agreement.text)[:200]
    metric = services.default_metric(fixed)
    if metric:
        initial["metric_key"] = metric
        initial["baseline"] = figures.baseline(unit, fixed, metric)
    return initial


@login_required
def action_create(request: HttpRequest, slug: str) -> HttpResponse:
    unit = organisations.get_managed_unit(request.user, slug)
    fixed = None
    if request.GET.get("source"):
        link = sources.SourceLink(
            request.GET["source"], request.GET.get("ref", ""), request.GET.get("element", "")
        )
        fixed = sources.resolve(unit, link)
    form = forms.PlanForm(
        request.POST or None,
        unit=unit,
        fixed=fixed,
        initial=_initial(unit, fixed),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = services.plan_action(
                actor=request.user,
                unit=unit,
                source=data["source_ref"],
                title=data["title"],
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
                metric_key=data["metric_key"],
                baseline=data["baseline"],
                target=data["target"],
                budget=data["budget"],
                is_public=form.is_public,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The action is in the register."))
            return redirect("improvements:action-detail", slug=slug, pk=action.pk)
    return render(
        request,
        "improvements/action_form.html",
        {
            "unit": unit,
            "form": form,
            "fixed": sources.describe(fixed) if fixed else "",
            "query": request.GET.urlencode(),
        },
    )


def _may_update(user: Any, action: Action) -> bool:
    """Officers and the head record progress; a dropped action only the head brings back."""
    if action.status == Status.DROPPED:
        return permissions.can_drop(user, action)
    return permissions.can_update(user, action)


def _detail_context(request: HttpRequest, unit: Any, action: Action) -> dict[str, Any]:
    figures.attach([action], today=timezone.localdate())
    return {
        "unit": unit,
        "action": action,
        "source_label": sources.describe(action),
        "metric_label": metrics.label(action.metric_key, unit) if action.metric_key else "",
        "can_update": _may_update(request.user, action),
        "can_plan": permissions.can_plan(request.user, unit),
        "history": action.history.select_related("history_user").order_by("-history_date")[:20],
    }


@login_required
def action_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    action = selectors.get_unit_action(unit, pk)
    context = _detail_context(request, unit, action)
    initial = {
        "status": action.status if action.status != Status.DROPPED else Status.PLANNED,
        "completed_on": action.completed_on,
        "evidence_note": action.evidence_note,
    }
    context["progress_form"] = forms.ProgressForm(initial=initial)
    context["drop_form"] = forms.DropForm()
    return render(request, "improvements/action_detail.html", context)


@login_required
@require_POST
def action_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    action = selectors.get_unit_action(unit, pk)
    if not _may_update(request.user, action):
        raise Http404
    form = forms.ProgressForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_progress(
                actor=request.user,
                action=action,
                status=data["status"],
                completed_on=data["completed_on"],
                evidence_note=data["evidence_note"],
                files=data["evidence"] or [],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The progress is saved."))
            return redirect("improvements:action-detail", slug=slug, pk=pk)
    context = _detail_context(request, unit, action)
    context.update(progress_form=form, drop_form=forms.DropForm())
    return render(request, "improvements/action_detail.html", context, status=400)


@login_required
@require_POST
def action_drop(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = organisations.get_managed_unit(request.user, slug)
    action = selectors.get_unit_action(unit, pk)
    form = forms.DropForm(request.POST)
    if form.is_valid():
        try:
            services.drop_action(
                actor=request.user, action=action, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The action is dropped."))
            return redirect("improvements:action-detail", slug=slug, pk=pk)
    context = _detail_context(request, unit, action)
    context.update(progress_form=forms.ProgressForm(), drop_form=form)
    return render(request, "improvements/action_detail.html", context, status=400)


@login_required
def action_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = organisations.get_managed_unit(request.user, slug)
    action = selectors.get_unit_action(unit, pk)
    initial = {
        "title": action.title,
        "description": action.description,
        "owner": action.owner,
        "due_on": action.due_on,
        "metric_key": action.metric_key,
        "baseline": action.baseline,
        "target": action.target,
        "budget": action.budget,
        "is_public": action.is_public,
    }
    form = forms.ReviseForm(
        request.POST or None,
        unit=unit,
        initial=initial,
        carried_over=action.responsible if action.owner_id is None else "",
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.revise_action(
                actor=request.user,
                action=action,
                title=data["title"],
                description=data["description"],
                owner=data["owner"],
                responsible=action.responsible if data["owner"] is None else "",
                due_on=data["due_on"],
                metric_key=data["metric_key"],
                baseline=data["baseline"],
                target=data["target"],
                budget=data["budget"],
                is_public=data["is_public"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The action is saved."))
            return redirect("improvements:action-detail", slug=slug, pk=pk)
    return render(
        request, "improvements/action_edit.html", {"unit": unit, "action": action, "form": form}
    )


@login_required
def evidence_file(request: HttpRequest, slug: str, pk: int, file_pk: int) -> HttpResponseBase:
    unit = organisations.get_visible_unit(request.user, slug)
    item = get_object_or_404(EvidenceFile, action__unit=unit, action_id=pk, pk=file_pk)
    return private_file_response(item.file, name=item.original_name, content_type=item.content_type)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """The registers of every unit the user reaches, side by side."""
    rows = selectors.overview(request.user, today=timezone.localdate())
    return render(
        request,
        "improvements/overview.html",
        {
            "rows": rows,
            "across": permissions.can_read_across_units(request.user),
            "agencies": annual.readable_agencies(request.user),
            "year": timezone.localdate().year,
        },
    )
