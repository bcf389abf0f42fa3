"""Staff pages of perception studies: set up, links and progress, answering as a provider,
results and exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common import confirm
from pantau.organisations import selectors as organisations
from pantau.surveys import review as held_review
from pantau.surveys.forms import ResponseForm
from pantau.surveys.imports import stored_upload, template_response, undo_confirmation
from pantau.surveys.models import Collection, ImportBatch, Instrument, Item, Response
from pantau.surveys.selectors import version_items

from . import exporters, importers, presenters, selectors, services
from .forms import ImportForm, ItemRevisionForm, StudyForm
from .models import ProviderInvitation, ProviderParticipation, RespondentGroup
from .permissions import can_enter_responses, can_manage_study, provider_group_for
from .public_views import KIOSK, kiosk_signature
from .summary import summary_sentences


@login_required
def study_list(request):
    return render(
        request,
        "studies/study_list.html",
        {
            "studies": selectors.visible_studies(request.user),
            "to_answer": selectors.open_studies_for_officer(request.user),
            "managed_units": organisations.managed_units(request.user).order_by("name"),
        },
    )


@login_required
def study_create(request, slug):
    unit = organisations.get_managed_unit(request.user, slug)
    form = StudyForm(
        request.POST or None,
        units=organisations.managed_units(request.user).exclude(pk=unit.pk).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            study = services.create_study(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The study is set up. Open it when you are ready to collect answers.")
            )
            return redirect("studies:study-detail", pk=study.pk)
    return render(request, "studies/study_form.html", {"unit": unit, "form": form})


@login_required
def study_detail(request, pk):
    study = selectors.get_visible_study(request.user, pk)
    groups = selectors.groups_of(study)
    can_manage = can_manage_study(request.user, study)
    for group in groups:
        group.can_enter = can_enter_responses(request.user, group)
        if group.role == RespondentGroup.Role.RECIPIENT:
            group.public_url = request.build_absolute_uri(
                reverse("study:form", args=[group.collection.token])
            )
            group.kiosk_url = (
                reverse("study:kiosk", args=[group.collection.token, kiosk_signature(group)])
                if can_manage
                else ""
            )
            group.kiosk_pin = KIOSK.pin(group.collection.token) if can_manage else ""
            group.held_pending = held_review.pending(group.collection) if group.can_enter else 0
    return render(
        request,
        "studies/study_detail.html",
        {
            "study": study,
            "unit": study.unit,
            "groups": groups,
            "status": groups[0].collection.status if groups else "draft",
            "can_manage": can_manage,
            "can_answer": provider_group_for(request.user, study) is not None,
            "can_enter": any(g.can_enter for g in groups),
            "several_units": len({g.unit_id for g in groups}) > 1,
        },
    )


@login_required
@require_POST
def study_status(request, pk, action):
    study = selectors.get_visible_study(request.user, pk)
    try:
        services.change_study_status(actor=request.user, study=study, action=action)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The study is open for answers.")
            if action == "open"
            else _("The study is closed; no more answers are accepted."),
        )
    return redirect("studies:study-detail", pk=pk)


@login_required
def provider_answer(request, pk):
    study = selectors.get_visible_study(request.user, pk)
    group = provider_group_for(request.user, study)
    if group is None:
        raise Http404
    if ProviderParticipation.objects.filter(group__study=study, user=request.user).exists():
        messages.info(request, _("You have already answered this study. Thank you."))
        return redirect("studies:study-detail", pk=pk)
    form = ResponseForm(
        request.POST or None,
        version=group.collection.version,
        items=version_items(group.collection.version),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_provider_response(
                actor=request.user,
                group=group,
                answers=form.answers(),
                submission_token=form.cleaned_data["submission_token"],
            )
        except services.AlreadyAnswered:
            messages.info(request, _("You have already answered this study. Thank you."))
            return redirect("studies:study-detail", pk=pk)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Your answers are saved. They are anonymous: the study records only that you took part."
                ),
            )
            return redirect("studies:study-detail", pk=pk)
    return render(
        request,
        "studies/provider_answer.html",
        {"study": study, "unit": study.unit, "group": group, "form": form},
    )


@login_required
def paper_entry(request, pk):
    """An officer types in a recipient's paper questionnaire (recorded as entered by them)."""
    study = selectors.get_visible_study(request.user, pk)
    groups = [
        g
        for g in study.groups.filter(role=RespondentGroup.Role.RECIPIENT).select_related(
            "unit", "collection__version"
        )
        if can_enter_responses(request.user, g)
    ]
    if not groups:
        raise Http404
    group = next((g for g in groups if g.unit.slug == request.GET.get("unit")), groups[0])
    form = ResponseForm(
        request.POST or None,
        version=group.collection.version,
        items=version_items(group.collection.version),
    )
    if request.method == "POST" and form.is_valid():
        response, created = services.enter_paper_response(
            actor=request.user,
            group=group,
            answers=form.answers(),
            submission_token=form.cleaned_data["submission_token"],
        )
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
        return redirect(reverse("studies:paper-entry", args=[pk]) + f"?unit={group.unit.slug}")
    return render(
        request,
        "studies/paper_entry.html",
        {"study": study, "unit": group.unit, "form": form, "groups": groups},
    )


