"""Open data: a unit's published figures as JSON and CSV at stable addresses, with a licence line.

- ``/units/<unit>/data/skm.json|csv``: every published SKM period with its IKM, grade and the NRR
  of each element (unpublished periods never appear);
- ``/units/<unit>/data/complaints-<year>.json|csv``: the public complaint statistics per month;
- the standards in force are at ``/units/<unit>/standards.json|csv`` (``pantau.standards``).
"""

import io
import json

from django.http import Http404, HttpResponse

from pantau.common.numbers import half_up
from pantau.common.spreadsheet import csv_dict_writer
from pantau.complaints import selectors as complaints
from pantau.organisations import selectors as organisations
from pantau.satisfaction import selectors as satisfaction
from pantau.standards.transfer import OPEN_DATA_LICENCE


def _respond(data: dict, rows: list[dict], *, fmt: str, name: str) -> HttpResponse:
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        out = io.StringIO()
        columns = list(rows[0]) if rows else []
        writer = csv_dict_writer(out, fieldnames=[*columns, "licence"])
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "licence": OPEN_DATA_LICENCE})
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


FORMATS = ("json", "csv")


def skm(request, slug, fmt):
    if fmt not in FORMATS:
        raise Http404
    unit = organisations.get_public_unit(slug)
    rows = []
    for point in satisfaction.trend(satisfaction.published_periods(unit), as_published=True):
        period, result = point.period, point.ikm
        row = {
            "period": period.label,
            "starts_on": period.starts_on.isoformat(),
            "ends_on": period.ends_on.isoformat(),
            "respondents": point.respondents,
            "ikm": str(result.ikm) if result else "",
            "grade": result.grade if result else "",
            "performance": str(result.performance) if result else "",
        }
        for element in result.elements if result else ():
            row[f"nrr_{element.code}"] = half_up(element.nrr, 3)
        rows.append(row)
    data = {
        "format": "pantau.skm.public/1",
        "licence": OPEN_DATA_LICENCE,
        "unit": {"slug": unit.slug, "name": unit.name, "agency": unit.agency.name},
        "periods": rows,
    }
    return _respond(data, rows, fmt=fmt, name=f"skm-{unit.slug}")


def complaint_statistics(request, slug, year, fmt):
    if fmt not in FORMATS:
        raise Http404
    unit = organisations.get_public_unit(slug)
    if not 2000 <= year <= 2100:
        raise Http404
    rows = [
        {
            "month": row["month"],
            "received": row["received"],
            "answered": row["resolved"],
            "median_days_to_first_response": _round(row["median_first_response"]),
            "median_days_to_answer": _round(row["median_resolution"]),
            "answered_on_time_percent": _round(row["on_time_share"]),
            "mean_rating": _round(row["rating"]),
        }
        for row in complaints.public_statistics(unit, year)
    ]
    data = {
        "format": "pantau.complaints.statistics/1",
        "licence": OPEN_DATA_LICENCE,
        "unit": {"slug": unit.slug, "name": unit.name, "agency": unit.agency.name},
        "year": year,
        "months": rows,
    }
    return _respond(data, rows, fmt=fmt, name=f"pengaduan-{unit.slug}-{year}")


def _round(value) -> float | None:
    return half_up(value, 2)
