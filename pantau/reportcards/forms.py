from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import FIRST_YEAR
from .services import MESSAGE_MAX


def _message_field() -> forms.CharField:
    return forms.CharField(
        label=_("The unit's word to the public"),
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What went well, what did not, and what comes next. Shown on the card as written."
        ),
        error_messages={
            "max_length": _("Keep the word to %(limit_value)d characters (it has %(show_value)d).")
        },
    )


class PrepareForm(forms.Form):
    """A new card: the year it covers and the unit's word to the public."""

    year = forms.IntegerField(
        label=_("Year"),
        min_value=FIRST_YEAR,
        help_text=_("A card covers one calendar year that has ended."),
        error_messages={
            "required": _("Enter the year the card covers."),
            "invalid": _("Enter the year as a number, such as 2025."),
            "min_value": _("Choose a year from %(limit_value)s."),
        },
    )
    message = _message_field()

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        this_year = timezone.localdate().year
        if year >= this_year:
            raise forms.ValidationError(
                _("A report card covers a whole year that has ended: choose %(last)s or earlier."),
                params={"last": this_year - 1},
            )
        return year


class RefreshForm(forms.Form):
    """A draft's figures computed again, with its word changed."""

    message = _message_field()
