import os
import subprocess
import sys

from django.conf import settings


def _import_settings(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PANTAU_DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)",
        ],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_development_secret_key():
    result = _import_settings()
    assert result.returncode != 0
    assert "refuses to start in production mode" in result.stderr


def test_production_defaults_are_safe():
    result = _import_settings(SECRET_KEY="a-real-secret-key-for-this-test-only-0123456789")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "31536000"]


def test_database_comes_from_database_url():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "PANTAU_DEBUG": "1",
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/pantau",
        },
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_responses_carry_security_headers(client, db):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_healthz_reports_database_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def _gunicorn_config(**env) -> dict[str, str]:
    """The settings gunicorn resolves when started from the checkout, as in production."""
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config"],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    pairs = (line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def test_gunicorn_started_from_the_checkout_runs_threaded_workers():
    config = _gunicorn_config(GUNICORN_CMD_ARGS="-w 2")
    assert config["wsgi_app"] == "config.wsgi"
    assert config["worker_class"] == "gthread"
    assert config["threads"] == "2"
    assert config["workers"] == "2"
    assert config["keepalive"] == "0"
    assert config["worker_connections"] == "2"
    assert config["bind"] == "['127.0.0.1:8000']"


def test_gunicorn_flags_override_the_checkouts_settings():
    config = _gunicorn_config(GUNICORN_CMD_ARGS="--threads 3 --worker-connections 3")
    assert (config["threads"], config["worker_connections"]) == ("3", "3")
