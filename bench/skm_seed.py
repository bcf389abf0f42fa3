"""Seed a PostgreSQL database for the SKM benchmarks: the demo, then one open survey period of the
Dinas Sosial counter with N responses of 9 element answers each, written by SQL (generate_series),
and its tallies rebuilt. Prints one JSON line with what the benchmark needs.

    python -m bench.skm_seed N
"""

import datetime
import json
import secrets
import sys
from urllib.parse import urlencode

import django


def main() -> None:
    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection

    from pantau.accounts.models import User
    from pantau.common.demo import load_demo
    from pantau.common.humancheck import passing_fields
    from pantau.organisations.models import ServiceUnit
    from pantau.satisfaction import services
    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.satisfaction.models import SurveyPeriod
    from pantau.surveys.models import Item
    from pantau.surveys.tallies import rebuild_tallies

    size = int(sys.argv[1])
    call_command("migrate", verbosity=0)
    load_demo(seed=2026, scale=0.1)
    head = User.objects.get(username="kepala.dinsos")
    unit = ServiceUnit.objects.get(slug="dinsos-mpp-lombok-timur")
    period = SurveyPeriod.objects.filter(unit=unit, kind="year", year=2030).first()
    if period is None:
        period = services.create_period(
            actor=head,
            unit=unit,
            kind="year",
            year=2030,
            number=1,
            population=2_000_000,
            services=unit.services.all(),
        )
        services.change_period_status(actor=head, period=period, action="open")
    # Citizens' answers are taken only between the period's dates (issue 16): the bench's own
    # period, far in the future so that it never meets the demo's, is stretched back over today.
    SurveyPeriod.objects.filter(pk=period.pk).update(starts_on=datetime.date(2020, 1, 1))
    collection = period.collection
    service_id = period.services.order_by("pk").first().pk
    items = [Item.objects.get(version=collection.version, key=key).pk for key in ELEMENT_KEYS]
    existing = collection.responses.count()
    if existing < size:
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO surveys_response (collection_id, version_id, service_id, number, submitted_at, source,
                                              submission_token, fingerprint)
                SELECT %s, %s, %s, 'B' || lpad(g::text, 9, '0'), now() - (g || ' seconds')::interval, 'web',
                       md5('bench' || g)::uuid, ''
                FROM generate_series(%s, %s) AS g
                """,
                [collection.pk, collection.version_id, service_id, existing + 1, size],
            )
            cursor.execute(
                """
                INSERT INTO surveys_answer (response_id, collection_id, service_id, item_id, value_int, value_text)
                SELECT r.id, r.collection_id, r.service_id, i.item_id,
                       CASE WHEN h.m < 2 THEN 1 WHEN h.m < 10 THEN 2 WHEN h.m < 55 THEN 3 ELSE 4 END, ''
                FROM surveys_response r CROSS JOIN unnest(%s::bigint[]) AS i(item_id)
                CROSS JOIN LATERAL (SELECT (hashtext(r.number || i.item_id::text) & 2147483647) %% 100 AS m) AS h
                WHERE r.collection_id = %s AND r.number ~ '^B[0-9]{9}$' AND r.number >= %s
                """,
                [items, collection.pk, "B" + str(existing + 1).rjust(9, "0")],
            )
            cursor.execute("ANALYZE surveys_answer; ANALYZE surveys_response;")
        rebuild_tallies(collection)
    session = SessionStore()
    session[SESSION_KEY] = str(head.pk)
    session[BACKEND_SESSION_KEY] = "pantau.accounts.backends.UsernameOrEmailBackend"
    session[HASH_SESSION_KEY] = head.get_session_auth_hash()
    session.create()
    print(
        json.dumps(
            {
                "token": collection.token,
                "collection": collection.pk,
                "period": period.pk,
                "service": service_id,
                "session": session.session_key,
                "csrf": secrets.token_hex(16),
                # The public form's time check, as a browser sends it a minute after opening it.
                "human": urlencode(passing_fields(age=60)),
                "items": items,
                "responses": collection.responses.count(),
            }
        )
    )


if __name__ == "__main__":
    main()
