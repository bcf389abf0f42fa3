"""The SPSS export opens in GNU PSPP, and PSPP's RELIABILITY and T-TEST give the page's
figures (issue 17). PSPP comes from Debian (``make test`` installs it)."""

import csv
import math
import shutil
import subprocess

import pytest
from django.urls import reverse

from pantau.studies import selectors

from .conftest import fill

PSPP = shutil.which("pspp") or "/usr/bin/pspp"


def _tables(path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.reader(handle)]


def _after(rows, label: str) -> list[str]:
    """The first row whose first cell is ``label``."""
    return next(row for row in rows if row and row[0].strip() == label)


def test_pspp_opens_the_export_and_agrees_with_the_page(client_for, unit_head_a, study_a, tmp_path):
    if not shutil.which("pspp"):
        pytest.fail("GNU PSPP is missing: run the README's test command, which installs it.")
    fill(study_a, recipients=24, providers=12)
    sav = tmp_path / "study.sav"
    sav.write_bytes(
        client_for(unit_head_a).get(reverse("studies:raw-sav", args=[study_a.pk])).content
    )
    results = selectors.study_results(study_a)
    dimension = results.x_dimensions[0]
    items = [item.code for item in dimension.items]
    reversed_items = [item.code for item in dimension.items if item.reverse_scored]
    recode = "".join(f"RECODE {code} (1=5) (2=4) (3=3) (4=2) (5=1).\n" for code in reversed_items)
    syntax = tmp_path / "check.sps"
    syntax.write_text(
        f"GET FILE='{sav}'.\n"
        f"{recode}"
        f"RELIABILITY /VARIABLES={' '.join(items)} /MODEL=ALPHA.\n"
        f"COMPUTE score=MEAN({', '.join(items)}).\n"
        "T-TEST GROUPS=group(2 1) /VARIABLES=score.\n"
    )
    out = tmp_path / "out.csv"
    done = subprocess.run(  # noqa: S603 - Debian's pspp on files this test wrote
        [PSPP, str(syntax), "-o", str(out)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = _tables(out)
    page = results.overall["dimensions"][dimension.code]
    # Reliability Statistics: Cronbach's Alpha, N of Items.
    header = next(i for i, row in enumerate(rows) if row and "Cronbach" in row[0])
    alpha = float(rows[header + 1][0])
    assert alpha == pytest.approx(page["alpha"], abs=0.006)  # PSPP prints two decimals
    # Independent Samples Test, equal variances not assumed: t as the page's Welch t.
    welch = next(row for row in rows if any("not assumed" in cell for cell in row))
    numbers = [float(cell) for cell in welch if _is_number(cell)]
    assert any(math.isclose(n, page["gap"]["welch_t"], abs_tol=0.006) for n in numbers), (
        welch
    )  # 2 decimals


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
