"""Receiving a report: its tracking number and access code, saved with its attachments in one transaction (one statement on PostgreSQL), and finding it again by number and code."""

import functools
import secrets
import uuid
from contextlib import nullcontext
from datetime import timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from simple_history.models import HistoricalRecords

from pantau.analytics.workdays import add_working_days
from pantau.common import background, httpcache

from .. import events
from ..models import Attachment, Complaint, Event
from ..routing import route
from ..selectors import agency_chain, days_off_for, policy_for

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


LATE_AFTER_DAYS = 30  # UU 25/2009 Pasal 42(2)


def _code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


# A replay of the same submission within this window gets the access code again (issue 20: a
# citizen whose first answer was lost on the way never got the code).
REPLAY_HOURS = 24


def _code_for(token: uuid.UUID, issuer: str = "") -> str:
    """The access code of a submission: derived with the secret key from its submission token
    (a random UUID only the submitting form or system holds) and, for a system, who sent it, so
    that sending the same submission again can show the same code without storing it."""
    digest = salted_hmac("pantau.complaints.submission-code", f"{issuer}:{token}").digest()
    return "".join(ALPHABET[byte % len(ALPHABET)] for byte in digest[:8])


def _hash_code(number: str, code: str) -> str:
    return salted_hmac("pantau.complaints.access", f"{number}:{code.strip().upper()}").hexdigest()


def check_access_code(complaint: Complaint, code: str) -> bool:
    return constant_time_compare(
        complaint.access_code_hash, _hash_code(complaint.tracking_number, code)
    )


def find_by_number_and_code(number: str, code: str) -> Complaint | None:
    complaint = Complaint.objects.filter(tracking_number=number.strip().upper()).first()
    if complaint is None:
        _hash_code(number, code)  # same work either way
        return None
    return complaint if check_access_code(complaint, code) else None


def _record(complaint, *, actor, action, from_status="", note="", public=False):
    Event.objects.create(
        complaint=complaint,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=complaint.status,
        unit=complaint.unit,
        note=note,
        public=public,
    )


def submit_complaint(
    *,
    data: dict,
    files: list,
    submission_token: uuid.UUID,
    channel: str = "web",
    entered_by=None,
    today=None,
    issuer: str = "",
) -> tuple[Complaint, str | None, bool]:
    """Save a report with its attachments in one transaction. Returns (report, access code, created).

    The access code is shown (and e-mailed when an address is given); only its keyed hash is
    stored. The same ``submission_token`` again returns the first report: the unique constraint
    refuses the second insert, so the common path needs no look-up first. Within ``REPLAY_HOURS``
    the replay gets the same code (``_code_for``), unless the code was replaced since (a lost code
    recovered) or ``issuer`` (the system that sent it) differs; after that, no code.
    """
    today = today or timezone.localdate()
    code = _code_for(submission_token, issuer)
    # A citizen's own report without attachments, on PostgreSQL: one statement (decision 0018).
    one_statement = (
        connection.vendor == "postgresql"
        and not files
        and entered_by is None
        and _history_user() is None
    )
    for _attempt in range(3):
        number = f"LP-{_code(4)}-{_code(4)}"
        try:
            # A single statement is atomic by itself; inside a caller's transaction it gets a
            # savepoint, so that a refused insert leaves that transaction usable.
            guard = (
                transaction.atomic()
                if not one_statement or connection.in_atomic_block
                else nullcontext()
            )
            with guard:
                complaint = _create(
                    data=data,
                    files=files,
                    number=number,
                    code=code,
                    token=submission_token,
                    channel=channel,
                    entered_by=entered_by,
                    today=today,
                    one_statement=one_statement,
                )
            break
        except IntegrityError:
            existing = Complaint.objects.filter(submission_token=submission_token).first()
            if existing is not None:
                recent = existing.created_at >= timezone.now() - timedelta(hours=REPLAY_HOURS)
                same = recent and check_access_code(existing, code)
                return existing, code if same else None, False
    else:
        raise RuntimeError("Could not draw a free tracking number.")
    acknowledge_to = (data.get("reporter_email") or "").strip()
    if acknowledge_to:
        from ..tasks import send_acknowledgement

        transaction.on_commit(
            lambda: background.dispatch(
                send_acknowledgement, complaint.pk, code, email=acknowledge_to
            )
        )
    events.complaint_created(complaint)  # queued on commit
    return complaint, code, True


