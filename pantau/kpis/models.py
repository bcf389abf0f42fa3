"""Unit KPIs (issue 21): indicators with targets per period, computed from Pantau's own records
(built-in metrics) or entered by the unit with evidence (custom indicators).

An indicator belongs to one service unit, or to an agency, in which case it applies to each unit
of the agency and of the agencies below it (the agency tree, decision 0003). A target is the value
each period of its range should reach; a measurement is one unit's value of a custom indicator
for one period, with its evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel

if TYPE_CHECKING:
    from pantau.organisations.models import ServiceUnit

CUSTOM = "custom"
# The built-in metrics (``pantau.kpis.metrics``), kept here as data so that the database checks
# the key; the registry's test checks that both lists agree.
BUILT_IN_KEYS = (
    "skm.ikm",
    "complaints.on_time_share",
    "complaints.median_days_to_answer",
    "complaints.rating",
    "standards.in_force_share",
    "standards.reviewed_share",
    "pekppp.ipp",
)


class Frequency(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter (triwulan)")
    SEMESTER = "semester", _("Semester")
    YEAR = "year", _("Year")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(TimeStampedModel):
    """A KPI of one unit, or of an agency for each of its units."""

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="kpis",
        verbose_name=_("service unit"),
    )
    agency = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="kpis",
        verbose_name=_("agency"),
    )
    service = models.ForeignKey(
        "organisations.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kpis",
        verbose_name=_("service"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what it measures and why"), blank=True)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40)
    direction = models.CharField(
        _("direction"), max_length=6, choices=Direction.choices, default=Direction.HIGHER
    )
    metric = models.CharField(
        _("how it is measured"),
        max_length=40,
        default=CUSTOM,
        help_text=_("Computed from Pantau's records, or entered by the unit with evidence."),
    )
    frequency = models.CharField(
        _("measured every"), max_length=10, choices=Frequency.choices, default=Frequency.QUARTER
    )
    is_active = models.BooleanField(_("in use"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("defined by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, agency__isnull=True)
                | Q(unit__isnull=True, agency__isnull=False),
                name="kpis_indicator_one_owner",
                violation_error_message=_("A KPI belongs to one unit or to one agency."),
            ),
            models.CheckConstraint(
                condition=Q(service__isnull=True) | Q(unit__isnull=False),
                name="kpis_indicator_service_of_unit",
                violation_error_message=_("Only a unit's KPI can be about one of its services."),
            ),
            models.CheckConstraint(
                condition=Q(metric__in=(CUSTOM, *BUILT_IN_KEYS)),
                name="kpis_indicator_metric_known",
                violation_error_message=_("This is not a measure Pantau knows."),
            ),
            models.CheckConstraint(
                condition=Q(direction__in=Direction.values),
                name="kpis_indicator_direction_known",
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values),
                name="kpis_indicator_frequency_known",
            ),
            models.CheckConstraint(
                condition=~Q(name="") & ~Q(unit_of_measure=""),
                name="kpis_indicator_named",
                violation_error_message=_("A KPI needs a name and a unit of measure."),
            ),
            models.UniqueConstraint(
                fields=["unit", "name"],
                condition=Q(unit__isnull=False),
                name="kpis_indicator_name_per_unit",
                violation_error_message=_("This unit already has a KPI with this name."),
            ),
            models.UniqueConstraint(
                fields=["agency", "name"],
                condition=Q(agency__isnull=False),
                name="kpis_indicator_name_per_agency",
                violation_error_message=_("This agency already has a KPI with this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_custom(self) -> bool:
        return self.metric == CUSTOM

    @property
    def owner_name(self) -> str:
        owner = self.unit if self.unit_id is not None else self.agency
        return str(owner)


class Target(TimeStampedModel):
    """The value each period from ``starts_on`` to ``ends_on`` should reach. The dates are the
    first and last days of periods of the indicator's frequency; ranges of one indicator do not
    overlap (``services.set_target``), so a period has at most one target."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("KPI")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("set by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("KPI target")
        verbose_name_plural = _("KPI targets")
        ordering = ["indicator", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="kpis_target_range",
                violation_error_message=_("A target's range cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "starts_on"],
                name="kpis_target_start_once",
                violation_error_message=_("This KPI already has a target starting on that day."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.starts_on:%Y-%m-%d}–{self.ends_on:%Y-%m-%d}: {self.value}"


def _evidence_path(instance: Measurement, filename: str) -> str:
    return f"kpis/{instance.unit_id}/{instance.evidence_sha256[:16]}-{filename}"


class Measurement(TimeStampedModel):
    """One unit's value of a custom KPI for one period, with what proves it: a note always, a
    file (PDF or picture) when there is one, stored privately with its size and SHA-256 and
    served through a view that checks access."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("KPI")
    )
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="kpi_measurements",
        verbose_name=_("service unit"),
    )
    starts_on = models.DateField(_("period starts on"))
    ends_on = models.DateField(_("period ends on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    evidence_note = models.TextField(_("evidence"))
    evidence_file = models.FileField(_("evidence file"), upload_to=_evidence_path, blank=True)
    evidence_name = models.CharField(_("file name"), max_length=200, blank=True)
    evidence_type = models.CharField(max_length=100, blank=True)
    evidence_size = models.PositiveIntegerField(null=True, blank=True)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("KPI measurement")
        verbose_name_plural = _("KPI measurements")
        ordering = ["indicator", "unit", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="kpis_measurement_range",
                violation_error_message=_("A period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(evidence_note=""),
                name="kpis_measurement_has_evidence",
                violation_error_message=_("Say what the value is based on."),
            ),
            models.CheckConstraint(
                condition=Q(evidence_file="", evidence_sha256="", evidence_size__isnull=True)
                | (
                    ~Q(evidence_file="")
                    & Q(evidence_size__isnull=False)
                    & Q(Exact(Length("evidence_sha256"), 64))
                ),
                name="kpis_measurement_file_fingerprinted",
            ),
            models.UniqueConstraint(
                fields=["indicator", "unit", "starts_on"],
                name="kpis_measurement_once_per_period",
                violation_error_message=_("This period already has a value for this unit."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.starts_on:%Y-%m-%d}: {self.value}"

    @property
    def has_file(self) -> bool:
        return bool(self.evidence_file)


def applies_to(indicator: Indicator, unit: ServiceUnit) -> bool:
    """Whether ``indicator`` is one of ``unit``'s KPIs: its own, or its agency tree's."""
    from pantau.organisations.selectors import agency_ancestor_ids

    if indicator.unit_id is not None:
        return indicator.unit_id == unit.pk
    return indicator.agency_id in agency_ancestor_ids(unit.agency_id)
