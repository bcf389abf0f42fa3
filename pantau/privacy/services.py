"""Retention: personal fields blanked once their purpose is served (registry.REGISTRY)."""

import calendar
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .registry import REGISTRY, PersonalFields


@dataclass
class RetentionResult:
    entry: PersonalFields
    months: int
    cutoff: datetime
    ids: list[int] = field(default_factory=list)
    history_rows: int = 0


def months_before(moment: datetime, months: int) -> datetime:
    """``moment`` moved back by whole calendar months (the 31st becomes the month's last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _due(entry: PersonalFields, cutoff: datetime) -> QuerySet:
    """Records whose personal fields are due to be blanked: the purpose ended before ``cutoff``
    and something is still there to blank."""
    model = apps.get_model(entry.model)
    ended = Q(**{f"{entry.retention_after}__lt": cutoff})
    if entry.model == "complaints.Complaint":
        # An archived report may never have been closed: its last change ends its purpose.
        ended |= Q(status="archived", updated_at__lt=cutoff)
    still_there = Q()
    for name in entry.fields:
        still_there |= ~Q(**{name: ""})
    return model.objects.filter(ended).filter(still_there)


def apply_retention(*, dry_run: bool, now: datetime | None = None) -> list[RetentionResult]:
    """Blank the personal fields of every registry entry that has a retention period, in the
    records and in their history (django-simple-history keeps every earlier version).

    With ``dry_run`` nothing changes and the result says what would. One transaction per run.
    """
    now = now or timezone.now()
    results: list[RetentionResult] = []
    with transaction.atomic():
        for entry in REGISTRY:
            if not entry.retention_setting:
                continue
            months = int(getattr(settings, entry.retention_setting))
            cutoff = months_before(now, months)
            result = RetentionResult(entry=entry, months=months, cutoff=cutoff)
            result.ids = sorted(_due(entry, cutoff).values_list("pk", flat=True))
            model = apps.get_model(entry.model)
            history = getattr(model, "history", None)
            blanks = dict.fromkeys(entry.fields, "")
            if history is not None:
                history_rows = history.model.objects.filter(id__in=result.ids)
                result.history_rows = history_rows.count()
            if not dry_run and result.ids:
                # update(): no new history version carrying the data, no save() side effects.
                model.objects.filter(pk__in=result.ids).update(**blanks)
                if history is not None:
                    history.model.objects.filter(id__in=result.ids).update(**blanks)
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
                **{name: getattr(complaint, name) for name in fields},
            }
        )
        log_personal_data_access(
            actor=actor,
            unit=complaint.unit,
            kind="export",
            record=complaint.tracking_number,
            purpose=f"data subject request {request.pk}",
        )
    return {"request": request.pk, "kind": request.kind, "reports": reports}


@transaction.atomic
def erase_person(*, actor, request) -> int:
    """Blank the person's identity and contact on their reports and in their history; returns
    how many reports were changed."""
    from .registry import entries_for

    fields = [name for entry in entries_for("complaints.Complaint") for name in entry.fields]
    reports = find_person(name=request.name, email=request.email, phone=request.phone)
    ids = list(reports.values_list("pk", flat=True))
    Complaint = apps.get_model("complaints", "Complaint")

    blanks = dict.fromkeys(fields, "")
    Complaint.objects.filter(pk__in=ids).update(**blanks)
    Complaint.history.model.objects.filter(id__in=ids).update(**blanks)
    return len(ids)
