"""The analysts' commands tell the problems of a file in the user's language, read from the
environment as gettext reads it; Indonesian when the locale names no language (issue 17)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pantau.common.cli_language import command_language

ROOT = Path(__file__).resolve().parents[3]
PANTAU = Path(sys.executable).with_name("pantau")


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "id"),
        ({"LANG": "C.UTF-8"}, "id"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:en", "LANG": "id_ID.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "id"),
        ({"PANTAU_LANGUAGE": "en", "LANG": "id_ID.UTF-8"}, "en"),
    ],
)
def test_the_language_comes_from_the_environment(environ, language):
    assert command_language(environ) == language


def _run(tmp_path, **environ) -> subprocess.CompletedProcess:
    data = tmp_path / "study.csv"
    data.write_text("SNS_1,SNS_2\n4,6\n3,4\n")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), **environ}
    return subprocess.run(  # noqa: S603 - our own console script, arguments we wrote
        [str(PANTAU), "stats", str(data)],
        cwd=ROOT,
        env={**env, "PANTAU_VAR_DIR": str(tmp_path / "var")},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_value_off_the_scale_is_told_in_indonesian_by_default(tmp_path):
    result = _run(tmp_path)
    assert result.returncode == 2
    assert "baris 2, SNS_2: '6' bukan jawaban pada skala 1-5" in result.stderr


def test_an_english_locale_gets_english(tmp_path):
    result = _run(tmp_path, LANG="en_US.UTF-8")
    assert result.returncode == 2
    assert "row 2, SNS_2: '6' is not an answer on the scale 1-5" in result.stderr
