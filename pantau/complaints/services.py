"""Complaint desk actions. The workflow is an explicit transition table; each transition is one
service that checks the permission, moves the status, sets deadlines and records an Event."""

import functools
import secrets
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from pantau.analytics.workdays import add_working_days
from pantau.common import audit, background

from . import events
from .models import Attachment, Complaint, Event, Status
from .permissions import can_assign, can_coordinate, can_handle
from .routing import route
from .selectors import agency_chain, categories_for, days_off_for, policy_for
from .workflow import COMPLAINT_WORKFLOW, REPORTER_ACTIONS, RETURNS_TO_PREVIOUS, roles_for

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LATE_AFTER_DAYS = 30  # UU 25/2009 Pasal 42(2)

# The workflow as data (pantau.complaints.workflow): action -> (statuses it may start from,
# status it leads to; None = back to where it was before being postponed).
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    t.name: (t.sources, None if t.name in RETURNS_TO_PREVIOUS else t.target)
    for t in COMPLAINT_WORKFLOW.transitions
}


def allowed_actions(complaint: Complaint, user=None) -> list[str]:
    """Steps the report's status allows; with ``user``, only those that user may take."""
    if user is None:
        return [a for a, (sources, _target) in TRANSITIONS.items() if complaint.status in sources]
    roles = roles_for(user, complaint)
    actions = [t.name for t in COMPLAINT_WORKFLOW.available(complaint.status, roles)]
    if complaint.integrity:
        actions = [a for a in actions if a not in ("assign", "forward")]
    if _waits_for_disposal(complaint, roles):
        actions = [a for a in actions if a not in ("start", "answer")]
    return actions


def _waits_for_disposal(complaint: Complaint, roles: set[str]) -> bool:
    """The agency's policy makes officers wait for the head's disposition of a verified report."""
    from .workflow import COORDINATOR, HEAD

    if complaint.status != Status.VERIFIED or roles & {HEAD, COORDINATOR}:
        return False
    return policy_for(complaint.unit, complaint.agency, complaint.service).requires_disposal


def _code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


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
) -> tuple[Complaint, str | None, bool]:
    """Save a report with its attachments in one transaction. Returns (report, access code, created).

    The access code is shown once (and e-mailed when an address is given); only its keyed hash is
    stored. The same ``submission_token`` again returns the first report and no code: the unique
    constraint refuses the second insert, so the common path needs no look-up first.
    """
    today = today or timezone.localdate()
    code = _code(8)
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
                return existing, None, False
    else:
        raise RuntimeError("Could not draw a free tracking number.")
    acknowledge_to = (data.get("reporter_email") or "").strip()
    if acknowledge_to:
        from .tasks import send_acknowledgement

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
        entered_by=entered_by,
        verify_due=add_working_days(today, policy.verify_working_days, days_off_for(chain=chain)),
    )
    if one_statement:
        _insert_received(complaint)
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


@dataclass
class _Step:
    """One workflow step under way: the report locked, where it stood, and the note to record."""

    actor: Any
    complaint: Complaint
    action: str
    today: date
    note: str
    before: str
    previous_unit_id: int | None
    reporter_step: bool


# Steps whose event the reporter sees on the tracking page (every staff step but a note).
PUBLIC_STEPS = frozenset(
    {
        "verify",
        "assign",
        "start",
        "answer",
        "close",
        "postpone",
        "resume",
        "forward",
        "archive",
        "reopen",
    }
)


def _begin(
    *,
    actor,
    complaint: Complaint,
    action: str,
    note: str,
    today,
    may: Callable[[Complaint], bool] | None = None,
) -> _Step:
    """Lock the report and check the step: the table, the actor's right and role (a reporter's
    step is authorised by the access code in the view), the disposal rule, integrity reports."""
    complaint = (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("unit", "unit__agency")
        .get(pk=complaint.pk)
    )
    sources, _target = TRANSITIONS[action]
    if complaint.status not in sources:
        raise ValidationError(
            _("A report that is “%(status)s” cannot take this step.")
            % {"status": complaint.get_status_display()}
        )
    reporter_step = action in REPORTER_ACTIONS
    if not reporter_step:
        if not can_handle(actor, complaint) or (may is not None and not may(complaint)):
            raise PermissionDenied
        COMPLAINT_WORKFLOW.check(
            action,
            complaint.status,
            roles_for(actor, complaint),
            message=_("Your role towards this report does not allow this step."),
        )
        if action in ("start", "answer") and _waits_for_disposal(
            complaint, roles_for(actor, complaint)
        ):
            raise ValidationError(
                _(
                    "Your agency asks officers to wait for the unit head's disposition before "
                    "starting follow-up on a report."
                )
            )
        if complaint.integrity and action in ("assign", "forward"):
            raise ValidationError(
                _(
                    "An integrity report stays with the internal supervisor who received it; it "
                    "is never sent to the unit it is about."
                )
            )
    return _Step(
        actor=actor,
        complaint=complaint,
        action=action,
        today=today or timezone.localdate(),
        note=note,
        before=complaint.status,
        previous_unit_id=complaint.unit_id,
        reporter_step=reporter_step,
    )


