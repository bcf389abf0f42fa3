"""Export and import of a unit's services and standards (format: docs/standards-format.md)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pantau.organisations import selectors as organisations

from . import transfer
from .forms import ImportForm
from .permissions import can_set_standards


def _download(content: str, *, unit, extension: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="standar-{unit.slug}.{extension}"'
    return response


@login_required
def export_json(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    return _download(
        transfer.export_json(unit),
        unit=unit,
        extension="json",
        content_type="application/json; charset=utf-8",
    )


@login_required
def export_csv(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    return _download(
        transfer.export_csv(unit),
        unit=unit,
        extension="csv",
        content_type="text/csv; charset=utf-8",
    )


@login_required
def import_file(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    if not can_set_standards(request.user, unit):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            if upload.name.lower().endswith(".json"):
                rows = transfer.parse_json(content)
            else:
                rows = transfer.parse_csv(content)
            report = transfer.apply_import(actor=request.user, unit=unit, rows=rows)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request,
                _(
                    "Import done: %(services)s new services, %(drafts)s new drafts, "
                    "%(skipped)s services skipped because a version is in progress."
                )
                % {
                    "services": len(report.created_services),
                    "drafts": len(report.drafted),
                    "skipped": len(report.skipped),
                },
            )
            return redirect("standards:unit-standards", slug=slug)
    return render(request, "standards/import.html", {"unit": unit, "form": form})
