"""Page benchmarks: requests per second and p50/p95 latency under gunicorn with 2 workers.

Each size is a number of service units in the database (100 % = 5,000 units, about every
unit a national deployment evaluates). wrk drives the server on loopback.

The server runs as in production, with Redis as the cache when it is reachable (so the public
pages are kept, ``pantau.common.httpcache``), and serves one bare Django page through the same
middleware (``bench.wsgi``). Issue 20's figures are ratios to that page, measured in the same run:
the public home and the unit directory at >= 0.5 x its requests per second, and a conditional
GET of the directory (answered 304) at >= 0.8 x. Each ratio is the median of
``BENCH_RATIO_ROUNDS`` rounds (3), each measuring the bare page right before the page.

    python bench/run.py --only pages --fractions 0.01,0.1 --seconds 4
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL_SIZE = 5_000
PAGES = [
    # name, path, signed in, target rps, target p95 (ms)
    ("public home", "/", False, 200, 100),
    ("public unit directory", "/units/", False, 150, 150),
    ("signed-in home (national evaluator)", "/accounts/home/", True, 100, 200),
]
BARE = "/bench/bare/"
RATIOS = [
    # name, path, conditional GET, target ratio to the bare page
    ("public home / bare page", "/", False, 0.5),
    ("public unit directory / bare page", "/units/", False, 0.5),
    ("unit directory, conditional GET (304) / bare page", "/units/", True, 0.8),
]
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("PANTAU p50=%.3f p95=%.3f\\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


def _env(database_url: str, var_dir: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PANTAU_DEBUG": "0",
        "SECRET_KEY": "bench-secret-key-only-for-loopback-benchmarks-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "DATABASE_URL": database_url,
        "PANTAU_VAR_DIR": var_dir,
        "LOG_LEVEL": "WARNING",
        "AXES_FAILURE_LIMIT": "1000000",
        # The benchmarks' sessions are made without an authenticator code.
        "TWO_FACTOR_ROLES": "",
        **({"REDIS_URL": REDIS_URL} if _redis_up() else {}),
    }


def _redis_up() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=1).flushdb()
    except Exception:  # noqa: BLE001 - any failure means: run without it, and say so
        return False
    return True


def _databases(tmp: str) -> list[tuple[str, str, callable]]:
    sqlite_path = Path(tmp) / "bench.sqlite3"

    def reset_sqlite() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)

    pg_url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/pantau_bench")

    def reset_postgres() -> None:
        admin = pg_url.rsplit("/", 1)[0] + "/postgres"
        name = pg_url.rsplit("/", 1)[1]
        subprocess.run(
            ["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True
        )

    databases = [("SQLite", f"sqlite:///{sqlite_path}", reset_sqlite)]
    if (
        shutil.which("psql")
        and subprocess.run(
            ["psql", pg_url.rsplit("/", 1)[0] + "/postgres", "-qc", "SELECT 1"], capture_output=True
        ).returncode
        == 0
    ):
        databases.append(("PostgreSQL", pg_url, reset_postgres))
    else:
        print("PostgreSQL is not reachable: its rows are left out.", file=sys.stderr)
    return databases


def _wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def _wrk(
    url: str,
    *,
    cookie: str | None,
    seconds: int,
    connections: int,
    script: str,
    headers: tuple[str, ...] = (),
) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script, url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: sessionid={cookie}"]
    for header in headers:
        command[1:1] = ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p95 = (float(x) for x in re.search(r"PANTAU p50=([\d.]+) p95=([\d.]+)", output).groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    completed = re.search(r"PANTAU requests=(\d+)", output)
    return {
        "rps": rps,
        "p50": p50,
        "p95": p95,
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
        "requests": int(completed.group(1)) if completed else None,
    }


def run(*, fractions: list[float], seconds: int, connections: int, port: int = 8765) -> list[dict]:
    rows = []
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "percentiles.lua"
        script.write_text(WRK_SCRIPT)
        subprocess.run(
            [python, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=_env(f"sqlite:///{tmp}/static.sqlite3", tmp),
            check=True,
        )
        for db_name, database_url, reset in _databases(tmp):
            env = _env(database_url, tmp)
            reset()
            for fraction in sorted(fractions):
                units = max(1, int(FULL_SIZE * fraction))
                session = subprocess.run(
                    [python, "-m", "bench.seed", str(units)],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.split()[-1]
                server = subprocess.Popen(
                    [
                        python,
                        "-m",
                        "gunicorn",
                        "bench.wsgi",
                        "-c",
                        str(ROOT / "gunicorn.conf.py"),
                        "-w",
                        "2",
                        "-b",
                        f"127.0.0.1:{port}",
                        "--log-level",
                        "warning",
                    ],
                    cwd=ROOT,
                    env=env,
                )
                try:
                    _wait_until_up(f"http://127.0.0.1:{port}/healthz")
                    for name, path, signed_in, target_rps, target_p95 in PAGES:
                        result = _wrk(
                            f"http://127.0.0.1:{port}{path}",
                            cookie=session if signed_in else None,
                            seconds=seconds,
                            connections=connections,
                            script=str(script),
                        )
                        rows.append(
                            {
                                "benchmark": name,
                                "database": db_name,
                                "size": f"{fraction:.0%} ({units} units)",
                                "figure": f"{result['rps']:.0f} rps, p50 {result['p50']:.1f} ms, "
                                f"p95 {result['p95']:.1f} ms, {result['errors']} errors",
                                **result,
                                "target": f">= {target_rps} rps, p95 <= {target_p95} ms",
                                "met": result["rps"] >= target_rps
                                and result["p95"] <= target_p95
                                and not result["errors"],
                            }
                        )
                    rows += _ratios(
                        port, seconds, connections, str(script), db_name, fraction, units
                    )
                finally:
                    server.terminate()
                    server.wait(timeout=20)
    return rows


def _etag(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.headers.get("ETag", "")


RATIO_ROUNDS = int(os.environ.get("BENCH_RATIO_ROUNDS", "3"))


def _ratios(port, seconds, connections, script, db_name, fraction, units) -> list[dict]:
    """The public pages against the bare page, all measured here. The machine the benchmarks
    run on is shared, so its load drifts from one run to the next: each round measures the bare
    page and then every page right after it, and each ratio is the median of its rounds'."""
    base = f"http://127.0.0.1:{port}"
    measured: dict[str, list[tuple[dict, dict]]] = {name: [] for name, *_ in RATIOS}
    headers_of: dict[str, tuple[str, ...]] = {}
    for name, path, conditional, _target in RATIOS:
        headers: tuple[str, ...] = ()
        if conditional:
            etag = _etag(base + path)
            headers = (f"If-None-Match: {etag}",) if etag else ()
        else:
            _etag(base + path)  # the first view fills the cache, as the first visitor's would
        headers_of[name] = headers
    for _round in range(RATIO_ROUNDS):
        for name, path, _conditional, _target in RATIOS:
            bare = _wrk(
                base + BARE, cookie=None, seconds=seconds, connections=connections, script=script
            )
            result = _wrk(
                base + path,
                cookie=None,
                seconds=seconds,
                connections=connections,
                script=script,
                headers=headers_of[name],
            )
            measured[name].append((result, bare))
    rows = []
    for name, _path, conditional, target in RATIOS:
        rounds = sorted(measured[name], key=lambda pair: pair[0]["rps"] / pair[1]["rps"])
        result, bare = rounds[len(rounds) // 2]
        ratio = result["rps"] / bare["rps"]
        every = ", ".join(f"{r['rps'] / b['rps']:.2f}" for r, b in measured[name])
        headers = headers_of[name]
        rows.append(
            {
                "benchmark": name,
                "database": db_name,
                "size": f"{fraction:.0%} ({units} units)",
                "figure": f"{result['rps']:.0f} / {bare['rps']:.0f} rps = {ratio:.2f} x "
                f"(median of {every})" + ("" if headers or not conditional else " (no ETag!)"),
                **result,
                "target": f">= {target} x",
                "met": bool(
                    ratio >= target
                    and not any(r["errors"] for r, _b in measured[name])
                    and (headers or not conditional)
                ),
            }
        )
    return rows
