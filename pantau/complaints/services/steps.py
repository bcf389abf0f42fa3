"""The workflow steps: one service per transition of the table (pantau.complaints.workflow), around a shared lock-and-check (_begin) and finish (_finish); transition() runs a step named as data."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.analytics.workdays import add_working_days
from pantau.common import audit, background

from .. import events
from ..models import Complaint, Status
from ..permissions import can_assign, can_coordinate, can_handle
from ..routing import route
from ..selectors import days_off_for, policy_for
from ..workflow import COMPLAINT_WORKFLOW, REPORTER_ACTIONS, RETURNS_TO_PREVIOUS, roles_for
from .followers import notify_followers
from .reports import _record

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
    from ..workflow import COORDINATOR, HEAD

    if complaint.status != Status.VERIFIED or roles & {HEAD, COORDINATOR}:
        return False
    return policy_for(complaint.unit, complaint.agency, complaint.service).requires_disposal


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
        from ..tasks import send_status_update

        transaction.on_commit(lambda: background.dispatch(send_status_update, complaint.pk))
    if public:
        notify_followers(complaint)  # those who follow its public page, on commit
    events.complaint_status_changed(
        complaint, before=step.before, action=step.action, previous_unit_id=step.previous_unit_id
    )  # queued on commit
    if officer is not None and officer.email:
        from ..tasks import send_assignment

        transaction.on_commit(
            lambda: background.dispatch(send_assignment, complaint.pk, officer.pk)
        )
    return complaint


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
