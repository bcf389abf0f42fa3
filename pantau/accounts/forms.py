from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

THROTTLED = _("Too many wrong codes in a row. Wait a little while, then enter the current code.")


def confirmed_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class SignInForm(AuthenticationForm):
    """Username or e-mail, password, and the authenticator code for users who enabled it."""

    username = forms.CharField(
        label=_("Username or e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_token = forms.CharField(
        label=_("Authenticator code"),
        required=False,
        max_length=8,
        help_text=_("Only if you turned on two-factor sign-in: the 6-digit code from your app."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or e-mail and password do not match an active account."),
        "token_required": _(
            "This account uses two-factor sign-in: enter the code from your authenticator app."
        ),
        "invalid_token": _("The authenticator code is wrong or has expired. Try the current code."),
    }

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        self.otp_device = None
        if user is not None:
            device = confirmed_totp_device(user)
            if device is not None:
                token = (cleaned.get("otp_token") or "").replace(" ", "")
                if not token:
                    raise forms.ValidationError(
                        self.error_messages["token_required"], code="token_required"
                    )
                allowed, _extra = device.verify_is_allowed()
                if not allowed:
                    raise forms.ValidationError(THROTTLED, code="throttled")
                if not device.verify_token(token):
                    raise forms.ValidationError(
                        self.error_messages["invalid_token"], code="invalid_token"
                    )
                self.otp_device = device
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        allowed, _extra = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(THROTTLED)
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("The code is wrong or has expired. Try the current code.")
            )
        return token
