import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from pantau.common import site

from . import security, selectors, services
from .forms import SignInForm, TokenForm, confirmed_totp_device


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.otp_device is not None:
            otp_login(self.request, form.otp_device)
        return response


sign_in = SignInView.as_view()
sign_out = auth_views.LogoutView.as_view()

# Django's own password views; changing the password ends the user's other sessions (the session
# check value derives from the password hash), and so does a reset.
password_change = auth_views.PasswordChangeView.as_view(
    success_url=reverse_lazy("accounts:password-change-done")
)
password_change_done = auth_views.PasswordChangeDoneView.as_view()


def _password_reset(request):
    # Built per request: the link's address is the site's (pantau.common.site), read now.
    return auth_views.PasswordResetView.as_view(
        success_url=reverse_lazy("accounts:password-reset-done"),
        email_template_name="registration/password_reset_email.txt",
        subject_template_name="registration/password_reset_subject.txt",
        extra_email_context={"site_url": site.base_url()},
    )(request)


def password_reset(request):
    """Django's reset view, with a limit on requests per client address so that the form cannot
    be used to flood mailboxes (``PANTAU_PASSWORD_RESET_RATE``)."""
    if request.method == "POST" and not security.reset_request_allowed(request):
        form = PasswordResetForm(request.POST)
        form.add_error(
            None, _("Too many requests from your address. Wait an hour, then try again.")
        )
        return render(request, "registration/password_reset_form.html", {"form": form}, status=429)
    return _password_reset(request)


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    extra_context={"expiry_minutes": settings.PASSWORD_RESET_TIMEOUT // 60}
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    success_url=reverse_lazy("accounts:password-reset-complete")
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view()


@login_required
def home(request):
    from django.utils import timezone

    from pantau.complaints.selectors import desk_summary

    return render(
        request,
        "accounts/home.html",
        {
            "home": selectors.home_for(request.user),
            "desk": desk_summary(request.user, timezone.localdate()),
        },
    )


@login_required
def two_factor(request):
    """Turn on two-factor sign-in: scan the QR code, then prove it works with one code."""
    confirmed = confirmed_totp_device(request.user)
    if confirmed is not None:
        form = TokenForm(device=confirmed, request=request)
        return render(request, "accounts/two_factor_on.html", {"form": form})
    device = services.start_totp_setup(actor=request.user)
    form = TokenForm(request.POST or None, device=device, request=request)
    if request.method == "POST" and form.is_valid():
        services.confirm_totp_device(actor=request.user, device=device)
        update_session_auth_hash(request, request.user)  # this session stays, the others end
        otp_login(request, device)
        messages.success(
            request,
            _("Two-factor sign-in is on. You will need your app's code each time you sign in."),
        )
        return redirect("accounts:home")
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_data_uri": qr.svg_data_uri(scale=5, dark="#111", light="#fff"),
            "secret": _base32_secret(device),
        },
    )


def _base32_secret(device) -> str:
    import base64

    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@login_required
@require_POST
def two_factor_disable(request):
    device = confirmed_totp_device(request.user)
    if device is None:
        return redirect("accounts:two-factor")
    form = TokenForm(request.POST, device=device, request=request)
    if form.is_valid():
        services.disable_totp(actor=request.user)
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Two-factor sign-in is off."))
        return redirect("accounts:home")
    return render(request, "accounts/two_factor_on.html", {"form": form}, status=400)
