"""Setting up a perception study."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.organisations.models import ServiceUnit
from pantau.surveys.forms import TableFileForm

from .models import RespondentGroup


class StudyForm(forms.Form):
    title = forms.CharField(label=_("Title of the study"), max_length=200)
    form_set = forms.ChoiceField(
        label=_("Instrument"),
        choices=[
            ("nps5", _("New Public Service in five dimensions (Form A and Form B)")),
            ("nps7", _("The seven principles of Denhardt & Denhardt (Form A and Form B)")),
        ],
        initial="nps5",
        widget=forms.RadioSelect,
    )
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}))
    recipient_target = forms.IntegerField(
        label=_("Target sample of service recipients (Form A)"),
        min_value=1,
        max_value=100000,
        initial=30,
    )
    provider_target = forms.IntegerField(
        label=_("Target sample of service providers (Form B)"),
        min_value=1,
        max_value=10000,
        initial=5,
    )
    other_units: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Other units in the study"),
        queryset=ServiceUnit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each unit gets its own link, QR code and officers' questionnaire; the target samples "
            "are per unit, and the results can be read for all units or for one."
        ),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_units"].queryset = units
        if units is None or not units.exists():
            del self.fields["other_units"]

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The study cannot end before it starts."))
        return data


class ImportForm(TableFileForm):
    """A study import: whose questionnaires, and the file (columns named by the item codes)."""

    group = forms.ModelChoiceField(
        label=_("Whose questionnaires are in the file?"),
        queryset=RespondentGroup.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    field_order = ["group", "file"]

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["file"].help_text = _(
            "One row per respondent; a column per statement named by its code (SNS_1 …), "
            "optionally the profile questions (jenis-kelamin, usia, …)."
        )
        self.fields["group"].label_from_instance = lambda g: (
            f"{g.get_role_display()} · {g.unit.name}"
        )
        self.fields["file"].help_text = _(
            "One row per respondent; columns named by the item codes (SNS_1 …) with the answer "
            "1–5 as written, and optionally the questions about the respondent by their key."
        )


class ItemRevisionForm(forms.Form):
    text = forms.CharField(
        label=_("Statement"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    text_en = forms.CharField(label=_("Statement in English"), max_length=500, required=False)
    reverse_scored = forms.BooleanField(
        label=_("Reverse-scored (agreement means a worse practice)"), required=False
    )
