"""The annual improvement plan or its realisation report as XLSX: a summary sheet and one sheet
of actions (a row per action, the unit and group in their own columns), numbers kept numbers
and text never read as a formula (``pantau.common.spreadsheet``)."""

import io
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from pantau.common.spreadsheet import Workbook, number_cell

from ..annual import AnnualDocument, Row
from . import columns as cols


def _cells(sheet: Any, document: AnnualDocument, part: str, group: str, row: Row) -> list[Any]:
    out: list[Any] = [part, group]
    for column in cols.columns(document):
        value = column.value(row)
        if column.places is not None:
            out.append(number_cell(sheet, value, column.places))
        elif isinstance(value, date):
            out.append(value.isoformat())
        else:
            out.append("" if value is None else str(value))
    return out


def export_xlsx(document: AnnualDocument) -> bytes:
    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet(_("Summary")[:31])
    summary.append([document.title])
    summary.append([document.name])
    summary.append([_("Drawn on"), document.today.isoformat()])
    for label, value in cols.summary(document):
        summary.append([label, value])
    sheet = workbook.create_sheet(_("Actions")[:31])
    sheet.append([_("Part"), _("Group"), *(c.heading for c in cols.columns(document))])
    due = _("Due in %(year)s") % {"year": document.year}
    for section in document.sections:
        for group in section.groups:
            for row in group.rows:
                sheet.append(_cells(sheet, document, due, group.label, row))
    if document.is_plan:
        for row in document.carried_in:
            sheet.append(_cells(sheet, document, _("Carried over from earlier years"), "", row))
    else:
        part = _("Carried over to %(year)s") % {"year": document.next_year}
        for row in document.carried_out:
            sheet.append(_cells(sheet, document, part, "", row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
