"""Unit search benchmark (issue 19): the public directory's search, ``GET /units/?q=...``, at
1 %, 10 % and 100 % of 25,000 service units (``bench.search_seed``: regencies of 50 units with
their agencies and three to five services each), on SQLite and PostgreSQL, under gunicorn
(2 workers of 2 threads, as deployed).

Clients ask at a steady 20 searches a second (``bench.loadgen``: latency counted from each
request's scheduled time), for each kind of query in turn and then for all kinds mixed: single
words, two words, abbreviations (dinsos, disdukcapil, PTSP, BPJS, KIP, bansos, DTKS/DTSEN, KTP)
and typing errors that find nothing and so get a "did you mean". Target: p95 < 100 ms. The time
``refresh_search_documents`` takes to rebuild every document is printed for reference.
"""

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from bench.common import collectstatic, gunicorn, reset_postgres, seed
from bench.loadgen import paced
from bench.pages import _env

FULL_SIZE = 25_000
RATE = 20  # searches a second, offered
TARGET_P95 = 100  # ms
PG_URL = os.environ.get(
    "BENCH_SEARCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/pantau_bench_search"
)


def _databases(tmp: str) -> list[tuple[str, str]]:
    sqlite_path = Path(tmp) / "search.sqlite3"
    databases = [("SQLite", f"sqlite:///{sqlite_path}")]
    admin = PG_URL.rsplit("/", 1)[0] + "/postgres"
    reachable = (
        shutil.which("psql")
        and not subprocess.run(
            ["psql", admin, "-qc", "SELECT 1"], capture_output=True, check=False
        ).returncode
    )
    if reachable:
        reset_postgres(PG_URL)
        databases.append(("PostgreSQL", PG_URL))
    return databases


def _get(host: str, path: str) -> bytes:
    return (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n").encode()


def _requests(base: str, queries: list[str]):
    host = base.split("//", 1)[1]
    paths = itertools.cycle([f"/units/?{urlencode({'q': query})}" for query in queries])
    return lambda: _get(host, next(paths))


def _row(kind: str, database: str, label: str, result: dict) -> dict:
    return {
        "benchmark": f"unit search: {kind}",
        "database": database,
        "size": label,
        "figure": f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
        f"{result['rps']:.1f} /s of {RATE}, {result['errors']} errors",
        "target": f"p95 < {TARGET_P95} ms",
        "met": result["p95"] < TARGET_P95 and not result["errors"],
        **result,
    }


def run(
    *, fractions: list[float], seconds: int, connections: int, port: int = 8772, **_ignored
) -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for database, url in _databases(tmp):
            env = {**_env(url, tmp), "DATABASE_CONN_MAX_AGE": "600"}
            collectstatic(env)
            for fraction in sorted(fractions):
                size = int(FULL_SIZE * fraction)
                info = seed("bench.search_seed", size, env)
                label = f"{fraction:.0%} ({size:,} units)"
                queries: dict[str, list[str]] = info["queries"]
                mixed = [
                    q for group in itertools.zip_longest(*queries.values()) for q in group if q
                ]
                with gunicorn(env, port) as base:
                    paced(f"{base}/units/", _requests(base, mixed), clients=2, rate=10, seconds=2)
                    for kind, chosen in [*queries.items(), ("all kinds mixed", mixed)]:
                        result = paced(
                            f"{base}/units/",
                            _requests(base, chosen),
                            clients=connections,
                            rate=RATE,
                            seconds=seconds,
                        )
                        rows.append(_row(kind, database, label, result))
                rows.append(
                    {
                        "benchmark": "unit search: rebuild every document",
                        "database": database,
                        "size": label,
                        "figure": f"{info['rebuild_seconds']:.1f} s",
                        "target": "reference",
                        "met": True,
                    }
                )
    return rows
