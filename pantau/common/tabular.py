"""Read tabular files (CSV or XLSX) as a header and rows of strings, the same way for both."""

import csv
from collections.abc import Iterator
from pathlib import Path


class TableError(ValueError):
    """The file cannot be read as a table."""


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    """The header row and an iterator over the data rows of a .csv or .xlsx file.

    CSV: UTF-8 (with or without BOM), delimiter sniffed among comma, semicolon and tab (Indonesian
    spreadsheets often export with semicolons). XLSX: the first sheet.
    """
    if not path.exists():
        raise TableError(f"{path}: the file does not exist.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise TableError(f"{path}: unknown file type {suffix or '(none)'}; use .csv or .xlsx.")


def _read_csv(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    handle = path.open(newline="", encoding="utf-8-sig")
    sample = handle.read(8192)
    handle.seek(0)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(handle, dialect)
    try:
        header = next(reader)
    except StopIteration:
        handle.close()
        raise TableError(f"{path}: the file is empty.") from None
    except UnicodeDecodeError:
        handle.close()
        raise TableError(f"{path}: the file is not UTF-8 text.") from None

    def rows() -> Iterator[list[str]]:
        with handle:
            yield from reader

    return [h.strip() for h in header], rows()


def _read_xlsx(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as error:
        raise TableError(f"{path}: not a readable XLSX file ({error}).") from None
    sheet = workbook.worksheets[0]
    iterator = sheet.iter_rows(values_only=True)
    try:
        header = [_cell_text(v).strip() for v in next(iterator)]
    except StopIteration:
        workbook.close()
        raise TableError(f"{path}: the first sheet is empty.") from None

    def rows() -> Iterator[list[str]]:
        try:
            for row in iterator:
                yield [_cell_text(v) for v in row]
        finally:
            workbook.close()

    return header, rows()
