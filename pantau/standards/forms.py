from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.common.files import CheckedFileField

from .models import (
    MANUFACTURING_COMPONENTS,
    Agreement,
    Forum,
    ForumFile,
    Maklumat,
    Medium,
    Participant,
    StandardVersion,
)

DOCUMENT_TYPES = {"application/pdf", "image/jpeg", "image/png"}
MAX_BYTES = 10 * 1024 * 1024


def DocumentField(**kwargs) -> CheckedFileField:  # noqa: N802 (reads as the field it makes)
    """One PDF or picture, checked by its content (not its name), at most 10 MB."""
    return CheckedFileField(
        types=DOCUMENT_TYPES,
        max_bytes=MAX_BYTES,
        accept="application/pdf,image/jpeg,image/png",
        too_large=_("“%(name)s” is larger than 10 MB."),
        not_allowed=_("“%(name)s” is not a PDF or a picture (its content was checked)."),
        **kwargs,
    )


def _lines(text: str) -> list[tuple[str, str]]:
    """One item a line; an optional second part after " | " (a note, or who does the step).
    Nothing is cut: the lengths are the service's rule (``services.check_content``)."""
    rows = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("-•*").strip()
        if not line:
            continue
        first, _sep, second = line.partition("|")
        rows.append((first.strip(), second.strip()))
    return rows


class VersionForm(forms.ModelForm):
    requirements_text = forms.CharField(
        label=_("Requirements (Persyaratan)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_(
            "One document or condition a line, in the order the citizen prepares them. "
            "Add a note after a vertical bar, e.g. “KTP | original and one copy”."
        ),
    )
    steps_text = forms.CharField(
        label=_("Procedure (Sistem, Mekanisme, dan Prosedur)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_(
            "One step a line, in order. Add who does it after a vertical bar, "
            "e.g. “Check the documents | counter officer”."
        ),
    )

    class Meta:
        model = StandardVersion
        fields = [
            "time_limit_value",
            "time_limit_unit",
            "time_limit_note",
            "fee_is_free",
            "fee_amount",
            "fee_legal_basis",
            "fee_note",
            "product",
            "complaint_handling",
            "legal_basis",
            "facilities",
            "staff_competence",
            "internal_supervision",
            "staff_count",
            "service_guarantee",
            "safety_guarantee",
            "staff_evaluation",
            "change_note",
            "review_months",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in [
                "product",
                "complaint_handling",
                "legal_basis",
                "facilities",
                "staff_competence",
                "internal_supervision",
                "staff_count",
                "service_guarantee",
                "safety_guarantee",
                "staff_evaluation",
            ]
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        version = self.instance
        if version.pk and not self.is_bound:
            self.initial["requirements_text"] = "\n".join(
                f"{r.text} | {r.note}" if r.note else r.text for r in version.requirements.all()
            )
            self.initial["steps_text"] = "\n".join(
                f"{s.text} | {s.actor}" if s.actor else s.text for s in version.steps.all()
            )
        self.fields["review_months"].min_value = 1
        self.fields["review_months"].widget.attrs["min"] = 1
        self.fields["review_months"].widget.attrs["max"] = 60
        self.fields["fee_amount"].widget.attrs["min"] = 1

    def clean_requirements_text(self):
        return _lines(self.cleaned_data["requirements_text"])

    def clean_steps_text(self):
        return _lines(self.cleaned_data["steps_text"])

    # The cross-field rules (fee, time limit, review interval, line lengths) are the service's
    # (services.check_content), which the API calls too; the view puts its errors on the fields.

    def _post_clean(self):
        # The service validates the whole version; constraints are checked there.
        pass


class DiscussForm(forms.Form):
    forum = forms.ModelChoiceField(
        label=_("Consultation forum where the draft was discussed"),
        queryset=Forum.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args, forums, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = forums


class SetForm(forms.Form):
    decree_number = forms.CharField(label=_("Decree number"), max_length=120)
    decree_date = forms.DateField(
        label=_("Decree date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    decree_file = DocumentField(label=_("Signed decree (PDF or picture)"))

    def clean_decree_date(self):
        day = self.cleaned_data["decree_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The decree date cannot be in the future."))
        return day


class ConfirmedSetForm(SetForm):
    """The web's form: setting cannot be undone, so the person confirms it on the form itself
    (the decree file cannot be carried over to a separate confirmation page)."""

    understood = forms.BooleanField(
        label=_(
            "I have checked that the draft holds every agreement of the forum marked as carried "
            "out, and I understand that a set version can no longer change."
        ),
        error_messages={
            "required": _("Confirm that you have checked the draft against the forum's agreements.")
        },
    )


class ComponentFileForm(forms.Form):
    component = forms.ChoiceField(label=_("Component"), choices=MANUFACTURING_COMPONENTS)
    file = DocumentField(label=_("Document (PDF or picture)"))


class MaklumatForm(forms.ModelForm):
    class Meta:
        model = Maklumat
        fields = ["promise", "improvement", "sanction", "signatory_name", "signatory_title"]
        widgets = {
            "promise": forms.Textarea(attrs={"rows": 3}),
            "improvement": forms.Textarea(attrs={"rows": 3}),
            "sanction": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self):
        pass


class MaklumatPublishForm(forms.Form):
    set_on = forms.DateField(
        label=_("Date the pledge is set"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_set_on(self):
        day = self.cleaned_data["set_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date the pledge is set cannot be in the future."))
        return day


class PublicationForm(forms.Form):
    target = forms.ChoiceField(label=_("What was published"))
    medium = forms.ChoiceField(label=_("Medium"), choices=Medium.choices)
    published_on = forms.DateField(
        label=_("Published on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    url = forms.URLField(
        label=_("Link (for electronic media)"), required=False, assume_scheme="https"
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    evidence = DocumentField(label=_("Evidence (photo or PDF)"), required=False)

    def __init__(self, *args, targets: dict[str, tuple[str, str, object]], **kwargs):
        """``targets``: choice value -> (subject, label, object)."""
        super().__init__(*args, **kwargs)
        self.targets = targets
        self.fields["target"].choices = [  # type: ignore[attr-defined]
            (key, label) for key, (_s, label, _o) in targets.items()
        ]

    def clean_published_on(self):
        day = self.cleaned_data["published_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The publication date cannot be in the future."))
        return day

    def clean(self):
        data = super().clean()
        if data.get("medium") in {"website", "social_media", "app", "sippn"} and not data.get(
            "url"
        ):
            self.add_error("url", _("Give the link where it can be seen on this medium."))
        return data


class ForumForm(forms.ModelForm):
    online_link = forms.URLField(label=_("online link"), required=False, assume_scheme="https")

    class Meta:
        model = Forum
        fields = ["topic", "title", "held_on", "place", "online_link", "minutes"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("online_link"):
            self.add_error("place", _("Give the place or the online link of the forum."))
        return data

    def _post_clean(self):
        pass


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "organisation", "kind"]


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["text", "standard", "action", "outcome", "outcome_note"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, standards, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = standards
        self.fields["standard"].label_from_instance = lambda version: (
            _("%(service)s, version %(number)s")
            % {"service": version.service.name, "number": version.number}
        )

    def _post_clean(self):
        pass


class ForumFileForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=ForumFile.Kind.choices)
    file = DocumentField(label=_("File (PDF or picture)"))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (.json or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv,application/json,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".json", ".csv")):
            raise forms.ValidationError(_("Choose a .json or .csv file."))
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload
