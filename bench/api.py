"""API benchmarks on PostgreSQL, at 1 %, 10 % and 100 % of 2,000,000 reports in the database
(the complaint benchmark's data):

- the first page of ``GET /api/v1/`` lists (the unit head's reports with a token; the public unit
  directory and published SKM results) and of ``GET /open311/v2/requests.json``; target p95 < 200 ms;
- ``POST /open311/v2/requests.json`` throughput next to the web form's (``POST /lapor/``), both with
  200 concurrent reporters under gunicorn (2 workers of 2 threads, as deployed).
"""

import os
import tempfile

from bench.common import (
    PERCENTILES_SCRIPT,
    collectstatic,
    gunicorn,
    reset_postgres,
    seed,
    write_script,
)
from bench.complaints import POST_SCRIPT as WEB_POST_SCRIPT
from bench.pages import _env, _wrk

FULL_SIZE = 2_000_000
PG_URL = os.environ.get(
    "BENCH_API_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/pantau_bench_api"
)
UNLIMITED = "100000000/s"

OPEN311_POST_SCRIPT = """
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
request = function()
  local body = "api_key=%(token)s&service_code=waktu&attribute[unit]=%(unit)s"
    .. "&description=Menunggu+tiga+jam+tanpa+kepastian."
  return wrk.format("POST", "/open311/v2/requests.json",
                    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("PANTAU p50=%%.3f p95=%%.3f\\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000))
  io.write(string.format("PANTAU requests=%%d\\n", summary.requests))
end
"""


def _row(name: str, label: str, result: dict, target: str, met: bool) -> dict:
    return {
        "benchmark": name,
        "database": "PostgreSQL",
        "size": label,
        "figure": f"{result['rps']:.0f} /s, p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
        f"{result['errors']} errors",
        "target": target,
        "met": met,
        **result,
    }


def run(
    *, fractions: list[float], seconds: int, port: int = 8768, intake_seconds: int = 20, **_ignored
) -> list[dict]:
    import subprocess

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **_env(PG_URL, tmp),
            "DATABASE_CONN_MAX_AGE": "600",
            "API_RATE_TOKEN": UNLIMITED,
            "API_RATE_ANONYMOUS": UNLIMITED,
            "API_RATE_USER": UNLIMITED,
            "COMPLAINT_RATE_COUNT": "100000000",
        }
        try:
            reset_postgres(PG_URL)
        except (subprocess.CalledProcessError, FileNotFoundError):
            return rows  # no PostgreSQL here: the rows are left out
        collectstatic(env)
        get_script = write_script(tmp, "get.lua", PERCENTILES_SCRIPT)
        for fraction in sorted(fractions):
            size = int(FULL_SIZE * fraction)
            info = seed("bench.complaints_seed", size, env)
            api = seed("bench.api_seed", 0, env)
            label = f"{fraction:.0%} ({size:,} reports)"
            with gunicorn(env, port, backlog=2048) as base:
                for name, path, token in [
                    ("GET /api/v1/complaints/ (token), first page", "/api/v1/complaints/", True),
                    ("GET /api/v1/units/, first page", "/api/v1/units/", False),
                    ("GET /api/v1/skm/results/, first page", "/api/v1/skm/results/", False),
                    ("GET /open311/v2/requests.json", "/open311/v2/requests.json", False),
                ]:
                    result = _wrk_with(
                        f"{base}{path}",
                        token=api["token"] if token else None,
                        seconds=seconds,
                        script=get_script,
                    )
                    met = result["p95"] < 200 and not result["errors"]
                    rows.append(_row(name, label, result, "p95 < 200 ms", met))
                duration = intake_seconds if seconds > 3 else seconds
                web = _wrk(
                    f"{base}/lapor/",
                    cookie=None,
                    seconds=duration,
                    connections=200,
                    script=write_script(
                        tmp,
                        "web.lua",
                        WEB_POST_SCRIPT
                        % {"csrf": info["csrf"], "unit": info["unit"], "human": info["human"]},
                    ),
                )
                open311 = _wrk(
                    f"{base}/open311/v2/requests.json",
                    cookie=None,
                    seconds=duration,
                    connections=200,
                    script=write_script(
                        tmp,
                        "open311.lua",
                        OPEN311_POST_SCRIPT % {"token": api["token"], "unit": api["unit"]},
                    ),
                )
                compared = f"web form: {web['rps']:.0f} /s"
                rows.append(
                    _row("POST /lapor/ (web form), 200 reporters", label, web, "reference", True)
                )
                rows.append(
                    _row(
                        "POST /open311/v2/requests.json, 200 reporters",
                        label,
                        open311,
                        compared,
                        not open311["errors"],
                    )
                )
    return rows


def _wrk_with(url: str, *, token: str | None, seconds: int, script: str) -> dict:
    """wrk with the token in the Authorization header (8 connections, as the list benchmarks)."""
    import re
    import subprocess

    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "-s", script, url]
    if token:
        command[1:1] = ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    p50, p95 = (float(x) for x in re.search(r"PANTAU p50=([\d.]+) p95=([\d.]+)", output).groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": p50,
        "p95": p95,
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
        "requests": None,
    }
