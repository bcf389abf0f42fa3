"""Staff pages: my API tokens; a unit's tokens, webhooks and delivery log (unit head)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pantau.events import services as event_services
from pantau.organisations.selectors import get_managed_unit

from . import selectors, services
from .forms_web import TokenForm, WebhookForm
from .integration.permissions import can_manage_integration_tokens

SHOWN_ONCE = "api_secret_shown_once"


def _pop_secret(request, kind: str) -> str:
    shown = request.session.pop(SHOWN_ONCE, None)
    return shown["secret"] if shown and shown.get("kind") == kind else ""


@never_cache
@login_required
def token_list(request):
    form = TokenForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = services.create_token(
                actor=request.user,
                name=form.cleaned_data["name"],
                can_write=form.cleaned_data["write"],
                units=form.cleaned_data["units"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            request.session[SHOWN_ONCE] = {"kind": "token", "secret": secret}
            messages.success(
                request, _("The token is created. Copy it now: it is shown only once.")
            )
            return redirect("api:token-list")
    return render(
        request,
        "api/token_list.html",
        {
            "form": form,
            "tokens": selectors.tokens_of(request.user),
            "secret": _pop_secret(request, "token"),
            "may_issue_integration": can_manage_integration_tokens(request.user),
        },
    )


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(selectors.tokens_of(request.user), pk=pk)
    services.revoke_token(actor=request.user, token=token)
    messages.success(request, _("The token is revoked; it no longer works."))
    return redirect("api:token-list")


@never_cache
@login_required
def unit_detail(request, slug):
    unit = get_managed_unit(request.user, slug)
    return render(
        request,
        "api/unit_detail.html",
        {
            "unit": unit,
            "tokens": selectors.unit_tokens(unit),
            "webhooks": selectors.unit_webhooks(unit),
            "deliveries": selectors.deliveries(unit)[:50],
            "retention_days": settings.PANTAU_EVENT_RETENTION_DAYS,
            "form": WebhookForm(),
            "secret": _pop_secret(request, "webhook"),
        },
    )


@login_required
@require_POST
def webhook_create(request, slug):
    unit = get_managed_unit(request.user, slug)
    form = WebhookForm(request.POST)
    if form.is_valid():
        try:
            endpoint = services.register_webhook(
                actor=request.user,
                unit=unit,
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            request.session[SHOWN_ONCE] = {"kind": "webhook", "secret": endpoint.secret}
            messages.success(
                request,
                _("The webhook is registered. Copy the signing secret now: it is shown only once."),
            )
            return redirect("api:unit-detail", slug=unit.slug)
    return render(
        request,
        "api/unit_detail.html",
        {
            "unit": unit,
            "tokens": selectors.unit_tokens(unit),
            "webhooks": selectors.unit_webhooks(unit),
            "deliveries": selectors.deliveries(unit)[:50],
            "retention_days": settings.PANTAU_EVENT_RETENTION_DAYS,
            "form": form,
            "secret": "",
        },
        status=400,
    )


@login_required
@require_POST
def webhook_delete(request, slug, pk):
    unit = get_managed_unit(request.user, slug)
    endpoint = get_object_or_404(selectors.unit_webhooks(unit), pk=pk)
    services.remove_webhook(actor=request.user, endpoint=endpoint)
    messages.success(request, _("The webhook is removed."))
    return redirect("api:unit-detail", slug=unit.slug)


@login_required
@require_POST
def webhook_resend(request, slug, pk):
    """Send a delivery of the log again (same event id and payload); a new line in the log."""
    unit = get_managed_unit(request.user, slug)
    delivery = get_object_or_404(selectors.deliveries(unit), pk=pk)
    try:
        event_services.resend_delivery(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The event is queued again for %(url)s; the log shows how it goes.")
            % {"url": delivery.endpoint.url},
        )
    return redirect(reverse("api:unit-detail", args=[unit.slug]) + "#log-title")
