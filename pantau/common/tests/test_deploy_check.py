"""`pantau check --deploy` with the production settings as docs/deployment.md sets them: no warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_check_deploy_passes_with_no_warning_in_production_settings(tmp_path):
    environment = {
        # A clean environment: nothing of the developer's or the test run's Pantau variables.
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "pantau.lomboktimurkab.go.id",
        "PANTAU_SITE_URL": "https://pantau.lomboktimurkab.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'pantau.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "PANTAU_VAR_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
