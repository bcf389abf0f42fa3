"""Perception-study analysis at 1 %, 10 % and 100 % of 10,000 recipients and 500 providers, on a
fresh SQLite database: the whole results computation of a study (``study_results``, the shipped
Form A of 32 scored items and Form B of 20), the pure ``likert.analyse`` on a 25-item instrument,
and our alpha and gap tests against pingouin's on the same matrices (ratio = ours / pingouin)."""

import json
import subprocess
import sys
import tempfile

from bench.pages import ROOT, _env

RECIPIENTS, PROVIDERS = 10_000, 500
TARGET_SECONDS = 2.0


def run(*, fractions: list[float], **_ignored) -> list[dict]:
    rows = []
    for fraction in sorted(fractions):
        recipients = max(10, int(RECIPIENTS * fraction))
        providers = max(5, int(PROVIDERS * fraction))
        with tempfile.TemporaryDirectory() as var_dir:
            env = _env(f"sqlite:///{var_dir}/bench.sqlite3", var_dir)
            done = subprocess.run(
                [sys.executable, "-m", "bench.studies_run", str(recipients), str(providers)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode:
                raise RuntimeError(done.stderr[-3000:])
            result = json.loads(done.stdout.strip().splitlines()[-1])
        size = f"{fraction:.0%} ({recipients} + {providers})"
        rows.append(
            {
                "benchmark": "study results (DB + statistics)",
                "database": "SQLite",
                "size": size,
                "figure": f"{result['study_seconds']:.3f} s ({result['items']} items)",
                "target": f"< {TARGET_SECONDS:.0f} s at 100 %",
                "met": result["study_seconds"] < TARGET_SECONDS,
            }
        )
        rows.append(
            {
                "benchmark": "likert.analyse, 25 items",
                "database": "-",
                "size": size,
                "figure": f"{result['analyse_seconds']:.3f} s",
                "target": f"< {TARGET_SECONDS:.0f} s",
                "met": result["analyse_seconds"] < TARGET_SECONDS,
            }
        )
        rows.append(
            {
                "benchmark": "alpha / gap vs pingouin",
                "database": "-",
                "size": size,
                "figure": f"alpha {result['alpha_ratio']:.2f}x, gap {result['gap_ratio']:.2f}x",
                "target": "<= 1.0x",
                "met": result["alpha_ratio"] <= 1.0 and result["gap_ratio"] <= 1.0,
            }
        )
    return rows
