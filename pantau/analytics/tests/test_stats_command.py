"""``pantau stats``: the documented JSON on a CSV/XLSX file, checked against the reference
implementations; bad files give one line per problem and exit status 2."""

import json

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
import scipy.stats as ss
import statsmodels.api as sm
from django.core.management import call_command
from openpyxl import Workbook


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """These tests read the English messages; test_cli_language covers the choice of language."""
    monkeypatch.setenv("PANTAU_LANGUAGE", "en")


def _study(seed=11, n_a=30, n_b=8):
    rng = np.random.default_rng(seed)
    n = n_a + n_b
    trait = rng.normal(size=(n, 1))
    data = np.clip(np.rint(3.5 + 0.8 * trait + rng.normal(0, 0.7, size=(n, 9))), 1, 5)
    columns = ["SNS_1", "SNS_2", "SNS_3", "AKT_1", "AKT_2", "AKT_3", "KPS_1", "KPS_2", "KPS_3"]
    frame = pd.DataFrame(data.astype(int), columns=columns)
    frame.insert(0, "group", ["penerima"] * n_a + ["petugas"] * n_b)
    frame.insert(1, "nama", "x")  # ignored
    return frame


def _run(capsys, path, *args):
    call_command("stats", str(path), *args)
    return capsys.readouterr().out


def test_json_equals_the_reference_implementations(tmp_path, capsys):
    frame = _study()
    path = tmp_path / "studi.csv"
    frame.to_csv(path, index=False)
    data = json.loads(_run(capsys, path, "--json", "--outcome", "KPS"))
    assert data["n"] == 38 and data["groups"] == {"penerima": 30, "petugas": 8}
    sns = data["dimensions"]["SNS"]
    items = frame[["SNS_1", "SNS_2", "SNS_3"]]
    score = items.mean(axis=1)
    assert sns["items"] == ["SNS_1", "SNS_2", "SNS_3"]
    assert sns["mean"] == pytest.approx(score.mean(), abs=1e-12)
    assert sns["alpha"] == pytest.approx(pg.cronbach_alpha(items)[0], abs=1e-9)
    n, k = items.shape
    f_low = ss.f.isf(0.025, n - 1, (n - 1) * (k - 1))
    assert sns["alpha_ci95"][0] == pytest.approx(1 - (1 - sns["alpha"]) * f_low, abs=1e-9)
    detail = sns["items_detail"]["SNS_2"]
    rest = items.sum(axis=1) - items["SNS_2"]
    assert detail["r_corrected"] == pytest.approx(ss.pearsonr(items["SNS_2"], rest)[0], abs=1e-9)
    a, b = score[:30], score[30:]
    gap = sns["gap"]
    assert gap["groups"] == ["penerima", "petugas"]
    assert gap["welch_p"] == pytest.approx(ss.ttest_ind(a, b, equal_var=False).pvalue, abs=1e-9)
    mwu = pg.mwu(a, b)
    assert gap["mwu_u"] == pytest.approx(mwu["U_val"].iloc[0], abs=1e-9)
    assert gap["mwu_p"] == pytest.approx(mwu["p_val"].iloc[0], abs=1e-9)
    assert gap["rank_biserial"] == pytest.approx(mwu["RBC"].iloc[0], abs=1e-9)
    assert gap["hedges_g"] == pytest.approx(pg.compute_effsize(a, b, eftype="hedges"), abs=1e-9)
    assert sns["by_group"]["petugas"]["n"] == 8
    scores = pd.DataFrame(
        {d: frame[[f"{d}_{i}" for i in (1, 2, 3)]].mean(axis=1) for d in ("SNS", "AKT", "KPS")}
    )
    fit = sm.OLS(scores["KPS"], sm.add_constant(scores[["SNS", "AKT"]])).fit()
    regression = data["regression"]
    assert regression["outcome"] == "KPS" and regression["n"] == 38
    assert regression["r2"] == pytest.approx(fit.rsquared, abs=1e-9)
    assert regression["f_p"] == pytest.approx(fit.f_pvalue, abs=1e-9)
    assert regression["coefficients"]["AKT"]["se"] == pytest.approx(fit.bse["AKT"], abs=1e-9)
    assert set(regression["coefficients"]["const"]) == {"b", "se", "t", "p"}
    assert "vif" in regression["coefficients"]["SNS"]


def test_xlsx_gives_the_same_result_as_csv(tmp_path, capsys):
    frame = _study(seed=5)
    csv_path = tmp_path / "a.csv"
    frame.to_csv(csv_path, index=False)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append(list(row))
    xlsx_path = tmp_path / "a.xlsx"
    workbook.save(xlsx_path)
    assert json.loads(_run(capsys, csv_path, "--json")) == json.loads(
        _run(capsys, xlsx_path, "--json")
    )


