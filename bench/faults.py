"""Faults lose nothing: citizens' SKM answers and complaints filed under load while a gunicorn
worker is killed with SIGKILL and PostgreSQL is restarted, then every acknowledged submission is
looked up in the database (issue 15, item 6).

The run starts its own PostgreSQL cluster (``initdb`` in a temporary folder, on a port of its own),
so that restarting it disturbs nothing else on the machine. Gunicorn runs as deployed (the
checkout's ``gunicorn.conf.py``, 2 workers of 2 threads). Sixteen clients file submissions back to
back, half SKM answers (``/survei/<token>/``) and half complaints (``/lapor/``), each with its own
submission token and a marker in its free text. A client that gets no answer, a broken connection
or a 5xx sends the same submission again (same token), as a phone's browser does when the person
taps "Kirim" again; a 2xx/3xx that is a redirect to the receipt is the acknowledgement. When a third
of the submissions have been acknowledged, one worker is killed with SIGKILL; at two thirds,
PostgreSQL is restarted (``pg_ctl restart -m fast``).

Then, for every acknowledged submission: stored exactly once (by token and by marker)? The row
prints acknowledged / saved / lost / duplicated and what the clients saw around each fault.
Target: 0 lost, 0 duplicated. Sizes: 1 %, 10 % and 100 % of 2,000 submissions.
"""

import http.client
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from bench.common import collectstatic, gunicorn_process, seed
from bench.pages import _env

FULL_SIZE = 2_000
CLIENTS = 16
MIN_SECONDS = 6.0
PG_PORT = 55432
ELEMENTS = [
    "persyaratan",
    "prosedur",
    "waktu",
    "biaya",
    "produk",
    "kompetensi",
    "perilaku",
    "sarana",
    "pengaduan",
]


def _pg_bin() -> Path | None:
    root = Path("/usr/lib/postgresql")
    versions = sorted(root.glob("*/bin/pg_ctl")) if root.exists() else []
    return versions[-1].parent if versions else None


class PrivateCluster:
    """A throw-away PostgreSQL cluster of our own, started as the ``postgres`` system user when run
    as root (initdb refuses root)."""

    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder, port
        self.bin = _pg_bin()
        self.data = folder / "pgdata"
        self.user = "postgres" if os.geteuid() == 0 else None

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/pantau_faults"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.user:
            record = pwd.getpwnam(self.user)
            os.chown(self.folder, record.pw_uid, record.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=on"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-l",
            str(self.folder / "log"),
            "start",
        )
        self._run(
            "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "pantau_faults"
        )

    def restart(self) -> None:
        # -l again: without it the new postmaster would write to (and hold open) our pipe.
        log = str(self.folder / "log")
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-l", log, "restart")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except RuntimeError:  # not running, or pg_ctl could not tell: end the postmaster itself
            pid_file = self.data / "postmaster.pid"
            if pid_file.exists():
                try:
                    os.kill(int(pid_file.read_text().split()[0]), signal.SIGQUIT)
                except (ProcessLookupError, ValueError):
                    pass

    def query(self, sql: str) -> list[list[str]]:
        done = subprocess.run(
            ["psql", self.url, "-AtF", "\t", "-c", sql], check=True, capture_output=True, text=True
        )
        return [line.split("\t") for line in done.stdout.splitlines() if line]


class Log:
    """What the clients saw, by phase of the run, and what was acknowledged."""

    def __init__(self):
        self.lock = threading.Lock()
        self.phase = "before the faults"
        self.seen: dict[str, Counter] = {}
        self.acknowledged: dict[str, list[tuple[str, str]]] = {"skm": [], "complaint": []}
        self.refused: Counter = Counter()
        self.gave_up = 0

    def saw(self, what: str) -> None:
        with self.lock:
            self.seen.setdefault(self.phase, Counter())[what] += 1

    def acked(self, kind: str, token: str, marker: str) -> None:
        with self.lock:
            self.acknowledged[kind].append((token, marker))

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.acknowledged.values())


