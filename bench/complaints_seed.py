"""Seed PostgreSQL for the complaint benchmarks: the demo, then N reports of the BBPOM Yogyakarta desk
written by SQL. Prints one JSON line with what the benchmark needs.

    python -m bench.complaints_seed N
"""

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
    from pantau.complaints.models import Complaint
    from pantau.organisations.models import ServiceUnit

    size = int(sys.argv[1])
    call_command("migrate", verbosity=0)
    load_demo(seed=2026, scale=0.1)
    unit = ServiceUnit.objects.get(slug="ulpk-bbpom-yogyakarta")
    existing = Complaint.objects.filter(tracking_number__startswith="BN-").count()
    if existing < size:
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO complaints_complaint (
                    created_at, updated_at, tracking_number, access_code_hash, submission_token, kind, channel,
                    unit_id, subject, description, remedy, late, reporter_name, reporter_email, reporter_phone,
                    anonymous, confidential, original_message, status, postponed_from, archive_reason,
                    rating_comment, reopened, verify_due, public_summary, queue, integrity, public_answer)
                SELECT now() - (g || ' minutes')::interval, now(), 'BN-' || lpad(g::text, 9, '0'), '-',
                       md5('complaint' || g)::uuid,
                       (ARRAY['complaint', 'information', 'aspiration'])[1 + g %% 3], 'web', %s,
                       'Laporan uji ' || g, 'Isi laporan uji.', '', false, '', '', '', false, g %% 10 = 0, '',
                       (ARRAY['received', 'verified', 'assigned', 'in_progress', 'answered', 'closed'])[1 + g %% 6],
                       '', '', '', false, current_date + 3, '', 'unit', false, ''
                FROM generate_series(%s, %s) AS g
                """,
                [unit.pk, existing + 1, size],
            )
            cursor.execute("ANALYZE complaints_complaint;")
    head = User.objects.get(username="kepala.bbpom")
    session = SessionStore()
    session[SESSION_KEY] = str(head.pk)
    session[BACKEND_SESSION_KEY] = "pantau.accounts.backends.UsernameOrEmailBackend"
    session[HASH_SESSION_KEY] = head.get_session_auth_hash()
    session.create()
    print(
        json.dumps(
            {
                "unit": unit.pk,
                "session": session.session_key,
                "csrf": secrets.token_hex(16),
                # The public form's time check, as a browser sends it a minute after opening it.
                "human": urlencode(passing_fields(age=60)),
                "reports": Complaint.objects.count(),
            }
        )
    )


if __name__ == "__main__":
    main()
