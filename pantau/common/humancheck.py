"""A check that a person, not a script, sent a public form; it needs no JavaScript.

The form carries a signed time (``django.core.signing``): a submission sooner than
``PANTAU_FORM_MIN_SECONDS`` after the form was shown is a script (nobody reads and answers a form
in that time), one later than ``PANTAU_FORM_MAX_HOURS`` carries a stale time. It also carries a
field hidden from view that people leave empty (a honeypot). Either failure refuses the submission
with a message and shows the form again with everything the citizen entered, and a fresh time when
the old one was unusable; together with the limit per address (``pantau.common.ratelimit``) it
slows down automated intake without a CAPTCHA.
"""

import time

from django import forms
from django.conf import settings
from django.core.signing import BadSignature, Signer
from django.utils.translation import gettext_lazy as _

SALT = "pantau.common.humancheck"
STARTED = "form_started"
HONEYPOT = "website"


def new_token(*, now: float | None = None) -> str:
    """The signed time the form is shown (``now`` lets tests and benchmarks date it back)."""
    moment = int(time.time() if now is None else now)
    return Signer(salt=SALT).sign(str(moment))


def passing_fields(*, age: float = 60) -> dict[str, str]:
    """The two fields as a person's browser sends them ``age`` seconds after opening the form."""
    return {STARTED: new_token(now=time.time() - age), HONEYPOT: ""}


class HumanCheckForm(forms.Form):
    """Validated beside the page's own form; its errors are shown at the top of the page."""

    form_started = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, initial={STARTED: new_token()}, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get(HONEYPOT):
            raise forms.ValidationError(
                _(
                    "The field “Leave this field empty” was filled in, so the form was not "
                    "sent. Empty it and send the form again."
                ),
                code="honeypot",
            )
        try:
            started = int(Signer(salt=SALT).unsign(data.get(STARTED) or ""))
        except (BadSignature, ValueError):
            self._renew()
            raise forms.ValidationError(
                _("The form could not be checked, so it was not sent. Please send it again."),
                code="missing",
            ) from None
        age = time.time() - started
        if age > settings.PANTAU_FORM_MAX_HOURS * 3600:
            self._renew()
            raise forms.ValidationError(
                _(
                    "This form was opened too long ago, so it was not sent. Check what you "
                    "entered and send it again."
                ),
                code="expired",
            )
        if age < settings.PANTAU_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "The form was sent too quickly after it was opened, so it was not sent. "
                    "Check what you entered and send it again."
                ),
                code="too_soon",
            )
        return data

    def _renew(self) -> None:
        """Show the form again with a fresh time, so that sending it again can pass."""
        self.data = {HONEYPOT: self.data.get(HONEYPOT, ""), STARTED: new_token()}

    @property
    def honeypot_filled(self) -> bool:
        return self.is_bound and bool(self.data.get(HONEYPOT))
