"""Setting up a perception study."""

from django import forms
from django.utils.translation import gettext_lazy as _


class StudyForm(forms.Form):
    title = forms.CharField(label=_("Title of the study"), max_length=200)
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

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The study cannot end before it starts."))
        return data
