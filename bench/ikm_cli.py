"""`pantau ikm FILE` on a CSV of 1,000,000 respondents (100 %): wall time of the whole command."""

import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL_ROWS = 1_000_000
TARGET_SECONDS = 5.0


def _write_csv(path: Path, rows: int) -> None:
    rng = random.Random(2026)
    choices = "1234"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["No", *[f"U{i}" for i in range(1, 10)], "Saran"])
        for n in range(rows):
            writer.writerow(
                [n, *[rng.choice(choices) if rng.random() > 0.01 else "" for _ in range(9)], ""]
            )


def run(*, fractions: list[float], **_ignored) -> list[dict]:
    rows_out = []
    env = {**os.environ, "PANTAU_DEBUG": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        for fraction in sorted(fractions):
            rows = int(FULL_ROWS * fraction)
            path = Path(tmp) / f"skm-{rows}.csv"
            _write_csv(path, rows)
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "pantau.cli", "ikm", str(path), "--json"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
            seconds = time.perf_counter() - started
            rows_out.append(
                {
                    "benchmark": "pantau ikm FILE (CSV)",
                    "database": "-",
                    "size": f"{fraction:.0%} ({rows} rows)",
                    "figure": f"{seconds:.2f} s",
                    "target": f"< {TARGET_SECONDS:.0f} s at 100 %",
                    "met": seconds < TARGET_SECONDS,
                    "seconds": seconds,
                }
            )
    return rows_out
