"""Forms of the API pages: a new token, a new webhook."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.accounts.forms import WRONG_PASSWORD, PasswordAgainField, password_is_right
from pantau.events.models import WebhookEvent
from pantau.organisations.selectors import visible_units

MAX_CHECKBOXES = 60


class UnitSlugsField(forms.CharField):
    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units

    def clean(self, value):
        slugs = {s.strip() for s in (super().clean(value) or "").split(",") if s.strip()}
        found = list(self.units.filter(slug__in=slugs))
        if len(found) != len(slugs):
            raise forms.ValidationError(_("Choose only units you work with."))
        return found


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Where the token is used, e.g. “Province dashboard”."),
    )
    write = forms.BooleanField(
        label=_("Also allow changes (write), not only reading"), required=False
    )
    units: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Only these units (none chosen: every unit you work with)"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    password = PasswordAgainField()

    def __init__(self, *args, user, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        units = visible_units(user).filter(is_active=True).order_by("name")
        if units[: MAX_CHECKBOXES + 1].count() > MAX_CHECKBOXES:
            # An evaluator or agency head may reach thousands of units: type their slugs instead.
            self.fields["units"] = UnitSlugsField(
                units=units,
                label=_("Only these units: their slugs, separated by commas (empty: every unit)"),
                required=False,
                max_length=4000,
            )
        else:
            self.fields["units"].queryset = units

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise forms.ValidationError(WRONG_PASSWORD)
        return password


class WebhookForm(forms.Form):
    url = forms.URLField(
        label=_("Address (HTTPS)"),
        max_length=400,
        assume_scheme="https",
        help_text=_("The address of your own system that receives the events."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if not url.lower().startswith("https://"):
            raise forms.ValidationError(_("The address must start with https://."))
        return url
