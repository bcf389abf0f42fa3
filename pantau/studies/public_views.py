"""The recipients' side of a perception study: answer on a phone or at a kiosk, anonymously."""

import segno
from django.core.signing import BadSignature, TimestampSigner
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
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

from . import services
from .models import ProviderInvitation, RespondentGroup

KIOSK_SALT = "pantau.studies.kiosk"


def kiosk_signature(group: RespondentGroup) -> str:
    return TimestampSigner(salt=KIOSK_SALT).sign(group.collection.token).split(":", 1)[1]


def _valid_kiosk(group: RespondentGroup, signature: str) -> bool:
    try:
        TimestampSigner(salt=KIOSK_SALT).unsign(f"{group.collection.token}:{signature}")
    except BadSignature:
        return False
    return True


def _group(token: str) -> RespondentGroup:
    """Only the recipients' group answers in public; providers answer signed in."""
    return get_object_or_404(
        RespondentGroup.objects.select_related(
            "study", "unit", "collection", "collection__version"
        ),
        collection__token=token,
        role=RespondentGroup.Role.RECIPIENT,
    )


@never_cache
def study_form(request, token, kiosk=False, signature=""):
    group = _group(token)
    study = group.study
    if group.collection.status != Collection.Status.OPEN and request.method == "GET":
        return render(request, "studies/public/closed.html", {"study": study, "unit": group.unit})
    form = ResponseForm(
        request.POST or None,
        version=group.collection.version,
        items=version_items(group.collection.version),
    )
    refusal = ""
    if request.method == "POST" and form.is_valid():
        try:
            response, _created = submit_public_response(
                collection=group.collection,
                answers=form.answers(),
                submission_token=form.cleaned_data["submission_token"],
                client_key=client_key_for(request),
                device_key=device_key_for(request),
                kiosk=kiosk,
            )
        except SubmissionRefused as refused:
            refusal = REFUSAL_MESSAGES[refused.reason]
        else:
            target = reverse("study:thanks", args=[token, response.number])
            return redirect(target + (f"?kiosk={signature}" if kiosk else ""))
    return render(
        request,
        "studies/public/form.html",
        {
            "group": group,
            "study": study,
            "unit": group.unit,
            "form": form,
            "refusal": refusal,
            "kiosk": kiosk,
            "kiosk_url": reverse("study:kiosk", args=[token, signature]) if kiosk else "",
        },
        status=409 if refusal else 200,
    )


def study_kiosk(request, token, signature):
    group = _group(token)
    if not _valid_kiosk(group, signature):
        raise Http404
    return study_form(request, token, kiosk=True, signature=signature)


def study_thanks(request, token, number):
    group = _group(token)
    response = get_object_or_404(Response, collection=group.collection, number=number)
    signature = request.GET.get("kiosk", "")
    restart_url = (
        reverse("study:kiosk", args=[token, signature])
        if signature and _valid_kiosk(group, signature)
        else ""
    )
    return render(
        request,
        "studies/public/thanks.html",
        {
            "study": group.study,
            "unit": group.unit,
            "response": response,
            "kiosk": bool(restart_url),
            "restart_url": restart_url,
        },
    )


def study_qr(request, token):
    group = _group(token)
    url = request.build_absolute_uri(reverse("study:form", args=[group.collection.token]))
    svg = segno.make(url, error="m").svg_inline(
        scale=6, dark="#000", light="#fff", title=_("QR code of the study questionnaire")
    )
    return HttpResponse(svg, content_type="image/svg+xml")


@never_cache
def invited_form(request, token):
    """An officer's one-time link to the providers' form (no sign-in)."""
    invitation = get_object_or_404(
        ProviderInvitation.objects.select_related(
            "group", "group__study", "group__unit", "group__collection__version"
        ),
        token=token,
    )
    group = invitation.group
    study = group.study
    unit = group.unit
    if invitation.used_at is not None:
        return render(
            request, "studies/public/invitation_used.html", {"study": study, "unit": unit}
        )
    if group.collection.status != Collection.Status.OPEN:
        return render(request, "studies/public/closed.html", {"study": study, "unit": unit})
    form = ResponseForm(
        request.POST or None,
        version=group.collection.version,
        items=version_items(group.collection.version),
    )
    if request.method == "POST" and form.is_valid():
        try:
            response = services.submit_invited_response(
                token=token,
                answers=form.answers(),
                submission_token=form.cleaned_data["submission_token"],
            )
        except (services.InvitationUsed, services.AlreadyAnswered):
            return render(
                request,
                "studies/public/invitation_used.html",
                {"study": study, "unit": unit},
                status=409,
            )
        return render(
            request,
            "studies/public/thanks.html",
            {"study": study, "unit": unit, "response": response},
        )
    return render(
        request,
        "studies/provider_answer.html",
        {"study": study, "unit": unit, "group": group, "form": form},
    )
