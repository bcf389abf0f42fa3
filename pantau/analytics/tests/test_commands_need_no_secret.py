"""The analysts' file commands and ``pantau --help`` run on a fresh checkout with nothing set
(issue 17): they compute on a file and sign nothing, so they need no SECRET_KEY."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PANTAU = Path(sys.executable).with_name("pantau")


def _clean_env(tmp_path) -> dict[str, str]:
    # No PANTAU_*, SECRET_KEY, DJANGO_SETTINGS_MODULE or DATABASE_URL: a clean shell.
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "PANTAU_VAR_DIR": str(tmp_path / "var"),
    }


@pytest.mark.parametrize("args", [["--help"], ["ikm", "FILE"], ["stats", "FILE"]])
def test_runs_without_a_secret_key(tmp_path, args):
    data = tmp_path / "skm.csv"
    data.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,3,4,3,4,4,3,3\n3,3,3,3,3,3,3,3,3\n")
    if args[0] == "stats":
        data.write_text("SNS_1,SNS_2,SNS_3\n4,5,4\n3,4,3\n5,5,5\n2,3,2\n4,4,4\n3,3,4\n")
    argv = [str(PANTAU), *[str(data) if a == "FILE" else a for a in args]]
    result = subprocess.run(  # noqa: S603 - our own console script, arguments we wrote
        argv, cwd=ROOT, env=_clean_env(tmp_path), capture_output=True, text=True, timeout=120
    )
    assert "ImproperlyConfigured" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_a_server_command_still_needs_the_key(tmp_path):
    result = subprocess.run(  # noqa: S603 - our own console script, arguments we wrote
        [str(PANTAU), "check", "--deploy"],
        cwd=ROOT,
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_all_ones_with_the_rounded_weight_is_grade_d(tmp_path):
    data = tmp_path / "ones.csv"
    data.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "1,1,1,1,1,1,1,1,1\n" * 3)
    result = subprocess.run(  # noqa: S603 - our own console script, arguments we wrote
        [str(PANTAU), "ikm", str(data), "--weights", "0.111"],
        cwd=ROOT,
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "24.98" in result.stdout and "grade: D" in result.stdout


def test_utf16_and_windows_1252_files_with_blank_lines_are_read(tmp_path):
    utf16 = tmp_path / "excel-unicode.csv"
    utf16.write_bytes(
        "U1\tU2\tU3\tU4\tU5\tU6\tU7\tU8\tU9\n4\t4\t3\t4\t3\t4\t4\t3\t3\n\n".encode("utf-16")
    )
    cp1252 = tmp_path / "windows.csv"
    cp1252.write_bytes(
        "U1;U2;U3;U4;U5;U6;U7;U8;U9;saran\n4;4;3;4;3;4;4;3;3;café\n".encode("cp1252")
    )
    for data in (utf16, cp1252):
        result = subprocess.run(  # noqa: S603 - our own console script, arguments we wrote
            [str(PANTAU), "ikm", str(data)],
            cwd=ROOT,
            env=_clean_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "IKM: 88.89" in result.stdout  # one respondent: blank lines are not respondents
