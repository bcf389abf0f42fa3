import segno
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pantau.common import ratelimit
from pantau.common.client_ip import client_ip
from pantau.common.humancheck import HumanCheckForm
from pantau.complaints import selectors as complaints
from pantau.evaluations import selectors as evaluations
from pantau.improvements import selectors as improvements
from pantau.organisations import selectors as organisations
from pantau.organisations import services as organisation_services
from pantau.organisations.forms import VisitRequestForm
from pantau.satisfaction import selectors as satisfaction
from pantau.standards import selectors as standards
from pantau.studies import selectors as studies

# Figures on public pages may be a minute old; they are read on every visit.
PUBLIC_CACHE_SECONDS = 60


def _provinces() -> list[str]:
    return cache.get_or_set(  # type: ignore[return-value]  # the loader returns a list
        "portal:provinces", organisations.public_provinces, PUBLIC_CACHE_SECONDS
    )


@never_cache
def home_visit(request, slug):
    """A resident asks the unit for a home visit (jemput bola, issue 19), where the unit offers
    them; the receipt shows the request's number."""
    unit = organisations.get_public_unit(slug)
    if not unit.home_visits:
        raise Http404
    form = VisitRequestForm(request.POST or None, unit=unit)
    guard = HumanCheckForm(request.POST or None)
    if request.method == "POST" and guard.is_valid() and form.is_valid():
        limit, window = settings.PANTAU_COMPLAINT_RATE
        if ratelimit.hit(f"home-visit:{client_ip(request)}", limit, window):
            try:
                visit = organisation_services.request_home_visit(unit=unit, data=form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return render(
                    request, "portal/home_visit_sent.html", {"unit": unit, "visit": visit}
                )
        else:
            form.add_error(
                None,
                _("Many requests came from this address in a short time. Please try again later."),
            )
    return render(
        request,
        "portal/home_visit.html",
        {"unit": unit, "form": form, "guard": guard},
        status=400 if guard.errors else 200,
    )


def rights(request):
    """Citizens' rights under Law 25/2009 and how a complaint is handled (issue 19)."""
    return render(
        request,
        "portal/rights.html",
        {
            "complaint_url": reverse("complaints:new"),
            "privacy_url": reverse("privacy:notice-index"),
        },
    )


def accessibility(request):
    return render(
        request, "portal/accessibility.html", {"complaint_url": reverse("complaints:new")}
    )


def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "counts": cache.get_or_set(
                "portal:counts", organisations.public_counts, PUBLIC_CACHE_SECONDS
            ),
            "provinces": _provinces(),
            "malls": cache.get_or_set("portal:malls", standards.public_malls, PUBLIC_CACHE_SECONDS),
        },
    )


def unit_list(request):
    search = request.GET.get("q", "").strip()[:100]
    province = request.GET.get("province", "").strip()[:100]
    page = organisations.public_directory_page(
        search=search, province=province, number=request.GET.get("page")
    )
    suggestion = ""
    if search:
        matches = standards.matching_services(page.object_list, search)
        for unit in page.object_list:
            unit.matching_services = matches.get(unit.pk, [])
        if not page.paginator.count:  # "did you mean": a typing error corrected (issue 19)
            suggestion = organisations.search_suggestion(search, province=province)
    return render(
        request,
        "portal/unit_list.html",
        {
            "page": page,
            "search": search,
            "province": province,
            "provinces": _provinces(),
            "suggestion": suggestion,
        },
    )


