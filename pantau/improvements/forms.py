"""The register's forms: they validate and convert; the services save (and check again)."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.accounts.models import User
from pantau.evaluations.forms import EvidenceField

from . import metrics
from .models import Source, Status
from .services import SourceRef


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def unit_people(unit: Any) -> Any:
    """The people who work at the unit (its head and officers), who may own an action."""
    return (
        User.objects.filter(memberships__unit=unit, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]  # not subscriptable at run time
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


PUBLIC_CHOICES = [
    ("", _("As usual for the source (shown, except for a single complaint)")),
    ("yes", _("Yes, show it on the public pages")),
    ("no", _("No, keep it among staff")),
]


class ActionFieldsForm(forms.Form):
    """What an action is: shared by planning and revising."""

    title = forms.CharField(
        label=_("Action"),
        max_length=200,
        help_text=_("What will be done, in a short sentence the public understands."),
    )
    description = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    owner = PersonChoiceField(label=_("Owner"), queryset=User.objects.none())
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())
    metric_key = forms.ChoiceField(
        label=_("Figure it should move"),
        required=False,
        help_text=_("Pantau shows this figure before the action and after it."),
    )
    baseline = forms.DecimalField(
        label=_("Baseline"), required=False, max_digits=9, decimal_places=2
    )
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=9, decimal_places=2)
    budget = forms.DecimalField(
        label=_("Budget (Rp)"),
        required=False,
        max_digits=15,
        decimal_places=0,
        min_value=0,
        help_text=_("The money set aside for the action, if any, in whole rupiah."),
    )

    def __init__(self, *args: Any, unit: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["owner"].queryset = unit_people(unit)  # type: ignore[attr-defined]
        self.fields["metric_key"].choices = metrics.choices(unit)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("target") is not None and not data.get("metric_key"):
            self.add_error("metric_key", _("Choose the figure the target is for."))
        return data


class PlanForm(ActionFieldsForm):
    """A new action. Started from a source (``fixed``, e.g. an SKM element's "plan an action"
    link), the form shows that source; otherwise the planner names one."""

    source = forms.ChoiceField(label=_("Where the action comes from"), choices=Source.choices)
    category: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label=_("Complaint category"),
        queryset=None,
        required=False,
        help_text=_("For complaints in one category."),
    )
    complaint_number = forms.CharField(
        label=_("Report number"),
        max_length=40,
        required=False,
        help_text=_("For a single complaint."),
    )
    source_note = forms.CharField(
        label=_("What was found"),
        max_length=300,
        required=False,
        help_text=_("For a mystery-shopping finding."),
    )
    public = forms.ChoiceField(
        label=_("Show on the public pages"), choices=PUBLIC_CHOICES, required=False
    )
    field_order = ["source", "category", "complaint_number", "source_note", "title"]

    def __init__(self, *args: Any, unit: Any, fixed: SourceRef | None = None, **kwargs: Any):
        from pantau.complaints.selectors import categories_for

        super().__init__(*args, unit=unit, **kwargs)
        self.fixed = fixed
        if fixed is not None:
            for name in ("source", "category", "complaint_number", "source_note"):
                del self.fields[name]
            if fixed.kind == Source.MYSTERY_SHOPPING:
                self.fields["source_note"] = forms.CharField(
                    label=_("What was found"), max_length=300
                )
        else:
            # Sources that name a record are planned from that record's page.
            self.fields["source"].choices = [  # type: ignore[attr-defined]
                (value, label)
                for value, label in Source.choices
                if value
                in (Source.OWN, Source.MYSTERY_SHOPPING, Source.COMPLAINT_PATTERN, Source.COMPLAINT)
            ]
            self.fields["category"].queryset = categories_for(unit=unit).order_by(  # type: ignore[attr-defined]
                "position", "name"
            )

    def clean(self) -> dict[str, Any]:
        from pantau.complaints.models import Complaint

        data = super().clean()
        if self.fixed is not None:
            note = data.get("source_note", "")
            data["source_ref"] = SourceRef(**{**self.fixed.__dict__, "note": note or ""})
            return data
        kind = data.get("source")
        if kind == Source.COMPLAINT_PATTERN and not data.get("category"):
            self.add_error("category", _("Choose the complaint category."))
        if kind == Source.MYSTERY_SHOPPING and not data.get("source_note", "").strip():
            self.add_error("source_note", _("Say what the observer found."))
        complaint = None
        if kind == Source.COMPLAINT:
            number = data.get("complaint_number", "").strip().upper()
            complaint = Complaint.objects.filter(unit=self.unit, tracking_number=number).first()
            if complaint is None:
                self.add_error("complaint_number", _("The unit has no report with this number."))
        if kind:
            data["source_ref"] = SourceRef(
                kind,
                category=data.get("category") if kind == Source.COMPLAINT_PATTERN else None,
                complaint=complaint,
                note=data.get("source_note", "") if kind == Source.MYSTERY_SHOPPING else "",
            )
        return data

    @property
    def is_public(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("public", ""))


class ReviseForm(ActionFieldsForm):
    is_public = forms.BooleanField(label=_("Show on the public pages"), required=False)

    def __init__(self, *args: Any, unit: Any, carried_over: str = "", **kwargs: Any):
        super().__init__(*args, unit=unit, **kwargs)
        if carried_over:
            # A plan carried over from the SKM follow-up names who is responsible in words.
            self.fields["owner"].required = False
            self.fields["owner"].help_text = _(
                "Now: “%(name)s”. Choose a person of the unit to make them the owner."
            ) % {"name": carried_over}


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in Status if s != Status.DROPPED],
    )
    completed_on = forms.DateField(
        label=_("Completed on"), widget=DateInput(), required=False, help_text=_("When done.")
    )
    evidence_note = forms.CharField(
        label=_("What was done"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    evidence = EvidenceField(
        label=_("Evidence"),
        required=False,
        help_text=_("PDF, pictures or office documents, up to five files of 10 MB each."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        completed = data.get("completed_on")
        if data.get("status") == Status.DONE and not completed:
            self.add_error("completed_on", _("Give the date the action was completed."))
        if data.get("status") == Status.DONE and completed and completed > timezone.localdate():
            self.add_error("completed_on", _("The completion date cannot be in the future."))
        if data.get("status") != Status.DONE:
            data["completed_on"] = None
        return data


class DropForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the action is dropped"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
