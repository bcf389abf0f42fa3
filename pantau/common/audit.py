"""Audit trail: which models are audited and how their history reaches a service unit.

Audited models carry ``history = HistoricalRecords()`` (django-simple-history), which records who
changed what and when. Each app registers its audited models here with the lookup from a
historical row to the unit it belongs to, so the unit head's audit page shows them all together.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Model


@dataclass(frozen=True)
class AuditSource:
    model: type[Model]
    unit_lookup: str  # e.g. "id" for the unit itself, "unit_id" for a service


@dataclass(frozen=True)
class AuditEntry:
    when: datetime
    who: Any
    action: str  # "+", "~" or "-" as simple-history records it
    model_name: str
    object_repr: str
    changes: list[tuple[str, Any, Any]]


_SOURCES: list[AuditSource] = []


def register(model: type[Model], *, unit_lookup: str) -> None:
    if not any(source.model is model for source in _SOURCES):
        _SOURCES.append(AuditSource(model=model, unit_lookup=unit_lookup))


def audited_models() -> list[type[Model]]:
    return [source.model for source in _SOURCES]


def _shown(field, value) -> Any:
    """A value as people read it: a choice's label ("Selesai", not "done"), a date or time in
    local time without microseconds (issue 17)."""
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        from django.utils import timezone
        from django.utils.formats import date_format

        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(local, "j F Y H.i")
    return value


def _changes(record, previous) -> list[tuple[str, Any, Any]]:
    if previous is None:
        return []
    delta = record.diff_against(previous)
    fields = {f.name: f for f in record.instance_type._meta.fields}
    return [
        (
            str(fields[c.field].verbose_name if c.field in fields else c.field),
            _shown(fields.get(c.field), c.old),
            _shown(fields.get(c.field), c.new),
        )
        for c in delta.changes
    ]


def _object_repr(record) -> str:
    """The object's own name (its ``__str__``), without simple_history's " as of <timestamp>"
    (which already builds that name, so this costs no extra query)."""
    return str(record).rsplit(" as of ", 1)[0]


def unit_history(unit_id: int, *, limit: int = 100) -> list[AuditEntry]:
    """The latest ``limit`` changes to anything audited that belongs to the unit, newest first.

    One query per audited model; the previous version of each row, needed to show what changed,
    comes from the same fetched window (the oldest row of the window shows no field changes).
    """
    entries: list[AuditEntry] = []
    for source in _SOURCES:
        history_model = source.model.history.model  # type: ignore[attr-defined]
        records = list(
            history_model.objects.filter(**{source.unit_lookup: unit_id})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")[: limit + 1]
        )
        by_object: dict[Any, list] = {}
        for record in records:
            by_object.setdefault(record.id, []).append(record)
        for versions in by_object.values():
            for index, record in enumerate(versions):
                previous = versions[index + 1] if index + 1 < len(versions) else None
                entries.append(
                    AuditEntry(
                        when=record.history_date,
                        who=record.history_user,
                        action=record.history_type,
                        model_name=str(source.model._meta.verbose_name),
                        object_repr=_object_repr(record),
                        changes=_changes(record, previous) if record.history_type == "~" else [],
                    )
                )
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]


def attribute_to(instance: Model, actor) -> None:
    """Record ``actor`` as the author of the next save of ``instance`` in its history."""
    instance._history_user = actor  # type: ignore[attr-defined]
