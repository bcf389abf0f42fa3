"""The recipients' side of a perception study: answer on a phone or at a kiosk, anonymously."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from pantau.surveys.forms import ResponseForm
from pantau.surveys.models import Collection
from pantau.surveys.public import KioskLink, PublicQuestionnaire, Target
from pantau.surveys.selectors import version_items

from . import services
from .models import ProviderInvitation, RespondentGroup

KIOSK = KioskLink("pantau.studies.kiosk")


def kiosk_signature(group: RespondentGroup) -> str:
    return KIOSK.sign(group.collection.token)


def _group(token: str) -> RespondentGroup:
    """Only the recipients' group answers in public; providers answer signed in."""
    return get_object_or_404(
        RespondentGroup.objects.select_related(
            "study", "unit", "collection", "collection__version"
        ),
        collection__token=token,
        role=RespondentGroup.Role.RECIPIENT,
    )


class RecipientQuestionnaire(PublicQuestionnaire):
    """Form A of a perception study, answered anonymously on a phone or at a kiosk."""

    form_url = "study:form"
    thanks_url = "study:thanks"
    kiosk_url = "study:kiosk"
    template = "studies/public/form.html"
    closed_template = "studies/public/closed.html"
    thanks_template = "studies/public/thanks.html"
    kiosk = KIOSK
    kiosk_exit_url = "study:kiosk-exit"
    qr_title = _("QR code of the study questionnaire")
    page_items = 8  # Form A's 36 statements on five pages instead of one 13,800 px page

    def target(self, token: str, *, posting: bool) -> Target:
        group = _group(token)
        return Target(
            collection=group.collection,
            unit=group.unit,
            context={"group": group, "study": group.study},
            domain=group,
        )

    def staff_url(self, target: Target) -> str:
        return reverse("studies:study-detail", args=[target.context["study"].pk])


recipients = RecipientQuestionnaire()


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
