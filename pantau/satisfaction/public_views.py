"""The citizen's side of the SKM: answer on a phone or a kiosk, get a receipt, see what happens."""

import segno
from django.core.signing import BadSignature, TimestampSigner
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pantau.common.humancheck import HumanCheckForm
from pantau.organisations.models import ServiceUnit
from pantau.surveys.forms import ResponseForm
from pantau.surveys.models import Collection, Response
from pantau.surveys.refusals import REFUSAL_MESSAGES
from pantau.surveys.selectors import version_items
from pantau.surveys.services import (
    SubmissionRefused,
    client_key_for,
    device_key_for,
    record_refusal,
    submit_public_response,
)

from . import selectors
from . import services as skm_services
from .views import KIOSK_SALT


def unit_survey(request, unit_slug):
    """The stable link printed at a counter: the unit's survey that is open now."""
    unit = get_object_or_404(ServiceUnit, slug=unit_slug, is_active=True)
    period, upcoming = selectors.open_survey_for_public(unit)
    if period is None:
        return render(
            request,
            "satisfaction/public/no_survey.html",
            {"unit": unit, "next_period": upcoming},
        )
    query = request.META.get("QUERY_STRING", "")
    return redirect(
        reverse("survey:form", args=[period.collection.token]) + (f"?{query}" if query else "")
    )


@never_cache
def survey_form(request, token, kiosk=False, kiosk_signature=""):
    if request.method == "POST":
        target = selectors.submission_target(token)
        period, services = target.period, target.services
    else:
        period = selectors.period_by_token(token)
        if period.collection.status != Collection.Status.OPEN:
            return render(
                request,
                "satisfaction/public/no_survey.html",
                {"unit": period.unit, "period": period},
            )
        services = period.services.filter(is_active=True).order_by("name")
    initial = {}
    chosen = request.GET.get("layanan", "")
    if chosen.isdigit() and services.filter(pk=chosen).exists():
        initial["service"] = int(chosen)
    form = ResponseForm(
        request.POST or None,
        version=period.collection.version,
        items=version_items(period.collection.version),
        services=services,
        known_services=target.known_services if request.method == "POST" else None,
        initial=initial,
    )
    guard = HumanCheckForm(request.POST or None)
    code = (request.POST.get("kode") or request.GET.get("kode") or "").strip()
    refusal = ""
    if request.method == "POST" and guard.is_valid() and form.is_valid():
        why = skm_services.public_answers_refusal(period)
        if why:
            record_refusal(collection=period.collection, reason="closed")
            refusal = REFUSAL_MESSAGES[why]
    if request.method == "POST" and not refusal and guard.is_valid() and form.is_valid():
        try:
            response, _created = submit_public_response(
                collection=period.collection,
                answers=form.answers(),
                submission_token=form.cleaned_data["submission_token"],
                client_key=client_key_for(request),
                device_key=device_key_for(request),
                kiosk=kiosk,
                service=form.cleaned_data["service"],
                access_code=code if period.requires_code else None,
            )
        except SubmissionRefused as refused:
            refusal = REFUSAL_MESSAGES[refused.reason]
        else:
            thanks = reverse("survey:thanks", args=[token, response.number])
            return redirect(thanks + (f"?kiosk={kiosk_signature}" if kiosk else ""))
    if request.method == "POST":
        period = selectors.period_by_token(
            token
        )  # the page again, with all that the submission did not need
    template = "satisfaction/public/kiosk.html" if kiosk else "satisfaction/public/survey_form.html"
    return render(
        request,
        template,
        {
            "period": period,
            "unit": period.unit,
            "form": form,
            "guard": guard,
            "code": code,
            "refusal": refusal,
            "kiosk": kiosk,
            "kiosk_url": reverse("survey:kiosk", args=[token, kiosk_signature]) if kiosk else "",
        },
        status=409 if refusal else 400 if guard.errors else 200,
    )


def survey_kiosk(request, token, signature):
    period = selectors.submission_target(token).period  # 404 for an unknown link
    try:
        TimestampSigner(salt=KIOSK_SALT).unsign(f"{period.collection.token}:{signature}")
    except BadSignature:
        raise Http404 from None
    return survey_form(request, token, kiosk=True, kiosk_signature=signature)


def survey_thanks(request, token, number):
    period = selectors.period_by_token(token)
    response = get_object_or_404(Response, collection=period.collection, number=number)
    published = selectors.latest_published(period.unit)
    signature = request.GET.get("kiosk", "")
    restart_url = ""
    if signature:
        try:
            TimestampSigner(salt=KIOSK_SALT).unsign(f"{period.collection.token}:{signature}")
            restart_url = reverse("survey:kiosk", args=[token, signature])
        except BadSignature:
            restart_url = ""
    return render(
        request,
        "satisfaction/public/thanks.html",
        {
            "period": period,
            "unit": period.unit,
            "response": response,
            "published": published,
            "published_results": selectors.public_results(published) if published else None,
            "plan": selectors.follow_up_actions(published) if published else [],
            "kiosk": bool(restart_url),
            "restart_url": restart_url,
        },
    )


def survey_qr(request, token):
    period = selectors.period_by_token(token)
    url = request.build_absolute_uri(reverse("survey:form", args=[period.collection.token]))
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=6, dark="#000", light="#fff", title=_("QR code of the survey"))
    return HttpResponse(svg, content_type="image/svg+xml")