def _finish(step: _Step, *, officer=None) -> Complaint:
    """Move the status, save, record the event, and tell the reporter, the officer and the
    subscribers (all on commit)."""
    complaint = step.complaint
    if step.action in RETURNS_TO_PREVIOUS:
        complaint.status = complaint.postponed_from or Status.RECEIVED
        _resume_deadlines(complaint, step.today)
        complaint.postponed_from = ""
        complaint.postponed_on = None
    else:
        if step.before == Status.POSTPONED:  # archived while waiting
            complaint.postponed_on = None
        complaint.status = TRANSITIONS[step.action][1]  # type: ignore[assignment]
    audit.attribute_to(complaint, step.actor)
    complaint.save()
    public = step.action in PUBLIC_STEPS
    _record(
        complaint,
        actor=step.actor,
        action=step.action,
        from_status=step.before,
        note=step.note,
        public=public or step.reporter_step,
    )
    if public and complaint.reporter_email:
        from .tasks import send_status_update

        transaction.on_commit(lambda: background.dispatch(send_status_update, complaint.pk))
    events.complaint_status_changed(
        complaint, before=step.before, action=step.action, previous_unit_id=step.previous_unit_id
    )  # queued on commit
    if officer is not None and officer.email:
        from .tasks import send_assignment

        transaction.on_commit(
            lambda: background.dispatch(send_assignment, complaint.pk, officer.pk)
        )
    return complaint


# --- One service per step --------------------------------------------------------------------


@transaction.atomic
def verify(*, actor, complaint: Complaint, note: str = "", today=None) -> Complaint:
    """The report is complete and within authority: the resolution clock starts."""
    step = _begin(actor=actor, complaint=complaint, action="verify", note=note, today=today)
    c = step.complaint
    policy = policy_for(c.unit, c.agency, c.service)
    c.resolution_due = step.today + timedelta(days=policy.resolution_days)
    return _finish(step)


def _send_to_unit(step: _Step, *, unit, officer) -> None:
    """Assigning and forwarding: the unit must be one the actor may send to, the officer one of
    its people; the answer's clock restarts with the unit's policy."""
    c = step.complaint
    if unit is None:
        raise ValidationError(_("Choose the unit that can act on the report."))
    if not forward_targets(step.actor, c).filter(pk=unit.pk).exists():
        if can_coordinate(step.actor, c):
            raise ValidationError(
                _("This unit is outside your area; ask the national complaint coordinator.")
            )
        raise ValidationError(
            _(
                "You can forward only to units of the same government or agency; ask the coordinator."
            )
        )
    if officer is not None and not unit.memberships.filter(user=officer).exists():
        raise ValidationError(_("The officer must work in the chosen unit."))
    if c.service is not None and c.service.unit_id != unit.pk:
        c.service = None  # a service belongs to one unit
    c.unit = unit
    c.assigned_to = officer
    c.queue, c.queue_agency_id = route(unit=unit)
    policy = policy_for(unit=unit, service=c.service)
    c.response_due = add_working_days(
        step.today, policy.response_working_days, days_off_for(unit=unit)
    )


@transaction.atomic
def assign(
    *, actor, complaint: Complaint, unit, officer=None, note: str = "", today=None
) -> Complaint:
    """The unit head or a coordinator gives the report to a unit (and an officer of it)."""
    step = _begin(
        actor=actor,
        complaint=complaint,
        action="assign",
        note=note,
        today=today,
        may=lambda locked: can_assign(actor, locked, unit),
    )
    _send_to_unit(step, unit=unit, officer=officer)
    return _finish(step, officer=officer)


@transaction.atomic
def forward(
    *, actor, complaint: Complaint, unit, officer=None, note: str = "", today=None
) -> Complaint:
    """Not this unit's authority: the report goes to the unit that can act, with the reason."""
    step = _begin(actor=actor, complaint=complaint, action="forward", note=note, today=today)
    if unit is not None and not note.strip():
        raise ValidationError(_("Say why the report is forwarded."))
    _send_to_unit(step, unit=unit, officer=officer)
    return _finish(step, officer=officer)


@transaction.atomic
def start(*, actor, complaint: Complaint, note: str = "", today=None) -> Complaint:
    step = _begin(actor=actor, complaint=complaint, action="start", note=note, today=today)
    c = step.complaint
    c.first_response_at = c.first_response_at or timezone.now()
    return _finish(step)


