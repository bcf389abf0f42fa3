"""Retention: personal fields blanked once their purpose is served (registry.REGISTRY)."""

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .registry import REGISTRY, PersonalFields, Unconfirmed


@dataclass
class RetentionResult:
    entry: PersonalFields
    months: int | None  # None for the unconfirmed sign-ups' rule, counted in days
    cutoff: datetime
    ids: list[int] = field(default_factory=list)
    history_rows: int = 0
    rule: str = ""  # which rule ended the purpose, for the command's report


def months_before(moment: datetime, months: int) -> datetime:
    """``moment`` moved back by whole calendar months (the 31st becomes the month's last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _model_at(model, path: str):
    """The model a lookup path ("complaint", "complaint__unit") reaches from ``model``."""
    for name in filter(None, path.split("__")):
        model = model._meta.get_field(name).related_model
    return model


def _ended(entry: PersonalFields, cutoff: datetime) -> Q:
    """The purpose ended before ``cutoff``: the ``retention_after`` moment, on the record or
    through a relation, is older."""
    after = entry.retention_after or ""
    ended = Q(**{f"{after}__lt": cutoff})
    path, _sep, last = after.rpartition("__")
    prefix = f"{path}__" if path else ""
    reached = _model_at(apps.get_model(entry.model), path)
    if last == "closed_at" and reached._meta.label == "complaints.Complaint":
        # An archived report may never have been closed: its last change ends its purpose.
        ended |= Q(**{f"{prefix}status": "archived", f"{prefix}updated_at__lt": cutoff})
    return ended


def _due(entry: PersonalFields, cutoff: datetime) -> QuerySet:
    """Records whose personal data is due to be erased: the purpose ended before ``cutoff`` and,
    for blanking, something is still there to blank."""
    model = apps.get_model(entry.model)
    due = model.objects.filter(_ended(entry, cutoff))
    if entry.erase == "delete":
        return due
    still_there = Q()
    for name, blank in blank_values(model, entry.fields).items():
        still_there |= Q(**{f"{name}__isnull": False}) if blank is None else ~Q(**{name: ""})
    return due.filter(still_there)


def _unconfirmed(
    entry: PersonalFields, rule: Unconfirmed, now: datetime, skip: list[int]
) -> RetentionResult:
    """Sign-ups never confirmed within their days (``entry.unconfirmed``)."""
    days = int(getattr(settings, rule.days_setting))
    cutoff = now - timedelta(days=days)
    result = RetentionResult(
        entry=entry,
        months=None,
        cutoff=cutoff,
        rule=f"not confirmed {days} days after {rule.since}",
    )
    pending = apps.get_model(entry.model).objects.filter(
        **{f"{rule.confirmed}__isnull": True, f"{rule.since}__lt": cutoff}
    )
    result.ids = sorted(pending.exclude(pk__in=skip).values_list("pk", flat=True))
    return result


def blank_values(model, fields) -> dict:
    """What erasing ``fields`` writes: "" in a text field, NULL in a nullable one (a point)."""
    return {name: None if model._meta.get_field(name).null else "" for name in fields}


def _exported(value):
    """A value of the export as JSON carries it: a decimal (a point) as text."""
    from decimal import Decimal

    return str(value) if isinstance(value, Decimal) else value


def _erase(result: RetentionResult, *, dry_run: bool) -> None:
    """Blank the fields (or delete the records) of ``result.ids``, and in their history too."""
    entry = result.entry
    model = apps.get_model(entry.model)
    history = getattr(model, "history", None)
    if history is not None:
        result.history_rows = history.model.objects.filter(id__in=result.ids).count()
    if dry_run or not result.ids:
        return
    # update()/delete() on querysets: no new history version carrying the data, no save() effects.
    if entry.erase == "delete":
        model.objects.filter(pk__in=result.ids).delete()
        if history is not None:
            history.model.objects.filter(id__in=result.ids).delete()
        return
    blanks = blank_values(model, entry.fields)
    model.objects.filter(pk__in=result.ids).update(**blanks)
    if history is not None:
        history.model.objects.filter(id__in=result.ids).update(**blanks)


def apply_retention(*, dry_run: bool, now: datetime | None = None) -> list[RetentionResult]:
    """Erase the personal data of every registry entry that has a retention period, in the
    records and in their history (django-simple-history keeps every earlier version): blanked,
    or for an entry with ``erase="delete"`` the records deleted; and sign-ups never confirmed.

    With ``dry_run`` nothing changes and the result says what would. One transaction per run.
    """
    now = now or timezone.now()
    results: list[RetentionResult] = []
    with transaction.atomic():
        for entry in REGISTRY:
            done: list[int] = []
            if entry.retention_setting:
                months = int(getattr(settings, entry.retention_setting))
                cutoff = months_before(now, months)
                result = RetentionResult(
                    entry=entry,
                    months=months,
                    cutoff=cutoff,
                    rule=f"kept {months} months after {entry.retention_after}",
                )
                result.ids = sorted(_due(entry, cutoff).values_list("pk", flat=True))
                _erase(result, dry_run=dry_run)
                results.append(result)
                done = result.ids
            if entry.unconfirmed:
                result = _unconfirmed(entry, entry.unconfirmed, now, done)
                _erase(result, dry_run=dry_run)
                results.append(result)
    return results


def log_personal_data_access(*, actor, unit, kind: str, record: str, purpose: str):
    """Record that ``actor`` saw (or exported) a person's identity in ``record`` of ``unit``."""
    from .models import PersonalDataAccess

    return PersonalDataAccess.objects.create(
        actor=actor, unit=unit, kind=kind, record=record[:80], purpose=purpose[:200]
    )


