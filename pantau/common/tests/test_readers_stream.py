"""The analysts' commands read files of millions of rows lazily (``stream=True``): the same header
and rows as the eager reading, in every encoding, and the same errors, raised while iterating."""

import pytest
from openpyxl import Workbook

from pantau.common.readers import detect_encoding, read_table
from pantau.common.tabular import TableError

TEXT = "layanan;saran\r\nPerizinan;Pelayanan cepat — “sekali” é\r\n\r\nKTP;\x00ok\r\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("cp1252", "cp1252"),
        ("utf-8", "utf-8-sig"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
    ],
)
def test_streamed_rows_equal_the_eager_rows_in_every_encoding(tmp_path, encoding, detected):
    path = write(tmp_path, "skm.csv", TEXT.encode(encoding))
    assert detect_encoding(path) == detected
    eager_header, eager_rows = read_table(path, max_rows=None)
    header, rows = read_table(path, max_rows=None, stream=True)
    assert header == eager_header == ["layanan", "saran"]
    assert (
        list(rows)
        == list(eager_rows)
        == [
            ["Perizinan", "Pelayanan cepat — “sekali” é"],
            [],
            ["KTP", "ok"],
        ]
    )


def test_a_byte_windows_1252_leaves_undefined_is_read_as_latin_1(tmp_path):
    path = write(tmp_path, "odd.csv", b"a,b\n\x81x,\xe9\n")
    assert detect_encoding(path) == "latin-1"
    _header, rows = read_table(path, max_rows=None, stream=True)
    assert list(rows) == [["\x81x", "é"]]


def test_a_utf_8_file_with_one_bad_byte_far_down_is_windows_1252(tmp_path):
    # Detection reads the whole file (in chunks), not only its start.
    data = b"a\n" + b"1\n" * 600_000 + b"caf\xe9\n"
    path = write(tmp_path, "late.csv", data)
    assert detect_encoding(path, chunk=4096) == "cp1252"
    *_, last = read_table(path, max_rows=None, stream=True)[1]
    assert last == ["café"]


def test_an_over_long_field_is_a_table_error_raised_while_iterating(tmp_path):
    path = write(tmp_path, "big.csv", b"layanan,saran\nA,ok\nB," + b"x" * 140_000 + b"\n")
    _header, rows = read_table(path, max_rows=None, stream=True)
    assert next(rows) == ["A", "ok"]
    with pytest.raises(TableError, match=r"\b3\b.*128 kB"):
        next(rows)


def test_the_row_limit_holds_while_streaming(tmp_path):
    path = write(tmp_path, "rows.csv", b"a\n" + b"1\n" * 11)
    _header, rows = read_table(path, max_rows=10, stream=True)
    with pytest.raises(TableError, match=r"\b10\b"):
        list(rows)


def test_an_empty_file_is_refused_before_iterating(tmp_path):
    with pytest.raises(TableError):
        read_table(write(tmp_path, "empty.csv", b""), max_rows=None, stream=True)


def test_a_workbook_streams_the_sheet_with_the_named_column(tmp_path):
    workbook = Workbook()
    workbook.active.append(["Ringkasan"])
    answers = workbook.create_sheet("Jawaban")
    answers.append(["No", "U1", "U2"])
    answers.append([1, 4, 3.0])
    answers.append([2, None, 2])
    path = tmp_path / "skm.xlsx"
    workbook.save(path)
    header, rows = read_table(path, max_rows=None, sheet_with="U1", stream=True)
    assert header == ["No", "U1", "U2"]
    assert list(rows) == [["1", "4", "3"], ["2", "", "2"]]
