"""The staff side of the complaint desk: the queue, a report and its steps, category and public
summary, notes, attachments, an officer's entry of a report received elsewhere, and the monthly
recap."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.accounts.models import UNIT_ROLES, Membership
from pantau.common import confirm
from pantau.common.files import private_file_response
from pantau.common.paging import CheapPage
from pantau.common.personal_data import find_personal_data
from pantau.organisations import selectors as organisations
from pantau.privacy.services import log_personal_data_access

from .. import forms, selectors, services
from ..models import Attachment, Category, Complaint, Status
from ..permissions import can_handle
from ..public_text import reporter_names, suggested_summary
from .public import form_data, year_asked


@login_required
def queue(request):
    status_filter = request.GET.get("status", "open")
    if status_filter not in ("", "open", *Status.values):
        status_filter = "open"
    unit_slug = request.GET.get("unit", "")[:80]
    complaints = selectors.queue(
        request.user,
        status=status_filter,
        unit_slug=unit_slug,
        overdue=request.GET.get("overdue") == "1",
        mine=request.user if request.GET.get("mine") == "1" else None,
        search=request.GET.get("q", "").strip()[:60],
        today=timezone.localdate(),
        due_soon=request.GET.get("due") == "soon",
        category=request.GET.get("category", "")[:40],
        tag=request.GET.get("tag", "").strip()[:50],
    )
    page = CheapPage(complaints, request.GET.get("page"))
    query = urlencode({k: v for k, v in request.GET.items() if k != "page"})
    return render(
        request,
        "complaints/queue.html",
        {
            "page": page,
            "status": status_filter,
            "statuses": Status.choices,
            "unit": unit_slug,
            "units": organisations.visible_units(request.user).order_by("name"),
            "today": timezone.localdate(),
            "overdue": request.GET.get("overdue") == "1",
            "due_soon": request.GET.get("due") == "soon",
            "category": request.GET.get("category", ""),
            "categories": Category.objects.filter(is_active=True).only("code", "name", "name_en"),
            "tag": request.GET.get("tag", ""),
            "late": selectors.late_summary(request.user, timezone.localdate())
            if request.GET.get("overdue") == "1"
            else None,
            "mine": request.GET.get("mine") == "1",
            "search_text": request.GET.get("q", ""),
            "query": query,
        },
    )


@login_required
def detail(request, number):
    complaint = selectors.get_visible_complaint(request.user, number)
    if not complaint.anonymous and (
        complaint.reporter_name or complaint.reporter_email or complaint.reporter_phone
    ):
        log_personal_data_access(
            actor=request.user,
            unit=complaint.unit,
            kind="view",
            record=complaint.tracking_number,
            purpose=_("Handling the report"),
        )
    staff_actions = [
        a
        for a in services.allowed_actions(complaint, request.user)
        if a not in ("reporter_reply", "reopen")
    ]
    return render(
        request,
        "complaints/detail.html",
        {
            "complaint": complaint,
            "events": complaint.events.select_related("actor", "unit"),
            "attachments": complaint.attachments.all(),
            "actions": staff_actions,
            "can_handle": can_handle(request.user, complaint),
            "archive_reasons": Complaint.ArchiveReason.choices,
            "units": services.forward_targets(request.user, complaint),
            "note_form": forms.NoteForm(),
            "answer_form": forms.PublicAnswerForm(
                initial={"public_answer": complaint.public_answer}
            ),
            "summary_form": forms.PublicSummaryForm(
                initial={"public_summary": complaint.public_summary or suggested_summary(complaint)}
            ),
            "summary_warning": find_personal_data(
                complaint.public_summary, names=reporter_names(complaint)
            )
            if complaint.public_summary
            else [],
            "categorise_form": forms.CategoriseForm(
                complaint=complaint,
                initial={
                    "category": complaint.category_id,
                    "tags": ", ".join(sorted(t.name for t in complaint.tags.all())),
                },
            ),
            "duplicates": complaint.duplicates.only("tracking_number", "subject"),
            "followers": selectors.follower_count(complaint),  # never who: only how many
            "officers": Membership.objects.filter(
                unit__in=organisations.visible_units(request.user),
                role__in=UNIT_ROLES,
                user__is_active=True,
            )
            .select_related("user", "unit")
            .order_by("unit__name", "user__first_name"),
        },
    )


@login_required
@require_POST
def act(request, number):
    complaint = selectors.get_visible_complaint(request.user, number)
    form = forms.ActionForm(request.POST)
    if not form.is_valid() or form.cleaned_data["action"] not in services.TRANSITIONS:
        raise Http404
    data = form.cleaned_data
    if data["action"] == "archive" and not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("Archive report %(number)s?") % {"number": complaint.tracking_number},
            details=[
                (_("Subject"), complaint.subject),
                (
                    _("Archive reason"),
                    dict(Complaint.ArchiveReason.choices).get(data["reason"], "—"),
                ),
            ],
            consequences=[
                _("The report is closed without follow-up, and the reporter is told why."),
                _(
                    "An archived report cannot be reopened by staff; the reporter can send a new one."
                ),
            ],
            action_label=_("Yes, archive the report"),
            cancel_url=reverse("complaints:detail", args=[complaint.tracking_number]),
        )
    original = None
    if data["action"] == "archive" and data.get("original"):
        original = (
            selectors.visible_complaints(request.user)
            .filter(tracking_number__iexact=data["original"].strip())
            .first()
        )
        if original is None:
            messages.error(request, _("No report you can see has this tracking number."))
            return redirect("complaints:detail", number=number)
    try:
        services.transition(
            actor=request.user,
            complaint=complaint,
            action=data["action"],
            note=data["note"],
            unit=data.get("unit"),
            officer=data.get("officer"),
            reason=data.get("reason") or "",
            duplicate_of=original,
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report is updated."))
    if selectors.visible_complaints(request.user).filter(pk=complaint.pk).exists():
        return redirect("complaints:detail", number=number)
    return redirect("complaints:queue")


@login_required
@require_POST
def categorise(request, number):
    complaint = selectors.get_visible_complaint(request.user, number)
    form = forms.CategoriseForm(request.POST, complaint=complaint)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("complaints:detail", number=number)
    try:
        services.categorise(
            actor=request.user,
            complaint=complaint,
            category=form.cleaned_data["category"],
            tags=form.cleaned_data["tags"],
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The category and tags are saved."))
    return redirect("complaints:detail", number=number)


def _publish_text(request, number, *, form_class, field, approve, saved, still_personal):
    """Approving what the public reads of a report (its summary, the unit's answer): the form,
    the service, and a warning naming what still looks like personal data."""
    complaint = selectors.get_visible_complaint(request.user, number)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("complaints:detail", number=number)
    try:
        found = approve(request.user, complaint, form.cleaned_data[field])
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, saved)
        if found:
            messages.warning(
                request, still_personal % {"what": ", ".join(match.text for match in found)}
            )
    return redirect("complaints:detail", number=number)


@login_required
@require_POST
def summary(request, number):
    return _publish_text(
        request,
        number,
        form_class=forms.PublicSummaryForm,
        field="public_summary",
        approve=lambda actor, complaint, text: services.approve_public_summary(
            actor=actor, complaint=complaint, summary=text
        ),
        saved=_("The public summary is saved and shown in public."),
        still_personal=_(
            "The summary still holds what looks like personal data (%(what)s): it is "
            "hidden on public pages, but rewrite it without it."
        ),
    )


@login_required
@require_POST
def public_answer(request, number):
    return _publish_text(
        request,
        number,
        form_class=forms.PublicAnswerForm,
        field="public_answer",
        approve=lambda actor, complaint, text: services.approve_public_answer(
            actor=actor, complaint=complaint, answer=text
        ),
        saved=_("The public answer is shown on the report's public page."),
        still_personal=_(
            "The answer still holds what looks like personal data (%(what)s): it is "
            "hidden on the public page, but rewrite it without it."
        ),
    )


@login_required
@require_POST
def note(request, number):
    complaint = selectors.get_visible_complaint(request.user, number)
    form = forms.NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_note(
                actor=request.user,
                complaint=complaint,
                note=form.cleaned_data["note"],
                public=form.cleaned_data["public"],
            )
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("The note is added."))
    return redirect("complaints:detail", number=number)


@login_required
def attachment(request, number, pk):
    complaint = selectors.get_visible_complaint(request.user, number)
    item = get_object_or_404(Attachment, complaint=complaint, pk=pk)
    return private_file_response(item.file, name=item.original_name, content_type=item.content_type)


@login_required
def entry(request):
    """An officer registers a report that arrived by another channel."""
    units = organisations.visible_units(request.user).filter(is_active=True).order_by("name")
    if not units.exists():
        raise Http404
    form = forms.OfficerEntryForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        initial={"submission_token": services.new_submission_token()},
    )
    if request.method == "POST" and form.is_valid():
        complaint, code, _created = services.submit_complaint(
            data=form_data(form.cleaned_data),
            files=form.cleaned_data["attachments"],
            submission_token=form.cleaned_data["submission_token"],
            channel=form.cleaned_data["channel"],
            entered_by=request.user,
        )
        if code:
            messages.success(
                request,
                _("Report %(number)s is registered. Give the reporter the access code %(code)s.")
                % {"number": complaint.tracking_number, "code": code},
            )
        return redirect("complaints:detail", number=complaint.tracking_number)
    return render(request, "complaints/entry.html", {"form": form})


@login_required
def recap(request):
    """Monthly recap of one unit's reports for one year, as a page or XLSX."""
    from io import BytesIO

    from django.http import HttpResponse
    from django.utils.formats import date_format

    from pantau.common.spreadsheet import Workbook

    units = organisations.visible_units(request.user).order_by("name")
    scope = organisations.scope_for(request.user)
    region = bool(
        scope.is_admin
        or scope.national_coordinator
        or scope.coordinated_agencies
        or scope.headed_agencies
        or scope.inspected_agencies
    )
    year = year_asked(request)
    wanted = request.GET.get("unit", "*" if region else "")
    if region and wanted == "*":
        unit = None
        data = selectors.region_recap(request.user, year, str(_("All reports in your area")))
        slug = "wilayah"
    else:
        unit = units.filter(slug=wanted).first() or units.first()
        if unit is None:
            raise Http404
        data = selectors.monthly_recap(unit, year)
        slug = unit.slug
    months = [date_format(timezone.datetime(2000, m, 1), "F") for m in selectors.MONTHS]
    if request.GET.get("format") == "pdf":
        from ..exporters.recap_pdf import export_recap_pdf

        response = HttpResponse(export_recap_pdf(data, months), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="rekap-{slug}-{year}.pdf"'
        return response
    if request.GET.get("format") == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(year)
        sheet.append(
            [_("Monthly recap of information and complaint services"), data["title"], year]
        )
        sheet.append([_("Kind"), *months, _("Total")])
        for row in data["rows"]:
            sheet.append([str(row["label"]), *row["months"], row["total"]])
        buffer = BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="rekap-{slug}-{year}.xlsx"'
        return response
    by_category = selectors.category_recap(unit, year) if unit is not None else []
    return render(
        request,
        "complaints/recap.html",
        {
            "by_category": by_category,
            "data": data,
            "months": months,
            "units": units,
            "unit": unit,
            "year": year,
            "region": region,
        },
    )