def _post(host: str, port: int, path: str, body: str, csrf: str, agent: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(host, port, timeout=15)
    try:
        connection.request(
            "POST",
            path,
            body=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={csrf}",
                "User-Agent": agent,
                "X-Forwarded-For": agent.rsplit("-", 1)[-1],
            },
        )
        answer = connection.getresponse()
        answer.read()
        return answer.status, answer.getheader("Location") or ""
    finally:
        connection.close()


def _skm_body(info: dict, token: str, marker: str, number: int) -> str:
    fields = {
        "csrfmiddlewaretoken": info["csrf"],
        "service": info["service"],
        "submission_token": token,
    }
    fields.update({key: 1 + (number + i) % 4 for i, key in enumerate(ELEMENTS)})
    fields.update({"usia": 18 + number % 60, "saran": marker})
    return urlencode(fields) + "&" + info["human"]


def _complaint_body(info: dict, token: str, marker: str) -> str:
    return (
        urlencode(
            {
                "csrfmiddlewaretoken": info["csrf"],
                "kind": "complaint",
                "unit": info["unit"],
                "subject": "Antrean lama",
                "description": f"Menunggu tiga jam tanpa kepastian. {marker}",
                "submission_token": token,
            }
        )
        + "&"
        + info["human"]
    )


def _client(
    index: int, jobs: list[int], base: str, skm: dict, complaint: dict, log: Log, interval: float
) -> None:
    host, port = base.split("//", 1)[1].split(":")
    due = time.monotonic() + interval * index / CLIENTS
    for number in jobs:
        time.sleep(max(0.0, due - time.monotonic()))
        due += interval
        kind = "skm" if number % 2 else "complaint"
        token, marker = str(uuid.uuid4()), f"bench-fault-{uuid.uuid4().hex}"
        if kind == "skm":
            path, body, csrf = (
                f"/survei/{skm['token']}/",
                _skm_body(skm, token, marker, number),
                skm["csrf"],
            )
        else:
            path, body, csrf = (
                "/lapor/",
                _complaint_body(complaint, token, marker),
                complaint["csrf"],
            )
        agent = f"bench-fault-phone-{index}-10.9.{index}.{number % 250 + 1}"
        for attempt in range(40):
            try:
                status, location = _post(host, int(port), path, body, csrf, agent)
            except (OSError, http.client.HTTPException) as error:
                log.saw(f"{kind}: {type(error).__name__}")
                time.sleep(min(2.0, 0.1 * (attempt + 1)))
                continue
            log.saw(f"{kind}: {status}")
            if status in (301, 302, 303):
                log.acked(kind, token, marker)
                break
            if status >= 500:
                time.sleep(min(2.0, 0.1 * (attempt + 1)))
                continue
            log.refused[f"{kind}: {status}"] += 1  # a refusal with a reason (form re-shown, 4xx)
            break
        else:
            log.gave_up += 1


def _worker_pids(master: int) -> list[int]:
    done = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in done.stdout.split()]


def _check(cluster: PrivateCluster, log: Log) -> dict:
    out = {}
    tables = {
        "skm": ("surveys_response", "surveys_answer", "value_text"),
        "complaint": ("complaints_complaint", "complaints_complaint", "description"),
    }
    for kind, (table, text_table, text_column) in tables.items():
        acked = log.acknowledged[kind]
        # Table and column names are the constants above; nothing here comes from outside.
        rows = cluster.query(
            f"SELECT submission_token::text, count(*) FROM {table} GROUP BY 1"  # noqa: S608
        )
        found = {token: int(n) for token, n in rows}
        markers = cluster.query(
            f"SELECT substring({text_column} from 'bench-fault-[0-9a-f]{{32}}'), count(*) "  # noqa: S608
            f"FROM {text_table} WHERE {text_column} LIKE '%bench-fault-%' GROUP BY 1"
        )
        by_marker = {marker: int(n) for marker, n in markers}
        lost = sum(1 for token, marker in acked if token not in found and marker not in by_marker)
        duplicated = sum(n - 1 for n in found.values() if n > 1) + sum(
            n - 1 for n in by_marker.values() if n > 1
        )
        out[kind] = {
            "acknowledged": len(acked),
            "saved": sum(by_marker.values()),
            "lost": lost,
            "duplicated": duplicated,
        }
    return out


