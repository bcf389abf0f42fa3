"""Staff pages of observation visits: the programme (schedule, cancel, compare units), the
observer's visits and the entry page on the questionnaire engine's form, a visit's result with
"plan an action" for each failed item, and a unit's results over time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common.files import private_file_response
from pantau.organisations import selectors as organisations
from pantau.organisations.models import Service
from pantau.surveys.models import Item
from pantau.surveys.selectors import version_items

from . import forms, permissions, selectors, services
from .models import ItemNote, Visit


def _schedule_form(request: HttpRequest) -> forms.ScheduleForm:
    units = selectors.schedulable_units(request.user).order_by("name")
    return forms.ScheduleForm(
        request.POST or None,
        units=units,
        services=Service.objects.filter(unit__in=units.values("pk"), is_active=True)
        .select_related("unit")
        .order_by("unit__name", "name"),
        people=selectors.observer_candidates(request.user),
        initial={"planned_on": timezone.localdate()},
    )


@login_required
def programme(request: HttpRequest) -> HttpResponse:
    """The visits of the units whose programme the user runs, by status."""
    if not permissions.runs_programme(request.user):
        raise Http404
    status = request.GET.get("status", "")
    if status not in Visit.Status.values:
        status = ""
    visits = selectors.programme_visits(request.user, status=status)[:200]
    return render(
        request,
        "observations/programme.html",
        {"visits": visits, "status": status, "statuses": Visit.Status.choices},
    )


@login_required
def schedule(request: HttpRequest) -> HttpResponse:
    if not permissions.runs_programme(request.user):
        raise Http404
    form = _schedule_form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            visit = services.schedule_visit(
                actor=request.user,
                unit=data["unit"],
                kind=data["kind"],
                service=data["service"],
                planned_on=data["planned_on"],
                observer=data["observer"],
                scenario=data["scenario"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The visit is scheduled; only the observer is told."))
            return redirect("observations:visit-detail", pk=visit.pk)
    return render(
        request, "observations/schedule.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def assigned(request: HttpRequest) -> HttpResponse:
    """The observer's own visits."""
    visits = list(selectors.assigned_visits(request.user)[:200])
    today = timezone.localdate()
    return render(
        request,
        "observations/assigned.html",
        {
            "to_enter": [v for v in visits if v.status == Visit.Status.SCHEDULED],
            "done": [v for v in visits if v.status != Visit.Status.SCHEDULED],
            "today": today,
            "headed": selectors.headed_units(request.user),
            "runs_programme": permissions.runs_programme(request.user),
        },
    )


def _plan_urls(request: HttpRequest, visit: Visit) -> bool:
    from pantau.improvements.permissions import can_plan

    return visit.status == Visit.Status.SUBMITTED and can_plan(request.user, visit.unit)


@login_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = selectors.get_visible_visit(request.user, pk)
    return render(
        request,
        "observations/visit_detail.html",
        {
            "visit": visit,
            "sections": selectors.visit_results(visit) if visit.response_id else [],
            "show_observer": permissions.sees_observer(request.user, visit),
            "may_cancel": visit.status == Visit.Status.SCHEDULED
            and permissions.can_schedule(request.user, visit.unit),
            "may_enter": permissions.can_enter(request.user, visit),
            "may_plan": _plan_urls(request, visit),
            "cancel_form": forms.CancelForm(),
        },
    )


