"""Staff pages of unit KPIs: a unit's dashboard and one KPI's page, defining KPIs, their targets,
recording custom values with evidence, an agency's page across its units, the downloads."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common.files import private_file_response
from pantau.organisations import selectors as organisations

from . import charts, forms, metrics, selectors, services
from .models import Measurement
from .permissions import (
    can_change_indicator,
    can_define_for_agency,
    can_define_for_unit,
    can_record,
)

AGENCY_PAGE_SIZE = 25


def _with_charts(lines: list[selectors.Series]) -> list[selectors.Series]:
    for line in lines:
        line.chart = charts.build(line)  # type: ignore[attr-defined]
    return lines


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The units and agencies whose KPIs the user may open."""
    units = organisations.visible_units(request.user).order_by("agency__name", "name")
    return render(
        request,
        "kpis/index.html",
        {
            "page": Paginator(units, AGENCY_PAGE_SIZE).get_page(request.GET.get("page")),
            "agencies": selectors.overview_agencies(request.user)[:50],
        },
    )


@login_required
def unit_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    count = selectors.periods_wanted(request.GET.get("periods"))
    lines = selectors.unit_dashboard(unit, count=count, today=timezone.localdate())
    return render(
        request,
        "kpis/unit_dashboard.html",
        {
            "unit": unit,
            "lines": _with_charts(lines),
            "count": count,
            "can_define": can_define_for_unit(request.user, unit),
        },
    )


@login_required
def indicator_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One KPI of one unit: its chart and table over more periods, its targets and values."""
    unit, indicator = selectors.get_unit_indicator(request.user, slug, pk)
    count = selectors.periods_wanted(request.GET.get("periods") or "12")
    today = timezone.localdate()
    line = selectors.series([indicator], [unit], count=count, until=today)[(indicator.pk, unit.pk)]
    return render(
        request,
        "kpis/indicator_detail.html",
        {
            "unit": unit,
            "indicator": indicator,
            "line": _with_charts([line])[0],
            "count": count,
            "targets": selectors.targets_of(indicator),
            "can_change": can_change_indicator(request.user, indicator),
            "can_record": can_record(request.user, indicator, unit),
        },
    )


def _define(
    request: HttpRequest, *, unit: Any = None, agency: Any = None, cancel: str
) -> HttpResponse:
    services_of_unit = unit.services.filter(is_active=True) if unit is not None else None
    form = forms.IndicatorForm(request.POST or None, services=services_of_unit)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.define_indicator(
                actor=request.user, unit=unit, agency=agency, definition=form.definition()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The KPI is defined. Set its targets now."))
            return redirect("kpis:targets", pk=indicator.pk)
    return render(
        request,
        "kpis/indicator_form.html",
        {
            "form": form,
            "unit": unit,
            "agency": agency,
            "indicator": None,
            "cancel": cancel,
            "metrics": list(metrics.metrics().items()),
        },
    )


@login_required
def unit_define(request: HttpRequest, slug: str) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_define_for_unit(request.user, unit):
        raise PermissionDenied
    return _define(request, unit=unit, cancel=reverse("kpis:unit", args=[unit.slug]))


@login_required
def agency_define(request: HttpRequest, slug: str) -> HttpResponse:
    agency = selectors.get_visible_agency(request.user, slug)
    if not can_define_for_agency(request.user, agency):
        raise PermissionDenied
    return _define(request, agency=agency, cancel=reverse("kpis:agency", args=[agency.slug]))


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.get_visible_indicator(request.user, pk)
    if not can_change_indicator(request.user, indicator):
        raise PermissionDenied
    unit = indicator.unit
    services_of_unit = unit.services.filter(is_active=True) if unit is not None else None
    form = forms.IndicatorForm(
        request.POST or None,
        services=services_of_unit,
        initial=forms.IndicatorForm.initial_for(indicator),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_indicator(
                actor=request.user, indicator=indicator, definition=form.definition()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The KPI is saved."))
            return redirect("kpis:targets", pk=indicator.pk)
    return render(
        request,
        "kpis/indicator_form.html",
        {
            "form": form,
            "unit": unit,
            "agency": indicator.agency,
            "indicator": indicator,
            "cancel": reverse("kpis:targets", args=[indicator.pk]),
            "metrics": list(metrics.metrics().items()),
        },
    )


@login_required
def targets(request: HttpRequest, pk: int) -> HttpResponse:
    """A KPI's targets; those who may change the KPI add one here."""
    indicator = selectors.get_visible_indicator(request.user, pk)
    can_change = can_change_indicator(request.user, indicator)
    form = None
    if can_change:
        form = forms.TargetForm(
            request.POST or None, indicator=indicator, today=timezone.localdate()
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.set_target(
                    actor=request.user,
                    indicator=indicator,
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    value=data["value"],
                    note=data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The target is set."))
                return redirect("kpis:targets", pk=indicator.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "kpis/targets.html",
        {
            "indicator": indicator,
            "targets": selectors.targets_of(indicator),
            "form": form,
            "can_change": can_change,
        },
    )


@login_required
def target_remove(request: HttpRequest, pk: int, target_pk: int) -> HttpResponse:
    """Remove a target (POST; someone who cannot see the KPI gets 404 whatever the method)."""
    indicator = selectors.get_visible_indicator(request.user, pk)
    target = get_object_or_404(indicator.targets, pk=target_pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not can_change_indicator(request.user, indicator):
        raise PermissionDenied
    services.remove_target(actor=request.user, target=target)
    messages.success(request, _("The target is removed."))
    return redirect("kpis:targets", pk=indicator.pk)


@login_required
def measurement_record(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record (or correct) the unit's value of a custom KPI for a period, with its evidence."""
    unit, indicator = selectors.get_unit_indicator(request.user, slug, pk)
    if not indicator.is_custom:
        raise Http404
    if not can_record(request.user, indicator, unit):
        raise PermissionDenied
    form = forms.MeasurementForm(
        request.POST or None,
        request.FILES or None,
        indicator=indicator,
        today=timezone.localdate(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_measurement(
                actor=request.user,
                indicator=indicator,
                unit=unit,
                period=data["period"],
                value=data["value"],
                evidence_note=data["evidence_note"],
                evidence=data["evidence"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The value of %(period)s is recorded.") % {"period": data["period"].label},
            )
            return redirect("kpis:indicator", slug=unit.slug, pk=indicator.pk)
    return render(
        request,
        "kpis/measurement_form.html",
        {"unit": unit, "indicator": indicator, "form": form},
    )


@login_required
def measurement_evidence(request: HttpRequest, slug: str, pk: int, measurement_pk: int) -> Any:
    unit, indicator = selectors.get_unit_indicator(request.user, slug, pk)
    measurement = get_object_or_404(Measurement, indicator=indicator, unit=unit, pk=measurement_pk)
    return private_file_response(
        measurement.evidence_file,
        name=measurement.evidence_name or "bukti",
        content_type=measurement.evidence_type,
    )


@login_required
def agency(request: HttpRequest, slug: str) -> HttpResponse:
    """The agency's KPIs across its units, and how each unit's own KPIs stand."""
    agency = selectors.get_visible_agency(request.user, slug)
    page = Paginator(selectors.units_of_agency(agency), AGENCY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    overview = selectors.agency_overview(agency, list(page.object_list), today=timezone.localdate())
    return render(
        request,
        "kpis/agency.html",
        {
            "agency": agency,
            "page": page,
            "overview": overview,
            "can_define": can_define_for_agency(request.user, agency),
        },
    )
