"""Staff pages of the innovation register: a unit's register, registering and describing an
innovation, its page with stages, legal basis, evidence and effects, moving it to a later stage,
copying one from the catalogue (ATM), and the overview across the units a user reaches. A page of
a unit the user does not reach, or an action they may not take, answers 404."""

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

from . import forms, permissions, selectors, services
from .models import Effect, EvidenceFile, Innovation, Stage


def _query(request: HttpRequest, *names: str) -> str:
    from urllib.parse import urlencode

    return urlencode({name: request.GET[name] for name in names if request.GET.get(name)})


def _show_errors(form: Any, error: ValidationError) -> None:
    """A service's refusal on the form: under its field when the form has it, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.error_dict.items():
        form.add_error(name if name in form.fields else None, problems)


def _unit_and_innovation(request: HttpRequest, slug: str, pk: int) -> tuple[Any, Innovation]:
    unit = organisations.get_visible_unit(request.user, slug)
    return unit, selectors.get_unit_innovation(unit, pk)


def _editable(request: HttpRequest, slug: str, pk: int) -> tuple[Any, Innovation]:
    unit, innovation = _unit_and_innovation(request, slug, pk)
    if not permissions.can_edit(request.user, innovation):
        raise Http404
    return unit, innovation


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """The innovations of every unit the user reaches."""
    stage, search = request.GET.get("stage", ""), request.GET.get("q", "")[:100]
    page = Paginator(selectors.overview(request.user, stage=stage, search=search), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "innovations/overview.html",
        {
            "page": page,
            "stage": stage,
            "search": search,
            "stages": Stage.choices,
            "query": _query(request, "stage", "q"),
            "across": permissions.can_read_across_units(request.user),
            "own_units": selectors.registrable_units(request.user)[:20],
        },
    )


@login_required
def innovation_list(request: HttpRequest, slug: str) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    stage = request.GET.get("stage", "")
    page = Paginator(selectors.unit_register(unit, stage=stage), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "innovations/innovation_list.html",
        {
            "unit": unit,
            "page": page,
            "stage": stage,
            "stages": Stage.choices,
            "query": _query(request, "stage"),
            "counts": selectors.stage_counts(selectors.unit_register(unit)),
            "can_register": permissions.can_register(request.user, unit),
        },
    )


@login_required
def innovation_create(request: HttpRequest, slug: str) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    if not permissions.can_register(request.user, unit):
        raise Http404
    may_publish = permissions.can_govern(request.user, unit)
    form = forms.RegisterForm(
        request.POST or None,
        unit=unit,
        may_publish=may_publish,
        initial={"stage_on": timezone.localdate(), "owner": request.user.pk},
    )
    if request.method == "POST" and form.is_valid():
        try:
            innovation = services.register_innovation(
                actor=request.user,
                unit=unit,
                details=form.details(),
                stage=form.cleaned_data["stage"],
                stage_on=form.cleaned_data["stage_on"],
                is_public=bool(form.publish),
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The innovation is in the register."))
            return redirect("innovations:innovation-detail", slug=slug, pk=innovation.pk)
    return render(request, "innovations/innovation_form.html", {"unit": unit, "form": form})


def _detail_context(request: HttpRequest, unit: Any, innovation: Innovation) -> dict[str, Any]:
    user = request.user
    may_edit = permissions.can_edit(user, innovation)
    may_govern = permissions.can_govern(user, unit)
    stage_form = forms.StageForm(innovation=innovation, may_govern=may_govern)
    return {
        "unit": unit,
        "innovation": innovation,
        "can_edit": may_edit,
        "can_govern": may_govern,
        "can_advance": may_edit and stage_form.has_choices,
        "evidence_form": forms.EvidenceForm(),
        "effect_form": forms.EffectForm(),
        "replications": innovation.replications.select_related("unit").order_by("unit__name"),
        "history": innovation.history.select_related("history_user").order_by("-history_date")[:20],
    }


@login_required
def innovation_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit, innovation = _unit_and_innovation(request, slug, pk)
    return render(
        request, "innovations/innovation_detail.html", _detail_context(request, unit, innovation)
    )


def _initial_details(innovation: Innovation) -> dict[str, Any]:
    names = (
        "title",
        "description",
        "problem",
        "before",
        "after",
        "effect",
        "modification",
        "team",
        "facilities",
        "budget",
        "budget_source",
        "competition",
        "competition_result",
        "is_public",
    )
    return {"owner": innovation.owner_id, **{name: getattr(innovation, name) for name in names}}


@login_required
def innovation_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit, innovation = _editable(request, slug, pk)
    form = forms.DetailsForm(
        request.POST or None,
        unit=unit,
        may_publish=permissions.can_govern(request.user, unit),
        initial=_initial_details(innovation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_innovation(
                actor=request.user,
                innovation=innovation,
                details=form.details(),
                is_public=form.publish,
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The innovation is saved."))
            return redirect("innovations:innovation-detail", slug=slug, pk=pk)
    return render(
        request,
        "innovations/innovation_edit.html",
        {"unit": unit, "innovation": innovation, "form": form},
    )


@login_required
def innovation_stage(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit, innovation = _editable(request, slug, pk)
    form = forms.StageForm(
        request.POST or None,
        request.FILES or None,
        innovation=innovation,
        may_govern=permissions.can_govern(request.user, unit),
        initial={"on": timezone.localdate()},
    )
    if not form.has_choices:
        raise Http404
    if request.method == "POST" and form.is_valid():
        try:
            services.advance_stage(
                actor=request.user,
                innovation=innovation,
                stage=form.cleaned_data["stage"],
                on=form.cleaned_data["on"],
                basis=form.stage_basis(),
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The innovation moved to its new stage."))
            return redirect("innovations:innovation-detail", slug=slug, pk=pk)
    return render(
        request,
        "innovations/innovation_stage.html",
        {"unit": unit, "innovation": innovation, "form": form},
    )


@login_required
def legal_basis_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit, innovation = _unit_and_innovation(request, slug, pk)
    if not permissions.can_govern(request.user, unit):
        raise Http404
    initial = {
        "legal_basis_kind": innovation.legal_basis_kind,
        "legal_basis_title": innovation.legal_basis_title,
        "decree_number": innovation.decree_number,
        "decree_date": innovation.decree_date,
    }
    form = forms.LegalBasisForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_legal_basis(actor=request.user, innovation=innovation, basis=form.basis())
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The legal basis is saved."))
            return redirect("innovations:innovation-detail", slug=slug, pk=pk)
    return render(
        request,
        "innovations/legal_basis_form.html",
        {"unit": unit, "innovation": innovation, "form": form},
    )


@login_required
def legal_basis_file(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    _unit, innovation = _unit_and_innovation(request, slug, pk)
    return private_file_response(
        innovation.decree_file, name=(innovation.decree_file.name or "").rsplit("/", 1)[-1]
    )


@login_required
@require_POST
def evidence_upload(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit, innovation = _editable(request, slug, pk)
    form = forms.EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_evidence(
                actor=request.user,
                innovation=innovation,
                files=form.cleaned_data["evidence"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The evidence is saved."))
            return redirect("innovations:innovation-detail", slug=slug, pk=pk)
    context = _detail_context(request, unit, innovation)
    context["evidence_form"] = form
    return render(request, "innovations/innovation_detail.html", context, status=400)


@login_required
def evidence_file(request: HttpRequest, slug: str, pk: int, file_pk: int) -> HttpResponseBase:
    unit = organisations.get_visible_unit(request.user, slug)
    item = get_object_or_404(EvidenceFile, innovation__unit=unit, innovation_id=pk, pk=file_pk)
    return private_file_response(item.file, name=item.original_name, content_type=item.content_type)


@login_required
@require_POST
def effect_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit, innovation = _editable(request, slug, pk)
    form = forms.EffectForm(request.POST)
    if form.is_valid():
        try:
            services.record_effect(actor=request.user, innovation=innovation, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The effect is recorded."))
            return redirect("innovations:innovation-detail", slug=slug, pk=pk)
    context = _detail_context(request, unit, innovation)
    context["effect_form"] = form
    return render(request, "innovations/innovation_detail.html", context, status=400)


@login_required
@require_POST
def effect_remove(request: HttpRequest, slug: str, pk: int, effect_pk: int) -> HttpResponse:
    _unit, innovation = _editable(request, slug, pk)
    effect = get_object_or_404(Effect, innovation=innovation, pk=effect_pk)
    services.remove_effect(actor=request.user, effect=effect)
    messages.success(request, _("The effect is removed."))
    return redirect("innovations:innovation-detail", slug=slug, pk=pk)


@login_required
def replicate(request: HttpRequest, pk: int) -> HttpResponse:
    """Copy an innovation (from the public catalogue, or of a unit the user reads) into one of
    the user's units as an idea, linked to the original."""
    original = selectors.get_replicable(request.user, pk)
    units = selectors.registrable_units(request.user).exclude(pk=original.unit_id)
    if not units.exists():
        raise Http404
    initial = {"unit": units.first() if units.count() == 1 else None, "owner": request.user.pk}
    form = forms.ReplicateForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        try:
            copy = services.replicate_innovation(
                actor=request.user,
                original=original,
                unit=unit,
                owner=form.cleaned_data["owner"],
                modification=form.cleaned_data["modification"],
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request,
                _("The innovation is copied into your register as an idea. Make it your own."),
            )
            return redirect("innovations:innovation-detail", slug=unit.slug, pk=copy.pk)
    return render(request, "innovations/replicate_form.html", {"original": original, "form": form})
