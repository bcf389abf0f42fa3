from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.accounts.models import Role, User
from pantau.common.files import CheckedFileField
from pantau.organisations.models import Agency, ServiceUnit

from .models import EvaluationInstrument, Lokus, Method, Round, Score

SCORE_CHOICES = [(n, str(n)) for n in range(6)]

# Bukti dukung: PDF, images and office documents, checked by content (not by name).
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
OFFICE_SUFFIXES = (".docx", ".xlsx", ".pptx")
MAX_FILES = 5
MAX_BYTES = 10 * 1024 * 1024


def EvidenceField(**kwargs) -> CheckedFileField:  # noqa: N802 (reads as the field it makes)
    """Up to five PDFs, pictures or office documents, each checked by its content."""
    return CheckedFileField(
        types=EVIDENCE_TYPES,
        max_bytes=MAX_BYTES,
        max_files=MAX_FILES,
        container_suffixes=OFFICE_SUFFIXES,
        accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,.pptx,.doc,.xls,.ppt",
        too_many=_("Upload at most five files at a time."),
        too_large=_("“%(name)s” is larger than 10 MB."),
        not_allowed=_(
            "“%(name)s” is not a PDF, a picture or an office document (its content was checked)."
        ),
        **kwargs,
    )


class DateInput(forms.DateInput):
    input_type = "date"


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    body = forms.ModelChoiceField(label=_("Evaluating body"), queryset=Agency.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2017, max_value=2100)
    instrument = forms.ModelChoiceField(
        label=_("Instrument version"),
        queryset=EvaluationInstrument.objects.filter(indicators_available=True),
        help_text=_("Versions without indicator detail cannot be used for scoring."),
    )
    method = forms.ChoiceField(label=_("Aggregation method"), choices=Method.choices)
    mode = forms.ChoiceField(label=_("Kind"), choices=Round.Mode.choices)
    self_assessment_opens = forms.DateField(label=_("Self-assessment opens"), widget=DateInput)
    self_assessment_closes = forms.DateField(label=_("Self-assessment closes"), widget=DateInput)
    citizen_opens = forms.DateField(label=_("Citizen form opens"), widget=DateInput)
    citizen_closes = forms.DateField(label=_("Citizen form closes"), widget=DateInput)
    scoring_opens = forms.DateField(label=_("Desk scoring opens"), widget=DateInput)
    scoring_closes = forms.DateField(label=_("Desk scoring closes"), widget=DateInput)
    verification_opens = forms.DateField(label=_("Field verification opens"), widget=DateInput)
    verification_closes = forms.DateField(label=_("Field verification closes"), widget=DateInput)
    results_on = forms.DateField(label=_("Results announced on"), widget=DateInput)
    follow_up_due = forms.DateField(label=_("Follow-up deadline"), widget=DateInput)

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


class LokusForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Service unit"), queryset=ServiceUnit.objects.none())
    service_class = forms.ChoiceField(
        label=_("Class of service"), choices=Lokus.ServiceClass.choices
    )
    evaluators = forms.ModelMultipleChoiceField(
        label=_("Evaluators"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One or two evaluators whose scope holds the unit."),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["evaluators"].queryset = (
            User.objects.filter(memberships__role=Role.EVALUATOR, is_active=True)
            .distinct()
            .order_by("username")
        )

    def clean_evaluators(self):
        evaluators = self.cleaned_data["evaluators"]
        if len(evaluators) > 2:
            raise forms.ValidationError(_("Assign at most two evaluators."))
        return evaluators


class SelfAssessmentForm(forms.Form):
    claimed_score = forms.TypedChoiceField(
        label=_("Score the unit claims (0–5)"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_(
            "What the unit has in place for this indicator, and where the evidence shows it."
        ),
    )
    evidence = EvidenceField(
        label=_("Evidence documents (bukti dukung)"),
        required=False,
        help_text=_(
            "PDF, pictures or office documents, up to five files of 10 MB each. A file with the "
            "same name becomes a new version."
        ),
    )


class ScoreForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Score (0–5)"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=Score.Mode.choices, initial=Score.Mode.DESK)


class ReconcileForm(forms.Form):
    agreed_score = forms.TypedChoiceField(
        label=_("Agreed score (0–5)"), choices=SCORE_CHOICES, coerce=int
    )
    reply = forms.CharField(
        label=_("Reply to the unit or note on the agreement"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=4000,
    )


class ResponseToScoreForm(forms.Form):
    response = forms.CharField(
        label=_("The unit's response to the score"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class RecommendationForm(forms.Form):
    aspect: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Aspect"), queryset=None)
    text = forms.CharField(
        label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )

    def __init__(self, *args, instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aspect"].queryset = instrument.aspects.all()


class FollowUpForm(forms.Form):
    action_plan = forms.CharField(
        label=_("Action plan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    plan_due = forms.DateField(label=_("Planned completion"), widget=DateInput, required=False)
    progress = forms.CharField(
        label=_("Progress so far"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    done = forms.BooleanField(label=_("The recommendation is followed up"), required=False)
    evidence = EvidenceField(
        label=_("Evidence of the follow-up"),
        required=False,
        help_text=_("PDF, pictures or office documents, up to five files of 10 MB each."),
    )