@transaction.atomic
def answer(*, actor, complaint: Complaint, note: str, today=None) -> Complaint:
    """The answer the reporter reads (required)."""
    step = _begin(actor=actor, complaint=complaint, action="answer", note=note, today=today)
    if not note.strip():
        raise ValidationError(_("Write the answer the reporter will read."))
    c = step.complaint
    c.answered_at = timezone.now()
    c.first_response_at = c.first_response_at or c.answered_at
    return _finish(step)


@transaction.atomic
def close(*, actor, complaint: Complaint, note: str = "", today=None) -> Complaint:
    step = _begin(actor=actor, complaint=complaint, action="close", note=note, today=today)
    step.complaint.closed_at = timezone.now()
    return _finish(step)


@transaction.atomic
def postpone(*, actor, complaint: Complaint, note: str, today=None) -> Complaint:
    """Waiting for the reporter: the clocks stop until the report resumes."""
    step = _begin(actor=actor, complaint=complaint, action="postpone", note=note, today=today)
    if not note.strip():
        raise ValidationError(_("Say what the reporter must add."))
    step.complaint.postponed_from = step.before
    step.complaint.postponed_on = step.today
    return _finish(step)


@transaction.atomic
def resume(*, actor, complaint: Complaint, note: str, today=None) -> Complaint:
    """The reporter answered outside Pantau; the officer says what came and how."""
    step = _begin(actor=actor, complaint=complaint, action="resume", note=note, today=today)
    if not note.strip():
        raise ValidationError(_("Say what the reporter sent and how (telephone, letter, visit)."))
    return _finish(step)


@transaction.atomic
def reporter_reply(*, complaint: Complaint, note: str = "", actor=None, today=None) -> Complaint:
    """The reporter adds what was asked (authorised by the access code in the view)."""
    step = _begin(actor=actor, complaint=complaint, action="reporter_reply", note=note, today=today)
    return _finish(step)


@transaction.atomic
def archive(
    *,
    actor,
    complaint: Complaint,
    reason: str,
    duplicate_of: Complaint | None = None,
    note: str = "",
    today=None,
) -> Complaint:
    """Not followed up (spam, a duplicate, outside government, too general). A duplicate links
    to the first report of its chain (the caller has checked the actor may see it)."""
    step = _begin(actor=actor, complaint=complaint, action="archive", note=note, today=today)
    c = step.complaint
    if reason not in Complaint.ArchiveReason.values:
        raise ValidationError(_("Choose why the report is archived."))
    c.archive_reason = reason
    if reason == Complaint.ArchiveReason.DUPLICATE:
        if duplicate_of is None:
            raise ValidationError(_("Give the tracking number of the report this one repeats."))
        original = duplicate_of.duplicate_of or duplicate_of
        if original.pk == c.pk:
            raise ValidationError(_("A report cannot be a duplicate of itself."))
        c.duplicate_of = original
        step.note = note.strip() or _("The same matter is followed up in report %(number)s.") % {
            "number": original.tracking_number
        }
    return _finish(step)


@transaction.atomic
def reopen(*, complaint: Complaint, note: str = "", actor=None, today=None) -> Complaint:
    """The reporter is not satisfied with the answer: once."""
    step = _begin(actor=actor, complaint=complaint, action="reopen", note=note, today=today)
    if step.complaint.reopened:
        raise ValidationError(_("A report can be reopened once."))
    step.complaint.reopened = True
    return _finish(step)


def transition(
    *,
    actor,
    complaint: Complaint,
    action: str,
    note: str = "",
    unit=None,
    officer=None,
    reason: str = "",
    duplicate_of: Complaint | None = None,
    today=None,
) -> Complaint:
    """Run the step named ``action`` (for the pages and the API, which take the action as data)
    through its own service above. Raises ValidationError for a step the table does not allow."""
    common = {"actor": actor, "complaint": complaint, "note": note, "today": today}
    if action in ("assign", "forward"):
        return STEPS[action](**common, unit=unit, officer=officer)
    if action == "archive":
        return archive(**common, reason=reason, duplicate_of=duplicate_of)
    if action in STEPS:
        return STEPS[action](**common)
    raise ValidationError(_("Unknown action."))


STEPS: dict[str, Callable[..., Complaint]] = {
    "verify": verify,
    "assign": assign,
    "forward": forward,
    "start": start,
    "answer": answer,
    "close": close,
    "postpone": postpone,
    "resume": resume,
    "reporter_reply": reporter_reply,
    "archive": archive,
    "reopen": reopen,
}


