from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
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
        "invalid_login": _(
            "The username or e-mail, the password or the authenticator code is wrong. If you "
            "turned on two-factor sign-in, enter the current code from your app."
        ),
    }

    def clean(self):
        """A right password without its right code fails exactly as a wrong password does: the
        same message, and one more failure counted by django-axes (no password oracle)."""
        cleaned = super().clean()
        user = self.get_user()
        self.otp_device = None
        if user is not None:
            device = confirmed_totp_device(user)
            if device is not None:
                token = (cleaned.get("otp_token") or "").replace(" ", "")
                allowed, _extra = device.verify_is_allowed()
                if not (token and allowed and device.verify_token(token)):
                    self.user_cache = None
                    user_login_failed.send(
                        sender=__name__,
                        credentials={"username": cleaned.get("username"), "password": "*" * 8},
                        request=self.request,
                    )
                    raise self.get_invalid_login_error()
                self.otp_device = device
        return cleaned


def password_is_right(request, user, password: str) -> bool:
    """Whether the password is the user's own, checked through the sign-in backends so that a
    wrong one counts towards django-axes' lockout like a wrong sign-in."""
    if not password:
        return False
    return authenticate(request, username=user.get_username(), password=password) == user


class PasswordAgainField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Your password"))
        kwargs.setdefault("help_text", _("Enter your password again to confirm it is you."))
        kwargs.setdefault("strip", False)
        kwargs.setdefault("widget", forms.PasswordInput(attrs={"autocomplete": "current-password"}))
        super().__init__(**kwargs)


WRONG_PASSWORD = _("The password is wrong.")


class TokenForm(forms.Form):
    """An authenticator code and the user's password (to turn two-factor sign-in on or off)."""

    password = PasswordAgainField()
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device: TOTPDevice, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.request = request

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.request.user, password):
            raise forms.ValidationError(WRONG_PASSWORD)
        return password

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