@login_required
def import_file(request, pk):
    study = selectors.get_visible_study(request.user, pk)
    groups = study.groups.select_related("unit", "collection")
    allowed = [g.pk for g in groups if can_enter_responses(request.user, g)]
    if not allowed:
        raise Http404
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        groups=groups.filter(pk__in=allowed).order_by("-role", "unit__name"),
    )
    report = None
    if request.method == "POST" and form.is_valid():
        group = form.cleaned_data["group"]
        upload = form.cleaned_data["file"]
        with stored_upload(upload) as path:
            report = services.import_responses(
                actor=request.user, group=group, path=path, file_name=upload.name
            )
        if report.ok:
            messages.success(
                request, _("%(count)s questionnaires are imported.") % {"count": len(report.rows)}
            )
            return redirect("studies:study-detail", pk=pk)
    imports = list(
        ImportBatch.objects.filter(collection__study_group__pk__in=allowed)
        .select_related("created_by", "undone_by", "collection__study_group__unit")
        .order_by("-created_at", "-id")
    )
    for item in imports:
        item.undo_url = (
            reverse("studies:import-undo", args=[pk, item.pk])
            if item.collection.status == Collection.Status.OPEN
            else ""
        )
    return render(
        request,
        "studies/import.html",
        {
            "study": study,
            "unit": study.unit,
            "form": form,
            "report": report,
            "groups": form.fields["group"].queryset,
            "imports": imports,
        },
    )


@login_required
def held_answers(request, pk, group):
    """A group's answers held for review (suspected repeats), counted or set aside by those who
    enter its answers, while its questionnaire is open."""
    study = selectors.get_visible_study(request.user, pk)
    chosen = get_object_or_404(study.groups.select_related("collection", "unit"), pk=group)
    if not can_enter_responses(request.user, chosen):
        raise Http404
    return held_review.review_page(
        request,
        collection=chosen.collection,
        may_decide=chosen.collection.status == Collection.Status.OPEN,
        context={
            "unit": chosen.unit,
            "title": f"{study.title} · {chosen.unit.name}",
            "back_url": reverse("studies:study-detail", args=[pk]),
        },
    )


@login_required
def import_template(request, pk, group):
    """A CSV with the columns the import reads for one group's form, and an example row."""
    study = selectors.get_visible_study(request.user, pk)
    chosen = get_object_or_404(study.groups.select_related("collection", "unit"), pk=group)
    if not can_enter_responses(request.user, chosen):
        raise Http404
    columns, example = importers.template_columns(chosen.collection.version_id)
    return template_response(
        columns=columns,
        example=example,
        file_name=f"study-{study.pk}-{chosen.role}-{chosen.unit.slug}-template.csv",
    )


