"""Fill a database with the demo data plus ``units`` synthetic service units (bulk inserts).

Run as: python -m bench.seed UNITS  (with DJANGO_SETTINGS_MODULE and DATABASE_URL set).
Prints the session key of a signed-in national evaluator for the signed-in page benchmark.
"""

import sys

import django


def main() -> None:
    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from pantau.accounts.models import User
    from pantau.common.demo import load_demo
    from pantau.organisations.models import Agency, Service, ServiceUnit

    units = int(sys.argv[1])
    call_command("migrate", verbosity=0)
    load_demo(seed=2026)
    existing = ServiceUnit.objects.filter(slug__startswith="bench-unit-").count()
    if existing < units:
        provinces = [
            Agency.objects.get_or_create(
                slug=f"bench-prov-{p}",
                defaults={"name": f"Provinsi Uji {p}", "kind": Agency.Kind.PROVINCE},
            )[0]
            for p in range(34)
        ]
        new_units = [
            ServiceUnit(
                agency=provinces[i % len(provinces)],
                name=f"Unit Layanan Uji {i:05d}",
                slug=f"bench-unit-{i:05d}",
                address=f"Jl. Uji No. {i}",
                city=f"Kabupaten Uji {i % 500}",
                province=f"Provinsi Uji {i % 34}",
            )
            for i in range(existing, units)
        ]
        ServiceUnit.objects.bulk_create(new_units, batch_size=1000)
        created = ServiceUnit.objects.filter(slug__in=[u.slug for u in new_units])
        Service.objects.bulk_create(
            [
                Service(unit=unit, name=f"Layanan {k}", slug=f"layanan-{k}")
                for unit in created
                for k in range(3)
            ],
            batch_size=2000,
        )
    user = User.objects.get(username="penilai.kemenpan")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "pantau.accounts.backends.UsernameOrEmailBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print(session.session_key)


if __name__ == "__main__":
    main()
