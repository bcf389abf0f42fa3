"""CSV and XLSX cells that a spreadsheet would run as formulas are written as text."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from pantau.common.spreadsheet import (
    TRIGGERS,
    Workbook,
    csv_dict_writer,
    csv_writer,
    neutralise,
    restore,
)


def test_formula_like_text_gets_an_apostrophe_and_numbers_stay_numbers():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("+62 812") == "'+62 812"
    assert neutralise("-x") == "'-x" and neutralise("@x") == "'@x"
    assert neutralise("\tx") == "'\tx" and neutralise("\rx") == "'\rx"
    assert neutralise("Antrean lama") == "Antrean lama"
    assert neutralise(-3.5) == -3.5 and neutralise(-2) == -2 and neutralise(None) is None


@given(st.text())
def test_restore_undoes_neutralise(text):
    assert restore(neutralise(text)) == text
    written = neutralise(text)
    assert not (isinstance(written, str) and written.startswith(TRIGGERS))


def test_csv_writers_neutralise_every_row():
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["=cmd", -1, "ok"])
    writer.writerows([["@x", 2]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=cmd", "-1", "ok"], ["'@x", "2"]]
    out = io.StringIO()
    writer = csv_dict_writer(out, fieldnames=["a", "b"])
    writer.writeheader()
    writer.writerow({"a": "+1", "b": 3})
    assert out.getvalue().splitlines() == ["a,b", "'+1,3"]


def test_workbook_sheets_neutralise_in_both_modes():
    for write_only in (True, False):
        workbook = Workbook(write_only=write_only)
        sheet = workbook.create_sheet("S")
        sheet.append(['=HYPERLINK("http://x")', -4, "teks"])
        if not write_only:
            workbook.active.append(["=1"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        loaded = load_workbook(io.BytesIO(buffer.getvalue()))
        row = next(loaded["S"].iter_rows(values_only=True))
        assert row == ('\'=HYPERLINK("http://x")', -4, "teks")
        assert all(c.data_type != "f" for s in loaded for r in s.iter_rows() for c in r)
