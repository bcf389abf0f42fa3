"""Staff pages of the SKM: periods, results, paper entry, one-time codes, publication."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common import confirm
from pantau.organisations import selectors as organisations
from pantau.organisations.permissions import can_manage_unit
from pantau.surveys import review as held_review
from pantau.surveys.forms import ResponseForm
from pantau.surveys.imports import stored_upload, template_response, undo_confirmation
from pantau.surveys.models import AccessCode

from . import forms, importers, public_views, selectors, services
from .models import Medium
from .permissions import can_enter_responses


def kiosk_signature(period) -> str:
    return public_views.KIOSK.sign(period.collection.token)


def assisted_signature(period) -> str:
    return public_views.ASSISTED.sign(period.collection.token)


@login_required
def period_list(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    periods = list(selectors.periods_of_unit(unit))
    points = {
        point.period.pk: point
        for point in selectors.trend([p for p in periods if p.collection.status != "draft"])
    }
    for period in periods:
        period.point = points.get(period.pk)
    trend = [points[p.pk] for p in sorted(periods, key=lambda p: p.starts_on) if p.pk in points]
    return render(
        request,
        "satisfaction/period_list.html",
        {
            "unit": unit,
            "periods": periods,
            "trend": trend,
            "can_manage": can_manage_unit(request.user, unit),
        },
    )


@login_required
def period_create(request, slug):
    unit = organisations.get_managed_unit(request.user, slug)
    form = forms.PeriodForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = services.create_period(
                actor=request.user,
                unit=unit,
                kind=data["kind"],
                year=data["year"],
                number=data["number"],
                population=data["population"],
                services=data["services"],
                weight_mode=data["weight_mode"],
                requires_code=data["requires_code"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The survey period is set up. Open it when you are ready to collect answers."),
            )
            return redirect("satisfaction:period-detail", slug=slug, pk=period.pk)
    return render(request, "satisfaction/period_form.html", {"unit": unit, "form": form})


@login_required
def period_detail(request, slug, pk):
    unit = organisations.get_visible_unit(request.user, slug)
    period = selectors.get_period(unit, pk)
    service = None
    if request.GET.get("layanan"):
        service = (
            period.services.filter(pk=request.GET["layanan"]).first()
            if request.GET["layanan"].isdigit()
            else None
        )
        if service is None:
            raise Http404
    results = selectors.period_results(period, service=service)
    suggestion_rows, theme_counts = (
        selectors.suggestions_with_themes(period) if service is None else ([], [])
    )
    can_manage = can_manage_unit(request.user, unit)
    survey_url = request.build_absolute_uri(reverse("survey:form", args=[period.collection.token]))
    return render(
        request,
        "satisfaction/period_detail.html",
        {
            "unit": unit,
            "period": period,
            "results": results,
            "service": service,
            "profile": selectors.respondent_profile(period) if service is None else [],
            "suggestions": suggestion_rows,
            "theme_counts": theme_counts,
            "themes": selectors.theme_choices(period),
            "can_manage": can_manage,
            "can_enter": can_enter_responses(request.user, unit),
            "survey_url": survey_url,
            "kiosk_url": request.build_absolute_uri(
                reverse("survey:kiosk", args=[period.collection.token, kiosk_signature(period)])
            )
            if can_enter_responses(request.user, unit)
            else "",
            "assisted_url": request.build_absolute_uri(
                reverse(
                    "survey:assisted", args=[period.collection.token, assisted_signature(period)]
                )
            )
            if can_enter_responses(request.user, unit)
            else "",
            "kiosk_pin": public_views.KIOSK.pin(period.collection.token)
            if can_enter_responses(request.user, unit)
            else "",
            "held_pending": held_review.pending(period.collection),
            "survey_rate": settings.PANTAU_SURVEY_RATE,
            "survey_rate_minutes": settings.PANTAU_SURVEY_RATE[1] // 60,
            "media": Medium.choices,
            "plan": selectors.follow_up_actions(period, include_cancelled=True),
            "publications": period.publications.select_related("published_by"),
            "plan_summary": selectors.follow_up_summary(period),
        },
    )


@login_required
@require_POST
def period_status(request, slug, pk, action):
    unit = organisations.get_managed_unit(request.user, slug)
    period = selectors.get_period(unit, pk)
    if action not in services.TRANSITIONS:
        raise Http404
    try:
        services.change_period_status(actor=request.user, period=period, action=action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The survey is now “%(status)s”.")
            % {"status": period.collection.get_status_display()},
        )
    return redirect("satisfaction:period-detail", slug=slug, pk=pk)


@login_required
@require_POST
def period_publish(request, slug, pk):
    """Publish after a confirmation page that says the figures become final; below the required
    sample that page also asks why (issue 16)."""
    from pantau.common.numbers import fmt

    unit = organisations.get_managed_unit(request.user, slug)
    period = selectors.get_period(unit, pk)
    media = [m for m in request.POST.getlist("media") if m in Medium.values]
    results = selectors.period_results(period)
    problem = services.publish_refusal(period=period, media=media, results=results)
    if problem:
        messages.error(request, problem)
        return redirect("satisfaction:period-detail", slug=slug, pk=pk)
    final = period.published_at is not None and period.correction_started_at is None
    reason_form = (
        forms.PublishReasonForm(request.POST if confirm.confirmed(request) else None)
        if results.below_sample and not final
        else None
    )
    if not final and (
        not confirm.confirmed(request) or (reason_form is not None and not reason_form.is_valid())
    ):
        warnings = []
        if results.below_sample:
            warnings.append(
                _(
                    "Only %(n)s of the %(required)s respondents the sample requires have "
                    "answered: the margin of error is ± %(margin)s points instead of ± 5."
                )
                % {
                    "n": results.respondents,
                    "required": results.required,
                    "margin": fmt(results.margin_points, 1),
                }
            )
        return confirm.confirmation_page(
            request,
            title=_("Publish the results of %(period)s?") % {"period": period.label},
            details=[
                (_("IKM"), fmt(results.ikm.ikm, 2)),
                (_("Respondents"), f"{results.respondents} / {results.required}"),
            ],
            warnings=warnings,
            consequences=[
                _("The results appear on the public portal, the poster and the report."),
                _("The survey closes: no more answers are accepted for this period."),
                _(
                    "Published figures are final. They can only be changed by a correction, "
                    "which is shown in public next to the earlier figures."
                ),
            ],
            form=reason_form,
            action_label=_("Yes, publish"),
            cancel_url=reverse("satisfaction:period-detail", args=[slug, pk]),
        )
    try:
        services.publish_period(
            actor=request.user,
            period=period,
            media=media,
            reason=reason_form.cleaned_data["reason"] if reason_form is not None else "",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The results are published on the public portal."))
    return redirect("satisfaction:period-detail", slug=slug, pk=pk)


@login_required
@require_POST
def period_correction(request, slug, pk):
    """Start an audited correction of published results (after a confirmation page)."""
    unit = organisations.get_managed_unit(request.user, slug)
    period = selectors.get_period(unit, pk)
    form = forms.CorrectionForm(request.POST if confirm.confirmed(request) else None)
    if not confirm.confirmed(request) or not form.is_valid():
        return confirm.confirmation_page(
            request,
            title=_("Correct the published results of %(period)s?") % {"period": period.label},
            consequences=[
                _(
                    "Officers can enter paper questionnaires, import files and undo imports for "
                    "this period again; citizens' answers stay closed."
                ),
                _(
                    "The public page says that a correction is under way. Publishing again ends "
                    "it, with your reason and the date, and the earlier figures stay visible."
                ),
            ],
            form=form,
            action_label=_("Yes, start the correction"),
            cancel_url=reverse("satisfaction:period-detail", args=[slug, pk]),
        )
    try:
        services.start_correction(
            actor=request.user, period=period, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The correction is started."))
    return redirect("satisfaction:period-detail", slug=slug, pk=pk)


@login_required
def paper_entry(request, slug, pk):
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_enter_responses(request.user, unit):
        raise Http404
    period = selectors.get_period(unit, pk)
    form = ResponseForm(
        request.POST or None, version=period.collection.version, services=period.services.all()
    )
    today = timezone.localdate()
    date_form = forms.PaperDateForm(
        request.POST or None,
        initial={"answered_on": min(max(today, period.starts_on), period.ends_on)},
    )
    if request.method == "POST" and form.is_valid() and date_form.is_valid():
        try:
            response, created = services.enter_paper_response(
                actor=request.user,
                period=period,
                answers=form.answers(),
                service=form.cleaned_data["service"],
                submission_token=form.cleaned_data["submission_token"],
                answered_on=date_form.cleaned_data["answered_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                messages.success(
                    request,
                    _("Questionnaire %(number)s is saved. Enter the next one.")
                    % {"number": response.number},
                )
            else:
                messages.info(
                    request,
                    _("This questionnaire was already saved as %(number)s.")
                    % {"number": response.number},
                )
            return redirect("satisfaction:paper-entry", slug=slug, pk=pk)
    return render(
        request,
        "satisfaction/paper_entry.html",
        {
            "unit": unit,
            "period": period,
            "form": form,
            "date_form": date_form,
            "accepts": services.accepts_staff_entries(period),
        },
    )


@login_required
def access_codes(request, slug, pk):
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_enter_responses(request.user, unit):
        raise Http404
    period = selectors.get_period(unit, pk)
    form = forms.AccessCodeBatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.make_access_codes(
            actor=request.user, period=period, count=form.cleaned_data["count"]
        )
        messages.success(
            request, _("%(count)s new codes are ready to hand out.") % {"count": len(codes)}
        )
        return redirect("satisfaction:access-codes", slug=slug, pk=pk)
    unused = AccessCode.objects.filter(collection=period.collection, used_at__isnull=True).order_by(
        "-created_at", "code"
    )[:500]
    survey_url = request.build_absolute_uri(reverse("survey:form", args=[period.collection.token]))
    return render(
        request,
        "satisfaction/access_codes.html",
        {
            "unit": unit,
            "period": period,
            "form": form,
            "codes": unused,
            "survey_url": survey_url,
            "used": AccessCode.objects.filter(
                collection=period.collection, used_at__isnull=False
            ).count(),
        },
    )


@login_required
def action_form(request, slug, pk, action_pk=None):
    """An action of the period's follow-up plan: an action of the improvement register whose
    source is one of the period's elements (issue 21)."""
    from pantau.improvements.selectors import get_unit_action

    unit = organisations.get_managed_unit(request.user, slug)
    period = selectors.get_period(unit, pk)
    action = None
    if action_pk:
        action = get_unit_action(unit, action_pk)
        if action.period_id != period.pk:
            raise Http404
    elements = selectors.scored_items(period)
    initial = forms.FollowUpActionForm.values_of(action) if action else {}
    if action is None and request.GET.get("unsur"):
        initial["element_key"] = request.GET["unsur"]
    form = forms.FollowUpActionForm(request.POST or None, elements=elements, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_follow_up_action(
                actor=request.user, period=period, action=action, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The follow-up plan is saved."))
            return redirect(reverse("satisfaction:period-detail", args=[slug, pk]) + "#plan")
    return render(
        request,
        "satisfaction/action_form.html",
        {"unit": unit, "period": period, "form": form, "action": action},
    )


@login_required
def import_file(request, slug, pk):
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_enter_responses(request.user, unit):
        raise Http404
    period = selectors.get_period(unit, pk)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with stored_upload(upload) as path:
            try:
                report = services.import_responses(
                    actor=request.user, period=period, path=path, file_name=upload.name
                )
            except ValidationError as error:
                form.add_error(None, error)
        if report is not None and report.ok:
            messages.success(
                request, _("%(count)s questionnaires are imported.") % {"count": len(report.rows)}
            )
            return redirect("satisfaction:period-detail", slug=slug, pk=pk)
    accepts = services.accepts_staff_entries(period)
    imports = list(period.collection.imports.select_related("created_by", "undone_by"))
    for item in imports:
        item.undo_url = (
            reverse("satisfaction:import-undo", args=[slug, pk, item.pk]) if accepts else ""
        )
    return render(
        request,
        "satisfaction/import.html",
        {
            "unit": unit,
            "period": period,
            "form": form,
            "report": report,
            "imports": imports,
            "accepts": accepts,
        },
    )


@login_required
def held_answers(request, slug, pk):
    """Answers held for review (suspected repeats): the unit's officers count or set them aside
    while the period accepts entries."""
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_enter_responses(request.user, unit):
        raise Http404
    period = selectors.get_period(unit, pk)
    return held_review.review_page(
        request,
        collection=period.collection,
        may_decide=services.accepts_staff_entries(period),
        context={
            "unit": unit,
            "title": period.label,
            "back_url": reverse("satisfaction:period-detail", args=[slug, pk]),
        },
    )


@login_required
def import_template(request, slug, pk):
    """A CSV with the header the import reads for this survey, and one example row."""
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_enter_responses(request.user, unit):
        raise Http404
    period = selectors.get_period(unit, pk)
    columns, example = importers.template_columns(period)
    return template_response(
        columns=columns, example=example, file_name=f"skm-{unit.slug}-{period.pk}-template.csv"
    )


@login_required
@require_POST
def import_undo(request, slug, pk, batch):
    """Undo one import (its questionnaires are removed), after a confirmation page."""
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_enter_responses(request.user, unit):
        raise Http404
    period = selectors.get_period(unit, pk)
    item = get_object_or_404(period.collection.imports, pk=batch, undone_at__isnull=True)
    if not confirm.confirmed(request):
        return undo_confirmation(
            request, item, cancel_url=reverse("satisfaction:import", args=[slug, pk])
        )
    try:
        services.undo_import(actor=request.user, period=period, batch_id=item.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The import is undone."))
    return redirect("satisfaction:import", slug=slug, pk=pk)


@login_required
def unit_elements(request, slug):
    """The unit's own SKM elements, added to the nine national ones for its next periods."""
    from .instrument import ELEMENTS, extra_elements, unit_skm_version

    unit = organisations.get_managed_unit(request.user, slug)
    version = unit_skm_version(unit)
    current = extra_elements(version)
    initial = [{"label": item.short_label, "question": item.text} for item in current]
    formset = forms.UnitElementFormSet(request.POST or None, initial=initial, prefix="el")
    if request.method == "POST" and formset.is_valid():
        wanted = [
            (f.cleaned_data["label"].strip(), f.cleaned_data["question"].strip())
            for f in formset.forms
            if f.cleaned_data.get("label") and not f.cleaned_data.get("DELETE")
        ]
        if wanted != [(i.short_label, i.text) for i in current]:
            services.set_unit_elements(actor=request.user, unit=unit, elements=wanted)
            messages.success(
                request, _("The questionnaire has a new version; new survey periods use it.")
            )
        return redirect("satisfaction:period-list", slug=slug)
    return render(
        request,
        "satisfaction/unit_elements.html",
        {
            "unit": unit,
            "formset": formset,
            "national": ELEMENTS,
            "version": version,
        },
    )


@login_required
@require_POST
def suggestion_tag(request, slug, pk):
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_enter_responses(request.user, unit):
        raise Http404
    period = selectors.get_period(unit, pk)
    answer_id = request.POST.get("answer", "")
    try:
        services.tag_suggestion(
            actor=request.user,
            period=period,
            answer_id=int(answer_id) if answer_id.isdigit() else 0,
            theme=request.POST.get("theme", ""),
            remove=request.POST.get("remove") == "1",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("satisfaction:period-detail", args=[slug, pk]) + "#suggestions")


@login_required
def period_report(request, slug, pk, fmt="html"):
    """The SKM report: a print-friendly page, the same as PDF, and the data as XLSX."""
    from django.http import HttpResponse
    from django.utils.text import slugify

    from .exporters.pdf import export_pdf
    from .exporters.xlsx import export_xlsx
    from .report import build_report

    unit = organisations.get_visible_unit(request.user, slug)
    period = selectors.get_period(unit, pk)
    report = build_report(period)
    filename = slugify(f"skm-{unit.slug}-{period.year}-{period.kind}-{period.number}")
    if fmt == "pdf":
        response = HttpResponse(export_pdf(report), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            export_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    return render(
        request, "satisfaction/report.html", {"unit": unit, "period": period, "report": report}
    )


@login_required
def overview(request):
    """SKM results of every unit the user may see, side by side (by agency for evaluators)."""
    from django.core.paginator import Paginator

    agencies = organisations.visible_agencies(request.user).order_by("name")
    units = organisations.visible_units(request.user).order_by("agency__name", "name")
    agency = request.GET.get("instansi", "")
    if agency.isdigit():
        units = units.filter(agency_id=int(agency))
    page = Paginator(units, 25).get_page(request.GET.get("page"))
    latest = selectors.latest_per_unit(list(page.object_list))
    rows = [(unit, latest.get(unit.id)) for unit in page.object_list]
    return render(
        request,
        "satisfaction/overview.html",
        {
            "page": page,
            "rows": rows,
            "agencies": agencies,
            "agency": agency,
        },
    )