def _resume_deadlines(complaint: Complaint, today) -> None:
    """The clocks stop while the report waits for the reporter: every deadline still ahead when
    it was postponed moves by the days waited."""
    if complaint.postponed_on is None:
        return
    waited = timedelta(days=max(0, (today - complaint.postponed_on).days))
    for name in ("verify_due", "response_due", "resolution_due"):
        due = getattr(complaint, name)
        if due is not None and due >= complaint.postponed_on:
            setattr(complaint, name, due + waited)


def forward_targets(actor, complaint: Complaint):
    """Units the actor may assign or forward this report to: anywhere in a coordinator's scope,
    else the units of the same government or agency tree (what ``transition`` accepts)."""
    from pantau.organisations.models import ServiceUnit
    from pantau.organisations.selectors import (
        agency_ancestor_ids,
        agency_subtree_ids,
        visible_units,
    )

    if complaint.integrity:
        return ServiceUnit.objects.none()
    if can_coordinate(actor, complaint):
        units = visible_units(actor).filter(is_active=True)
    elif complaint.unit_id is None:
        return ServiceUnit.objects.none()
    else:
        assert complaint.unit is not None  # noqa: S101 - unit_id was checked just above
        root = agency_ancestor_ids(complaint.unit.agency_id)[-1]
        units = ServiceUnit.objects.filter(
            is_active=True, agency_id__in=agency_subtree_ids({root})
        ).select_related("agency")
    return units.order_by("agency__name", "name")


@transaction.atomic
def categorise(*, actor, complaint: Complaint, category, tags: list[str]) -> Complaint:
    """Set a report's category and internal tags (never shown to the public or the reporter)."""
    if not can_handle(actor, complaint):
        raise PermissionDenied
    if (
        category is not None
        and not categories_for(complaint.unit, complaint.agency).filter(pk=category.pk).exists()
    ):
        raise ValidationError(_("This category does not apply to the report's unit."))
    before = complaint.category
    complaint.category = category
    audit.attribute_to(complaint, actor)
    complaint.save(update_fields=["category", "updated_at"])
    complaint.tags.set(sorted({t.strip()[:100] for t in tags if t.strip()}))
    if before != category:
        Event.objects.create(
            complaint=complaint,
            actor=actor,
            action="categorised",
            from_status=complaint.status,
            to_status=complaint.status,
            unit=complaint.unit,
            note=str(category) if category else "",
            public=False,
        )
    return complaint


@transaction.atomic
def approve_public_summary(*, actor, complaint: Complaint, summary: str) -> list:
    """Set what the public reads of the report (issue 15). Returns what in it still looks like
    personal data, for the officer to see; the public pages mask it in any case."""
    from pantau.common.personal_data import find_personal_data

    from .public_text import reporter_names

    if not can_handle(actor, complaint):
        raise PermissionDenied
    summary = " ".join(summary.split())
    if not summary:
        raise ValidationError(_("Write the public summary."))
    if len(summary) > 200:
        raise ValidationError(_("The public summary has at most 200 characters."))
    complaint.public_summary = summary
    complaint.public_summary_by = actor
    complaint.public_summary_at = timezone.now()
    audit.attribute_to(complaint, actor)
    complaint.save(
        update_fields=["public_summary", "public_summary_by", "public_summary_at", "updated_at"]
    )
    Event.objects.create(
        complaint=complaint,
        actor=actor,
        action="summarised",
        from_status=complaint.status,
        to_status=complaint.status,
        unit=complaint.unit,
        note=summary,
        public=False,
    )
    return find_personal_data(summary, names=reporter_names(complaint))


@transaction.atomic
def add_note(*, actor, complaint: Complaint, note: str, public: bool) -> Event:
    if not can_handle(actor, complaint):
        raise PermissionDenied
    if not note.strip():
        raise ValidationError(_("Write the note."))
    return Event.objects.create(
        complaint=complaint,
        actor=actor,
        action="note",
        from_status=complaint.status,
        to_status=complaint.status,
        unit=complaint.unit,
        note=note.strip(),
        public=public,
    )


@transaction.atomic
def rate_resolution(*, complaint: Complaint, rating: int, comment: str) -> Complaint:
    if complaint.status not in (Status.ANSWERED, Status.CLOSED):
        raise ValidationError(_("A report can be rated once it is answered."))
    if not 1 <= rating <= 5:
        raise ValidationError(_("Give a rating from 1 to 5."))
    complaint.rating, complaint.rating_comment = rating, comment.strip()
    complaint.save(update_fields=["rating", "rating_comment", "updated_at"])
    Event.objects.create(
        complaint=complaint,
        action="rated",
        from_status=complaint.status,
        to_status=complaint.status,
        unit=complaint.unit,
        note="",
        public=True,
    )
    return complaint


def new_submission_token() -> uuid.UUID:
    return uuid.uuid4()
