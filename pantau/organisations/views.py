from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pantau.common import audit

from . import forms, selectors, services
from .models import Service, VisitRequest
from .permissions import can_manage_unit, can_serve_unit


@login_required
def unit_list(request):
    search = request.GET.get("q", "").strip()[:100]
    units = selectors.unit_list_for_staff(request.user, search=search)
    page = Paginator(units, 25).get_page(request.GET.get("page"))
    page.object_list = selectors.with_unit_counts(page.object_list)
    return render(request, "organisations/unit_list.html", {"page": page, "search": search})


@login_required
def unit_detail(request, slug):
    unit = selectors.unit_with_details(selectors.get_visible_unit(request.user, slug))
    return render(
        request,
        "organisations/unit_detail.html",
        {
            "unit": unit,
            "can_manage": can_manage_unit(request.user, unit),
            "can_serve": can_serve_unit(request.user, unit),
            "pending_visits": unit.visit_requests.filter(
                status__in=(VisitRequest.Status.NEW, VisitRequest.Status.SCHEDULED)
            ).count(),
        },
    )


@login_required
def unit_edit(request, slug):
    unit = selectors.get_managed_unit(request.user, slug)
    form = forms.UnitProfileForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        # ModelForm.is_valid() has already copied the data onto ``unit``; reload a clean copy so
        # the service decides what changed.
        fresh = selectors.get_managed_unit(request.user, slug)
        services.update_unit_profile(actor=request.user, unit=fresh, data=form.cleaned_data)
        messages.success(request, _("The unit profile is saved."))
        return redirect("organisations:unit-detail", slug=slug)
    return render(request, "organisations/unit_edit.html", {"unit": unit, "form": form})


@login_required
def hours_edit(request, slug):
    unit = selectors.get_managed_unit(request.user, slug)
    formset = forms.WeekFormSet(
        request.POST or None, initial=forms.week_initial(unit), prefix="day"
    )
    if request.method == "POST" and formset.is_valid():
        services.set_opening_hours(actor=request.user, unit=unit, week=formset.week())
        messages.success(request, _("The opening hours are saved."))
        return redirect("organisations:unit-detail", slug=slug)
    return render(request, "organisations/hours_edit.html", {"unit": unit, "formset": formset})


@login_required
def channels_edit(request, slug):
    unit = selectors.get_managed_unit(request.user, slug)
    formset = forms.ChannelFormSet(
        request.POST or None, initial=forms.channels_initial(unit), prefix="ch"
    )
    if request.method == "POST" and formset.is_valid():
        services.set_contact_channels(actor=request.user, unit=unit, channels=formset.channels())
        messages.success(request, _("The contact channels are saved."))
        return redirect("organisations:unit-detail", slug=slug)
    return render(request, "organisations/channels_edit.html", {"unit": unit, "formset": formset})


@login_required
def service_create(request, slug):
    unit = selectors.get_managed_unit(request.user, slug)
    form = forms.ServiceForm(request.POST or None, unit=unit, initial={"is_active": True})
    if request.method == "POST" and form.is_valid():
        service = services.create_service(
            actor=request.user,
            unit=unit,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, _("The service “%(name)s” is added.") % {"name": service.name})
        return redirect("organisations:unit-detail", slug=slug)
    return render(
        request, "organisations/service_form.html", {"unit": unit, "form": form, "service": None}
    )


@login_required
def service_edit(request, slug, pk):
    unit = selectors.get_managed_unit(request.user, slug)
    service = get_object_or_404(Service, unit=unit, pk=pk)
    form = forms.ServiceForm(request.POST or None, unit=unit, instance=service)
    if request.method == "POST" and form.is_valid():
        fresh = Service.objects.select_related("unit").get(pk=service.pk)
        services.update_service(
            actor=request.user,
            service=fresh,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            is_active=form.cleaned_data["is_active"],
        )
        messages.success(request, _("The service is saved."))
        return redirect("organisations:unit-detail", slug=slug)
    return render(
        request, "organisations/service_form.html", {"unit": unit, "form": form, "service": service}
    )


@login_required
def unit_audit(request, slug):
    unit = selectors.get_managed_unit(request.user, slug)
    entries = audit.unit_history(unit.id, limit=200)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "organisations/unit_audit.html", {"unit": unit, "page": page})


@login_required
def home_visits(request, slug):
    """The unit's home-visit requests (jemput bola): its officers schedule, record or decline
    each; other users get a 404."""
    unit = selectors.get_visible_unit(request.user, slug)
    if not can_serve_unit(request.user, unit):
        raise Http404
    if request.method == "POST":
        visit = get_object_or_404(VisitRequest, unit=unit, pk=request.POST.get("visit"))
        form = forms.VisitUpdateForm(request.POST, prefix=f"v{visit.pk}")
        if form.is_valid():
            try:
                services.update_home_visit(
                    actor=request.user,
                    visit=visit,
                    status=form.cleaned_data["status"],
                    scheduled_on=form.cleaned_data["scheduled_on"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Request %(number)s is updated.") % {"number": visit.number}
                )
        else:
            messages.error(request, _("Check the status and the date."))
        return redirect("organisations:home-visits", slug=slug)
    visits = list(unit.visit_requests.select_related("service", "handled_by"))
    for visit in visits:
        visit.form = forms.VisitUpdateForm(
            initial={
                "status": visit.status,
                "scheduled_on": visit.scheduled_on,
                "note": visit.staff_note,
            },
            prefix=f"v{visit.pk}",
        )
    return render(request, "organisations/home_visits.html", {"unit": unit, "visits": visits})
