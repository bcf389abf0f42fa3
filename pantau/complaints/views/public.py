"""The citizen's side of the complaint desk: the report form, the receipt (kept for the browser
session), tracking with the access code, the public register, a report's public page and a
unit's monthly statistics."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from pantau.common import ratelimit
from pantau.common.client_ip import client_ip
from pantau.common.humancheck import HumanCheckForm
from pantau.common.paging import CheapPage
from pantau.organisations import selectors as organisations
from pantau.organisations.models import ServiceUnit

from .. import forms, selectors, services
from ..models import Category, Complaint
from ..public_text import public_answer_text

TRACKED = (
    "pantau_lapor"  # signed cookie: the reports this browser may open, and a code to show once
)


TRACKED_SALT = "pantau.complaints.tracked"


TRACKED_MAX_AGE = 7 * 24 * 60 * 60


# The last receipt (number and access code), for this browser session only (issue 19: the code
# vanished on reload): no expiry date, so the browser drops it when it closes.
RECEIPT = "pantau_tanda_terima"


RECEIPT_SALT = "pantau.complaints.receipt"


def year_asked(request) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else timezone.localdate().year


def form_data(cleaned: dict) -> dict:
    return {k: v for k, v in cleaned.items() if k not in ("attachments", "submission_token")}


@never_cache
def new(request):
    unit = None
    if request.GET.get("unit"):
        unit = ServiceUnit.objects.filter(slug=request.GET["unit"], is_active=True).first()
    if request.method == "POST" and request.POST.get("unit", "").isdigit():
        unit = organisations.active_unit(int(request.POST["unit"]))
    form = forms.ComplaintForm(
        request.POST or None,
        request.FILES or None,
        unit=unit,
        initial={"submission_token": services.new_submission_token()},
    )
    guard = HumanCheckForm(request.POST or None)
    http_status = 400 if guard.errors else 200
    if request.method == "POST" and guard.is_valid() and form.is_valid():
        limit, window = settings.PANTAU_COMPLAINT_RATE
        if ratelimit.hit(f"complaint-intake:{client_ip(request)}", limit, window):
            complaint, code, _created = services.submit_complaint(
                data=form_data(form.cleaned_data),
                files=form.cleaned_data["attachments"],
                submission_token=form.cleaned_data["submission_token"],
            )
            response = redirect("complaints:received", number=complaint.tracking_number)
            return _remember(request, response, complaint.tracking_number, code=code)
        form.add_error(
            None,
            _(
                "Many reports came from this address in a short time, so this one was not sent. "
                "Your text is still here: please send it again later."
            ),
        )
        http_status = 429
    return render(
        request,
        "complaints/new.html",
        {
            "form": form,
            "guard": guard,
            "unit": unit,
            "rights_url": reverse("portal:rights"),
            "similar": selectors.open_public_reports(unit)
            if unit is not None and request.method == "GET"
            else [],
        },
        status=http_status,
    )


def _tracked(request) -> dict:
    """What this browser may open, from a signed cookie (no server-side session, so that a
    citizen's submission costs no session write)."""
    import json

    raw = request.get_signed_cookie(
        TRACKED, default=None, salt=TRACKED_SALT, max_age=TRACKED_MAX_AGE
    )
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        value = {}
    if not isinstance(value, dict) or not isinstance(value.get("n", []), list):
        return {"n": []}
    return value


def _remember(request, response, number: str, *, code=None, forget_code=False):
    import json

    value = _tracked(request)
    numbers = [n for n in value.get("n", []) if n != number][-19:] + [number]
    stored: dict[str, object] = {"n": numbers}
    if code:
        stored["c"] = {"number": number, "code": code}
    elif not forget_code and value.get("c"):
        stored["c"] = value["c"]
    response.set_signed_cookie(
        TRACKED,
        json.dumps(stored, separators=(",", ":")),
        salt=TRACKED_SALT,
        max_age=TRACKED_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def _receipt_text(request, complaint: Complaint, code: str) -> str:
    """The receipt a citizen can save as a file while the code is shown (issue 19: the code
    was shown once and sent only by e-mail, so without e-mail it was easily lost)."""
    from pantau.organisations.templatetags.unit_time import unit_time

    return "\n".join(
        [
            _("Pantau: receipt of your report"),
            _("Tracking number: %(number)s") % {"number": complaint.tracking_number},
            _("Access code: %(code)s") % {"code": code},
            _("Received: %(when)s") % {"when": unit_time(complaint.created_at, complaint.unit)},
            _("Follow it at: %(url)s")
            % {"url": request.build_absolute_uri(reverse("complaints:track"))},
            _("Keep this file private: with the number and the code anyone can read your report."),
            "",
        ]
    )


def received(request, number):
    """The receipt: the number and, for the rest of this browser session, the access code (a
    reload or a return keeps showing it), to print, save or photograph."""
    tracked = _tracked(request)
    if number not in tracked.get("n", []):
        raise Http404
    shown = tracked.get("c") or {}
    fresh = shown.get("code") if shown.get("number") == number else None
    kept = request.get_signed_cookie(RECEIPT, default="", salt=RECEIPT_SALT)
    kept_number, _sep, kept_code = kept.partition(":")
    code = fresh or (kept_code if kept_number == number else None)
    complaint = get_object_or_404(Complaint, tracking_number=number)
    context = {"complaint": complaint, "code": code}
    if code:
        context["receipt_text"] = _receipt_text(request, complaint, code)
    response = render(request, "complaints/received.html", context)
    response["Cache-Control"] = "no-store"
    if not fresh:
        return response
    response.set_signed_cookie(
        RECEIPT,
        f"{number}:{fresh}",
        salt=RECEIPT_SALT,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )  # no max_age: a browser-session cookie
    return _remember(request, response, number, forget_code=True)


def track(request):
    form = forms.TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Every try is counted before it is checked, and a right one is given back: so parallel
        # tries can never check more than the limit, and only wrong ones use it up.
        key = f"complaint-track:{client_ip(request)}"
        limit, window = settings.PANTAU_TRACK_RATE
        if not ratelimit.hit(key, limit, window):
            minutes = -(-ratelimit.retry_after(window) // 60)
            form.add_error(
                None,
                ngettext(
                    "Too many wrong tries from this address. Wait %(minutes)s minute and try "
                    "again.",
                    "Too many wrong tries from this address. Wait %(minutes)s minutes and try "
                    "again.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            return render(request, "complaints/track.html", {"form": form}, status=429)
        complaint = services.find_by_number_and_code(
            form.cleaned_data["number"], form.cleaned_data["code"]
        )
        if complaint is None:
            form.add_error(None, _("The tracking number and access code do not match a report."))
        else:
            ratelimit.undo(key, window)
            return _remember(
                request,
                redirect("complaints:status", number=complaint.tracking_number),
                complaint.tracking_number,
            )
    return render(request, "complaints/track.html", {"form": form})


def _tracked_complaint(request, number) -> Complaint:
    if number not in _tracked(request).get("n", []):
        raise Http404
    return get_object_or_404(
        Complaint.objects.select_related("unit", "service"), tracking_number=number
    )


@never_cache
def status(request, number):
    complaint = _tracked_complaint(request, number)
    rating_form = (
        forms.RatingForm(request.POST or None)
        if request.POST.get("form") == "rating"
        else forms.RatingForm()
    )
    if request.method == "POST":
        try:
            kind = request.POST.get("form")
            if kind == "rating" and rating_form.is_valid():
                services.rate_resolution(
                    complaint=complaint,
                    rating=rating_form.cleaned_data["rating"],
                    comment=rating_form.cleaned_data["comment"],
                )
                messages.success(request, _("Thank you for rating the resolution."))
                return redirect("complaints:status", number=number)
            if kind in ("reopen", "reporter_reply"):
                text = request.POST.get("note", "").strip()
                if not text:
                    raise ValidationError(_("Write what you want to add."))
                services.transition(actor=None, complaint=complaint, action=kind, note=text)
                messages.success(request, _("Your message is added to the report."))
                return redirect("complaints:status", number=number)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return render(
        request,
        "complaints/status.html",
        {
            "complaint": complaint,
            "events": selectors.public_events(complaint),
            "rating_form": rating_form,
        },
    )


def register(request):
    """The public register: non-confidential reports, without names, contacts or attachments."""
    unit_slug = request.GET.get("unit", "")[:80]
    kind = request.GET.get("kind", "")
    status_filter = request.GET.get("status", "")
    category = request.GET.get("category", "")[:40]
    reports = selectors.public_register(
        unit_slug=unit_slug, kind=kind, status=status_filter, category=category
    )
    page = CheapPage(reports, request.GET.get("page"))
    return render(
        request,
        "complaints/register.html",
        {
            "page": page,
            "query": urlencode({k: v for k, v in request.GET.items() if k != "page"}),
            "unit": unit_slug,
            "kind": kind,
            "status": status_filter,
            "category": category,
            "categories": Category.objects.filter(is_active=True).only("code", "name", "name_en"),
            "kinds": Complaint.Kind.choices,
            "units": ServiceUnit.objects.filter(is_active=True)
            .order_by("name")
            .only("name", "slug"),
        },
    )


def public_report(request, number):
    """A report's public page (FixMyStreet-like): its public title, unit, category and the steps
    it went through, for anyone who saw it in the register, and a form to follow it by e-mail."""
    return render_public_report(request, selectors.public_report(number))


def render_public_report(request, complaint: Complaint, *, form=None, status: int = 200):
    """The public page, with the "follow this report" form (bound and with its errors when the
    follow view sends it back; as ``form`` so that the title says "Error:" then)."""
    return render(
        request,
        "complaints/public_report.html",
        {
            "complaint": complaint,
            "history": selectors.public_history(complaint),
            "public_answer": public_answer_text(complaint),
            "new_url": reverse("complaints:new"),
            "form": form or forms.FollowForm(),
            "follow_days": settings.PANTAU_FOLLOW_CONFIRM_DAYS,
        },
        status=status,
    )


def statistics(request, slug):
    from django.utils.formats import date_format

    unit = get_object_or_404(ServiceUnit, slug=slug, is_active=True)
    year = year_asked(request)
    rows = selectors.public_statistics(unit, year)
    for row in rows:
        row["label"] = date_format(timezone.datetime(2000, row["month"], 1), "F")
    return render(
        request,
        "complaints/statistics.html",
        {
            "unit": unit,
            "year": year,
            "rows": rows,
            "recap": selectors.monthly_recap(unit, year),
        },
    )


@never_cache
def code_lost(request):
    """The access code is lost: the reporter names the report and the contact they gave on it;
    a one-time code goes to that contact (the page never says whether they matched)."""
    form = forms.CodeLostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limit, window = settings.PANTAU_TRACK_RATE
        if not ratelimit.hit(f"complaint-code-lost:{client_ip(request)}", limit, window):
            form.add_error(None, _("Too many tries from this address. Wait a while and try again."))
        else:
            number = form.cleaned_data["number"].strip().upper()
            services.start_code_recovery(number=number, contact=form.cleaned_data["contact"])
            return redirect("complaints:code-confirm", number=number)
    return render(request, "complaints/code_lost.html", {"form": form})


@never_cache
def code_confirm(request, number):
    """The one-time code opens the report and gives it a new access code, shown on the receipt
    page for this browser session."""
    form = forms.CodeConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = services.finish_code_recovery(number=number, otp=form.cleaned_data["otp"])
        if found is not None:
            complaint, code = found
            response = redirect("complaints:received", number=complaint.tracking_number)
            return _remember(request, response, complaint.tracking_number, code=code)
        form.add_error(
            "otp",
            _(
                "This code does not open the report: it may be mistyped, more than 15 minutes "
                "old, or tried too often. Ask for a new one."
            ),
        )
    return render(request, "complaints/code_confirm.html", {"form": form, "number": number})
