"""Writes of unit KPIs: define and change an indicator, set and remove its targets, record a
unit's value of a custom indicator with its evidence. Keyword-only, the acting user explicit,
one transaction each; the permission is checked again here, whoever calls."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common import audit
from pantau.common.files import CheckedUpload
from pantau.organisations.models import Agency, Service, ServiceUnit

from . import metrics, periods
from .models import CUSTOM, Indicator, Measurement, Target, applies_to
from .permissions import (
    can_change_indicator,
    can_define_for_agency,
    can_define_for_unit,
    can_record,
)

VALUE_LIMIT = Decimal("999999999999.99")  # the model's 14 digits, 2 of them decimals


@dataclass(frozen=True)
class Definition:
    """What defines an indicator (the form's and the API's cleaned data)."""

    name: str
    unit_of_measure: str
    metric: str = CUSTOM
    frequency: str = "quarter"
    direction: str = "higher"
    description: str = ""
    service: Service | None = None
    is_active: bool = True


def _apply(indicator: Indicator, definition: Definition) -> None:
    """Copy the definition; a built-in metric brings its own direction, and its unit of measure
    when none is given."""
    metric = metrics.get(definition.metric)
    if definition.metric != CUSTOM and metric is None:
        raise ValidationError({"metric": _("This is not a measure Pantau knows.")})
    indicator.name = definition.name.strip()
    indicator.description = definition.description.strip()
    indicator.metric = definition.metric
    indicator.frequency = definition.frequency
    indicator.direction = metric.direction if metric else definition.direction
    indicator.unit_of_measure = definition.unit_of_measure.strip() or (
        str(metric.unit_of_measure) if metric else ""
    )
    indicator.is_active = definition.is_active
    if definition.service is not None:
        if indicator.unit_id is None or definition.service.unit_id != indicator.unit_id:
            raise ValidationError({"service": _("Choose one of the unit's own services.")})
        if metric is not None and not metric.by_service:
            raise ValidationError(
                {"service": _("This measure is computed for the whole unit, not per service.")}
            )
    indicator.service = definition.service


@transaction.atomic
def define_indicator(
    *,
    actor: Any,
    definition: Definition,
    unit: ServiceUnit | None = None,
    agency: Agency | None = None,
) -> Indicator:
    """A new KPI of a unit (its head) or of an agency for each of its units (the agency head)."""
    if (unit is None) == (agency is None):
        raise ValueError("Give a unit or an agency.")
    if unit is not None and not can_define_for_unit(actor, unit):
        raise PermissionDenied
    if agency is not None and not can_define_for_agency(actor, agency):
        raise PermissionDenied
    indicator = Indicator(unit=unit, agency=agency, created_by=actor)
    _apply(indicator, definition)
    audit.attribute_to(indicator, actor)
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def update_indicator(*, actor: Any, indicator: Indicator, definition: Definition) -> Indicator:
    """Change a KPI. Once it has targets or values, how it is measured and how often stay as
    they are (the targets and values were set for them): define a new KPI instead."""
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if not can_change_indicator(actor, indicator):
        raise PermissionDenied
    fixed = (definition.metric, definition.frequency) != (indicator.metric, indicator.frequency)
    if fixed and (indicator.targets.exists() or indicator.measurements.exists()):
        raise ValidationError(
            _(
                "This KPI already has targets or values: how it is measured and how often "
                "cannot change. Stop using it and define a new one."
            )
        )
    _apply(indicator, definition)
    audit.attribute_to(indicator, actor)
    indicator.full_clean()
    indicator.save()
    return indicator


def _check_value(indicator: Indicator, value: Decimal, *, field: str) -> None:
    if abs(value) > VALUE_LIMIT:
        raise ValidationError({field: _("This number is too large.")})
    metric = metrics.get(indicator.metric)
    if metric is not None and not metric.minimum <= value <= metric.maximum:
        raise ValidationError(
            {
                field: _("A value of this measure lies between %(low)s and %(high)s.")
                % {"low": metric.minimum, "high": metric.maximum}
            }
        )


@transaction.atomic
def set_target(
    *,
    actor: Any,
    indicator: Indicator,
    starts_on: date,
    ends_on: date,
    value: Decimal,
    note: str = "",
) -> Target:
    """The value each period from ``starts_on`` to ``ends_on`` should reach. The range runs
    from the first day of one period of the KPI's frequency to the last day of another, and
    overlaps no other target of the KPI."""
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if not can_change_indicator(actor, indicator):
        raise PermissionDenied
    frequency = indicator.frequency
    if not periods.starts_a_period(frequency, starts_on):
        raise ValidationError({"starts_on": _("Start on the first day of a period of the KPI.")})
    if not periods.ends_a_period(frequency, ends_on):
        raise ValidationError({"ends_on": _("End on the last day of a period of the KPI.")})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The last period cannot come before the first.")})
    _check_value(indicator, value, field="value")
    overlapping = indicator.targets.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).first()
    if overlapping is not None:
        raise ValidationError(
            _(
                "A target from %(start)s to %(end)s already covers part of these periods: "
                "remove it first."
            )
            % {"start": overlapping.starts_on.isoformat(), "end": overlapping.ends_on.isoformat()}
        )
    target = Target(
        indicator=indicator,
        starts_on=starts_on,
        ends_on=ends_on,
        value=value,
        note=note.strip(),
        set_by=actor,
    )
    audit.attribute_to(target, actor)
    target.full_clean()
    target.save()
    return target


@transaction.atomic
def remove_target(*, actor: Any, target: Target) -> None:
    indicator = Indicator.objects.select_for_update().get(pk=target.indicator_id)
    if not can_change_indicator(actor, indicator):
        raise PermissionDenied
    audit.attribute_to(target, actor)
    target.delete()


@transaction.atomic
def record_measurement(
    *,
    actor: Any,
    indicator: Indicator,
    unit: ServiceUnit,
    period: periods.Period,
    value: Decimal,
    evidence_note: str,
    evidence: CheckedUpload | None = None,
    today: date | None = None,
) -> Measurement:
    """A unit's value of a custom KPI for one period, with what it is based on. Recording a
    period again corrects its value (the history keeps the earlier one); a new file replaces
    the earlier file, none keeps it."""
    if not applies_to(indicator, unit) or not can_record(actor, indicator, unit):
        raise PermissionDenied
    today = today or timezone.localdate()
    if period.frequency != indicator.frequency:
        raise ValidationError({"period": _("Choose a period of the KPI's frequency.")})
    if period.starts_on > today:
        raise ValidationError({"period": _("This period has not started yet.")})
    _check_value(indicator, value, field="value")
    if not evidence_note.strip():
        raise ValidationError({"evidence_note": _("Say what the value is based on.")})
    measurement = (
        Measurement.objects.select_for_update()
        .filter(indicator=indicator, unit=unit, starts_on=period.starts_on)
        .first()
    ) or Measurement(indicator=indicator, unit=unit, starts_on=period.starts_on)
    measurement.ends_on = period.ends_on
    measurement.value = value
    measurement.evidence_note = evidence_note.strip()
    measurement.entered_by = actor
    if evidence is not None:
        measurement.evidence_sha256 = evidence.sha256
        measurement.evidence_name = (evidence.file.name or "bukti")[:200]
        measurement.evidence_type = evidence.content_type
        measurement.evidence_size = evidence.file.size
        measurement.evidence_file = evidence.file  # type: ignore[assignment]  # saved by the field
    audit.attribute_to(measurement, actor)
    measurement.full_clean(exclude=["evidence_file"])
    measurement.save()
    return measurement