@login_required
def visit_enter(request: HttpRequest, pk: int) -> HttpResponse:
    """The observer enters the visit on the engine's form (one page; a note and a photo under
    each item). Submitting scores and locks it."""
    visit = selectors.get_visible_visit(request.user, pk)
    if visit.observer_id != request.user.pk:
        raise Http404
    if visit.status != Visit.Status.SCHEDULED:
        messages.info(request, _("This visit has already been submitted; its answers are locked."))
        return redirect("observations:visit-detail", pk=pk)
    version = visit.collection.version
    form = forms.VisitForm(
        request.POST or None,
        request.FILES or None,
        version=version,
        items=version_items(version),
    )
    early = timezone.localdate() < visit.planned_on
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_visit(
                actor=request.user,
                visit=visit,
                answers=form.answers(),
                evidence=form.evidence(),
                submission_token=form.cleaned_data["submission_token"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The visit is submitted and scored. Thank you."))
            return redirect("observations:visit-detail", pk=pk)
    page = render(
        request,
        "observations/visit_enter.html",
        {"visit": visit, "form": form, "early": early},
        status=400 if form.errors else 200,
    )
    add_never_cache_headers(page)
    return page


@login_required
@require_POST
def visit_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    visit = selectors.get_visible_visit(request.user, pk)
    if not permissions.can_schedule(request.user, visit.unit):
        raise Http404
    form = forms.CancelForm(request.POST)
    if form.is_valid():
        try:
            services.cancel_visit(
                actor=request.user, visit=visit, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The visit is cancelled."))
    else:
        messages.error(request, _("Say why the visit is cancelled."))
    return redirect("observations:visit-detail", pk=pk)


@login_required
def photo(request: HttpRequest, pk: int, note_pk: int) -> HttpResponseBase:
    visit = selectors.get_visible_visit(request.user, pk)
    note = get_object_or_404(ItemNote, visit=visit, pk=note_pk)
    return private_file_response(note.photo, name=note.file_name, content_type=note.content_type)


@login_required
def plan_action(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """The register's planning form, filled in from one failed item: the source is the
    mystery-shopping finding (what was found, on which visit), the title the item's wording.
    The form is sent to the register's own page, which checks and saves it."""
    from pantau.improvements.forms import PlanForm
    from pantau.improvements.models import Source
    from pantau.improvements.services import SourceRef

    visit = selectors.get_visible_visit(request.user, pk)
    if not _plan_urls(request, visit):
        raise Http404
    row = next((r for r in selectors.failed_items(visit) if r.item.key == key), None)
    if row is None:
        raise Http404
    note = _finding(visit, row.item, row.note)
    fixed = SourceRef(Source.MYSTERY_SHOPPING, note=note)
    form = PlanForm(
        unit=visit.unit,
        fixed=fixed,
        initial={"source_note": note, "title": _action_title(row.item)},
    )
    return render(
        request,
        "improvements/action_form.html",
        {
            "unit": visit.unit,
            "form": form,
            "fixed": str(Source.MYSTERY_SHOPPING.label),
            "query": f"source={Source.MYSTERY_SHOPPING.value}",
        },
    )


def _finding(visit: Visit, item: Item, note: ItemNote | None) -> str:
    text = _("Observation of %(day)s (%(checklist)s), %(code)s: “%(item)s” — no.") % {
        "day": date_format(visit.planned_on, "j F Y"),
        "checklist": visit.get_kind_display(),
        "code": item.code,
        "item": item.shown_text,
    }
    if note is not None and note.note:
        text += " " + note.note
    return text[:300]


def _action_title(item: Item) -> str:
    return (_("Put right: %(item)s") % {"item": item.shown_label})[:200]


@login_required
def comparison(request: HttpRequest) -> HttpResponse:
    """The units whose programme the user runs, side by side, per checklist."""
    if not permissions.runs_programme(request.user):
        raise Http404
    return render(
        request, "observations/comparison.html", {"rows": selectors.comparison(request.user)}
    )


@login_required
def unit_results(request: HttpRequest, slug: str) -> HttpResponse:
    """A unit's submitted visits over time, per checklist (its head, the programme)."""
    unit = organisations.get_visible_unit(request.user, slug)
    if not permissions.can_read_results(request.user, unit):
        raise Http404
    timeline = selectors.unit_timeline(unit)
    today = timezone.localdate()
    summary = selectors.unit_observation_summary(unit, today - timedelta(days=365), today)
    return render(
        request,
        "observations/unit_results.html",
        {"unit": unit, "timeline": _timeline_rows(timeline), "summary": summary},
    )


def _timeline_rows(timeline: dict[str, list[Visit]]) -> list[dict[str, Any]]:
    from .models import Kind

    rows = []
    for kind in Kind:
        visits = timeline.get(kind.value, [])
        if visits:
            rows.append({"kind": kind, "label": kind.label, "visits": list(reversed(visits))})
    return rows
