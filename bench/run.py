"""Run every benchmark at 1 %, 10 % and 100 % of its size and print one table.

    make bench                      # all benchmarks, all sizes
    make bench BENCH_ARGS="--quick" # 1 % and 10 % only, short runs

Each benchmark module exposes ``run(fractions=..., seconds=..., connections=...) -> rows``;
later modules add themselves to BENCHMARKS.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (  # noqa: E402
    api,
    cli_memory,
    complaints,
    evaluations,
    faults,
    ikm_cli,
    pages,
    search,
    skm,
    studies,
)

BENCHMARKS = [
    pages,
    ikm_cli,
    cli_memory,
    skm,
    complaints,
    studies,
    evaluations,
    api,
    faults,
    search,
]


def print_table(rows: list[dict]) -> None:
    headers = ["benchmark", "database", "size", "figure", "target", "met"]
    lines = [
        [
            r["benchmark"],
            r["database"],
            r["size"],
            r["figure"],
            r["target"],
            "yes" if r["met"] else "NO",
        ]
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    print(" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for line in lines:
        print(" | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="1 %% and 10 %% only, 3-second runs")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    parser.add_argument(
        "--only", action="append", default=[], help="run only this module (e.g. skm); repeatable"
    )
    parser.add_argument(
        "--fractions", help="comma-separated sizes as fractions of the full size, e.g. 0.01,1"
    )
    args = parser.parse_args()
    fractions = [0.01, 0.1] if args.quick else [0.01, 0.1, 1.0]
    if args.fractions:
        fractions = [float(f) for f in args.fractions.split(",")]
    seconds = 3 if args.quick else args.seconds
    rows = []
    for module in BENCHMARKS:
        if args.only and module.__name__.rsplit(".", 1)[-1] not in args.only:
            continue
        rows += module.run(fractions=fractions, seconds=seconds, connections=args.connections)
    print()
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
