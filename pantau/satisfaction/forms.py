from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from pantau.surveys.forms import TableFileForm

from .models import SurveyPeriod
from .periods import POPULATION_MAX, YEARS


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Period"), choices=SurveyPeriod.Kind.choices, initial=SurveyPeriod.Kind.QUARTER
    )
    year = forms.IntegerField(label=_("Year"), min_value=YEARS[0], max_value=YEARS[1])
    number = forms.IntegerField(
        label=_("Number in the year"),
        min_value=1,
        max_value=12,
        initial=1,
        help_text=_("Month 1–12, quarter 1–4, semester 1–2; 1 for a year."),
    )
    population = forms.IntegerField(
        label=_("Service users in the period"),
        min_value=1,
        max_value=POPULATION_MAX,
        help_text=_(
            "For example last year's number of users in the same period. It sets the required sample."
        ),
    )
    services: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Services surveyed"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one service.")},
    )
    weight_mode = forms.ChoiceField(
        label=_("Element weight"), choices=SurveyPeriod.WeightMode.choices, initial="exact"
    )
    requires_code = forms.BooleanField(
        label=_("Require a one-time code from each respondent"),
        required=False,
        help_text=_(
            "Officers hand out a code with each service transaction (on the receipt or as a QR code)."
        ),
    )

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["services"].queryset = unit.services.filter(is_active=True).order_by("name")
        self.initial.setdefault("year", timezone.localdate().year)

    # The period's rules (the number within the kind, one survey per period) are the service's
    # (services.create_period), which the API calls too; the view puts its errors on the fields.


class AccessCodeBatchForm(forms.Form):
    count = forms.IntegerField(label=_("How many codes"), min_value=1, max_value=500, initial=50)


PLAN_STATUSES = [
    ("planned", _("Planned")),
    ("in_progress", _("In progress")),
    ("done", _("Done")),
    ("cancelled", _("Cancelled")),
]


class FollowUpActionForm(forms.Form):
    """One action of the period's follow-up plan, as the plan has always asked for it; it is
    saved as an action of the improvement register (``services.save_follow_up_action``)."""

    element_key = forms.ChoiceField(label=_("Element"))
    action = forms.CharField(label=capfirst(_("action")), widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.CharField(label=capfirst(_("responsible")), max_length=120)
    deadline = forms.DateField(
        label=capfirst(_("deadline")),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    status = forms.ChoiceField(
        label=capfirst(_("status")), choices=PLAN_STATUSES, initial="planned"
    )
    completed_on = forms.DateField(
        label=capfirst(_("completed on")),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    report = forms.CharField(
        label=capfirst(_("what was done")), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    FIELDS = ("element_key", "action", "owner", "deadline", "status", "completed_on", "report")

    def __init__(self, *args, elements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element_key"].choices = [
            (item.key, f"{item.code} {item.shown_label}") for item in elements
        ]

    @staticmethod
    def values_of(action) -> dict:
        """A register action as the plan's fields (a dropped action reads "cancelled")."""
        return {
            "element_key": action.element_key,
            "action": action.plan_text,
            "owner": action.owner_label,
            "deadline": action.due_on,
            "status": "cancelled" if action.status == "dropped" else action.status,
            "completed_on": action.completed_on,
            "report": action.evidence_note,
        }

    def clean(self):
        data = super().clean()
        if data.get("status") == "done" and not data.get("completed_on"):
            self.add_error("completed_on", _("Give the date the action was completed."))
        if data.get("status") != "done":
            data["completed_on"] = None
        return data


class ImportForm(TableFileForm):
    """An SKM import: the engine's checked CSV/XLSX file, with the SKM's columns."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "One row per respondent; columns layanan, U1 … U9 and optionally tanggal, jenis_kelamin, usia, pendidikan, pekerjaan, saran."
        )


class UnitElementForm(forms.Form):
    label = forms.CharField(label=_("Short name of the element"), max_length=100)
    question = forms.CharField(
        label=_("Question asked"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


UnitElementFormSet = forms.formset_factory(
    UnitElementForm, extra=1, max_num=10, validate_max=True, can_delete=True
)


class PaperDateForm(forms.Form):
    """The date written on a paper questionnaire: it is the answer's date, not the day it is typed."""

    answered_on = forms.DateField(
        label=_("Date on the questionnaire"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("It must fall in the survey period."),
    )


class PublishReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why publish now, below the required sample?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with the results on the public page, the poster and the report."),
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong in the published results?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown in public with the corrected results."),
    )
