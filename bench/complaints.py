"""Complaint benchmarks on PostgreSQL, at 1 %, 10 % and 100 % of 2,000,000 reports in the database:

- intake under load: 200 concurrent reporters, each filing one report (no attachment) a second, for
  60 s under gunicorn (2 workers of 2 threads, as deployed), paced by ``bench.loadgen`` (latency counted from
  each report's scheduled time); every acknowledged report must be in the database with a unique
  tracking number and no 5xx; target >= 200 reports/s with p95 < 150 ms;
- the same 200 clients sending back to back (wrk, closed loop) for a third of that time: the
  server's capacity, printed for reference;
- the first page of a unit's queue (signed in) and of the public register; target p95 < 300 ms.
"""

import os
import subprocess
import sys
import tempfile
import uuid

from bench.common import (
    PERCENTILES_SCRIPT,
    collectstatic,
    gunicorn,
    reset_postgres,
    seed,
    write_script,
)
from bench.loadgen import form_post, paced
from bench.pages import ROOT, _env, _wrk

FULL_SIZE = 2_000_000
REPORTERS = 200
TARGET_RATE = 200  # reports/s in all: each reporter files one report a second
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/pantau_bench")

POST_SCRIPT = """
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  math.randomseed(os.time() * 1000 + id * 104729)
end
local hex = "0123456789abcdef"
local function uuid()
  local t = {}
  for i = 1, 32 do local r = math.random(1, 16); t[i] = hex:sub(r, r) end
  local s = table.concat(t)
  return s:sub(1, 8) .. "-" .. s:sub(9, 12) .. "-4" .. s:sub(14, 16) .. "-a" .. s:sub(18, 20) .. "-" .. s:sub(21, 32)
end
request = function()
  local body = "csrfmiddlewaretoken=%(csrf)s&kind=complaint&unit=%(unit)s&subject=Antrean+lama"
    .. "&description=Menunggu+tiga+jam+tanpa+kepastian.&%(human)s&submission_token=" .. uuid()
  return wrk.format("POST", "/lapor/", {["Content-Type"] = "application/x-www-form-urlencoded",
                    ["Cookie"] = "csrftoken=%(csrf)s"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("PANTAU p50=%%.3f p95=%%.3f\\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000))
  io.write(string.format("PANTAU requests=%%d\\n", summary.requests))
end
"""
CHECK = (
    "import django; django.setup(); from django.db import connection\n"
    "with connection.cursor() as c:\n"
    "    c.execute(\"SELECT count(*), count(DISTINCT tracking_number) FROM complaints_complaint WHERE tracking_number LIKE 'LP-%%'\")\n"
    "    print(*c.fetchone())\n"
)


def _report_request(base: str, info: dict):
    host = base.split("//", 1)[1]

    def make() -> bytes:
        body = (
            f"csrfmiddlewaretoken={info['csrf']}&kind=complaint&unit={info['unit']}"
            "&subject=Antrean+lama&description=Menunggu+tiga+jam+tanpa+kepastian."
            f"&{info['human']}&submission_token={uuid.uuid4()}"
        )
        return form_post(host, "/lapor/", body, cookie=f"csrftoken={info['csrf']}")

    return make


def _count(env) -> tuple[int, int]:
    out = subprocess.run(
        [sys.executable, "-c", CHECK.replace("%%", "%")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    total, distinct = out.stdout.split()
    return int(total), int(distinct)


def run(
    *, fractions: list[float], seconds: int, port: int = 8767, intake_seconds: int = 60, **_ignored
) -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        # Every reporter comes from 127.0.0.1: the limit per address would refuse all but ten.
        env = {
            **_env(PG_URL, tmp),
            "DATABASE_CONN_MAX_AGE": "600",
            "COMPLAINT_RATE_COUNT": "100000000",
        }
        collectstatic(env)
        reset_postgres(PG_URL)
        get_script = write_script(tmp, "get.lua", PERCENTILES_SCRIPT)
        for fraction in sorted(fractions):
            size = int(FULL_SIZE * fraction)
            info = seed("bench.complaints_seed", size, env)
            label = f"{fraction:.0%} ({size:,} reports)"
            post_script = write_script(
                tmp,
                "intake.lua",
                POST_SCRIPT % {"csrf": info["csrf"], "unit": info["unit"], "human": info["human"]},
            )
            with gunicorn(env, port, backlog=2048) as base:
                duration = (
                    intake_seconds if seconds > 3 else seconds
                )  # --quick shortens the 60 s run
                before, _distinct = _count(env)
                intake = paced(
                    f"{base}/lapor/",
                    _report_request(base, info),
                    clients=REPORTERS,
                    rate=TARGET_RATE,
                    seconds=duration,
                )
                after, distinct = _count(env)
                saved = after - before
                rows.append(
                    {
                        "benchmark": f"complaint intake, {REPORTERS} reporters",
                        "database": "PostgreSQL",
                        "size": label,
                        "figure": f"{intake['rps']:.1f} /s, p50 {intake['p50']:.1f} ms, p95 {intake['p95']:.1f} ms, "
                        f"{intake['completed']} acknowledged of {intake['requests']} sent, {saved} saved, "
                        f"numbers unique: {after == distinct}, {intake['errors']} errors",
                        "target": ">= 200 /s, p95 < 150 ms, 0 errors",
                        "met": intake["rps"] >= 200
                        and intake["p95"] < 150
                        and not intake["errors"]
                        and saved == intake["completed"]
                        and after == distinct,
                        **intake,
                    }
                )
                # How far the server goes when the same 200 clients send back to back (wrk,
                # closed loop): its capacity, and the latency such a queue gives.
                before, _distinct = _count(env)
                flood = _wrk(
                    f"{base}/lapor/",
                    cookie=None,
                    seconds=max(3, duration // 3),
                    connections=REPORTERS,
                    script=post_script,
                )
                after, distinct = _count(env)
                acknowledged = (flood["requests"] or 0) - flood["errors"]
                rows.append(
                    {
                        "benchmark": f"complaint intake, {REPORTERS} back to back",
                        "database": "PostgreSQL",
                        "size": label,
                        "figure": f"{flood['rps']:.0f} /s, p50 {flood['p50']:.1f} ms, p95 {flood['p95']:.1f} ms, "
                        f"~{acknowledged} acknowledged, {after - before} saved, numbers unique: {after == distinct}, "
                        f"{flood['errors']} errors",
                        "target": "capacity (reference)",
                        "met": not flood["errors"] and after == distinct,
                        **flood,
                    }
                )
                for name, path, cookie in [
                    (
                        "unit queue, first page (signed in)",
                        "/manage/complaints/?status=",
                        info["session"],
                    ),
                    ("public register, first page", "/lapor/register/", None),
                ]:
                    result = _wrk(
                        f"{base}{path}",
                        cookie=cookie,
                        seconds=seconds,
                        connections=8,
                        script=get_script,
                    )
                    rows.append(
                        {
                            "benchmark": name,
                            "database": "PostgreSQL",
                            "size": label,
                            "figure": f"{result['rps']:.0f} rps, p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
                            f"{result['errors']} errors",
                            "target": "p95 < 300 ms",
                            "met": result["p95"] < 300 and not result["errors"],
                            **result,
                        }
                    )
    return rows
