import subprocess
import sys

from django.conf import settings
from django.core.management import call_command

from pantau.accounts.models import Membership, User
from pantau.common.demo import load_demo
from pantau.organisations.models import Agency, Service, ServiceUnit


def test_pantau_help_lists_its_commands():
    result = subprocess.run(
        [sys.executable, "-m", "pantau.cli", "--help"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        env={"PANTAU_DEBUG": "1", "PATH": "/usr/bin:/bin"},
    )
    assert (
        "demo" in result.stdout
        and "load_demo" in result.stdout
        and "compile_translations" in result.stdout
    )


def test_demo_loader_is_idempotent(db):
    load_demo(seed=2026)
    counts = (
        Agency.objects.count(),
        ServiceUnit.objects.count(),
        Service.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        ServiceUnit.history.count(),
    )
    load_demo(seed=2026)
    assert counts == (
        Agency.objects.count(),
        ServiceUnit.objects.count(),
        Service.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        ServiceUnit.history.count(),
    )
    assert counts[1] == 4


def test_demo_has_every_role_and_the_described_units(db):
    ctx = load_demo(seed=2026)
    assert {
        "admin",
        "penilai.kemenpan",
        "penilai.ntb",
        "kadis.sosial",
        "kepala.dinsos",
        "petugas.dinsos",
    } <= {username for username, _ in ctx.logins}
    dinsos = ServiceUnit.objects.get(slug="dinsos-mpp-lombok-timur")
    assert dinsos.mall is not None
    assert {"Surat rekomendasi PBI-JKN", "Pemutakhiran data DTKS/DTSEN"} <= set(
        dinsos.services.values_list("name", flat=True)
    )
    ntb = User.objects.get(username="penilai.ntb")
    from pantau.organisations.selectors import visible_units

    assert set(visible_units(ntb).values_list("slug", flat=True)) == {"dinsos-mpp-lombok-timur"}


def test_demo_users_can_sign_in(client, db):
    load_demo(seed=2026)
    response = client.post(
        "/accounts/login/", {"username": "kepala.dinsos", "password": settings.PANTAU_DEMO_PASSWORD}
    )
    assert response.status_code == 302


def test_load_demo_command_prints_logins(db, capsys):
    call_command("load_demo", force=True)
    output = capsys.readouterr().out
    assert "penilai.kemenpan" in output and settings.PANTAU_DEMO_PASSWORD in output
