import json

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from .conftest import SCORES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """These tests read the English messages; test_cli_language covers the choice of language."""
    monkeypatch.setenv("PANTAU_LANGUAGE", "en")


def _csv(tmp_path, rows, header=("code", "score"), sep=","):
    path = tmp_path / "skor.csv"
    lines = [sep.join(header)] + [sep.join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(capsys, *args):
    call_command("ipp", *[str(a) for a in args])
    return capsys.readouterr().out


def test_worked_example_from_a_csv(tmp_path, capsys):
    path = _csv(tmp_path, SCORES.items())
    data = json.loads(_run(capsys, path, "--instrument", "pekppp-eksisting", "--json"))
    assert (data["ipp"], data["grade"], data["method"]) == (3.5, "B-", "weighted")
    assert data["instrument"].endswith("v1") and not data["citizen_used"]


def test_mean_method_and_semicolons(tmp_path, capsys):
    path = _csv(tmp_path, SCORES.items(), sep=";")
    data = json.loads(
        _run(capsys, path, "--instrument", "pekppp-eksisting:1", "--method", "mean", "--json")
    )
    assert data["ipp"] == 3.41


def test_citizen_rows_are_blended(tmp_path, capsys):
    from pantau.evaluations.instruments import CITIZEN_ITEMS

    means = {1: 4, 2: 3, 3: 5, 4: 2, 5: 4}
    citizen = [(f"a{n}-{key}", means[n]) for n, items in CITIZEN_ITEMS.items() for key, *_ in items]
    path = _csv(tmp_path, [*SCORES.items(), *citizen, *citizen])
    data = json.loads(_run(capsys, path, "--instrument", "pekppp-eksisting", "--json"))
    assert (data["ipp"], data["grade"]) == (3.51, "B")


def test_regulation_17_2017_with_aspect_scores_from_xlsx(tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.append(["Code", "Score"])
    for row in [("A1", 4), ("A2", 3), ("A3", 5), ("A4", 2), ("A5", 4), ("A6", 1)]:
        sheet.append(row)
    path = tmp_path / "skor.xlsx"
    book.save(path)
    out = _run(capsys, path, "--instrument", "pekppp-17-2017")
    assert "IPP: 3.46   grade: B- (Baik (dengan catatan))" in out


def test_problems_are_listed_and_nothing_is_computed(tmp_path, capsys):
    path = _csv(tmp_path, [("1.a.Ak", 6), ("x.y", 3), ("2.a.P", "lima")])
    with pytest.raises(SystemExit) as exit_info:
        _run(capsys, path, "--instrument", "pekppp-eksisting")
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "not between 0 and 5" in err and "'x.y' is not a code" in err and "not a number" in err


def test_missing_indicators_and_unknown_instrument(tmp_path, capsys):
    path = _csv(tmp_path, [("1.a.Ak", 3)])
    with pytest.raises(SystemExit):
        _run(capsys, path, "--instrument", "pekppp-eksisting")
    assert "No score for 2.a.P" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _run(capsys, path, "--instrument", "nope")
    assert "Unknown instrument" in capsys.readouterr().err


def test_the_guide_grade_table_is_selectable(tmp_path, capsys):
    # all indicators 2 -> IPP 2,00: D "Buruk" in the default table, E "Sangat Buruk" in the guide's
    path = _csv(tmp_path, [(code, 2) for code in SCORES])
    default = json.loads(_run(capsys, path, "--instrument", "pekppp-eksisting", "--json"))
    guide = json.loads(
        _run(capsys, path, "--instrument", "pekppp-eksisting", "--grades", "guide", "--json")
    )
    assert (default["grade"], default["label"]) == ("D", "Buruk")
    assert (guide["grade"], guide["label"]) == ("E", "Sangat Buruk")
