import json

import pytest
from django.core.management import call_command
from openpyxl import Workbook

HEADER = ["No", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Saran"]


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """These tests read the English messages; test_cli_language covers the choice of language."""
    monkeypatch.setenv("PANTAU_LANGUAGE", "en")


def _csv(tmp_path, rows, header=HEADER, sep=","):
    path = tmp_path / "skm.csv"
    lines = [sep.join(header)] + [sep.join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(capsys, *args):
    call_command("ikm", *[str(a) for a in args])
    return capsys.readouterr().out


def test_json_output_has_the_documented_shape(tmp_path, capsys):
    path = _csv(
        tmp_path, [[1, 4, 4, 3, 4, 3, 4, 4, 3, 3, "bagus"], [2, 3, 3, 3, 4, 3, 3, 4, 3, 2, ""]]
    )
    data = json.loads(_run(capsys, path, "--json"))
    assert set(data) == {
        "respondents",
        "elements",
        "ikm_4",
        "ikm",
        "grade",
        "performance",
        "weights",
    }
    assert data["respondents"] == 2 and data["weights"] == "exact"
    assert data["elements"][0] == {
        "code": "U1",
        "answered": 2,
        "sum": 7,
        "nrr": 3.5,
        "weighted_nrr": 3.5 / 9,
    }
    # Σ NRR = 3,5+3,5+3+4+3+3,5+4+3+2,5 = 30 → 30/9 × 25 = 83,33
    assert data["ikm"] == 83.33 and data["grade"] == "B" and data["performance"] == "Baik"


def test_empty_cell_means_not_answered(tmp_path, capsys):
    path = _csv(tmp_path, [[1, 4, "", 4, 4, 4, 4, 4, 4, 4, ""], [2, 2, 4, 4, 4, 4, 4, 4, 4, 4, ""]])
    data = json.loads(_run(capsys, path, "--json"))
    assert data["elements"][1] == {
        "code": "U2",
        "answered": 1,
        "sum": 4,
        "nrr": 4.0,
        "weighted_nrr": 4 / 9,
    }


def test_semicolon_csv_and_weights_option(tmp_path, capsys):
    path = _csv(tmp_path, [[1, 4, 4, 3, 4, 3, 4, 4, 3, 3, ""]], sep=";")
    data = json.loads(_run(capsys, path, "--weights", "0.111", "--json"))
    assert data["weights"] == "0.111"


def test_xlsx_input(tmp_path, capsys):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append([1, 4, 4, 4, 4, 4, 4, 4, 4, 4, "mantap"])
    sheet.append([2, 3, 3, 3, 3, 3, 3, 3, 3, 3.0, None])
    path = tmp_path / "skm.xlsx"
    workbook.save(path)
    data = json.loads(_run(capsys, path, "--json"))
    assert data["respondents"] == 2 and data["ikm"] == 87.5 and data["grade"] == "B"


def test_plain_output_is_a_readable_table(tmp_path, capsys):
    path = _csv(tmp_path, [[1, 4, 4, 4, 4, 4, 4, 4, 4, 4, ""]])
    out = _run(capsys, path)
    assert "IKM: 100.00" in out and "grade: A (Sangat Baik)" in out


def _fails(capsys, *args):
    with pytest.raises(SystemExit) as exit_info:
        call_command("ikm", *[str(a) for a in args])
    assert exit_info.value.code == 2
    return capsys.readouterr().err.strip().splitlines()


def test_bad_values_get_one_line_each_and_exit_2(tmp_path, capsys):
    path = _csv(
        tmp_path, [[1, 5, 4, 4, 4, 4, 4, 4, 4, 4, ""], [2, 4, 4, "x", 4, 4, 4, 4, 4, 0, ""]]
    )
    lines = _fails(capsys, path)
    assert lines == [
        "row 2, U1: '5' is not a score from 1 to 4.",
        "row 3, U3: 'x' is not a score from 1 to 4.",
        "row 3, U9: '0' is not a score from 1 to 4.",
    ]


def test_missing_columns_and_missing_file_and_wrong_type(tmp_path, capsys):
    assert (
        "missing column(s) U8, U9"
        in _fails(
            capsys, _csv(tmp_path, [[1] * 7], header=["No"] + [f"U{i}" for i in range(1, 8)])
        )[0]
    )
    assert "does not exist" in _fails(capsys, tmp_path / "nothing.csv")[0]
    other = tmp_path / "data.txt"
    other.write_text("U1\n4\n")
    assert "unknown file type" in _fails(capsys, other)[0]


def test_file_without_respondents_or_with_unanswered_element(tmp_path, capsys):
    assert "no respondent rows" in _fails(capsys, _csv(tmp_path, []))[0]
    path = _csv(tmp_path, [[1, 4, 4, 4, 4, 4, 4, 4, 4, "", ""]])
    assert "No answers for U9" in _fails(capsys, path)[0]
