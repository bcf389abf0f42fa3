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
``except TableError`` gives the user a message instead of a 500. With ``stream=True`` (the analysts'
commands, whose files can hold millions of rows) the rows are read as they are iterated, in
constant memory, and a problem found on the way is raised by the iteration: the caller wraps its
loop in the same ``except TableError``."""

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
    path: Path,
    *,
    max_rows: int | None | str = "settings",
    sheet_with: str | None = None,
    stream: bool = False,
) -> tuple[list[str], Iterator[list[str]]]:
    """The header row and the data rows of a .csv or .xlsx file; ``max_rows=None`` for no limit
    (the analysts' commands). In a workbook, the first sheet whose header has a column named
    ``sheet_with`` (e.g. "U1": Pantau's own SKM export keeps the answers on its fourth sheet),
    else the first sheet. ``stream=True`` reads the rows lazily (see the module's docstring)."""
    limit = _limits(max_rows)
    # These two reach only the analysts' commands (an upload exists and its type is checked by
    # its form), in the user's language (``cli_language``), with the full path.
    if not path.exists():
        raise TableError(_("%(path)s: the file does not exist.") % {"path": path})
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _stream_csv(path, limit) if stream else _read_csv(path, limit)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, limit, sheet_with, stream=stream)
    raise TableError(
        _("%(path)s: unknown file type %(suffix)s; use .csv or .xlsx.")
        % {"path": path, "suffix": suffix or "(-)"}
    )


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


def detect_encoding(path: Path, chunk: int = 1 << 20) -> str:
    """The encoding ``decode`` would pick for the file at ``path``, found by reading it in chunks
    (constant memory): UTF-16 by its BOM, UTF-8 (BOM or not) when every byte decodes, else
    Windows-1252, or Latin-1 when a byte is one of the five Windows-1252 leaves undefined."""
    import codecs

    with path.open("rb") as handle:
        start = handle.read(4)
        if start.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        handle.seek(0)
        utf8 = codecs.getincrementaldecoder("utf-8-sig")()
        try:
            while block := handle.read(chunk):
                utf8.decode(block)
            utf8.decode(b"", final=True)
            return "utf-8-sig"
        except UnicodeDecodeError:
            pass
        handle.seek(0)
        cp1252 = codecs.getincrementaldecoder("cp1252")()
        try:
            while block := handle.read(chunk):
                cp1252.decode(block)
            return "cp1252"
        except UnicodeDecodeError:
            return "latin-1"


def _sniff(sample: str):
    """The CSV dialect of ``sample``, delimiter among comma, semicolon and tab. Blank lines are
    left out first (they make the sniffer give up); when it still cannot tell, the delimiter is
    the one the header line uses most, else a comma."""
    lines = [line for line in sample.splitlines() if line.strip()]
    if len(lines) > 1 and len(sample) == 8192:
        lines = lines[:-1]  # the sample may end inside a line
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t")
    except csv.Error:
        pass
    header = lines[0] if lines else ""
    counts = {delimiter: header.count(delimiter) for delimiter in ",;\t"}
    best = max(counts, key=lambda d: counts[d])

    class Dialect(csv.excel):
        delimiter = best if counts[best] else ","

    return Dialect


def _csv_error(error: csv.Error, line: int) -> TableError:
    if "field limit" in str(error):
        return TableError(
            _("Line %(line)s has a cell longer than %(kb)s kB; shorten it.")
            % {"line": line, "kb": csv.field_size_limit() // 1024}
        )
    return TableError(
        _("Line %(line)s cannot be read: %(error)s.") % {"line": line, "error": error}
    )


def _stream_csv(path: Path, limit: int | None) -> tuple[list[str], Iterator[list[str]]]:
    """The CSV read lazily: the encoding is detected over the whole file first (one pass over its
    bytes, nothing kept), then the rows come one by one."""
    encoding = detect_encoding(path)
    handle = path.open(encoding=encoding, newline="")
    sample = handle.read(8192).replace("\x00", "")
    handle.seek(0)
    dialect = _sniff(sample)
    lines = (line.replace("\x00", "") for line in handle)
    reader = csv.reader(lines, dialect)
    try:
        header = next(reader)
    except StopIteration:
        handle.close()
        raise TableError(_("The file is empty.")) from None
    except csv.Error as error:
        handle.close()
        raise _csv_error(error, reader.line_num) from None

    def rows() -> Iterator[list[str]]:
        with handle:
            count = 0
            try:
                for row in reader:
                    count += 1
                    if limit is not None and count > limit:
                        raise _too_many(limit)
                    yield row
            except csv.Error as error:
                raise _csv_error(error, reader.line_num) from None

    return [h.strip() for h in header], rows()


def _too_many(limit: int) -> TableError:
    return TableError(_("The file has more than %(max)s rows; split it.") % {"max": f"{limit:,}"})


def _read_csv(path: Path, limit: int | None) -> tuple[list[str], Iterator[list[str]]]:
    text = decode(path.read_bytes()).replace("\x00", "")
    dialect = _sniff(text[:8192])
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if limit is not None and len(rows) > limit + 1:
                raise _too_many(limit)
    except csv.Error as error:
        raise _csv_error(error, reader.line_num) from None
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
    path: Path, limit: int | None, sheet_with: str | None = None, *, stream: bool = False
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
    handed_over = False
    try:
        if not workbook.worksheets:
            raise TableError(_("The workbook has no sheet."))
        sheet = _pick_sheet(workbook, sheet_with)
        declared = sheet.max_row  # from the sheet's <dimension>, read without parsing rows
        if limit is not None and declared is not None and declared > limit + 1:
            raise _too_many(limit)
        sheet.reset_dimensions()  # read every row, not only those the dimension admits to
        if stream:
            streamed = _stream_sheet(workbook, sheet, limit)
            handed_over = True  # the iterator closes the workbook when it is done
            return streamed
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
        if not handed_over:
            workbook.close()
    if not rows:
        raise TableError(_("The first sheet is empty."))
    return [h.strip() for h in rows[0]], iter(rows[1:])


def _stream_sheet(workbook, sheet, limit: int | None) -> tuple[list[str], Iterator[list[str]]]:
    iterator = sheet.iter_rows(values_only=True)
    try:
        header = [_cell_text(v).strip() for v in next(iterator)]
    except StopIteration:
        workbook.close()
        raise TableError(_("The first sheet is empty.")) from None

    def rows() -> Iterator[list[str]]:
        count = 0
        try:
            for row in iterator:
                count += 1
                if limit is not None and count > limit:
                    raise _too_many(limit)
                yield [_cell_text(v) for v in row]
        except (KeyError, ValueError, zipfile.BadZipFile) as error:
            if isinstance(error, TableError):
                raise
            raise TableError(_("This file is not a readable XLSX workbook.")) from None
        finally:
            workbook.close()

    return header, rows()
