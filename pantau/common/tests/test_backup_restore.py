"""A backup restores: django-dbbackup's `dbbackup`/`mediabackup` of a Pantau with demo data, then
`dbrestore`/`mediarestore` into a fresh database and an empty media folder, give back every table
with the same number of rows and the same files, byte for byte.

Each CI run covers its own database: on SQLite the copy is a pair of SQLite files, on PostgreSQL
a pair of scratch databases beside the test database (pg_dump/pg_restore, as deployed).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
COUNT_TABLES = (
    "import json, django; django.setup()\n"
    "from django.db import connection\n"
    "with connection.cursor() as c:\n"
    "    counts = {}\n"
    "    for table in connection.introspection.table_names(c):\n"
    "        c.execute(f'SELECT count(*) FROM {connection.ops.quote_name(table)}')\n"
    "        counts[table] = c.fetchone()[0]\n"
    "print(json.dumps(counts))\n"
)
SEED = (
    "import django; django.setup()\n"
    "from pantau.common.demo import load_demo\n"
    "load_demo(scale=0.05)\n"
)


def _manage(env: dict, *args: str) -> str:
    done = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return done.stdout


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _postgres_urls() -> tuple[str, str, str]:
    db = settings.DATABASES["default"]
    base = f"postgres://{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"
    suffix = os.getpid()
    return base, f"{base}/pantau_backup_src_{suffix}", f"{base}/pantau_backup_dst_{suffix}"


def _psql(base: str, sql: str) -> None:
    command = ["psql", f"{base}/postgres", "-qc", sql]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603, S607


def test_backup_restores_every_table_and_file_into_a_fresh_database(tmp_path):
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("sqlite3"):
        source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
        target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        base = None
    elif engine.endswith("postgresql"):
        base, source, target = _postgres_urls()
        for name in (source, target):
            database = name.rsplit("/", 1)[1]
            _psql(base, f"DROP DATABASE IF EXISTS {database}")
            _psql(base, f"CREATE DATABASE {database}")
    else:  # pragma: no cover
        pytest.skip(f"no backup connector checked for {engine}")
    common = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PANTAU_DEBUG": "1",
        "PANTAU_VAR_DIR": str(tmp_path),
        "BACKUP_DIR": str(tmp_path / "backups"),
    }
    before = {**common, "DATABASE_URL": source, "MEDIA_ROOT": str(tmp_path / "media")}
    after = {**common, "DATABASE_URL": target, "MEDIA_ROOT": str(tmp_path / "media-restored")}
    try:
        _manage(before, "manage.py", "migrate", "-v0")
        _manage(before, "-c", SEED)
        _manage(before, "manage.py", "dbbackup", "-o", "pantau.dump", "-v0")
        _manage(before, "manage.py", "mediabackup", "-o", "media.tar", "-v0")
        _manage(after, "manage.py", "dbrestore", "--noinput", "-i", "pantau.dump", "-v0")
        _manage(after, "manage.py", "mediarestore", "--noinput", "-i", "media.tar", "-v0")

        counts_before = json.loads(_manage(before, "-c", COUNT_TABLES))
        counts_after = json.loads(_manage(after, "-c", COUNT_TABLES))
    finally:
        if base:
            for name in (source, target):
                _psql(base, f"DROP DATABASE IF EXISTS {name.rsplit('/', 1)[1]}")

    assert counts_before["complaints_complaint"] > 0 and counts_before["surveys_answer"] > 0
    assert counts_after == counts_before
    files = _files(tmp_path / "media")
    assert files, "the demo stores files (decrees, evidence): the check would compare nothing"
    assert _files(tmp_path / "media-restored") == files
