"""Downloads of unit KPIs: every KPI value and target per period of a unit, or of every unit of
an agency's tree, as CSV or XLSX (``?from=YEAR&to=YEAR``, the last three years by default)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from pantau.organisations import selectors as organisations
from pantau.organisations.models import ServiceUnit

from . import exporters, selectors
from .models import Indicator

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_AGENCY_UNITS = 500


def _download(lines: list[selectors.Series], *, fmt: str, name: str, title: str) -> HttpResponse:
    if fmt == "csv":
        response = HttpResponse(exporters.csv_bytes(lines), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(exporters.xlsx_bytes(lines, title=title), content_type=XLSX)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _lines(
    request: HttpRequest, indicators: list[Indicator], units: list[ServiceUnit]
) -> tuple[list[selectors.Series], str]:
    today = timezone.localdate()
    first, last = exporters.years_wanted(
        request.GET.get("from"), request.GET.get("to"), today=today
    )
    windows = exporters.windows({i.frequency for i in indicators}, first, last)
    found = selectors.series(indicators, units, count=0, until=today, windows=windows)
    lines = [found[(i.pk, u.pk)] for i in indicators for u in units if (i.pk, u.pk) in found]
    return lines, f"{first}-{last}"


@login_required
def unit_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    lines, years = _lines(request, list(selectors.indicators_of_unit(unit)), [unit])
    return _download(
        lines, fmt=fmt, name=f"kpi-{unit.slug}-{years}", title=f"{unit.name} · {years}"
    )


@login_required
def agency_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """Every KPI of every unit of the agency's tree: the agency's own (and above) and each
    unit's own."""
    agency = selectors.get_visible_agency(request.user, slug)
    units = list(selectors.units_of_agency(agency)[:MAX_AGENCY_UNITS])
    indicators = list(selectors.indicators_of_agency(agency)) + list(
        Indicator.objects.filter(unit__in=units, is_active=True)
        .select_related("unit", "unit__agency", "agency", "service")
        .order_by("unit__name", "name")
    )
    lines, years = _lines(request, indicators, units)
    return _download(
        lines, fmt=fmt, name=f"kpi-{agency.slug}-{years}", title=f"{agency.name} · {years}"
    )
