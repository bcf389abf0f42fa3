"""Public pages (no sign-in): a service's standard in force, its history and one-page guide, the
unit's service pledge and poster, and the results of its consultation forums."""

import json

import segno
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify

from pantau.organisations import selectors as organisations

from . import selectors, transfer
from .exporters.guide_pdf import export_guide


def _complaint_url(request, unit) -> str:
    return request.build_absolute_uri(reverse("complaints:new")) + f"?unit={unit.slug}"


def _context(request, unit, service, version):
    return {
        "unit": unit,
        "service": service,
        "version": version,
        "complaint_url": f"{reverse('complaints:new')}?unit={unit.slug}",
    }


def service_detail(request, slug, service_slug):
    """The live page of a service: the six service-delivery components of the version in force.
    It is also the phone version of the one-page guide."""
    unit = organisations.get_public_unit(slug)
    service = selectors.get_public_service(unit, service_slug)
    version = selectors.version_in_force(service)
    context = _context(request, unit, service, version)
    context["history_count"] = len(selectors.public_history(service))
    return render(request, "standards/public/service_detail.html", context)


def service_version(request, slug, service_slug, number):
    unit = organisations.get_public_unit(slug)
    service = selectors.get_public_service(unit, service_slug)
    version = selectors.get_public_version(service, number)
    context = _context(request, unit, service, version)
    context["historical"] = version.status != version.Status.PUBLISHED
    return render(request, "standards/public/service_detail.html", context)


def service_history(request, slug, service_slug):
    unit = organisations.get_public_unit(slug)
    service = selectors.get_public_service(unit, service_slug)
    return render(
        request,
        "standards/public/service_history.html",
        {"unit": unit, "service": service, "versions": selectors.public_history(service)},
    )


def service_guide(request, slug, service_slug):
    """The one-page guide as an A4 PDF, with a QR code of the live page."""
    unit = organisations.get_public_unit(slug)
    service = selectors.get_public_service(unit, service_slug)
    version = selectors.version_in_force(service)
    if version is None:
        raise Http404
    live_url = request.build_absolute_uri(
        reverse("public_standards:service", args=[unit.slug, service.slug])
    )
    channels = [f"{channel.get_kind_display()}: {channel.value}" for channel in unit.channels.all()]
    hours = [
        f"{row.get_weekday_display()} {row.opens:%H.%M}–{row.closes:%H.%M}"
        f" {unit.time_zone_abbreviation}"
        for row in unit.opening_hours.all()
    ]
    pdf = export_guide(
        version,
        live_url=live_url,
        complaint_url=_complaint_url(request, unit),
        channels=channels,
        hours=hours,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"panduan-{service.slug}-v{version.number}")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


def open_data(request, slug, fmt):
    """The unit's standards in force as open data (JSON or CSV), with a licence line."""
    unit = organisations.get_public_unit(slug)

    def page_url(service_slug: str) -> str:
        return request.build_absolute_uri(
            reverse("public_standards:service", args=[unit.slug, service_slug])
        )

    if fmt == "json":
        body = json.dumps(
            transfer.export_public_data(unit, page_url=page_url), ensure_ascii=False, indent=2
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        body = transfer.export_public_csv(unit, page_url=page_url)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="standar-pelayanan-{unit.slug}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def maklumat(request, slug):
    unit = organisations.get_public_unit(slug)
    return render(
        request,
        "standards/public/maklumat.html",
        {
            "unit": unit,
            "maklumat": selectors.current_maklumat(unit),
            "history": selectors.maklumat_history(unit),
        },
    )


def maklumat_poster(request, slug):
    """The pledge as a printable A4 poster with the QR code of the unit's public page."""
    unit = organisations.get_public_unit(slug)
    pledge = selectors.current_maklumat(unit)
    if pledge is None:
        raise Http404
    unit_url = request.build_absolute_uri(reverse("portal:unit-detail", args=[unit.slug]))
    return render(
        request,
        "standards/public/maklumat_poster.html",
        {
            "unit": unit,
            "maklumat": pledge,
            "unit_url": unit_url,
            "qr": segno.make(unit_url, error="m").svg_data_uri(scale=6),
        },
    )


def forum(request, slug, pk):
    unit = organisations.get_public_unit(slug)
    item = selectors.get_public_forum(unit, pk)
    return render(
        request,
        "standards/public/forum.html",
        {"unit": unit, "forum": item, "types": selectors.participant_type_counts(item)},
    )
