"""Forms of observation visits: they validate and convert; the services save (and check again)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.common.files import CheckedFileField
from pantau.surveys.forms import ResponseForm

from .models import Kind
from .services import Evidence

PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
PHOTO_MAX_BYTES = 8 * 1024 * 1024


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class PersonField(forms.ModelChoiceField):  # type: ignore[type-arg]  # not subscriptable at run time
    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


class ScheduleForm(forms.Form):
    unit = forms.ModelChoiceField(  # type: ignore[var-annotated]  # the queryset is set per user
        label=_("Unit to visit"),
        queryset=None,
        empty_label=_("Choose the unit"),
        error_messages={"required": _("Choose the unit to visit.")},
    )
    kind = forms.ChoiceField(
        label=_("Checklist"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a checklist.")},
    )
    service = forms.ModelChoiceField(  # type: ignore[var-annotated]  # the queryset is set per user
        label=_("Service observed"),
        queryset=None,
        required=False,
        empty_label=_("No particular service"),
        help_text=_(
            "Needed for the standard checklist: the items quote that service's published standard."
        ),
    )
    planned_on = forms.DateField(
        label=_("Date of the visit"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the date of the visit."),
            "invalid": _("Enter a real date."),
        },
    )
    observer = PersonField(
        label=_("Observer"),
        queryset=None,
        empty_label=_("Choose the observer"),
        help_text=_("Someone who does not work at the unit visited."),
        error_messages={"required": _("Choose the observer.")},
    )
    scenario = forms.CharField(
        label=_("Scenario"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the observer asks for or does, as a citizen would (optional)."),
    )

    def __init__(self, *args: Any, units: Any, services: Any, people: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["service"].queryset = services  # type: ignore[attr-defined]
        self.fields["service"].label_from_instance = lambda s: f"{s.unit.name} · {s.name}"  # type: ignore[attr-defined]
        self.fields["observer"].queryset = people  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Kind.STANDARD and not data.get("service"):
            self.add_error("service", _("A standard checklist observes one service: choose it."))
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the visit cancelled?"),
        max_length=300,
        error_messages={"required": _("Say why the visit is cancelled.")},
    )


class VisitForm(ResponseForm):
    """The checklist as the questionnaire engine builds it, with a note and a photo the observer
    may add under each item (the shared question template shows them, ``extra_suffixes``)."""

    extra_suffixes = ("note", "photo")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in self.items:
            self.fields[f"{item.key}__note"] = forms.CharField(
                label=_("Note on %(code)s (optional)") % {"code": item.code},
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"{item.key}__photo"] = CheckedFileField(
                label=_("Photo for %(code)s (optional)") % {"code": item.code},
                required=False,
                types=PHOTO_TYPES,
                max_bytes=PHOTO_MAX_BYTES,
                too_large=_("%(name)s is larger than 8 MB: take a smaller photo."),
                not_allowed=_("%(name)s is not a JPEG, PNG or WebP photo."),
                accept="image/jpeg,image/png,image/webp",
            )

    def evidence(self) -> dict[str, Evidence]:
        found = {}
        for item in self.items:
            note = (self.cleaned_data.get(f"{item.key}__note") or "").strip()
            photo = self.cleaned_data.get(f"{item.key}__photo")
            if note or photo is not None:
                found[item.key] = Evidence(note=note, photo=photo)
        return found
