"""PEKPPP benchmark, at 1 %, 10 % and 100 % of a national round of 25,000 units x 30 indicators x
2 evaluators with 1,000,000 citizen forms (see evaluations_seed.py):

- the whole round's results (``compute_round_results``: final scores, citizen blend, IPP, grade,
  rank, stored), timed in-process; target < 10 s at 100 % on PostgreSQL;
- a unit's result page (signed-in evaluator), 40 requests through Django's test client in-process
  (no network, no gunicorn), p95; target < 300 ms.
"""

import json
import subprocess
import sys
import tempfile

from bench.common import collectstatic, seed
from bench.pages import ROOT, _databases, _env

FULL_SIZE = 25_000

MEASURE_SCRIPT = """
import json, statistics, sys, time
import django
django.setup()
from django.test import Client
from pantau.accounts.models import User
from pantau.evaluations.models import Lokus, Round
from pantau.evaluations.services import compute_round_results
info = json.loads(sys.argv[1])
round_ = Round.objects.get(pk=info["round"])
started = time.perf_counter()
compute_round_results(round_=round_)
compute = time.perf_counter() - started
lokus = Lokus.objects.get(pk=info["lokus"])
client = Client()
client.force_login(User.objects.get(pk=info["evaluator"]), backend="pantau.accounts.backends.UsernameOrEmailBackend")
url = f"/manage/evaluasi/{round_.pk}/lokus/{lokus.pk}/"
assert client.get(url).status_code == 200
times = []
for _ in range(40):
    started = time.perf_counter()
    client.get(url)
    times.append(time.perf_counter() - started)
times.sort()
print(json.dumps({"compute": compute, "p50": statistics.median(times) * 1000,
                  "p95": times[int(len(times) * 0.95) - 1] * 1000, "ipp": str(Lokus.objects.get(pk=lokus.pk).ipp)}))
"""


def measure(env: dict, size: int) -> dict:
    info = seed("bench.evaluations_seed", size, env)
    done = subprocess.run(
        [sys.executable, "-c", MEASURE_SCRIPT, json.dumps(info)],
        cwd=ROOT,
        env={**env, "ALLOWED_HOSTS": "127.0.0.1,testserver"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return {**info, **json.loads(done.stdout.strip().splitlines()[-1])}


def run(*, fractions: list[float], databases=None, **_ignored) -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for db_name, url, reset in databases or _databases(tmp):
            env = _env(url, tmp)
            collectstatic(env)
            reset()
            for fraction in sorted(fractions):
                size = max(1, int(FULL_SIZE * fraction))
                result = measure(env, size)
                label = f"{fraction:.0%} ({size:,} units)"
                rows.append(
                    {
                        "benchmark": "PEKPPP round results",
                        "database": db_name,
                        "size": label,
                        "figure": f"{result['compute']:.2f} s",
                        "target": "< 10 s at 100 % (PostgreSQL)",
                        "met": result["compute"] < 10,
                        **result,
                    }
                )
                rows.append(
                    {
                        "benchmark": "PEKPPP unit result page",
                        "database": db_name,
                        "size": label,
                        "figure": f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms "
                        "(in-process)",
                        "target": "p95 < 300 ms",
                        "met": result["p95"] < 300,
                    }
                )
    return rows
