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