@login_required
@require_POST
def import_undo(request, pk, batch):
    """Undo one import (its questionnaires are removed), after a confirmation page."""
    study = selectors.get_visible_study(request.user, pk)
    item = get_object_or_404(
        ImportBatch.objects.select_related("collection__study_group"),
        pk=batch,
        collection__study_group__study=study,
        undone_at__isnull=True,
    )
    group = item.collection.study_group
    if not can_enter_responses(request.user, group):
        raise Http404
    if not confirm.confirmed(request):
        return undo_confirmation(request, item, cancel_url=reverse("studies:import", args=[pk]))
    try:
        services.undo_import(actor=request.user, group=group, batch_id=item.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The import is undone."))
    return redirect("studies:import", pk=pk)


@login_required
def invitations(request, pk):
    """One-time links for the unit's officers to answer Form B without signing in."""
    study = selectors.get_visible_study(request.user, pk)
    if not can_manage_study(request.user, study):
        raise Http404
    if request.method == "POST":
        created = services.invite_providers(actor=request.user, study=study)
        messages.success(
            request,
            _("%(count)s new one-time links are ready.") % {"count": len(created)},
        )
        return redirect("studies:invitations", pk=pk)
    rows = (
        ProviderInvitation.objects.filter(group__study=study)
        .select_related("user")
        .order_by("user__first_name", "user__username")
    )
    for row in rows:
        row.url = request.build_absolute_uri(reverse("study:invited", args=[row.token]))
    return render(
        request,
        "studies/invitations.html",
        {"study": study, "unit": study.unit, "invitations": rows},
    )


@login_required
def study_results(request, pk):
    study = selectors.get_visible_study(request.user, pk)
    unit = None
    if request.GET.get("unit"):
        unit = next(
            (
                g.unit
                for g in study.groups.select_related("unit")
                if g.unit.slug == request.GET["unit"]
            ),
            None,
        )
        if unit is None:
            raise Http404
    results = selectors.study_results(study, unit=unit)
    dimensions = presenters.dimension_rows(results)
    return render(
        request,
        "studies/study_results.html",
        {
            "study": study,
            "unit": study.unit,
            "group_unit": unit,
            "results": results,
            "summary": summary_sentences(results),
            "dimensions": dimensions,
            "chart_height": presenters.chart_height(dimensions),
            "items_overall": presenters.item_rows(results, results.overall, results.x_dimensions),
            "items_quality": presenters.item_rows(results, results.quality, results.y_dimensions),
            "quality": presenters.quality_rows(results),
            "descriptives": presenters.descriptive_rows(results),
            "items_by_group": presenters.group_item_rows(results),
            "cuts": presenters.likert.CATEGORY_CUTS,
        },
    )


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def export_raw(request, pk, fmt):
    study = selectors.get_visible_study(request.user, pk)
    if fmt == "csv":
        return _download(exporters.raw_csv(study), f"studi-{study.pk}-jawaban.csv", "text/csv")
    if fmt == "sav":
        return _download(
            exporters.raw_sav(study), f"studi-{study.pk}-jawaban.sav", "application/x-spss-sav"
        )
    return _download(exporters.raw_xlsx(study), f"studi-{study.pk}-jawaban.xlsx", XLSX)


@login_required
def export_results(request, pk, fmt="xlsx"):
    study = selectors.get_visible_study(request.user, pk)
    results = selectors.study_results(study)
    if fmt == "csv":
        return _download(exporters.results_csv(results), f"studi-{study.pk}-hasil.csv", "text/csv")
    if fmt == "pdf":
        from .report_pdf import study_pdf

        return _download(
            study_pdf(study, results, summary_sentences(results)),
            f"studi-{study.pk}-laporan.pdf",
            "application/pdf",
        )
    return _download(exporters.results_xlsx(results), f"studi-{study.pk}-hasil.xlsx", XLSX)


def _instrument_admin(user) -> None:
    if not (user.is_superuser or user.is_staff):
        raise Http404


@login_required
def instrument_list(request):
    """The perception instruments with their versions; administrators revise statements here."""
    _instrument_admin(request.user)
    instruments = (
        Instrument.objects.filter(purpose=Instrument.Purpose.PERCEPTION)
        .prefetch_related("versions")
        .order_by("code")
    )
    rows = []
    for instrument in instruments:
        versions = sorted(instrument.versions.all(), key=lambda v: -v.number)
        for version in versions:
            version.answered = Response.objects.filter(version=version).count()  # type: ignore[attr-defined]
        latest = versions[0] if versions else None
        rows.append(
            {
                "instrument": instrument,
                "versions": versions,
                "items": selectors.scored_items(latest.pk) if latest else [],
            }
        )
    return render(request, "studies/instrument_list.html", {"rows": rows})


@login_required
def item_revise(request, code, key):
    _instrument_admin(request.user)
    instrument = get_object_or_404(Instrument, code=code, purpose=Instrument.Purpose.PERCEPTION)
    version = instrument.versions.order_by("-number").first()
    item = get_object_or_404(Item, version=version, key=key)
    form = ItemRevisionForm(
        request.POST or None,
        initial={"text": item.text, "text_en": item.text_en, "reverse_scored": item.reverse_scored},
    )
    if request.method == "POST" and form.is_valid():
        revised = services.revise_item(
            actor=request.user,
            version=version,
            key=key,
            text=form.cleaned_data["text"],
            text_en=form.cleaned_data["text_en"],
            reverse_scored=form.cleaned_data["reverse_scored"],
        )
        if revised.pk != version.pk:
            messages.success(
                request,
                _(
                    "Version %(old)s already has answers, so the change made version %(new)s; "
                    "new studies use it, existing studies keep theirs."
                )
                % {"old": version.number, "new": revised.number},
            )
        else:
            messages.success(
                request,
                _("The statement is changed in version %(number)s.") % {"number": version.number},
            )
        return redirect("studies:instrument-list")
    return render(
        request,
        "studies/item_form.html",
        {"instrument": instrument, "version": version, "item": item, "form": form},
    )
