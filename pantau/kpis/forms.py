"""Forms of unit KPIs: validate and convert only (the rules are in ``services``)."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from pantau.common.files import CheckedFileField
from pantau.evaluations.forms import EVIDENCE_TYPES, MAX_BYTES, OFFICE_SUFFIXES
from pantau.organisations.models import Service

from . import metrics, periods
from .models import CUSTOM, Direction, Frequency, Indicator
from .services import VALUE_LIMIT, Definition

TARGET_YEARS_BACK, TARGET_YEARS_AHEAD = 5, 5
MEASUREMENT_PERIODS = 24


def metric_choices() -> list[tuple[str, Any]]:
    return [(CUSTOM, _("Entered by the unit, with evidence"))] + [
        (key, metric.label) for key, metric in metrics.metrics().items()
    ]


def _value_field(label: Any, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=14,
        decimal_places=2,
        min_value=-VALUE_LIMIT,
        max_value=VALUE_LIMIT,
        localize=True,
        **kwargs,
    )


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    metric = forms.ChoiceField(label=_("How it is measured"), choices=metric_choices)
    description = forms.CharField(
        label=_("What it measures and why"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.none(),
        required=False,
        help_text=_("For a KPI about one service; complaint measures then count its reports."),
    )
    unit_of_measure = forms.CharField(
        label=_("Unit of measure"),
        max_length=40,
        required=False,
        help_text=_("For example: people, %, days. A built-in measure brings its own."),
    )
    direction = forms.ChoiceField(
        label=_("Direction"),
        choices=Direction.choices,
        initial=Direction.HIGHER,
        help_text=_("A built-in measure brings its own."),
    )
    frequency = forms.ChoiceField(
        label=_("Measured every"), choices=Frequency.choices, initial=Frequency.QUARTER
    )
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args: Any, services: QuerySet[Service] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if services is None:
            del self.fields["service"]
        else:
            self.fields["service"].queryset = services  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("metric") == CUSTOM and not cleaned.get("unit_of_measure", "").strip():
            self.add_error("unit_of_measure", _("Give the unit of measure of a custom KPI."))
        return cleaned

    def definition(self) -> Definition:
        data = self.cleaned_data
        return Definition(
            name=data["name"],
            unit_of_measure=data["unit_of_measure"],
            metric=data["metric"],
            frequency=data["frequency"],
            direction=data["direction"],
            description=data["description"],
            service=data.get("service"),
            is_active=data["is_active"],
        )

    @staticmethod
    def initial_for(indicator: Indicator) -> dict[str, Any]:
        return {
            "name": indicator.name,
            "metric": indicator.metric,
            "description": indicator.description,
            "service": indicator.service_id,
            "unit_of_measure": indicator.unit_of_measure,
            "direction": indicator.direction,
            "frequency": indicator.frequency,
            "is_active": indicator.is_active,
        }


def _period_choices(frequency: str, first: date, last: date) -> list[tuple[str, str]]:
    return [(p.key, p.label) for p in periods.between(frequency, first, last)]


class TargetForm(forms.Form):
    start = forms.ChoiceField(label=_("From the period"))
    end = forms.ChoiceField(label=_("Until the period"))
    value = _value_field(_("Target for each period"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, indicator: Indicator, today: date, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        choices = _period_choices(
            indicator.frequency,
            date(today.year - TARGET_YEARS_BACK, 1, 1),
            date(today.year + TARGET_YEARS_AHEAD, 12, 31),
        )
        self.fields["start"].choices = choices  # type: ignore[attr-defined]
        self.fields["end"].choices = choices  # type: ignore[attr-defined]
        current = periods.containing(indicator.frequency, today).key
        self.fields["start"].initial = self.fields["end"].initial = current

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        frequency = self.indicator.frequency
        start = periods.from_key(frequency, cleaned.get("start", ""))
        end = periods.from_key(frequency, cleaned.get("end", ""))
        if start and end and end < start:
            self.add_error("end", _("The last period cannot come before the first."))
        cleaned["starts_on"] = start.starts_on if start else None
        cleaned["ends_on"] = end.ends_on if end else None
        return cleaned


def EvidenceFileField(**kwargs: Any) -> CheckedFileField:  # noqa: N802 (reads as the field it makes)
    """One PDF, picture or office document (a list of recipients), checked by its content."""
    return CheckedFileField(
        types=EVIDENCE_TYPES,
        max_bytes=MAX_BYTES,
        container_suffixes=OFFICE_SUFFIXES,
        accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,.pptx,.doc,.xls,.ppt",
        too_large=_("“%(name)s” is larger than 10 MB."),
        not_allowed=_(
            "“%(name)s” is not a PDF, a picture or an office document (its content was checked)."
        ),
        **kwargs,
    )


class MeasurementForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))
    value = _value_field(_("Value"))
    evidence_note = forms.CharField(
        label=_("What the value is based on"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the distribution report of the month, signed by the head."),
    )
    evidence = EvidenceFileField(label=_("Evidence file (optional)"), required=False)

    def __init__(self, *args: Any, indicator: Indicator, today: date, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        recent = periods.last(indicator.frequency, MEASUREMENT_PERIODS, until=today)
        self.fields["period"].choices = [(p.key, p.label) for p in reversed(recent)]  # type: ignore[attr-defined]

    def clean_period(self) -> periods.Period:
        period = periods.from_key(self.indicator.frequency, self.cleaned_data["period"])
        if period is None:
            raise forms.ValidationError(_("Choose a period of the KPI's frequency."))
        return period

    def clean_value(self) -> Decimal:
        value: Decimal = self.cleaned_data["value"]
        return value