def unit_detail(request, slug):
    unit = organisations.get_public_unit(slug)
    in_force = standards.public_standards_of_unit(unit)
    for service in unit.services.all():
        service.standard = in_force.get(service.pk)
    # Offer only what a citizen can answer today (issue 19: the button led to "no survey").
    survey_open, next_survey = satisfaction.open_survey_for_public(unit)
    return render(
        request,
        "portal/unit_detail.html",
        {
            "unit": unit,
            "skm": satisfaction.public_summary(unit),
            "survey_open": survey_open,
            "next_survey": next_survey,
            "studies_open": studies.open_recipient_groups(unit),
            "citizen_forms_open": evaluations.open_citizen_forms(unit),
            "maklumat": standards.current_maklumat(unit),
            "forums": standards.public_forums(unit)[:5],
            "publications": standards.public_publications(unit),
            "year": timezone.localdate().year,
            "improvements": improvements.public_register(unit, limit=5),
        },
    )


def unit_skm(request, slug):
    """The unit's published satisfaction results: latest IKM, elements, trend, follow-up plan."""
    unit = organisations.get_public_unit(slug)
    periods = satisfaction.published_periods(unit)
    if not periods:
        return render(request, "portal/unit_skm.html", {"unit": unit, "latest": None})
    latest = satisfaction.public_results(periods[-1])
    return render(
        request,
        "portal/unit_skm.html",
        {
            "unit": unit,
            "latest": latest,
            "history": list(periods[-1].publications.all()),
            "trend": satisfaction.trend(periods, as_published=True),
            "plan": satisfaction.follow_up_actions(periods[-1], public_only=True),
            "plan_summary": satisfaction.follow_up_summary(periods[-1]),
        },
    )


def unit_poster(request, slug):
    """A printable A4 poster for the notice board: the latest result and the QR code of the survey."""
    unit = organisations.get_public_unit(slug)
    summary = satisfaction.public_summary(unit)
    survey_url = request.build_absolute_uri(reverse("survey:unit", args=[unit.slug]))
    qr = segno.make(survey_url, error="m").svg_data_uri(scale=8)
    return render(
        request,
        "portal/unit_poster.html",
        {"unit": unit, "latest": summary, "survey_url": survey_url, "qr": qr},
    )


def _complaint_year(unit, year: int) -> dict:
    rows = complaints.public_statistics(unit, year)
    received = sum(row["received"] for row in rows)
    resolved = sum(row["resolved"] for row in rows)
    on_time = sum(
        row["on_time_share"] * row["resolved"] / 100 for row in rows if row["on_time_share"]
    )
    return {
        "received": received,
        "resolved": resolved,
        "on_time_share": on_time / resolved * 100 if resolved else None,
    }


def _card(unit, *, today) -> dict:
    """The figures of one unit's report card: satisfaction, complaints, standards, evaluation."""
    skm = satisfaction.public_summary(unit)
    return {
        "unit": unit,
        "skm": skm,
        "evaluation": evaluations.public_result(unit),
        "complaints": _complaint_year(unit, today.year),
        "standards": standards.public_compliance(unit, today=today),
    }


def unit_report_card(request, slug):
    """A unit's report card beside the other units of its agency (or of its service mall)."""
    unit = organisations.get_public_unit(slug)
    today = timezone.localdate()
    units = organisations.public_units().exclude(pk=unit.pk)
    if unit.mall_id:
        peers, group = units.filter(mall=unit.mall), unit.mall.name
    else:
        peers, group = units.filter(agency=unit.agency), unit.agency.name
        if not peers.exists() and unit.agency.parent_id:
            # e.g. the sub-districts of one city: compare with the units of sibling agencies.
            peers, group = units.filter(agency__parent=unit.agency.parent), unit.agency.parent.name
    return render(
        request,
        "portal/unit_report_card.html",
        {
            "unit": unit,
            "card": _card(unit, today=today),
            "peers": [_card(peer, today=today) for peer in peers[:12]],
            "group": group,
            "year": str(today.year),
        },
    )


def mall_detail(request, slug):
    """A Public Service Mall (MPP): its units together, each service with its time and cost."""
    mall = standards.get_public_mall(slug)
    units = standards.mall_units(mall)
    if not units:
        raise Http404
    return render(request, "portal/mall_detail.html", {"mall": mall, "units": units})
