"""Writes to the organisation spine: one function per action, the acting user passed explicitly."""

import secrets
from collections.abc import Iterable
from datetime import time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pantau.common import audit

from . import search_index
from .models import ContactChannel, OpeningHours, Service, ServiceUnit, VisitRequest
from .permissions import can_manage_unit, can_serve_unit

UNIT_PROFILE_FIELDS = (
    "description",
    "address",
    "city",
    "province",
    "postal_code",
    "time_zone",
    "home_visits",
    "home_visit_note",
    "sipp_code",
)


def _require_manager(actor, unit: ServiceUnit) -> None:
    if not can_manage_unit(actor, unit):
        raise PermissionDenied


def _save_audited(instance, actor) -> None:
    audit.attribute_to(instance, actor)
    instance.save()


@transaction.atomic
def update_unit_profile(*, actor, unit: ServiceUnit, data: dict) -> ServiceUnit:
    _require_manager(actor, unit)
    changed = False
    for name in UNIT_PROFILE_FIELDS:
        if name in data and getattr(unit, name) != data[name]:
            setattr(unit, name, data[name])
            changed = True
    if changed:
        unit.full_clean()
        _save_audited(unit, actor)
        search_index.refresh_units([unit.pk])
    return unit


def _unique_service_slug(unit: ServiceUnit, name: str, *, exclude_id: int | None = None) -> str:
    base = slugify(name)[:70] or "layanan"
    slug, counter = base, 2
    taken = Service.objects.filter(unit=unit)
    if exclude_id is not None:
        taken = taken.exclude(id=exclude_id)
    while taken.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


@transaction.atomic
def create_service(*, actor, unit: ServiceUnit, name: str, description: str = "") -> Service:
    _require_manager(actor, unit)
    service = Service(
        unit=unit, name=name, description=description, slug=_unique_service_slug(unit, name)
    )
    service.full_clean()
    _save_audited(service, actor)
    search_index.refresh_units([unit.pk])
    return service


@transaction.atomic
def update_service(
    *, actor, service: Service, name: str, description: str, is_active: bool
) -> Service:
    _require_manager(actor, service.unit)
    if (service.name, service.description, service.is_active) == (name, description, is_active):
        return service
    if name != service.name:
        service.slug = _unique_service_slug(service.unit, name, exclude_id=service.id)
    service.name, service.description, service.is_active = name, description, is_active
    service.full_clean()
    _save_audited(service, actor)
    search_index.refresh_units([service.unit_id])
    return service


@transaction.atomic
def refresh_search_documents(
    *,
    unit_ids: Iterable[int] | None = None,
    agency_ids: Iterable[int] = (),
    mall_ids: Iterable[int] = (),
) -> int:
    """Bring the directory's search documents up to date (``search_index``): of the given units
    and of every unit of the given agencies and malls, or, given none, of every unit, with the
    vocabulary rebuilt. Returns how many units changed. Called after a unit, agency, mall or
    service changes outside the services above (the admin, the demo loader, imports)."""
    if unit_ids is None and not agency_ids and not mall_ids:
        return search_index.refresh_all()
    ids = set(unit_ids or ())
    if agency_ids or mall_ids:
        ids |= set(
            ServiceUnit.objects.filter(
                Q(agency_id__in=list(agency_ids)) | Q(mall_id__in=list(mall_ids))
            ).values_list("id", flat=True)
        )
    return search_index.refresh_units(ids)


@transaction.atomic
def set_opening_hours(
    *, actor, unit: ServiceUnit, week: dict[int, tuple[time, time, str] | None]
) -> None:
    """Set a unit's week: for each weekday (1–7) its (opens, closes, note), or None when closed.

    Only days that change are written, so the audit trail shows real changes only.
    """
    _require_manager(actor, unit)
    existing = {row.weekday: row for row in OpeningHours.objects.filter(unit=unit)}
    for weekday, value in week.items():
        row = existing.get(weekday)
        if value is None:
            if row is not None:
                audit.attribute_to(row, actor)
                row.delete()
            continue
        opens, closes, note = value
        if row is None:
            row = OpeningHours(unit=unit, weekday=weekday, opens=opens, closes=closes, note=note)
        elif (row.opens, row.closes, row.note) == (opens, closes, note):
            continue
        else:
            row.opens, row.closes, row.note = opens, closes, note
        row.full_clean()
        _save_audited(row, actor)


@transaction.atomic
def set_contact_channels(*, actor, unit: ServiceUnit, channels: list[dict]) -> None:
    """Replace the unit's channels with the given list (kind, value, label) in display order.

    Rows are matched by position so that an edited channel is recorded as a change, not as a
    deletion and a creation.
    """
    _require_manager(actor, unit)
    existing = list(ContactChannel.objects.filter(unit=unit).order_by("position", "id"))
    for position, wanted in enumerate(channels):
        row = existing[position] if position < len(existing) else ContactChannel(unit=unit)
        values = (wanted["kind"], wanted["value"], wanted.get("label", ""), position)
        if row.pk and (row.kind, row.value, row.label, row.position) == values:
            continue
        row.kind, row.value, row.label, row.position = values
        row.full_clean()
        _save_audited(row, actor)
    for row in existing[len(channels) :]:
        audit.attribute_to(row, actor)
        row.delete()


VISIT_NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def request_home_visit(*, unit: ServiceUnit, data: dict) -> VisitRequest:
    """A resident asks the unit to visit (jemput bola); only a unit that offers visits takes one.
    Returns the request with its number, to be shown to the resident."""
    if not unit.home_visits or not unit.is_active:
        raise ValidationError(_("This unit does not offer home visits."))
    service = data.get("service")
    if service is not None and service.unit_id != unit.pk:
        raise ValidationError({"service": _("Choose a service of this unit.")})
    for _attempt in range(3):
        number = "JB-" + "".join(secrets.choice(VISIT_NUMBER_ALPHABET) for _ in range(6))
        if not VisitRequest.objects.filter(number=number).exists():
            break
    visit = VisitRequest(
        unit=unit,
        number=number,
        **{
            name: data.get(name) or ""
            for name in ("name", "phone", "address", "village", "reason", "details")
        },
        service=service,
    )
    visit.full_clean()
    visit.save()
    return visit


@transaction.atomic
def update_home_visit(
    *, actor, visit: VisitRequest, status: str, scheduled_on=None, note: str = ""
) -> VisitRequest:
    """An officer of the unit schedules, records or declines a visit; a scheduled visit needs its
    date."""
    if not can_serve_unit(actor, visit.unit):
        raise PermissionDenied
    if status == VisitRequest.Status.SCHEDULED and scheduled_on is None:
        raise ValidationError({"scheduled_on": _("Give the date of the visit.")})
    visit.status = status
    visit.scheduled_on = scheduled_on
    visit.staff_note = note
    visit.handled_by = actor
    visit.full_clean()
    _save_audited(visit, actor)
    return visit
