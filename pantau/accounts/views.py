import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from . import selectors, services
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


@login_required
def home(request):
    return render(request, "accounts/home.html", {"home": selectors.home_for(request.user)})


@login_required
def two_factor(request):
    """Turn on two-factor sign-in: scan the QR code, then prove it works with one code."""
    if confirmed_totp_device(request.user) is not None:
        return render(request, "accounts/two_factor_on.html", {"form": None})
    device = services.start_totp_setup(actor=request.user)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        services.confirm_totp_device(actor=request.user, device=device)
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
    form = TokenForm(request.POST, device=device)
    if form.is_valid():
        services.disable_totp(actor=request.user)
        messages.success(request, _("Two-factor sign-in is off."))
        return redirect("accounts:home")
    return render(request, "accounts/two_factor_on.html", {"form": form}, status=400)
