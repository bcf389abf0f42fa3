"""`pantau demo` creates accounts with a published password: only in development mode, or forced."""

import pytest
from django.core.management import CommandError, call_command

from pantau.accounts.models import User


def test_demo_refuses_outside_development_mode(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development mode"):
        call_command("load_demo", quiet_logins=True)
    assert not User.objects.filter(username="admin").exists()


def test_demo_runs_in_development_mode(db, settings):
    settings.DEBUG = True
    call_command("load_demo", quiet_logins=True)
    assert User.objects.filter(username="admin").exists()


def test_demo_runs_outside_development_mode_when_forced(db, settings):
    settings.DEBUG = False
    call_command("load_demo", quiet_logins=True, force=True)
    assert User.objects.filter(username="admin").exists()