def run(*, fractions: list[float], port: int = 8771, **_ignored) -> list[dict]:
    rows: list[dict] = []
    if _pg_bin() is None or shutil.which("psql") is None:
        print(
            "PostgreSQL's server programs are missing: the fault rows are left out.",
            file=sys.stderr,
        )
        return rows
    for fraction in sorted(fractions):
        total = max(12, int(FULL_SIZE * fraction))
        with tempfile.TemporaryDirectory() as tmp:
            os.chmod(tmp, 0o711)  # noqa: S103 (the cluster user must reach its folder)
            cluster = PrivateCluster(Path(tmp) / "pg", PG_PORT)
            cluster.start()
            try:
                env = {
                    **_env(cluster.url, tmp),
                    "DATABASE_CONN_MAX_AGE": "600",
                    "SURVEY_RATE_COUNT": "1000000",
                    "COMPLAINT_RATE_COUNT": "1000000",
                    "BEHIND_PROXY": "1",
                }
                collectstatic(env)
                skm = seed("bench.skm_seed", 0, env)
                complaint = seed("bench.complaints_seed", 0, env)
                rows.append(_one_run(fraction, total, env, port, cluster, skm, complaint))
            finally:
                cluster.stop()
    return rows


def _one_run(fraction, total, env, port, cluster, skm, complaint) -> dict:
    log = Log()
    with gunicorn_process(env, port) as (base, server):
        master = server.pid
        jobs = [list(range(i, total, CLIENTS)) for i in range(CLIENTS)]
        # Paced so that even the smallest run lasts MIN_SECONDS and meets both faults.
        interval = max(0.0, MIN_SECONDS / max(len(j) for j in jobs))
        threads = [
            threading.Thread(target=_client, args=(i, jobs[i], base, skm, complaint, log, interval))
            for i in range(CLIENTS)
        ]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        faults: list[str] = []
        calm_at = None  # when the phase after a fault ends
        while any(t.is_alive() for t in threads):
            if calm_at and time.monotonic() >= calm_at:
                with log.lock:
                    log.phase = "between the faults" if len(faults) == 1 else "after the faults"
                calm_at = None
            if not faults and log.count >= total // 3:
                victim = _worker_pids(master)[0]
                with log.lock:
                    log.phase = "worker killed (SIGKILL)"
                os.kill(victim, signal.SIGKILL)
                faults.append("worker")
                calm_at = time.monotonic() + 1.5
            elif len(faults) == 1 and calm_at is None and log.count >= 2 * total // 3:
                with log.lock:
                    log.phase = "PostgreSQL restarting"
                cluster.restart()
                faults.append("postgres")
                calm_at = time.monotonic() + 1.5
            time.sleep(0.01)
        seconds = time.perf_counter() - began
    result = _check(cluster, log)
    lost = sum(r["lost"] for r in result.values())
    duplicated = sum(r["duplicated"] for r in result.values())
    seen = "; ".join(
        f"{phase}: " + ", ".join(f"{what} ×{n}" for what, n in sorted(counts.items()))
        for phase, counts in log.seen.items()
    )
    figure = ", ".join(
        f"{kind} {r['acknowledged']} acknowledged / {r['saved']} saved / {r['lost']} lost / "
        f"{r['duplicated']} duplicated"
        for kind, r in result.items()
    )
    figure += f"; faults: {', '.join(faults) or 'none'}; refused {sum(log.refused.values())}, gave up {log.gave_up}"
    print(f"faults {fraction:.0%}: clients saw {seen}", file=sys.stderr)
    return {
        "benchmark": "faults: worker SIGKILL + PostgreSQL restart",
        "database": "PostgreSQL",
        "size": f"{fraction:.0%} ({total:,} submissions)",
        "figure": figure,
        "target": "0 lost, 0 duplicated",
        "met": lost == 0 and duplicated == 0 and len(faults) == 2 and log.gave_up == 0,
        "seconds": seconds,
        "seen": {phase: dict(counts) for phase, counts in log.seen.items()},
        "details": json.loads(json.dumps(result)),
    }