def test_without_group_column_there_is_no_gap(tmp_path, capsys):
    frame = _study().drop(columns=["group"])
    path = tmp_path / "a.csv"
    frame.to_csv(path, index=False)
    data = json.loads(_run(capsys, path, "--json"))
    assert data["groups"] == {}
    assert "gap" not in data["dimensions"]["SNS"] and "regression" not in data


def test_plain_output_is_a_readable_table(tmp_path, capsys):
    path = tmp_path / "a.csv"
    _study().to_csv(path, index=False)
    out = _run(capsys, path, "--outcome", "KPS")
    assert "Respondents: 38" in out and "OLS of KPS" in out and "gap penerima − petugas" in out


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("a,b\n1,2\n", [], "no item columns"),
        ("SNS_1,SNS_2\n", [], "no respondent rows"),
        ("SNS_1,SNS_2\n1,x\n2,3\n", [], "row 2, SNS_2: 'x' is not an answer on the scale 1-5"),
        ("SNS_1,SNS_2\n1,2\n2,3\n", ["--outcome", "KPS"], "no dimension with that code"),
        ("group,SNS_1,SNS_2\n,1,2\n", [], "row 2, group: the respondent group is empty."),
    ],
)
def test_bad_files_get_one_line_per_problem_and_exit_status_2(
    tmp_path, capsys, content, args, message
):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        call_command("stats", str(path), *args)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_reverse_scored_items_are_turned_round(tmp_path, capsys):
    frame = _study(seed=3)
    turned = frame.copy()
    turned["SNS_2"] = 6 - turned["SNS_2"]
    plain, flipped = tmp_path / "plain.csv", tmp_path / "flipped.csv"
    frame.to_csv(plain, index=False)
    turned.to_csv(flipped, index=False)
    expected = json.loads(_run(capsys, plain, "--json"))
    assert expected.pop("reversed") == []
    turned_round = json.loads(_run(capsys, flipped, "--json", "--reverse", "SNS_2"))
    assert turned_round.pop("reversed") == ["SNS_2"]
    assert turned_round == expected
    assert {**json.loads(_run(capsys, flipped, "--json")), "reversed": []} != {
        **expected,
        "reversed": [],
    }


def test_a_column_named_with_an_r_is_turned_round_once(tmp_path, capsys):
    """Pantau's study export names the items its page turns round SNS_4R; typing --reverse for
    the same item as well does not turn it back."""
    frame = _study(seed=3)
    expected = json.loads(_run(capsys, _write(tmp_path / "plain.csv", frame), "--json"))
    marked = frame.copy()
    marked["SNS_2"] = 6 - marked["SNS_2"]
    marked = marked.rename(columns={"SNS_2": "SNS_2R"})
    path = _write(tmp_path / "marked.csv", marked)
    for options in ([], ["--reverse", "SNS_2"]):
        result = json.loads(_run(capsys, path, "--json", *options))
        assert result.pop("reversed") == ["SNS_2R"]
        assert result["dimensions"]["SNS"]["alpha"] == expected["dimensions"]["SNS"]["alpha"]
        assert "SNS_2R" in result["dimensions"]["SNS"]["items"]


def _write(path, frame):
    frame.to_csv(path, index=False)
    return path


def test_reverse_names_an_unknown_item(tmp_path, capsys):
    path = tmp_path / "a.csv"
    _study().to_csv(path, index=False)
    with pytest.raises(SystemExit) as exit_info:
        call_command("stats", str(path), "--reverse", "XYZ_9")
    assert exit_info.value.code == 2
    assert "--reverse XYZ_9" in capsys.readouterr().err


@pytest.mark.parametrize("cell", ["0", "6", "3,5", "3.5"])
def test_answers_off_the_scale_are_refused_with_row_and_column(tmp_path, capsys, cell):
    path = tmp_path / "study.csv"
    path.write_text(f"SNS_1;SNS_2\n4;{cell}\n3;3\n5;4\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        call_command("stats", str(path))
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "row 2, SNS_2" in err and "scale 1-5" in err


def test_blank_lines_are_not_respondents(tmp_path, capsys):
    path = tmp_path / "study.csv"
    path.write_text("SNS_1,SNS_2\n4,5\n\n3,4\n,\n5,5\n4,4\n", encoding="utf-8")
    call_command("stats", str(path), "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["n"] == 4