def _digits(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    return "0" + digits[2:] if digits.startswith("62") else digits


def find_person(*, name: str = "", email: str = "", phone: str = "") -> QuerySet:
    """The reports whose reporter matches the e-mail address or telephone number (any format),
    or the exact name when neither is given."""
    Complaint = apps.get_model("complaints", "Complaint")  # by its registry label: no import cycle

    match = Q(pk__in=[])
    if email:
        match |= Q(reporter_email__iexact=email.strip())
    if phone and len(_digits(phone)) >= 8:
        wanted = _digits(phone)
        candidates = Complaint.objects.exclude(reporter_phone="").values_list(
            "pk", "reporter_phone"
        )
        match |= Q(pk__in=[pk for pk, number in candidates if _digits(number) == wanted])
    if name and not email and not phone:
        match |= Q(reporter_name__iexact=name.strip())
    return Complaint.objects.filter(match).select_related("unit")


def export_person(*, actor, request) -> dict:
    """Everything Pantau holds about the person of ``request`` (a SubjectRequest), as data; the
    export is logged as an access to personal data."""
    from .registry import entries_for

    fields = [name for entry in entries_for("complaints.Complaint") for name in entry.fields]
    reports = []
    for complaint in find_person(name=request.name, email=request.email, phone=request.phone):
        reports.append(
            {
                "tracking_number": complaint.tracking_number,
                "created_at": complaint.created_at.isoformat(),
                "unit": complaint.unit.name if complaint.unit else None,
                "subject": complaint.subject,
                "description": complaint.description,
                "status": complaint.status,
                **{name: _exported(getattr(complaint, name)) for name in fields},
            }
        )
        log_personal_data_access(
            actor=actor,
            unit=complaint.unit,
            kind="export",
            record=complaint.tracking_number,
            purpose=f"data subject request {request.pk}",
        )
    follows = [
        {
            "tracking_number": follower.complaint.tracking_number,
            "email": follower.email,
            "asked_at": follower.asked_at.isoformat(),
            "confirmed_at": follower.confirmed_at.isoformat() if follower.confirmed_at else None,
        }
        for follower in _follows(request.email).select_related("complaint")
    ]
    return {"request": request.pk, "kind": request.kind, "reports": reports, "follows": follows}


def _follows(email: str) -> QuerySet:
    """The public reports the address follows (or asked to follow)."""
    ReportFollower = apps.get_model("complaints", "ReportFollower")
    if not email.strip():
        return ReportFollower.objects.none()
    return ReportFollower.objects.filter(email__iexact=email.strip())


@transaction.atomic
def erase_person(*, actor, request) -> int:
    """Blank the person's identity and contact on their reports and in their history, and
    delete the follows of their e-mail address; returns how many reports were changed."""
    from .registry import entries_for

    fields = [name for entry in entries_for("complaints.Complaint") for name in entry.fields]
    reports = find_person(name=request.name, email=request.email, phone=request.phone)
    ids = list(reports.values_list("pk", flat=True))
    Complaint = apps.get_model("complaints", "Complaint")

    blanks = blank_values(Complaint, fields)
    Complaint.objects.filter(pk__in=ids).update(**blanks)
    Complaint.history.model.objects.filter(id__in=ids).update(**blanks)
    _follows(request.email).delete()
    return len(ids)
