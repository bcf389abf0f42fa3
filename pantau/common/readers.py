"""Read uploaded or analysts' tables (CSV or XLSX) as a header and rows of strings, with limits
checked before the file is parsed.

- CSV text: UTF-8 (with or without BOM), UTF-16 by its BOM, else Windows-1252 (what Excel on
  Windows writes); delimiter sniffed among comma, semicolon and tab. A field over
  ``csv.field_size_limit()`` (128 kB) is an error naming its line.
- XLSX: the first sheet, read-only. A workbook whose parts unzip to more than
  ``PANTAU_IMPORT_MAX_UNZIPPED_BYTES``, or whose sheet declares more rows than the limit, is
  refused before a row is read; rows are then counted as they stream and reading stops at the limit
  (a declared dimension can lie).

Every problem is a ``TableError`` raised by ``read_table`` itself, so a caller's single
``except TableError`` gives the user a message instead of a 500."""

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from pantau.common.tabular import TableError, _cell_text

UNLIMITED = None


def _limits(max_rows):
    if max_rows == "settings":
        return settings.PANTAU_IMPORT_MAX_ROWS
    return max_rows


def read_table(
    path: Path, *, max_rows: int | None | str = "settings", sheet_with: str | None = None
) -> tuple[list[str], Iterator[list[str]]]:
    """The header row and the data rows of a .csv or .xlsx file; ``max_rows=None`` for no limit
    (the analysts' commands). In a workbook, the first sheet whose header has a column named
    ``sheet_with`` (e.g. "U1": Pantau's own SKM export keeps the answers on its fourth sheet),
    else the first sheet."""
    limit = _limits(max_rows)
    # These two reach only the analysts' commands (an upload exists and its type is checked by
    # its form): they keep the commands' English wording and the full path.
    if not path.exists():
        raise TableError(f"{path}: the file does not exist.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, limit)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, limit, sheet_with)
    raise TableError(f"{path}: unknown file type {suffix or '(none)'}; use .csv or .xlsx.")


def decode(data: bytes) -> str:
    """Text of ``data``: UTF-8 (BOM or not), UTF-16 by BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # the five bytes cp1252 leaves undefined


def _too_many(limit: int) -> TableError:
    return TableError(_("The file has more than %(max)s rows; split it.") % {"max": f"{limit:,}"})


def _read_csv(path: Path, limit: int | None) -> tuple[list[str], Iterator[list[str]]]:
    text = decode(path.read_bytes()).replace("\x00", "")
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if limit is not None and len(rows) > limit + 1:
                raise _too_many(limit)
    except csv.Error as error:
        if "field limit" in str(error):
            raise TableError(
                _("Line %(line)s has a cell longer than %(kb)s kB; shorten it.")
                % {"line": reader.line_num, "kb": csv.field_size_limit() // 1024}
            ) from None
        raise TableError(
            _("Line %(line)s cannot be read: %(error)s.")
            % {"line": reader.line_num, "error": error}
        ) from None
    if not rows:
        raise TableError(_("The file is empty."))
    return [h.strip() for h in rows[0]], iter(rows[1:])


def _pick_sheet(workbook, sheet_with: str | None):
    if sheet_with:
        wanted = sheet_with.strip().lower()
        for sheet in workbook.worksheets:
            for header in sheet.iter_rows(max_row=1, values_only=True):
                if any(_cell_text(v).strip().lower() == wanted for v in header):
                    return sheet
    return workbook.worksheets[0]


def _read_xlsx(
    path: Path, limit: int | None, sheet_with: str | None = None
) -> tuple[list[str], Iterator[list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TableError(_("This file is not a readable XLSX workbook.")) from None
    if unzipped > settings.PANTAU_IMPORT_MAX_UNZIPPED_BYTES:
        raise TableError(
            _("The workbook unpacks to more than %(mb)s MB; split it or save it as CSV.")
            % {"mb": settings.PANTAU_IMPORT_MAX_UNZIPPED_BYTES // (1024 * 1024)}
        )
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError, zipfile.BadZipFile):
        raise TableError(_("This file is not a readable XLSX workbook.")) from None
    try:
        if not workbook.worksheets:
            raise TableError(_("The workbook has no sheet."))
        sheet = _pick_sheet(workbook, sheet_with)
        declared = sheet.max_row  # from the sheet's <dimension>, read without parsing rows
        if limit is not None and declared is not None and declared > limit + 1:
            raise _too_many(limit)
        sheet.reset_dimensions()  # read every row, not only those the dimension admits to
        rows: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(v) for v in row])
            if limit is not None and len(rows) > limit + 1:
                raise _too_many(limit)
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        if isinstance(error, TableError):
            raise
        raise TableError(_("This file is not a readable XLSX workbook.")) from None
    finally:
        workbook.close()
    if not rows:
        raise TableError(_("The first sheet is empty."))
    return [h.strip() for h in rows[0]], iter(rows[1:])