def _create(
    *, data, files, number, code, token, channel, entered_by, today, one_statement=False
) -> Complaint:
    unit = data.get("unit")
    happened_on = data.get("happened_on")
    chain = agency_chain(unit, data.get("agency"))
    policy = policy_for(service=data.get("service"), chain=chain)
    category = data.get("category")
    integrity = bool(data.get("integrity")) or bool(category is not None and category.integrity)
    queue, queue_agency_id = route(unit=unit, agency=data.get("agency"), integrity=integrity)
    complaint = Complaint(
        tracking_number=number,
        access_code_hash=_hash_code(number, code),
        submission_token=token,
        kind=data["kind"],
        channel=channel,
        unit=unit,
        service=data.get("service"),
        agency=data.get("agency"),
        category=category,
        integrity=integrity,
        queue=queue,
        queue_agency_id=queue_agency_id,
        subject=data["subject"],
        description=data["description"],
        happened_on=happened_on,
        remedy=data.get("remedy", ""),
        late=bool(happened_on and (today - happened_on).days > LATE_AFTER_DAYS),
        # An anonymous reporter's identity is not kept at all, not even in the history
        # (decision 0025); the acknowledgement mail goes once to the address given.
        reporter_name="" if data.get("anonymous") else data.get("reporter_name", ""),
        reporter_email="" if data.get("anonymous") else data.get("reporter_email", ""),
        reporter_phone="" if data.get("anonymous") else data.get("reporter_phone", ""),
        anonymous=data.get("anonymous", False),
        # An integrity report is never listed in public (it names staff and a wrongdoing).
        confidential=bool(data.get("confidential", False)) or integrity,
        original_message=data.get("original_message", ""),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        external_reference=data.get("external_reference", ""),
        entered_by=entered_by,
        verify_due=add_working_days(today, policy.verify_working_days, days_off_for(chain=chain)),
    )
    if one_statement:
        _insert_received(complaint)
        # One statement sends no post_save: the pages showing reports are renewed here.
        httpcache.bump(sender=Complaint)
        return complaint
    complaint.save(force_insert=True)
    for upload, content_type, digest in files:
        attachment = Attachment(
            complaint=complaint,
            original_name=upload.name[:200],
            content_type=content_type,
            size=upload.size,
            sha256=digest,
        )
        attachment.file.save(upload.name[-80:], upload, save=False)
        attachment.save()
    _record(complaint, actor=entered_by, action="received", public=True)
    return complaint


def _history_user():
    """The signed-in user simple_history would record for a change made now, or None."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@functools.cache
def _received_tail() -> str:
    """The part of ``_insert_received`` after the report's INSERT; only names from the models,
    every value is a parameter."""
    history = Complaint.history.model
    complaint_columns = {f.column for f in Complaint._meta.local_concrete_fields}
    copied = ", ".join(
        connection.ops.quote_name(f.column)
        for f in history._meta.local_concrete_fields
        if f.column in complaint_columns
    )
    history_table = connection.ops.quote_name(history._meta.db_table)
    event_table = connection.ops.quote_name(Event._meta.db_table)
    return f""",
history AS (
    INSERT INTO {history_table} ({copied}, history_date, history_change_reason, history_type,
                                  history_user_id)
    SELECT {copied}, %s, NULL, '+', NULL FROM new_complaint
), received AS (
    INSERT INTO {event_table}
        (complaint_id, "at", actor_id, action, from_status, to_status, unit_id, note, public)
    SELECT id, %s, NULL, 'received', '', status, unit_id, '', true FROM new_complaint
)
SELECT id FROM new_complaint"""  # noqa: S608 (identifiers from the models, values as parameters)


def _insert_received(complaint: Complaint) -> None:
    """PostgreSQL: insert the report, its first history record (as simple_history writes it for
    an anonymous change) and its public "received" event in one statement. The report's INSERT
    is Django's own (so every field is converted as ``save()`` would); the other two copy its
    RETURNING row. A test checks that the rows equal those of the ORM path."""
    fields = [f for f in Complaint._meta.local_concrete_fields if not f.primary_key]
    query = InsertQuery(Complaint)
    query.insert_values(fields, [complaint])
    compiler = query.get_compiler(connection=connection)
    compiler.returning_fields = Complaint._meta.local_concrete_fields
    [(insert, params)] = compiler.as_sql()
    sql = f"WITH new_complaint AS ({insert}){_received_tail()}"
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, now, now])
        complaint.pk = cursor.fetchone()[0]
    complaint._state.adding = False
    complaint._state.db = connection.alias


def new_submission_token() -> uuid.UUID:
    return uuid.uuid4()
