import re

from django import forms
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

from .models import ContactChannel, OpeningHours, Service, ServiceUnit, VisitRequest


class UnitProfileForm(forms.ModelForm):
    class Meta:
        model = ServiceUnit
        fields = [
            "description",
            "address",
            "city",
            "province",
            "postal_code",
            "time_zone",
            "home_visits",
            "home_visit_note",
            "sipp_code",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "address": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_postal_code(self) -> str:
        code = self.cleaned_data["postal_code"].strip()
        if code and not re.fullmatch(r"\d{5}", code):
            raise forms.ValidationError(_("An Indonesian postal code has five digits."))
        return code

    def clean_sipp_code(self) -> str:
        """Unique whatever the letter case (the database's constraint names no field, so its
        message would not stand beside the field)."""
        code = (self.cleaned_data.get("sipp_code") or "").strip()
        if (
            code
            and ServiceUnit.objects.filter(sipp_code__iexact=code)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(_("Another unit already has this SIPP unit code."))
        return code


class VisitRequestForm(forms.ModelForm):
    """A resident's request for a home visit (jemput bola), as the public form asks it."""

    class Meta:
        model = VisitRequest
        fields = ["name", "phone", "address", "village", "reason", "service", "details"]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "details": forms.Textarea(attrs={"rows": 3}),
            "reason": forms.RadioSelect,
        }

    def __init__(self, *args, unit: ServiceUnit, **kwargs):
        super().__init__(*args, **kwargs)
        service = self.fields["service"]
        assert isinstance(service, forms.ModelChoiceField)  # noqa: S101 - a ForeignKey's field
        service.queryset = unit.services.filter(is_active=True).order_by("name")
        service.empty_label = _("Not sure")
        self.fields["phone"].help_text = _(
            "Officers call or send a WhatsApp message to agree the day."
        )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if len(re.sub(r"\D", "", phone)) < 8:
            raise forms.ValidationError(_("Give a telephone number officers can call."))
        return phone


class VisitUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=VisitRequest.Status.choices)
    scheduled_on = forms.DateField(
        label=_("Visit date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(label=_("Note for the resident"), max_length=300, required=False)


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = ["name", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, unit: ServiceUnit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Service.objects.filter(unit=self.unit, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("This unit already offers a service with this name."))
        return name

    def validate_unique(self) -> None:
        # Uniqueness per unit is checked in clean_name; the unit is not a form field.
        pass


class DayHoursForm(forms.Form):
    """One weekday of a unit's opening hours."""

    weekday = forms.TypedChoiceField(
        choices=OpeningHours.Weekday.choices, coerce=int, widget=forms.HiddenInput
    )
    is_open = forms.BooleanField(label=_("Open"), required=False)
    opens = forms.TimeField(
        label=_("Opens"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    closes = forms.TimeField(
        label=_("Closes"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=120)

    @property
    def day_label(self) -> str:
        return str(OpeningHours.Weekday(int(self.initial["weekday"])).label)

    def clean(self):
        data = super().clean()
        if data.get("is_open"):
            opens, closes = data.get("opens"), data.get("closes")
            if opens is None or closes is None:
                raise forms.ValidationError(_("Give the opening and closing time of an open day."))
            if closes <= opens:
                raise forms.ValidationError(_("Closing time must be after opening time."))
        return data


class BaseWeekFormSet(forms.BaseFormSet):
    def week(self) -> dict:
        result = {}
        for form in self.forms:
            data = form.cleaned_data
            result[data["weekday"]] = (
                (data["opens"], data["closes"], data["note"]) if data.get("is_open") else None
            )
        return result


WeekFormSet = forms.formset_factory(
    DayHoursForm,
    formset=BaseWeekFormSet,
    extra=0,
    min_num=7,
    max_num=7,
    validate_max=True,
    validate_min=True,
)


def week_initial(unit: ServiceUnit) -> list[dict]:
    rows = {row.weekday: row for row in unit.opening_hours.all()}
    initial = []
    for weekday, _label in OpeningHours.Weekday.choices:
        row = rows.get(weekday)
        initial.append(
            {
                "weekday": weekday,
                "is_open": row is not None,
                "opens": row.opens if row else None,
                "closes": row.closes if row else None,
                "note": row.note if row else "",
            }
        )
    return initial


class ChannelForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *ContactChannel.Kind.choices], required=False
    )
    value = forms.CharField(label=_("Number, address or link"), max_length=200, required=False)
    label = forms.CharField(label=_("Label"), max_length=80, required=False)

    def clean(self):
        data = super().clean()
        kind, value = data.get("kind"), (data.get("value") or "").strip()
        if not kind and not value:
            return data  # an empty row is ignored
        if not kind or not value:
            raise forms.ValidationError(_("Choose the kind of channel and fill in its value."))
        if kind in (ContactChannel.Kind.PHONE, ContactChannel.Kind.WHATSAPP):
            if not re.fullmatch(r"\+?[0-9][0-9 \-]{5,19}", value):
                raise forms.ValidationError(
                    _(
                        "A telephone number has only digits, spaces and dashes, optionally after a plus sign."
                    )
                )
        elif kind == ContactChannel.Kind.EMAIL:
            try:
                EmailValidator()(value)
            except forms.ValidationError:
                raise forms.ValidationError(_("Enter a valid e-mail address.")) from None
        elif kind in (ContactChannel.Kind.WEBSITE, ContactChannel.Kind.SOCIAL) and value.startswith(
            "http"
        ):
            try:
                URLValidator(schemes=["http", "https"])(value)
            except forms.ValidationError:
                raise forms.ValidationError(_("Enter a valid web address.")) from None
        data["value"] = value
        return data


class BaseChannelFormSet(forms.BaseFormSet):
    def channels(self) -> list[dict]:
        return [
            {
                "kind": f.cleaned_data["kind"],
                "value": f.cleaned_data["value"],
                "label": f.cleaned_data.get("label", ""),
            }
            for f in self.forms
            if f.cleaned_data.get("kind")
        ]


ChannelFormSet = forms.formset_factory(
    ChannelForm, formset=BaseChannelFormSet, extra=2, max_num=20, validate_max=True
)


def channels_initial(unit: ServiceUnit) -> list[dict]:
    return [{"kind": c.kind, "value": c.value, "label": c.label} for c in unit.channels.all()]
