"""The citizen's side of the SKM: answer on a phone or a kiosk, get a receipt, see what happens.

The answering itself is ``pantau.surveys.public``; what is the SKM's own is here: the stable
counter link, the choice of service, the one-time code, the human check, the period's dates, and
the published results and follow-up plan on the thanks page."""

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pantau.organisations.models import ServiceUnit
from pantau.surveys.forms import ResponseForm
from pantau.surveys.models import HeldResponse, Response
from pantau.surveys.public import KioskLink, PublicQuestionnaire, Target
from pantau.surveys.selectors import version_items
from pantau.surveys.services import record_refusal

from . import selectors
from . import services as skm_services

KIOSK = KioskLink("pantau.satisfaction.kiosk")
ASSISTED = KioskLink("pantau.satisfaction.assisted")


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


class SkmQuestionnaire(PublicQuestionnaire):
    form_url = "survey:form"
    thanks_url = "survey:thanks"
    kiosk_url = "survey:kiosk"
    template = "satisfaction/public/survey_form.html"
    kiosk_template = "satisfaction/public/kiosk.html"
    closed_template = "satisfaction/public/no_survey.html"
    thanks_template = "satisfaction/public/thanks.html"
    kiosk = KIOSK
    kiosk_exit_url = "survey:kiosk-exit"
    assisted = ASSISTED
    assisted_url = "survey:assisted"
    human_check = True
    qr_title = _("QR code of the survey")

    def target(self, token: str, *, posting: bool) -> Target:
        if posting:  # what a submission needs, from a memo of a few seconds
            found = selectors.submission_target(token)
            period = found.period
            extra: dict[str, Any] = {
                "services": found.services,
                "known_services": found.known_services,
            }
        else:
            period = selectors.period_by_token(token)
            extra = {
                "services": period.services.filter(is_active=True).order_by("name"),
                "known_services": None,
            }
        return Target(
            collection=period.collection,
            unit=period.unit,
            context={"period": period},
            domain=extra,
        )

    def form_kwargs(self, request: HttpRequest, target: Target) -> dict[str, Any]:
        services = target.domain["services"]
        initial = {}
        chosen = request.GET.get("layanan", "")
        if chosen.isdigit() and services.filter(pk=chosen).exists():
            initial["service"] = int(chosen)
        return {
            "services": services,
            "known_services": target.domain["known_services"],
            "initial": initial,
        }

    def refusal_before_submit(self, target: Target) -> str:
        why = skm_services.public_answers_refusal(target.context["period"])
        if why:
            record_refusal(collection=target.collection, reason="closed")
        return why

    def submit_kwargs(
        self, request: HttpRequest, target: Target, form: ResponseForm
    ) -> dict[str, Any]:
        period = target.context["period"]
        return {
            "service": form.cleaned_data["service"],
            "access_code": _code(request) if period.requires_code else None,
        }

    def page_context(self, request: HttpRequest, target: Target) -> dict[str, Any]:
        questions = len(version_items(target.collection.version))  # a per-process cache
        return {"code": _code(request), "question_count": questions}

    def after_refusal(self, token: str, target: Target) -> Target:
        # the page again, with all that the submission did not need
        period = selectors.period_by_token(token)
        return Target(collection=period.collection, unit=period.unit, context={"period": period})

    def staff_url(self, target: Target) -> str:
        period = target.context["period"]
        return reverse("satisfaction:period-detail", args=[target.unit.slug, period.pk])

    def thanks_context(self, target: Target, response: Response | HeldResponse) -> dict[str, Any]:
        published = selectors.latest_published(target.unit)
        return {
            "published": published,
            "published_results": selectors.public_results(published) if published else None,
            "plan": selectors.follow_up_actions(published, public_only=True) if published else [],
        }


def _code(request: HttpRequest) -> str:
    return (request.POST.get("kode") or request.GET.get("kode") or "").strip()


survey = SkmQuestionnaire()
