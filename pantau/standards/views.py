"""Staff pages: service standards and their workflow, the service pledge, publication records."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common import confirm
from pantau.common.files import private_file_response
from pantau.organisations import selectors as organisations

from . import forms, selectors, services
from .models import ComponentFile, StandardVersion
from .permissions import can_edit_standards, can_set_standards


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _serve(field_file, *, name: str, content_type: str = ""):
    return private_file_response(field_file, name=name, content_type=content_type)


def _service(unit, service_pk):
    return get_object_or_404(unit.services.all(), pk=service_pk)


def _editable_unit(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_edit_standards(request.user, unit):
        raise PermissionDenied
    return unit


# --- Standards ------------------------------------------------------------------------------


@login_required
def overview(request):
    """Standards of every unit the user may see: in force, in progress, due for review, pledge."""
    from django.core.paginator import Paginator

    units = organisations.visible_units(request.user).order_by("agency__name", "name")
    page = Paginator(units, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "standards/overview.html",
        {
            "page": page,
            "rows": selectors.overview_rows(list(page.object_list), today=timezone.localdate()),
        },
    )


@login_required
def unit_standards(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    today = timezone.localdate()
    services_list = selectors.services_with_standards(unit)
    for service in services_list:
        service.review_due = bool(service.in_force and service.in_force.review_is_due(today))
    return render(
        request,
        "standards/unit_standards.html",
        {
            "unit": unit,
            "services": services_list,
            "can_edit": can_edit_standards(request.user, unit),
            "can_set": can_set_standards(request.user, unit),
            "maklumat": selectors.current_maklumat(unit),
            "today": today,
        },
    )


@login_required
def service_standard(request, slug, service_pk):
    unit = organisations.get_visible_unit(request.user, slug)
    service = _service(unit, service_pk)
    versions = selectors.versions_of_service(service)
    return render(
        request,
        "standards/service_standard.html",
        {
            "unit": unit,
            "service": service,
            "versions": versions,
            "in_progress": next(
                (v for v in versions if v.status in ("draft", "discussed", "set")), None
            ),
            "can_edit": can_edit_standards(request.user, unit),
        },
    )


@login_required
@require_POST
def version_start(request, slug, service_pk):
    unit = _editable_unit(request, slug)
    service = _service(unit, service_pk)
    try:
        version = services.start_version(actor=request.user, service=service)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("standards:service", slug=slug, service_pk=service.pk)
    messages.success(
        request, _("Version %(number)s is open as a draft.") % {"number": version.number}
    )
    return redirect(
        "standards:version-edit", slug=slug, service_pk=service.pk, number=version.number
    )


@login_required
def version_detail(request, slug, service_pk, number):
    unit = organisations.get_visible_unit(request.user, slug)
    service = _service(unit, service_pk)
    version = selectors.get_version(service, number)
    can_edit = can_edit_standards(request.user, unit)
    can_set = can_set_standards(request.user, unit)
    context = {
        "unit": unit,
        "service": service,
        "version": version,
        "can_edit": can_edit,
        "can_set": can_set,
        "actions": services.allowed_actions(version) if can_edit else [],
        "missing": services.missing_components(version) if version.is_editable else [],
        "files_by_component": {
            key: [f for f in version.files.all() if f.component == key]
            for key, _label, _text in version.manufacturing()
        },
        "complaint_url": f"{reverse('complaints:new')}?unit={unit.slug}",
    }
    if can_edit and version.status == StandardVersion.Status.DRAFT:
        context["discuss_form"] = forms.DiscussForm(forums=selectors.held_forums(unit))
        context["file_form"] = forms.ComponentFileForm()
    if can_edit and version.status == StandardVersion.Status.DISCUSSED:
        context["file_form"] = forms.ComponentFileForm()
    if can_set and version.status == StandardVersion.Status.DISCUSSED:
        context["set_form"] = forms.ConfirmedSetForm()
        context["agreements"] = version.agreements.all()
    return render(request, "standards/version_detail.html", context)


def _add_service_errors(form, error: ValidationError) -> None:
    """The service's errors on the form's fields (its lists are the form's ``…_text``)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        field = {"requirements": "requirements_text", "steps": "steps_text"}.get(name, name)
        form.add_error(field if field in form.fields else None, errors)


@login_required
def version_edit(request, slug, service_pk, number):
    unit = _editable_unit(request, slug)
    service = _service(unit, service_pk)
    version = selectors.get_version(service, number)
    if not version.is_editable:
        messages.error(
            request,
            _(
                "Version %(number)s has been set and can no longer change. Start a new version to change the standard."
            )
            % {"number": version.number},
        )
        return redirect("standards:version", slug=slug, service_pk=service.pk, number=number)
    form = forms.VersionForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.update_version(
                actor=request.user,
                version=version,
                data=data,
                requirements=form.cleaned_data["requirements_text"],
                steps=form.cleaned_data["steps_text"],
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("standards:version", slug=slug, service_pk=service.pk, number=number)
    return render(
        request,
        "standards/version_form.html",
        {"unit": unit, "service": service, "version": version, "form": form},
    )


@login_required
@require_POST
def version_action(request, slug, service_pk, number, action):
    """Long: one POST address for the standard's workflow steps, a branch of a few lines each with
    its own form and message; the services behind them are one per step."""
    unit = _editable_unit(request, slug)
    service = _service(unit, service_pk)
    version = selectors.get_version(service, number)
    back = redirect("standards:version", slug=slug, service_pk=service.pk, number=number)
    try:
        if action == "discuss":
            form = forms.DiscussForm(request.POST, forums=selectors.held_forums(unit))
            if not form.is_valid():
                messages.error(request, _("Choose a forum that has been held."))
                return back
            services.record_discussion(
                actor=request.user, version=version, forum=form.cleaned_data["forum"]
            )
            messages.success(request, _("The draft is recorded as discussed in the forum."))
        elif action == "reopen":
            services.reopen_draft(actor=request.user, version=version)
            messages.success(request, _("The version is a draft again."))
        elif action == "set":
            form = forms.ConfirmedSetForm(request.POST, request.FILES)
            if not form.is_valid():
                return render(
                    request,
                    "standards/version_set.html",
                    {
                        "unit": unit,
                        "service": service,
                        "version": version,
                        "form": form,
                        "agreements": version.agreements.all(),
                    },
                    status=400,
                )
            data = {k: v for k, v in form.cleaned_data.items() if k != "understood"}
            services.set_version(actor=request.user, version=version, **data)
            messages.success(
                request, _("The standard is set. Publish it to put it in force for the public.")
            )
        elif action == "publish":
            if not confirm.confirmed(request):
                return confirm.confirmation_page(
                    request,
                    title=_("Put version %(number)s of %(name)s in force?")
                    % {"number": version.number, "name": service.name},
                    details=[
                        (_("Decree"), f"{version.decree_number} ({version.decree_date:%d-%m-%Y})")
                    ],
                    consequences=[
                        _("The public portal shows this version as the standard in force."),
                        _("The version in force until now becomes history and stays readable."),
                        _("This cannot be undone: a later change needs a new version."),
                    ],
                    action_label=_("Yes, put it in force"),
                    cancel_url=reverse(
                        "standards:version", args=[slug, service.pk, version.number]
                    ),
                )
            services.publish_version(actor=request.user, version=version)
            messages.success(request, _("The standard is published and now in force."))
        elif action == "discard":
            if not confirm.confirmed(request):
                return confirm.confirmation_page(
                    request,
                    title=_("Discard the draft of version %(number)s?")
                    % {"number": version.number},
                    consequences=[
                        _("The draft, its components and its documents are deleted."),
                        _("This cannot be undone."),
                    ],
                    action_label=_("Yes, discard the draft"),
                    cancel_url=reverse(
                        "standards:version", args=[slug, service.pk, version.number]
                    ),
                )
            services.discard_draft(actor=request.user, version=version)
            messages.success(request, _("The draft is discarded."))
            return redirect("standards:service", slug=slug, service_pk=service.pk)
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return back


@login_required
@require_POST
def component_file_add(request, slug, service_pk, number):
    unit = _editable_unit(request, slug)
    version = selectors.get_version(_service(unit, service_pk), number)
    form = forms.ComponentFileForm(request.POST, request.FILES)
    if not form.is_valid():
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, message)
    else:
        try:
            services.attach_component_file(
                actor=request.user,
                version=version,
                component=form.cleaned_data["component"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The document is attached."))
    return redirect("standards:version", slug=slug, service_pk=service_pk, number=number)


@login_required
def component_file(request, slug, service_pk, number, pk):
    unit = organisations.get_visible_unit(request.user, slug)
    version = selectors.get_version(_service(unit, service_pk), number)
    item = get_object_or_404(ComponentFile, version=version, pk=pk)
    return _serve(item.file, name=item.original_name, content_type=item.content_type)


@login_required
@require_POST
def component_file_remove(request, slug, service_pk, number, pk):
    unit = _editable_unit(request, slug)
    version = selectors.get_version(_service(unit, service_pk), number)
    item = get_object_or_404(ComponentFile, version=version, pk=pk)
    try:
        services.remove_component_file(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("standards:version", slug=slug, service_pk=service_pk, number=number)


@login_required
def decree_file(request, slug, service_pk, number):
    unit = organisations.get_visible_unit(request.user, slug)
    version = selectors.get_version(_service(unit, service_pk), number)
    extension = version.decree_file.name.rsplit(".", 1)[-1] if version.decree_file else "pdf"
    return _serve(version.decree_file, name=f"SK-standar-pelayanan-v{version.number}.{extension}")
