"""Import files are read in the encodings spreadsheets write, and refused with a message naming
the problem, before they are parsed, when they are too big."""

import zipfile

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openpyxl import Workbook

from pantau.common.readers import read_table
from pantau.common.tabular import TableError


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig", "utf-16"])
def test_csv_is_read_in_the_encoding_spreadsheets_write(tmp_path, encoding):
    text = "layanan;saran\r\nPerizinan;Pelayanan cepat — terima kasih “sekali” é\r\n"
    header, rows = read_table(write(tmp_path, "skm.csv", text.encode(encoding)))
    assert header == ["layanan", "saran"]
    assert list(rows) == [["Perizinan", "Pelayanan cepat — terima kasih “sekali” é"]]


def test_field_over_128_kb_is_an_error_naming_its_line(tmp_path):
    data = b"layanan,saran\nA,ok\nB," + b"x" * 140_000 + b"\n"
    with pytest.raises(TableError, match=r"\b3\b.*128 kB"):
        read_table(write(tmp_path, "big.csv", data))


def test_csv_over_the_row_limit_is_refused(tmp_path, settings):
    settings.PANTAU_IMPORT_MAX_ROWS = 10
    data = b"a\n" + b"1\n" * 11
    with pytest.raises(TableError, match=r"\b10\b"):
        read_table(write(tmp_path, "rows.csv", data))
    assert len(list(read_table(write(tmp_path, "ok.csv", b"a\n" + b"1\n" * 10))[1])) == 10


def test_analysts_read_without_a_row_limit(tmp_path, settings):
    settings.PANTAU_IMPORT_MAX_ROWS = 10
    header, rows = read_table(write(tmp_path, "rows.csv", b"a\n" + b"1\n" * 50), max_rows=None)
    assert len(list(rows)) == 50


def workbook(tmp_path, rows: int, dimension: str | None = None):
    book = Workbook()
    sheet = book.active
    sheet.append(["layanan", "U1"])
    for index in range(rows):
        sheet.append(["A", index])
    path = tmp_path / "skm.xlsx"
    book.save(path)
    if dimension is not None:  # a sheet that claims fewer rows than it holds
        with zipfile.ZipFile(path) as source:
            parts = {i.filename: source.read(i) for i in source.infolist()}
        sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
        start = sheet_xml.index("<dimension ref=")
        end = sheet_xml.index("/>", start) + 2
        parts["xl/worksheets/sheet1.xml"] = (
            sheet_xml[:start] + f'<dimension ref="{dimension}"/>' + sheet_xml[end:]
        ).encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts.items():
                target.writestr(name, data)
    return path


def test_xlsx_whose_sheet_declares_too_many_rows_is_refused(tmp_path, settings):
    settings.PANTAU_IMPORT_MAX_ROWS = 10
    with pytest.raises(TableError, match=r"\b10\b"):
        read_table(workbook(tmp_path, 20))


def test_xlsx_with_a_lying_dimension_stops_at_the_limit(tmp_path, settings):
    settings.PANTAU_IMPORT_MAX_ROWS = 10
    with pytest.raises(TableError, match=r"\b10\b"):
        read_table(workbook(tmp_path, 20, dimension="A1:B2"))


def test_xlsx_within_the_limit_is_read(tmp_path, settings):
    settings.PANTAU_IMPORT_MAX_ROWS = 10
    header, rows = read_table(workbook(tmp_path, 10))
    assert header == ["layanan", "U1"] and len(list(rows)) == 10


def test_xlsx_that_unzips_to_an_absurd_size_is_refused(tmp_path, settings):
    settings.PANTAU_IMPORT_MAX_UNZIPPED_BYTES = 1024 * 1024
    path = workbook(tmp_path, 1)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.bin", b"\x00" * (2 * 1024 * 1024))
    with pytest.raises(TableError, match=r"\b1 MB"):
        read_table(path)


def test_a_file_that_is_not_a_workbook_is_an_error(tmp_path):
    with pytest.raises(TableError):
        read_table(write(tmp_path, "x.xlsx", b"PK\x03\x04 not really"))


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_any_csv_bytes_are_read_or_refused_with_a_table_error(tmp_path, data):
    try:
        header, rows = read_table(write(tmp_path, "any.csv", data))
        list(rows)
    except TableError:
        pass
