"""Staff pages of the service pledge (maklumat) and of publication records."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common import confirm
from pantau.organisations import selectors as organisations

from . import forms, selectors, services
from .models import Publication
from .permissions import can_edit_standards, can_set_standards
from .views import _editable_unit, _error_text, _serve

# --- Service pledge -------------------------------------------------------------------------


@login_required
def maklumat(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    can_edit = can_edit_standards(request.user, unit)
    draft = selectors.maklumat_draft(unit)
    current = selectors.current_maklumat(unit)
    form = None
    if can_edit:
        initial = services.new_maklumat_text(unit)
        form = forms.MaklumatForm(
            request.POST or None, instance=draft, initial=None if draft else initial
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.save_maklumat_draft(actor=request.user, unit=unit, data=form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The draft pledge is saved."))
                return redirect("standards:maklumat", slug=slug)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "standards/maklumat.html",
        {
            "unit": unit,
            "draft": draft,
            "current": current,
            "history": selectors.maklumat_history(unit),
            "form": form,
            "publish_form": forms.MaklumatPublishForm(initial={"set_on": timezone.localdate()}),
            "can_set": can_set_standards(request.user, unit),
        },
    )


@login_required
@require_POST
def maklumat_publish(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_set_standards(request.user, unit):
        raise PermissionDenied
    draft = selectors.maklumat_draft(unit)
    if draft is None:
        raise Http404
    form = forms.MaklumatPublishForm(request.POST)
    if form.is_valid() and not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("Set and publish the service pledge of %(unit)s?") % {"unit": unit.name},
            details=[
                (_("Date the pledge is set"), date_format(form.cleaned_data["set_on"], "j F Y")),
                (_("Signed by"), f"{draft.signatory_name}, {draft.signatory_title}"),
            ],
            consequences=[
                _(
                    "The pledge is shown on the public portal and its poster, replacing the one in force."
                ),
                _("A published pledge cannot be changed; a later change is a new pledge."),
            ],
            action_label=_("Yes, set and publish the pledge"),
            cancel_url=reverse("standards:maklumat", args=[slug]),
        )
    if form.is_valid():
        try:
            services.publish_maklumat(
                actor=request.user, maklumat=draft, set_on=form.cleaned_data["set_on"]
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The pledge is set and published."))
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, message)
    return redirect("standards:maklumat", slug=slug)


# --- Publication records --------------------------------------------------------------------


@login_required
def publications(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    can_edit = can_edit_standards(request.user, unit)
    form = None
    if can_edit:
        form = forms.PublicationForm(
            request.POST or None,
            request.FILES or None,
            targets=selectors.publication_targets(unit),
            initial={"published_on": timezone.localdate()},
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            subject, _label, target = form.targets[data["target"]]
            try:
                services.record_publication(
                    actor=request.user,
                    unit=unit,
                    subject=subject,
                    target=target,
                    medium=data["medium"],
                    published_on=data["published_on"],
                    url=data["url"],
                    note=data["note"],
                    evidence=data["evidence"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The publication is recorded."))
                return redirect("standards:publications", slug=slug)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "standards/publications.html",
        {
            "unit": unit,
            "records": selectors.publications_of_unit(unit),
            "form": form,
            "inputs": selectors.indicator_inputs(unit, today=timezone.localdate()),
            "scores": selectors.indicator_scores(unit, today=timezone.localdate()),
        },
    )


@login_required
def publication_evidence(request, slug, pk):
    unit = organisations.get_visible_unit(request.user, slug)
    record = get_object_or_404(Publication, unit=unit, pk=pk)
    return _serve(
        record.evidence, name=record.evidence_name or "bukti", content_type=record.evidence_type
    )


@login_required
@require_POST
def publication_delete(request, slug, pk):
    unit = _editable_unit(request, slug)
    record = get_object_or_404(Publication, unit=unit, pk=pk)
    services.delete_publication(actor=request.user, record=record)
    messages.success(request, _("The publication record is deleted."))
    return redirect("standards:publications", slug=slug)
