"""SKM benchmarks on PostgreSQL, at 1 %, 10 % and 100 % of 1,000,000 responses in one survey:

- public survey submission (POST) under gunicorn with 2 workers of 2 threads, as deployed, wrk on loopback, every request a
  new respondent (random answers, submission token and phone); target >= 300/s with p95 < 100 ms;
- the unit's results page (signed in) under the same server; target p95 < 300 ms;
- the results computation (``period_results``) against a bare ``SELECT ... GROUP BY`` over the same
  answers, timed in-process; target ratio <= 1.5.
"""

import json
import os
import subprocess
import sys
import tempfile

from bench.common import (
    PERCENTILES_SCRIPT,
    collectstatic,
    gunicorn,
    reset_postgres,
    seed,
    write_script,
)
from bench.pages import ROOT, _env, _wrk

FULL_SIZE = 1_000_000
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/pantau_bench")

POST_SCRIPT = """
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  math.randomseed(os.time() * 1000 + id * 7919)
end
local hex = "0123456789abcdef"
local function uuid()
  local t = {}
  for i = 1, 32 do local r = math.random(1, 16); t[i] = hex:sub(r, r) end
  local s = table.concat(t)
  return s:sub(1, 8) .. "-" .. s:sub(9, 12) .. "-4" .. s:sub(14, 16) .. "-a" .. s:sub(18, 20) .. "-" .. s:sub(21, 32)
end
local keys = {"persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan"}
request = function()
  local body = "csrfmiddlewaretoken=%(csrf)s&service=%(service)s&%(human)s&submission_token=" .. uuid()
  for _, k in ipairs(keys) do body = body .. "&" .. k .. "=" .. math.random(1, 4) end
  body = body .. "&usia=" .. math.random(18, 80)
  -- Every request a different respondent's phone: its own browser for the duplicate check; the
  -- rate per address is lifted (SURVEY_RATE_COUNT), since every request comes from 127.0.0.1.
  return wrk.format("POST", "%(path)s", {["Content-Type"] = "application/x-www-form-urlencoded",
                    ["Cookie"] = "csrftoken=%(csrf)s", ["User-Agent"] = "bench-phone-" .. uuid()}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("PANTAU p50=%%.3f p95=%%.3f\\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


RATIO_SCRIPT = """
import json, statistics, sys, time
import django
django.setup()
from django.db import connection
from pantau.satisfaction.models import SurveyPeriod
from pantau.satisfaction.selectors import period_results
info = json.loads(sys.argv[1])
period = SurveyPeriod.objects.select_related("collection", "unit").get(pk=info["period"])
def ours():
    return period_results(period)
def bare():
    with connection.cursor() as cursor:
        cursor.execute("SELECT item_id, count(value_int), sum(value_int) FROM surveys_answer "
                       "WHERE collection_id = %s AND item_id = ANY(%s) AND value_int IS NOT NULL GROUP BY item_id",
                       [info["collection"], info["items"]])
        return cursor.fetchall()
ours(); bare()
def timed(fn, n=7):
    runs = []
    for _ in range(n):
        start = time.perf_counter(); fn(); runs.append(time.perf_counter() - start)
    return statistics.median(runs)
print(json.dumps({"ours": timed(ours), "bare": timed(bare)}))
"""


def _count_responses(env, collection: int) -> int:
    code = (
        "import django; django.setup(); from pantau.surveys.models import Response; "
        f"print(Response.objects.filter(collection_id={collection}).count())"
    )
    return int(
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def run(
    *, fractions: list[float], seconds: int, connections: int, port: int = 8766, **_ignored
) -> list[dict]:
    rows: list[dict] = []
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **_env(PG_URL, tmp),
            "SURVEY_RATE_COUNT": "100000000",
            "DATABASE_CONN_MAX_AGE": "600",
        }
        collectstatic(env)
        reset_postgres(PG_URL)
        get_script = write_script(tmp, "get.lua", PERCENTILES_SCRIPT)
        for fraction in sorted(fractions):
            size = int(FULL_SIZE * fraction)
            info = seed("bench.skm_seed", size, env)
            label = f"{fraction:.0%} ({size:,} responses)"
            post_script = write_script(
                tmp,
                "post.lua",
                POST_SCRIPT
                % {
                    "csrf": info["csrf"],
                    "service": info["service"],
                    "human": info["human"],
                    "path": f"/survei/{info['token']}/",
                },
            )
            with gunicorn(env, port) as base:
                before = _count_responses(env, info["collection"])
                post = _wrk(
                    f"{base}/survei/{info['token']}/",
                    cookie=None,
                    seconds=seconds,
                    connections=connections,
                    script=post_script,
                )
                saved = _count_responses(env, info["collection"]) - before
                expected = round(post["rps"] * seconds)
                rows.append(
                    {
                        "benchmark": "SKM submission (POST)",
                        "database": "PostgreSQL",
                        "size": label,
                        "figure": f"{post['rps']:.0f} /s, p50 {post['p50']:.1f} ms, p95 {post['p95']:.1f} ms, "
                        f"{saved} saved of ~{expected}, {post['errors']} errors",
                        "target": ">= 300 /s, p95 < 100 ms",
                        "met": post["rps"] >= 300 and post["p95"] < 100 and not post["errors"],
                        **post,
                    }
                )
                results = _wrk(
                    f"{base}/manage/units/dinsos-mpp-lombok-timur/skm/{info['period']}/",
                    cookie=info["session"],
                    seconds=seconds,
                    connections=connections,
                    script=get_script,
                )
                rows.append(
                    {
                        "benchmark": "SKM results page (signed in)",
                        "database": "PostgreSQL",
                        "size": label,
                        "figure": f"{results['rps']:.0f} rps, p50 {results['p50']:.1f} ms, p95 {results['p95']:.1f} ms, "
                        f"{results['errors']} errors",
                        "target": "p95 < 300 ms",
                        "met": results["p95"] < 300 and not results["errors"],
                        **results,
                    }
                )
            ratio_run = subprocess.run(
                [python, "-c", RATIO_SCRIPT, json.dumps(info)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            timing = json.loads(ratio_run.stdout.strip().splitlines()[-1])
            ratio = timing["ours"] / timing["bare"]
            rows.append(
                {
                    "benchmark": "SKM results computation / bare GROUP BY",
                    "database": "PostgreSQL",
                    "size": label,
                    "figure": f"{timing['ours'] * 1000:.1f} ms / {timing['bare'] * 1000:.1f} ms = {ratio:.2f}",
                    "target": "ratio <= 1.5",
                    "met": ratio <= 1.5,
                    "ratio": ratio,
                    **timing,
                }
            )
    return rows
