"""Every CSV and XLSX Pantau writes goes through here, so that no cell a citizen or an import
filled becomes a formula in the spreadsheet that opens it (OWASP "CSV injection", issue 22).

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with
a leading apostrophe, which spreadsheets read as "this is text" and do not show. Numbers,
dates and booleans are written as they are, so a negative number stays a number. Readers of
Pantau's own exchange files drop the apostrophe again (``restore``).
"""

import csv
from typing import Any

from openpyxl import Workbook as _Workbook

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The text as it was before ``neutralise`` (for importing Pantau's own exports)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value


def _safe_row(row):
    if isinstance(row, dict):
        return {key: neutralise(value) for key, value in row.items()}
    return [neutralise(value) for value in row]


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow(_safe_row(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

    def writeheader(self):
        return self._writer.writeheader()


def csv_writer(out, *args, **kwargs) -> _SafeWriter:
    """``csv.writer`` whose rows are neutralised."""
    return _SafeWriter(csv.writer(out, *args, **kwargs))


def csv_dict_writer(out, *args, **kwargs) -> _SafeWriter:
    """``csv.DictWriter`` whose rows are neutralised."""
    return _SafeWriter(csv.DictWriter(out, *args, **kwargs))


def _guard(sheet):
    append = sheet.append
    sheet.append = lambda row: append(_safe_row(row))
    return sheet


class Workbook(_Workbook):
    """openpyxl's Workbook whose sheets neutralise every row appended to them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for sheet in self._sheets:
            _guard(sheet)

    def create_sheet(self, *args, **kwargs):
        return _guard(super().create_sheet(*args, **kwargs))


def number_cell(sheet, value, places: int):
    """A numeric cell shown with ``places`` decimals (the regulation's rounding: IKM 2, NRR 3)
    instead of "General", so a spreadsheet prints what the page shows (issue 17). The value
    itself stays exact; None stays an empty cell."""
    if value is None:
        return None
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=float(value))
    cell.number_format = "0." + "0" * places if places else "0"
    return cell
