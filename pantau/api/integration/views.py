"""The staff page of integration tokens: the tokens of the agencies a user may issue for, issuing
one (the secret shown once) and revoking one. Anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import IntegrationTokenForm
from .permissions import can_manage_integration_tokens

SHOWN_ONCE = "api_integration_secret_shown_once"


@never_cache
@login_required
def integration_tokens(request):
    if not can_manage_integration_tokens(request.user):
        raise Http404
    form = IntegrationTokenForm(request.POST or None, user=request.user, request=request)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _token, secret = services.issue_integration_token(
                    actor=request.user,
                    name=form.cleaned_data["name"],
                    agency=form.cleaned_data["agency"],
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                request.session[SHOWN_ONCE] = secret
                messages.success(
                    request, _("The token is issued. Copy it now: it is shown only once.")
                )
                return redirect("api:integration-token-list")
        status = 400
    return render(
        request,
        "api/integration_token_list.html",
        {
            "form": form,
            "tokens": selectors.integration_tokens_for(request.user),
            "secret": request.session.pop(SHOWN_ONCE, ""),
        },
        status=status,
    )


@login_required
@require_POST
def integration_token_revoke(request, pk):
    token = get_object_or_404(selectors.integration_tokens_for(request.user), pk=pk)
    services.revoke_integration_token(actor=request.user, token=token)
    messages.success(request, _("The token is revoked; it no longer works."))
    return redirect("api:integration-token-list")
