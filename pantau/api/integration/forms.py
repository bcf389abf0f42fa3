"""The form that issues an integration token."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.accounts.forms import WRONG_PASSWORD, PasswordAgainField, password_is_right

from .permissions import issuable_agency_ids
from .selectors import issuable_agencies


class IntegrationTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Which connector uses it, e.g. “SP4N-LAPOR! connector” or “SIPP”."),
    )
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Scope: the units of this agency and of every agency below it"),
        queryset=None,
    )
    password = PasswordAgainField()

    def __init__(self, *args, user, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        field = self.fields["agency"]
        field.queryset = issuable_agencies(user)
        if issuable_agency_ids(user) is None:  # an administrator: the national level too
            field.required = False
            field.empty_label = _("National: every unit of every agency")
            field.help_text = _("Leave it at national for the ministry's own connectors.")
        else:
            field.empty_label = None

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise forms.ValidationError(WRONG_PASSWORD)
        return password
