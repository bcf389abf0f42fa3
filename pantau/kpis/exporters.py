"""Every KPI value and target per period as CSV and XLSX, one row per KPI, unit and period. Both
files are written through ``pantau.common.spreadsheet``: no text cell becomes a formula
(decision 0022); numbers stay numbers, shown with the measure's decimals."""

import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from pantau.common.numbers import rounded
from pantau.common.spreadsheet import Workbook, csv_writer, number_cell

from . import metrics, periods
from .models import Direction, Frequency
from .selectors import Series

YEAR_BOUNDS = (2000, 2100)
MAX_YEARS = 10


def years_wanted(raw_from: str | None, raw_to: str | None, *, today: date) -> tuple[int, int]:
    """The years a download covers: ``from`` and ``to`` when they are years in bounds, at most
    ``MAX_YEARS`` apart; by default the last three years to this one."""

    def year(raw: str | None, default: int) -> int:
        try:
            value = int(raw) if raw else default
        except ValueError:
            return default
        return min(max(value, YEAR_BOUNDS[0]), YEAR_BOUNDS[1])

    last = year(raw_to, today.year)
    first = year(raw_from, last - 2)
    first = min(first, last)
    return max(first, last - MAX_YEARS + 1), last


def windows(frequencies: Iterable[str], first: int, last: int) -> dict[str, list[periods.Period]]:
    return {
        frequency: periods.between(frequency, date(first, 1, 1), date(last, 12, 31))
        for frequency in set(frequencies)
    }


def header() -> list[str]:
    return [
        _("Service unit"),
        _("Agency"),
        _("KPI"),
        _("Defined by"),
        _("How it is measured"),
        _("Service"),
        _("Unit of measure"),
        _("Direction"),
        _("Measured every"),
        _("Period"),
        _("Period label"),
        _("Starts on"),
        _("Ends on"),
        _("Value"),
        _("Target"),
        _("Target met"),
        _("Achievement (%)"),
        _("Evidence"),
    ]


def _met(value: bool | None) -> str:
    if value is None:
        return ""
    return _("yes") if value else _("no")


def rows(lines: Sequence[Series]) -> Iterable[tuple[list[Any], int]]:
    """(cells, decimals of the value and target) per KPI, unit and period."""
    directions = dict(Direction.choices)
    frequencies = dict(Frequency.choices)
    for line in lines:
        indicator = line.indicator
        metric = metrics.get(indicator.metric)
        measure = str(metric.label) if metric else _("Entered by the unit")
        for point in line.points:
            evidence = point.measurement.evidence_note if point.measurement else ""
            yield (
                [
                    line.unit.name,
                    line.unit.agency.name,
                    indicator.name,
                    indicator.owner_name,
                    measure,
                    indicator.service.name if indicator.service else "",
                    indicator.unit_of_measure,
                    str(directions.get(indicator.direction, indicator.direction)),
                    str(frequencies.get(indicator.frequency, indicator.frequency)),
                    point.period.key,
                    point.period.label,
                    point.period.starts_on,
                    point.period.ends_on,
                    point.value,
                    point.target,
                    _met(point.met),
                    point.achievement,
                    evidence,
                ],
                line.decimals,
            )


NUMBER_COLUMNS = (13, 14)  # value, target
ACHIEVEMENT_COLUMN = 16


def _plain(value: Any, places: int) -> Any:
    if isinstance(value, Decimal):
        return rounded(value, places)  # exact, with the measure's decimals (87.50, 120)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def csv_bytes(lines: Sequence[Series]) -> bytes:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(header())
    for cells, places in rows(lines):
        writer.writerow(
            [
                _plain(cell, 1 if index == ACHIEVEMENT_COLUMN else places)
                for index, cell in enumerate(cells)
            ]
        )
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(lines: Sequence[Series], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("KPIs")[:31])
    sheet.append([title])
    sheet.append(header())
    for cells, places in rows(lines):
        out: list[Any] = []
        for index, cell in enumerate(cells):
            if index in NUMBER_COLUMNS:
                out.append(number_cell(sheet, cell, places))
            elif index == ACHIEVEMENT_COLUMN:
                out.append(number_cell(sheet, cell, 1))
            else:
                out.append(cell)
        sheet.append(out)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
