"""What every server benchmark shares: a fresh PostgreSQL database, a seeding script's JSON, and
gunicorn started and stopped around the measurement."""

import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from bench.pages import ROOT, WRK_SCRIPT, _wait_until_up

PERCENTILES_SCRIPT = WRK_SCRIPT


def reset_postgres(url: str) -> None:
    admin, name = url.rsplit("/", 1)[0] + "/postgres", url.rsplit("/", 1)[1]
    for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", admin, "-qc", sql], check=True, capture_output=True)


def collectstatic(env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def seed(module: str, size: int, env: dict) -> dict:
    """Run ``python -m module size`` and return the JSON object it prints last."""
    done = subprocess.run(
        [sys.executable, "-m", module, str(size)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"{module} {size} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_script(folder: str, name: str, text: str) -> str:
    path = Path(folder) / name
    path.write_text(text)
    return str(path)


@contextmanager
def gunicorn(env: dict, port: int, *, backlog: int | None = None):
    """gunicorn with 2 workers on loopback for the duration of the block, otherwise as deployed:
    the checkout's ``gunicorn.conf.py`` (threaded workers, decision 0019)."""
    with gunicorn_process(env, port, backlog=backlog) as (base, _server):
        yield base


@contextmanager
def gunicorn_process(env: dict, port: int, *, backlog: int | None = None):
    """``gunicorn`` above, yielding its base URL and the master's ``Popen``."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi",
        "-c",
        str(ROOT / "gunicorn.conf.py"),
        "-w",
        "2",
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    if backlog:
        command += ["--backlog", str(backlog)]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.terminate()
        server.wait(timeout=20)
