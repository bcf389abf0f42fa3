from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from pantau.accounts.models import User
from pantau.common.files import CheckedFileField
from pantau.common.forms import KnownModelChoiceField, LongTextField
from pantau.organisations import selectors as organisations
from pantau.organisations.models import Agency, Service, ServiceUnit

from .intake import DESCRIPTION_MAX, NAME_MAX, PHONE_MAX, REMEDY_MAX, SUBJECT_MAX, report_errors
from .models import Category, Complaint

ALLOWED_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"}
MAX_FILES = 5
MAX_BYTES = 5 * 1024 * 1024


def AttachmentsField(**kwargs) -> CheckedFileField:  # noqa: N802 (reads as the field it makes)
    """Up to five images or PDFs, each checked by its content, not by its name."""
    return CheckedFileField(
        types=ALLOWED_TYPES,
        max_bytes=MAX_BYTES,
        max_files=MAX_FILES,
        accept="image/jpeg,image/png,image/gif,image/webp,application/pdf",
        too_many=_("Attach at most five files."),
        too_large=_("“%(name)s” is larger than 5 MB."),
        not_allowed=_("“%(name)s” is not a picture or a PDF (its content was checked)."),
        **kwargs,
    )


class ComplaintForm(forms.Form):
    submission_token = forms.UUIDField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("What do you want to send?"),
        choices=Complaint.Kind.choices,
        widget=forms.RadioSelect,
        initial=Complaint.Kind.COMPLAINT,
    )
    unit = KnownModelChoiceField(
        label=_("Which service unit is it about?"),
        required=False,
        queryset=ServiceUnit.objects.filter(is_active=True).order_by("name"),
        empty_label=_("I don't know which unit"),
    )
    agency = forms.ModelChoiceField(
        label=_("If you don't know the unit: which government or agency?"),
        required=False,
        queryset=Agency.objects.filter(parent__isnull=True).order_by("name"),
        empty_label=_("I don't know"),
        help_text=_(
            "Either way the report reaches someone who can act on it: the complaint coordinator of "
            "that government, else the national coordinator."
        ),
    )
    service = forms.ModelChoiceField(
        label=_("Which service?"),
        required=False,
        queryset=Service.objects.none(),
        empty_label=_("Not about one service"),
    )
    category = forms.ModelChoiceField(
        label=_("What is it about?"),
        required=False,
        queryset=Category.objects.none(),
        empty_label=_("I am not sure"),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=SUBJECT_MAX,
        help_text=_(
            "Public once an officer has checked the report (unless it is confidential), with "
            "identity numbers, telephone numbers, e-mail addresses and your name hidden. Do not "
            "write personal data here."
        ),
    )
    description = LongTextField(
        label=_("What happened?"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Seen only by the officers handling your report; never published."),
    )
    happened_on = forms.DateField(
        label=_("When did it happen?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    remedy = LongTextField(
        label=_("What do you ask for?"),
        required=False,
        max_length=REMEDY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    attachments = AttachmentsField(
        label=_("Photos or documents (at most 5, images or PDF, 5 MB each)"), required=False
    )
    reporter_name = forms.CharField(label=_("Your name"), required=False, max_length=NAME_MAX)
    reporter_email = forms.EmailField(
        label=_("Your e-mail (to receive the tracking number and news)"), required=False
    )
    reporter_phone = forms.CharField(
        label=_("Your telephone or WhatsApp"), required=False, max_length=PHONE_MAX
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous: never show my identity to the unit"),
        help_text=_(
            "We then keep no name, e-mail or telephone number with the report: keep the tracking "
            "number and access code, they are the only way to follow it. An e-mail address given "
            "above receives them once."
        ),
        required=False,
    )
    confidential = forms.BooleanField(
        label=_("Confidential: never show my report in public lists"), required=False
    )
    integrity = forms.BooleanField(
        label=_("It is about bribery, extortion or misconduct of staff"),
        help_text=_(
            "The report then goes to the agency's internal supervisor (APIP / Inspektorat), not to "
            "the unit it is about, and is never shown in public lists."
        ),
        required=False,
    )

    def __init__(self, *args, unit=None, **kwargs):
        from .selectors import categories_for

        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories_for(unit=unit)
        self.fields["category"].label_from_instance = lambda category: category.label
        if unit is not None:
            self.fields["unit"].initial = unit.pk
            # The view has just read this active unit: validating the same id reuses it.
            self.fields["unit"].known = {str(unit.pk): unit}
            self.fields["service"].queryset = organisations.active_services(unit)
        else:
            del self.fields["service"]

    def clean(self):
        data = super().clean()
        problems = report_errors(
            unit=data.get("unit"),
            agency=data.get("agency"),
            service=data.get("service"),
            category=data.get("category"),
            happened_on=data.get("happened_on"),
        )
        for name, message in problems.items():
            self.add_error(name, message)
        if data.get("unit") is not None:
            data["agency"] = None
        return data


class OfficerEntryForm(ComplaintForm):
    """A report that came by WhatsApp, e-mail, telephone, letter, suggestion box, social media or in person."""

    channel = forms.ChoiceField(
        label=_("Channel"),
        # Web, Open311 and the REST API are how reports arrive by themselves, not by an officer.
        choices=[c for c in Complaint.Channel.choices if c[0] not in ("web", "open311", "api")],
    )
    original_message = LongTextField(
        label=_("Original message, as received"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        # A report may be about any government or office, not only the top-level ones and not
        # only those of the officer's own tree: it is routed to whoever can act on it.
        agency = self.fields["agency"]
        agency.queryset = Agency.objects.select_related("parent").order_by("name")
        agency.label_from_instance = lambda a: f"{a.name} ({a.parent.name})" if a.parent else a.name


class CodeLostForm(forms.Form):
    number = forms.CharField(label=_("Tracking number"), max_length=20)
    contact = forms.CharField(
        label=_("The e-mail address or telephone number you gave on the report"),
        max_length=120,
    )


class FollowForm(forms.Form):
    """The "follow this report" form on a report's public page (issue 19): an e-mail address."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=None,  # no maxlength attribute: the browser would cut a pasted address
        validators=[
            MaxLengthValidator(254, message=_("An e-mail address has at most 254 characters."))
        ],
        error_messages={
            "required": _("Write the e-mail address where news of this report should go."),
            "invalid": _("Write a whole e-mail address, like nama@contoh.id."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CodeConfirmForm(forms.Form):
    otp = forms.RegexField(
        label=_("The six-digit code we sent"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Type the six digits of the code.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class TrackForm(forms.Form):
    number = forms.CharField(label=_("Tracking number"), max_length=20)
    code = forms.CharField(
        label=_("Access code"), max_length=20, widget=forms.PasswordInput(render_value=False)
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the resolution?"),
        coerce=int,
        # Each point says what it means (issue 19: a bare 1-5 left people guessing which end is good).
        choices=[
            (1, _("1 – Very dissatisfied")),
            (2, _("2 – Dissatisfied")),
            (3, _("3 – Neither satisfied nor dissatisfied")),
            (4, _("4 – Satisfied")),
            (5, _("5 – Very satisfied")),
        ],
        widget=forms.RadioSelect,
    )
    comment = LongTextField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ActionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    note = LongTextField(
        label=_("Note or answer"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=ServiceUnit.objects.filter(is_active=True)
    )
    officer = forms.ModelChoiceField(
        label=_("Officer"), required=False, queryset=User.objects.filter(is_active=True)
    )
    reason = forms.ChoiceField(
        label=_("Archive reason"),
        required=False,
        choices=[("", "—"), *Complaint.ArchiveReason.choices],
    )
    original = forms.CharField(
        label=_("Tracking number of the report it repeats"), required=False, max_length=20
    )


class PublicAnswerForm(forms.Form):
    public_answer = LongTextField(
        label=_("Public answer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What the report's public page shows of your answer, for others with the same problem. "
            "Write it without the reporter's name or contacts; what looks personal is hidden anyway."
        ),
    )


class PublicSummaryForm(forms.Form):
    public_summary = forms.CharField(
        label=_("Public summary"),
        max_length=200,
        help_text=_(
            "What the public register and Open311 show of this report, in place of the reporter's "
            "title. Write it without names, identity numbers, telephone numbers or e-mail "
            "addresses. Until it is saved, the public reads “Sedang ditinjau”."
        ),
        widget=forms.TextInput(attrs={"maxlength": 200}),
    )


class CategoriseForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"), required=False, queryset=Category.objects.none(), empty_label="—"
    )
    tags = forms.CharField(
        label=_("Tags (internal, separated by commas)"), required=False, max_length=500
    )

    def __init__(self, *args, complaint=None, **kwargs):
        from .selectors import categories_for

        super().__init__(*args, **kwargs)
        if complaint is not None:
            self.fields["category"].queryset = categories_for(complaint.unit, complaint.agency)
            self.fields["category"].label_from_instance = lambda category: category.label

    def clean_tags(self) -> list[str]:
        tags = [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()]
        if len(tags) > 10:
            raise forms.ValidationError(_("Give at most ten tags."))
        if any(len(t) > 50 for t in tags):
            raise forms.ValidationError(_("A tag has at most 50 characters."))
        return tags


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    public = forms.BooleanField(label=_("Show to the reporter (a public response)"), required=False)
