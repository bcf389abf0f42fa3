"""The citizen form F-03 of a lokus: answered publicly like the SKM (rate limited, no account)."""

import segno
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pantau.surveys.forms import ResponseForm
from pantau.surveys.models import Collection, Response
from pantau.surveys.refusals import REFUSAL_MESSAGES
from pantau.surveys.selectors import version_items
from pantau.surveys.services import (
    SubmissionRefused,
    client_key_for,
    device_key_for,
    submit_public_response,
)

from .models import Lokus


def _lokus(token: str) -> Lokus:
    return get_object_or_404(
        Lokus.objects.select_related(
            "unit", "round", "citizen_collection", "citizen_collection__version"
        ),
        citizen_collection__token=token,
    )


def _accepting(lokus: Lokus) -> bool:
    round_ = lokus.round
    today = timezone.localdate()
    collection = lokus.citizen_collection
    return (
        collection is not None
        and collection.status == Collection.Status.OPEN
        and round_.citizen_opens <= today <= round_.citizen_closes
    )


@never_cache
def citizen_form(request, token):
    lokus = _lokus(token)
    collection = lokus.citizen_collection
    if not _accepting(lokus):
        return render(request, "evaluations/public/citizen_closed.html", {"lokus": lokus})
    form = ResponseForm(
        request.POST or None, version=collection.version, items=version_items(collection.version)
    )
    refusal = ""
    if request.method == "POST" and form.is_valid():
        try:
            response, _created = submit_public_response(
                collection=collection,
                answers=form.answers(),
                submission_token=form.cleaned_data["submission_token"],
                client_key=client_key_for(request),
                device_key=device_key_for(request),
            )
        except SubmissionRefused as refused:
            refusal = REFUSAL_MESSAGES[refused.reason]
        else:
            return redirect("evaluations:citizen-thanks", token=token, number=response.number)
    return render(
        request,
        "evaluations/public/citizen_form.html",
        {"lokus": lokus, "unit": lokus.unit, "form": form, "refusal": refusal},
        status=409 if refusal else 200,
    )


def citizen_thanks(request, token, number):
    lokus = _lokus(token)
    response = get_object_or_404(Response, collection=lokus.citizen_collection, number=number)
    return render(
        request, "evaluations/public/citizen_thanks.html", {"lokus": lokus, "response": response}
    )


def citizen_qr(request, token):
    _lokus(token)  # a 404 for an unknown code
    url = request.build_absolute_uri(reverse("evaluations:citizen-form", args=[token]))
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=6, dark="#000", light="#fff", title=_("QR code of the citizen form"))
    return HttpResponse(svg, content_type="image/svg+xml")
