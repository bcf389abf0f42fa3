"""The analysts' commands on a 200 MB file (100 %): peak memory (maximum resident set size) and
wall time of `pantau stats FILE --outcome SQ --json` and `pantau ikm FILE --json`, each in a fresh
process measured by a small parent that waits for it alone (issue 17: under 1 GB).

The files are written with numpy in blocks, so making them costs seconds, not minutes:
- stats: a group column ("penerima"/"penyedia") and 20 items (SNS_1..5, SDA_1..5, SPI_1..5,
  SQ_1..5) answered 1-5 around each respondent's own level, so alphas and the regression mean
  something; about 49 bytes a row, 4,100,000 rows at 100 %.
- ikm: U1..U9 answered 1-4, about 18 bytes a row, 11,000,000 rows at 100 %.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 1024
BLOCK = 200_000
STATS_ROWS = 4_100_000
IKM_ROWS = 11_000_000
STATS_HEADER = "group," + ",".join(
    f"{dim}_{k}" for dim in ("SNS", "SDA", "SPI", "SQ") for k in range(1, 6)
)
IKM_HEADER = ",".join(f"U{i}" for i in range(1, 10))

# The parent: runs the command, waits for it, prints its peak RSS in kB (Linux: ru_maxrss is kB).
MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "sys.stderr.write(done.stderr.decode()[-2000:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(done.returncode)\n"
)


def _digits_block(values: np.ndarray, prefix: list[bytes]) -> bytes:
    """Rows of single-digit answers joined by commas, each line starting with ``prefix`` bytes."""
    rows, columns = values.shape
    width = len(prefix[0]) if prefix else 0
    out = np.empty((rows, width + 2 * columns), dtype=np.uint8)
    if width:
        out[:, :width] = np.frombuffer(b"".join(prefix), dtype=np.uint8).reshape(rows, width)
    out[:, width::2] = values.astype(np.uint8) + ord("0")
    out[:, width + 1 :: 2] = ord(",")
    out[:, -1] = ord("\n")
    return out.tobytes()


def write_stats_csv(path: Path, rows: int, seed: int = 2026) -> None:
    rng = np.random.default_rng(seed)
    groups = [b"penerima,", b"penyedia,"]
    with path.open("wb") as handle:
        handle.write(STATS_HEADER.encode() + b"\n")
        for start in range(0, rows, BLOCK):
            size = min(BLOCK, rows - start)
            level = rng.normal(3.6, 0.7, size=(size, 1))
            answers = np.clip(np.rint(level + rng.normal(0, 0.7, size=(size, 20))), 1, 5)
            which = rng.random(size) < 0.1
            handle.write(_digits_block(answers, [groups[int(w)] for w in which]))


def write_ikm_csv(path: Path, rows: int, seed: int = 2026) -> None:
    rng = np.random.default_rng(seed)
    with path.open("wb") as handle:
        handle.write(IKM_HEADER.encode() + b"\n")
        for start in range(0, rows, BLOCK):
            size = min(BLOCK, rows - start)
            handle.write(_digits_block(rng.integers(1, 5, size=(size, 9)), []))


def measure(command: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of ``pantau <command>`` run as the README runs it."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PANTAU_")}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "pantau.cli", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"pantau {' '.join(command)} failed: {done.stderr}")
    return int(done.stdout.split()[-1]) / 1024, seconds


def run(*, fractions: list[float], **_ignored) -> list[dict]:
    rows_out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, writer, full, extra in (
            ("stats", write_stats_csv, STATS_ROWS, ["--outcome", "SQ"]),
            ("ikm", write_ikm_csv, IKM_ROWS, []),
        ):
            for fraction in sorted(fractions):
                rows = int(full * fraction)
                path = Path(tmp) / f"{name}-{rows}.csv"
                writer(path, rows)
                size_mb = path.stat().st_size / 1e6
                peak, seconds = measure([name, str(path), *extra, "--json"])
                path.unlink()
                rows_out.append(
                    {
                        "benchmark": f"pantau {name} FILE: peak memory",
                        "database": "-",
                        "size": f"{fraction:.0%} ({size_mb:.0f} MB, {rows:,} rows)",
                        "figure": f"{peak:,.0f} MB, {seconds:.1f} s",
                        "target": f"< {TARGET_MB:,} MB at 100 % (200 MB)",
                        "met": peak < TARGET_MB,
                        "peak_mb": peak,
                        "seconds": seconds,
                    }
                )
    return rows_out


if __name__ == "__main__":
    fractions = [float(f) for f in (sys.argv[1:] or ["0.01", "0.1", "1"])]
    result = run(fractions=fractions)
    print(json.dumps(result, indent=2))
