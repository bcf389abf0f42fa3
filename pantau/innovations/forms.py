"""The register's forms: they validate and convert; the services save (and check again)."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.accounts.models import User
from pantau.common.files import CheckedFileField

from . import services
from .models import (
    FIGURE_LABELS,
    STAGES,
    BudgetSource,
    CompetitionResult,
    Innovation,
    LegalBasisKind,
    Stage,
    stage_index,
)

# Evidence: PDF, pictures and office documents, checked by content (not by name).
EVIDENCE_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/zip",  # some office files are recognised only as their zip container
}
MAX_BYTES = 10 * 1024 * 1024


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def unit_people(units: Any) -> Any:
    """The people who work at the units (heads and officers), who may own an innovation."""
    return (
        User.objects.filter(memberships__unit__in=units, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]  # not subscriptable at run time
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


def _text(label: Any, *, required: bool = False, rows: int = 3, help_text: Any = "") -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class DetailsForm(forms.Form):
    """What an innovation is: shared by registering and editing."""

    title = forms.CharField(
        label=_("Innovation"),
        max_length=200,
        help_text=_("Its name, as the public will know it (e.g. “Jemput bola lansia”)."),
    )
    description = _text(_("What it is"), help_text=_("In two or three sentences."))
    problem = _text(_("Problem it answers"), required=True)
    before = _text(
        _("Condition before the innovation"),
        required=True,
        help_text=_("What residents and staff met before: time, cost, trips, complaints."),
    )
    after = _text(
        _("Condition after the innovation"),
        help_text=_("Needed once the innovation is implemented."),
    )
    effect = _text(
        _("Effect on the unit's figures"),
        help_text=_("In words; record the figures themselves on the innovation's page."),
    )
    modification = _text(
        _("What was modified"),
        help_text=_("For an innovation copied from another unit (ATM): what you changed."),
    )
    owner = PersonChoiceField(label=_("Owner"), queryset=User.objects.none())
    team = _text(
        _("Team"),
        rows=2,
        help_text=_("The people who run it and, if any, the team's decree (SK tim)."),
    )
    facilities = _text(_("Facilities and infrastructure"), rows=2)
    budget = forms.IntegerField(
        label=_("Budget (Rupiah)"), required=False, min_value=0, max_value=10**15
    )
    budget_source = forms.ChoiceField(
        label=_("Source of the budget"),
        required=False,
        choices=[("", "—"), *BudgetSource.choices],
    )
    competition = forms.CharField(
        label=_("Competition"),
        max_length=200,
        required=False,
        help_text=_("Its name, year and level, e.g. “KIPP 2024, national top 99”."),
    )
    competition_result = forms.ChoiceField(
        label=_("Result"),
        required=False,
        choices=[("", _("Not entered")), *CompetitionResult.choices],
    )
    is_public = forms.BooleanField(
        label=_("Show it in the public innovation catalogue"),
        required=False,
        help_text=_("Other units may then copy it. The team's names are never shown."),
    )

    def __init__(self, *args: Any, unit: Any, may_publish: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["owner"].queryset = unit_people([unit])  # type: ignore[attr-defined]
        if not may_publish:
            del self.fields["is_public"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("budget") and not data.get("budget_source"):
            self.add_error("budget_source", _("Say where the budget comes from."))
        if data.get("competition_result") and not data.get("competition", "").strip():
            self.add_error("competition", _("Name the competition and its level."))
        return data

    def details(self) -> services.Details:
        data = self.cleaned_data
        return services.Details(
            title=data["title"],
            problem=data["problem"],
            before=data["before"],
            owner=data["owner"],
            description=data["description"],
            after=data["after"],
            team=data["team"],
            facilities=data["facilities"],
            budget=data["budget"],
            budget_source=data["budget_source"],
            modification=data["modification"],
            effect=data["effect"],
            competition=data["competition"],
            competition_result=data["competition_result"],
        )

    @property
    def publish(self) -> bool | None:
        """The choice to show it in the catalogue; None when the user may not make it."""
        if "is_public" not in self.fields:
            return None
        return bool(self.cleaned_data.get("is_public"))


class RegisterForm(DetailsForm):
    stage = forms.ChoiceField(
        label=_("Stage reached"),
        choices=[(s, label) for s, label in Stage.choices if s != Stage.INSTITUTIONALISED],
        help_text=_("An innovation is institutionalised from its page, with its legal basis."),
    )
    stage_on = forms.DateField(label=_("Reached on"), widget=DateInput())
    field_order = ["title", "description", "problem", "before", "stage", "stage_on"]

    def clean_stage_on(self) -> Any:
        day = self.cleaned_data["stage_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


def document_field(**kwargs: Any) -> CheckedFileField:
    return CheckedFileField(
        types={"application/pdf", "image/jpeg", "image/png"},
        max_bytes=MAX_BYTES,
        accept=".pdf,.jpg,.jpeg,.png",
        too_large=_("“%(name)s” is larger than 10 MB."),
        not_allowed=_("“%(name)s” is not a PDF or a picture (its content was checked)."),
        **kwargs,
    )


class LegalBasisForm(forms.Form):
    legal_basis_kind = forms.ChoiceField(
        label=_("Kind of legal basis"), required=False, choices=[("", "—"), *LegalBasisKind.choices]
    )
    legal_basis_title = forms.CharField(
        label=_("Title of the legal basis"),
        max_length=300,
        required=False,
        help_text=_("A title without number and date is recorded as a draft."),
    )
    decree_number = forms.CharField(label=_("Number"), max_length=120, required=False)
    decree_date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    decree_file = document_field(label=_("Signed copy (PDF or picture)"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number, day = data.get("decree_number", "").strip(), data.get("decree_date")
        if number and day is None and "decree_date" not in self.errors:
            self.add_error("decree_date", _("Give the date of the legal basis."))
        if day is not None and not number:
            self.add_error("decree_number", _("Give the number of the legal basis."))
        if day is not None and day > timezone.localdate():
            self.add_error("decree_date", _("The date cannot be in the future."))
        if (number or data.get("decree_file")) and not data.get("legal_basis_title", "").strip():
            self.add_error("legal_basis_title", _("Give the title of the legal basis."))
        return data

    def basis(self) -> services.LegalBasis:
        data = self.cleaned_data
        return services.LegalBasis(
            kind=data.get("legal_basis_kind", ""),
            title=data.get("legal_basis_title", ""),
            number=data.get("decree_number", ""),
            dated=data.get("decree_date"),
            file=data.get("decree_file"),
        )


class StageForm(LegalBasisForm):
    """A later stage and the day it was reached; the legal basis, for institutionalising, when
    the unit head moves it there and none is recorded yet."""

    stage = forms.ChoiceField(label=_("New stage"))
    on = forms.DateField(label=_("Reached on"), widget=DateInput())
    field_order = ["stage", "on"]

    def __init__(self, *args: Any, innovation: Innovation, may_govern: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        later = STAGES[stage_index(innovation.stage) + 1 :]
        if not may_govern:
            later = tuple(s for s in later if s != Stage.INSTITUTIONALISED)
        labels = dict(Stage.choices)
        self.fields["stage"].choices = [(s, labels[s]) for s in later]  # type: ignore[attr-defined]
        self.with_basis = may_govern and not innovation.has_legal_basis
        if not self.with_basis:
            for name in list(LegalBasisForm.base_fields):
                del self.fields[name]

    @property
    def has_choices(self) -> bool:
        return bool(self.fields["stage"].choices)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day = data.get("on")
        if day is not None and day > timezone.localdate():
            self.add_error("on", _("The date cannot be in the future."))
        return data

    def stage_basis(self) -> services.LegalBasis | None:
        if not self.with_basis:
            return None
        basis = self.basis()
        return basis if basis.title or basis.number else None


class EvidenceForm(forms.Form):
    evidence = CheckedFileField(
        label=_("Files"),
        types=EVIDENCE_TYPES,
        max_bytes=MAX_BYTES,
        max_files=5,
        container_suffixes=(".docx", ".xlsx", ".pptx"),
        accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,.pptx,.doc,.xls,.ppt",
        too_many=_("Upload at most five files at a time."),
        too_large=_("“%(name)s” is larger than 10 MB."),
        not_allowed=_(
            "“%(name)s” is not a PDF, a picture or an office document (its content was checked)."
        ),
        help_text=_("PDF, pictures or office documents, up to five files of 10 MB each."),
    )
    description = forms.CharField(
        label=_("What they show"),
        max_length=200,
        required=False,
        help_text=_("E.g. the budget document (DPA), the team's decree, photos of the service."),
    )


class EffectForm(forms.Form):
    metric_key = forms.ChoiceField(
        label=_("Figure"), choices=[(k, v) for k, v in FIGURE_LABELS.items()]
    )
    before = forms.DecimalField(label=_("Before"), max_digits=12, decimal_places=2)
    after = forms.DecimalField(label=_("After"), max_digits=12, decimal_places=2)
    measured_before = forms.CharField(
        label=_("Measured before in"),
        max_length=40,
        required=False,
        help_text=_("The period, e.g. “TW I 2024”."),
    )
    measured_after = forms.CharField(label=_("Measured after in"), max_length=40, required=False)


class ReplicateForm(forms.Form):
    """Copy an innovation into one of the user's units (ATM: amati, tiru, modifikasi)."""

    unit: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label=_("Into the unit"), queryset=None
    )
    owner = PersonChoiceField(
        label=_("Owner"),
        queryset=User.objects.none(),
        help_text=_("A person who works at that unit."),
    )
    modification = _text(
        _("What you will modify"),
        help_text=_("Amati, tiru, modifikasi: what your unit will do differently."),
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["owner"].queryset = unit_people(units)  # type: ignore[attr-defined]
