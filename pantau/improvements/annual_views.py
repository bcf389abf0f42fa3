"""The annual improvement plan and its realisation report of a unit or of an agency's units, as a
printable page, a PDF and an XLSX (issue 21 item 6). A unit's documents: whoever reads the unit's
register (its people; the heads, evaluators and coordinators above it). An agency's: its heads,
evaluators and coordinators (``annual.can_read_agency``), over the units of its tree they reach."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from pantau.organisations import selectors as organisations

from . import annual, permissions
from .exporters import annual_pdf, annual_xlsx, columns

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("pdf", "xlsx")


def _respond(
    request: HttpRequest,
    document: annual.AnnualDocument,
    *,
    fmt: str,
    slug: str,
    context: dict[str, Any],
) -> HttpResponse:
    if fmt == "":
        chosen = columns.columns(document)
        for row in [*document.rows, *document.carried_in]:
            row.cells = [columns.as_text(column, row) for column in chosen]
            row.link = reverse("improvements:action-detail", args=[row.unit.slug, row.action.pk])
        return render(
            request,
            "improvements/annual.html",
            {
                "document": document,
                "columns": chosen,
                "summary": columns.summary(document),
                **context,
            },
        )
    if fmt not in FORMATS:
        raise Http404
    name = f"{'rencana' if document.is_plan else 'realisasi'}-perbaikan-{slug}-{document.year}"
    if fmt == "pdf":
        response = HttpResponse(annual_pdf.export_pdf(document), content_type="application/pdf")
    else:
        response = HttpResponse(annual_xlsx.export_xlsx(document), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def unit_document(
    request: HttpRequest, slug: str, kind: str, year: int, fmt: str = ""
) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    annual.check_year(year)
    document = annual.build(
        kind=kind,
        year=year,
        units=[unit],
        today=timezone.localdate(),
        grouping=request.GET.get("by", ""),
    )
    context = {
        "unit": unit,
        "can_plan": permissions.can_plan(request.user, unit),
        "url_name": f"improvements:{kind}-unit",
        "slug": unit.slug,
    }
    return _respond(request, document, fmt=fmt, slug=unit.slug, context=context)


@login_required
def agency_document(
    request: HttpRequest, slug: str, kind: str, year: int, fmt: str = ""
) -> HttpResponse:
    agency = annual.get_readable_agency(request.user, slug)
    annual.check_year(year)
    units = annual.agency_units(request.user, agency)
    if not units:
        raise Http404
    document = annual.build(
        kind=kind,
        year=year,
        units=units,
        today=timezone.localdate(),
        agency=agency,
        grouping=request.GET.get("by", ""),
    )
    context = {"agency": agency, "url_name": f"improvements:{kind}-agency", "slug": agency.slug}
    return _respond(request, document, fmt=fmt, slug=agency.slug, context=context)
