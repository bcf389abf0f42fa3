"""Staff pages of PEKPPP: instruments, rounds, a lokus's sheet, self-assessment, scoring,
verification, results and follow-up. Thin: parse, check, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common import confirm
from pantau.common.files import private_file_response
from pantau.organisations import permissions as organisations_permissions

from . import forms, permissions, selectors, services
from .models import Evidence, FollowUpDocument, Indicator, Lokus, Method, Recommendation


def _errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


_may_set_up_rounds = permissions.may_set_up_rounds


# --- Instruments -----------------------------------------------------------------------------


@login_required
def instrument_list(request):
    if not _may_set_up_rounds(request.user):
        raise Http404
    return render(
        request,
        "evaluations/instrument_list.html",
        {"instruments": selectors.instruments(), "is_admin": request.user.is_superuser},
    )


@login_required
def instrument_detail(request, pk):
    if not _may_set_up_rounds(request.user):
        raise Http404
    instrument = selectors.instrument_with_detail(pk)
    return render(
        request,
        "evaluations/instrument_detail.html",
        {
            "instrument": instrument,
            "is_admin": request.user.is_superuser,
            "unconfirmed": selectors.unconfirmed_values(instrument),
            "citizen_items": selectors.citizen_items_by_aspect(instrument),
        },
    )


# --- Rounds ----------------------------------------------------------------------------------


@login_required
def round_list(request):
    return render(
        request,
        "evaluations/round_list.html",
        {
            "rounds": selectors.visible_rounds(request.user),
            "can_create": _may_set_up_rounds(request.user),
            "announced": selectors.announced_for_headed_units(request.user),
        },
    )


_bodies = selectors.round_bodies


@login_required
def round_create(request):
    if not _may_set_up_rounds(request.user):
        raise Http404
    form = forms.RoundForm(request.POST or None, bodies=_bodies(request.user))
    round_ = _save_round(request, form, lambda data: services.create_round(**data))
    if round_ is not None:
        messages.success(request, _("The round is set up. Now add the units to evaluate."))
        return redirect("evaluations:round-detail", pk=round_.pk)
    return render(request, "evaluations/round_form.html", {"form": form})


def _save_round(request, form, save):
    """Run ``save`` on the valid form's data; a refusal becomes the form's error. The round, or
    None when nothing was saved."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save({"actor": request.user, **form.cleaned_data})
    except PermissionDenied:
        form.add_error(
            "body", _("You may set up this kind of round only for a body in your scope.")
        )
    except ValidationError as error:
        _errors(form, error)
    return None


@login_required
def round_detail(request, pk):
    round_ = selectors.get_visible_round(request.user, pk)
    can_manage = permissions.can_manage_round(request.user, round_)
    service_class = request.GET.get("class", "")
    if service_class not in Lokus.ServiceClass.values:
        service_class = ""
    published = round_.status in ("results", "follow_up", "closed")
    return render(
        request,
        "evaluations/round_detail.html",
        {
            "round": round_,
            "can_manage": can_manage,
            "lokus_list": selectors.lokus_for(request.user, round_),
            "actions": [
                (action, label)
                for action, label in ACTION_LABELS
                if services.TRANSITIONS[action][0] == round_.status
            ]
            if can_manage
            else [],
            "ranking": selectors.ranking(round_, service_class=service_class)
            if published and can_manage
            else None,
            "summary": selectors.round_summary(round_) if can_manage else None,
            "body_trend": selectors.body_trend(round_) if can_manage else [],
            "service_class": service_class,
            "service_classes": Lokus.ServiceClass.choices,
        },
    )


ACTION_LABELS = [
    ("open_self_assessment", _("Open the self-assessment")),
    ("start_scoring", _("Start evaluator scoring")),
    ("start_verification", _("Start verification")),
    ("publish_results", _("Compute and publish the results")),
    ("start_follow_up", _("Start follow-up monitoring")),
    ("close", _("Close the round")),
]

# What each step does that cannot be undone, said on its confirmation page.
ACTION_CONSEQUENCES = {
    "open_self_assessment": [
        _("The units can fill in the self-assessment (F-01) and the citizen form opens."),
        _(
            "The round's set-up (schedule, instrument) can no longer be changed, nor the round deleted."
        ),
    ],
    "start_scoring": [
        _("The self-assessment closes: units can no longer change their answers or evidence."),
        _("Evaluators start scoring (F-02)."),
    ],
    "start_verification": [_("Units can respond to the scores; evaluators reconcile them.")],
    "publish_results": [
        _("Every unit's IPP, grade and rank are computed and announced to the units."),
        _("The citizen forms close. Scores can no longer be changed."),
    ],
    "start_follow_up": [_("Units file their follow-up on the recommendations.")],
    "close": [_("The round is closed: no more follow-up can be filed or reviewed.")],
}


@login_required
@require_POST
def round_status(request, pk, action):
    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    labels = dict(ACTION_LABELS)
    if action not in labels:
        raise Http404
    if not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("%(action)s: %(round)s?") % {"action": labels[action], "round": round_.name},
            details=[
                (_("Evaluating body"), str(round_.body)),
                (_("Units"), str(round_.lokus.count())),
            ],
            consequences=[*ACTION_CONSEQUENCES[action], _("This step cannot be undone.")],
            action_label=_("Yes: %(action)s") % {"action": labels[action]},
            cancel_url=reverse("evaluations:round-detail", args=[pk]),
        )
    try:
        services.change_round_status(actor=request.user, round_=round_, action=action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The round moved to its next step."))
    return redirect("evaluations:round-detail", pk=pk)


@login_required
def round_edit(request, pk):
    """Change a round's set-up until it is opened."""
    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    if round_.status != round_.Status.DRAFT:
        messages.error(
            request,
            _("A round can be changed only while it is being set up; this one is already open."),
        )
        return redirect("evaluations:round-detail", pk=pk)
    initial = {name: getattr(round_, name) for name in services.ROUND_FIELDS}
    initial["body"] = round_.body
    form = forms.RoundForm(request.POST or None, bodies=_bodies(request.user), initial=initial)
    if _save_round(request, form, lambda data: services.update_round(round_=round_, **data)):
        messages.success(request, _("The round is changed."))
        return redirect("evaluations:round-detail", pk=pk)
    return render(request, "evaluations/round_form.html", {"form": form, "round": round_})


@login_required
@require_POST
def round_delete(request, pk):
    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    if not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("Delete the round %(name)s?") % {"name": round_.name},
            details=[(_("Units"), str(round_.lokus.count()))],
            consequences=[
                _("The round and its units are deleted; nothing was filled in yet."),
                _("This cannot be undone."),
            ],
            action_label=_("Yes, delete the round"),
            cancel_url=reverse("evaluations:round-detail", args=[pk]),
        )
    try:
        services.delete_round(actor=request.user, round_=round_)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("evaluations:round-detail", pk=pk)
    messages.success(request, _("The round is deleted."))
    return redirect("evaluations:round-list")


@login_required
def lokus_add(request, pk):
    """Add a unit: search by name, province and agency (a national body searches the whole
    country), then choose one of the units found."""
    from django.core.paginator import Paginator

    from pantau.organisations.models import Agency

    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    search = request.GET.get("q", "").strip()[:100]
    province = request.GET.get("provinsi", "").strip()[:80]
    agency_text = request.GET.get("instansi", "")
    agency_id = int(agency_text) if agency_text.isdigit() else None
    addable = selectors.addable_units(round_, request.user)
    found = selectors.addable_units(
        round_, request.user, search=search, province=province, agency=agency_id
    )
    page = Paginator(found, 25).get_page(request.GET.get("page"))
    chosen = request.POST.get("unit") or request.GET.get("unit", "")
    shown = [unit.pk for unit in page.object_list]
    if chosen.isdigit():
        shown.append(int(chosen))
    form = forms.LokusForm(
        request.POST or None,
        units=addable if request.method == "POST" else addable.filter(pk__in=shown),
        initial={"unit": int(chosen)} if chosen.isdigit() else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_lokus(actor=request.user, round_=round_, **form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The unit is added to the round."))
            return redirect("evaluations:round-detail", pk=pk)
    from pantau.organisations.models import ServiceUnit

    units_in_reach = ServiceUnit.objects.filter(pk__in=addable.values("pk"))
    return render(
        request,
        "evaluations/lokus_form.html",
        {
            "form": form,
            "round": round_,
            "page": page,
            "search": search,
            "province": province,
            "agency": agency_id,
            "provinces": units_in_reach.exclude(province="")
            .order_by("province")
            .values_list("province", flat=True)
            .distinct(),
            "agencies": Agency.objects.filter(pk__in=units_in_reach.values("agency_id")).order_by(
                "name"
            ),
            "query": request.GET.urlencode(),
        },
    )


# --- A lokus ---------------------------------------------------------------------------------


@login_required
def lokus_detail(request, round_pk, pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    user = request.user
    is_member = permissions.is_unit_member(user, lokus)
    can_score = permissions.can_score(user, lokus)
    blocks = selectors.lokus_sheet(lokus)
    if can_score and lokus.round.status in ("scoring", "verification"):
        selectors.hide_unscored(blocks, user)
    return render(
        request,
        "evaluations/lokus_detail.html",
        {
            "lokus": lokus,
            "round": lokus.round,
            "blocks": blocks,
            "is_member": is_member,
            "can_score": can_score,
            "can_review": can_score,
            "can_download": permissions.can_download_evidence(user, lokus),
            "self_open": services.self_assessment_open(lokus),
            "scoring_open": services.scoring_open(lokus),
            "verification_open": services.verification_open(lokus),
            "figures": selectors.unit_figures(lokus),
            "recommendations": selectors.recommendations_of(lokus),
            "recommendation_form": forms.RecommendationForm(instrument=lokus.round.instrument)
            if can_score and lokus.round.status in ("results", "follow_up")
            else None,
            "citizen_count": selectors.citizen_response_count(lokus),
            "result_rows": selectors.result_rows(lokus),
            "method_label": dict(Method.choices).get((lokus.result or {}).get("method"), ""),
            "previous": selectors.previous_result(lokus),
            "trend": selectors.trend(lokus),
            "disagreements": [
                row.indicator for block in blocks for row in block.rows if row.disagreement
            ],
        },
    )


def _indicator(lokus: Lokus, indicator_pk: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("aspect").prefetch_related("criteria"),
        pk=indicator_pk,
        aspect__instrument_id=lokus.round.instrument_id,
    )


def _row(lokus, indicator, *, evaluator=None):
    blocks = selectors.lokus_sheet(lokus)
    if evaluator is not None and lokus.round.status in ("scoring", "verification"):
        selectors.hide_unscored(blocks, evaluator)
    for block in blocks:
        for row in block.rows:
            if row.indicator.pk == indicator.pk:
                return row
    raise Http404


@login_required
def self_assessment_edit(request, round_pk, pk, indicator_pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_fill_self_assessment(request.user, lokus):
        raise Http404
    indicator = _indicator(lokus, indicator_pk)
    row = _row(lokus, indicator)
    initial = (
        {"claimed_score": row.self_assessment.claimed_score, "answer": row.self_assessment.answer}
        if row.self_assessment
        else None
    )
    form = forms.SelfAssessmentForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_self_assessment(
                actor=request.user,
                lokus=lokus,
                indicator=indicator,
                claimed_score=form.cleaned_data["claimed_score"],
                answer=form.cleaned_data["answer"],
                files=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The answer is saved."))
            return redirect("evaluations:lokus-detail", round_pk=round_pk, pk=pk)
    return render(
        request,
        "evaluations/self_assessment_form.html",
        {
            "lokus": lokus,
            "row": row,
            "form": form,
            "open": services.self_assessment_open(lokus),
            "standards": selectors.standards_evidence(lokus, indicator),
            "unit_pages": organisations_permissions.can_view_unit(request.user, lokus.unit),
        },
    )


@login_required
@require_POST
def self_assessment_submit(request, round_pk, pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_fill_self_assessment(request.user, lokus):
        raise Http404
    missing = list(services.missing_self_assessment(lokus))
    if not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("Send the self-assessment (F-01) to the evaluators?"),
            details=[(_("Unit"), lokus.unit.name), (_("Round"), lokus.round.name)],
            warnings=[
                _("%(n)s indicators are not answered yet:") % {"n": len(missing)},
                *[f"{i.code} {i.name}" for i in missing],
            ]
            if missing
            else [],
            consequences=[
                _("The evaluators see the answers and evidence as they are now."),
                _("Unanswered indicators are scored on what the evaluators find."),
            ],
            action_label=_("Yes, send it")
            if not missing
            else _("Send it without the missing indicators"),
            cancel_url=reverse("evaluations:lokus-detail", args=[round_pk, pk]),
        )
    try:
        services.submit_self_assessment(
            actor=request.user, lokus=lokus, confirm_incomplete=bool(missing)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The self-assessment is submitted to the evaluators."))
    return redirect("evaluations:lokus-detail", round_pk=round_pk, pk=pk)


@login_required
def evidence_download(request, round_pk, pk, evidence_pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_download_evidence(request.user, lokus):
        raise Http404
    item = get_object_or_404(Evidence, lokus=lokus, pk=evidence_pk)
    return private_file_response(item.file, name=item.original_name, content_type=item.content_type)


@login_required
def score_edit(request, round_pk, pk, indicator_pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_score(request.user, lokus):
        raise Http404
    indicator = _indicator(lokus, indicator_pk)
    row = _row(lokus, indicator, evaluator=request.user)
    mine = next((s for s in row.scores if s.evaluator_id == request.user.pk), None)
    initial = {"score": mine.score, "note": mine.note, "mode": mine.mode} if mine else None
    form = forms.ScoreForm(
        request.POST if request.POST.get("form") == "score" else None, initial=initial
    )
    reconcile = forms.ReconcileForm(
        request.POST if request.POST.get("form") == "reconcile" else None,
        initial={"agreed_score": row.final} if row.final is not None else None,
    )
    if request.method == "POST":
        try:
            if form.is_bound and form.is_valid():
                services.save_score(
                    actor=request.user, lokus=lokus, indicator=indicator, **form.cleaned_data
                )
                messages.success(request, _("The score is saved."))
                return redirect("evaluations:lokus-detail", round_pk=round_pk, pk=pk)
            if reconcile.is_bound and reconcile.is_valid():
                services.reconcile_score(
                    actor=request.user,
                    lokus=lokus,
                    indicator=indicator,
                    score=reconcile.cleaned_data["agreed_score"],
                    reply=reconcile.cleaned_data["reply"],
                )
                messages.success(request, _("The agreed score is saved."))
                return redirect("evaluations:lokus-detail", round_pk=round_pk, pk=pk)
        except ValidationError as error:
            _errors(form if form.is_bound else reconcile, error)
    return render(
        request,
        "evaluations/score_form.html",
        {
            "lokus": lokus,
            "row": row,
            "form": form,
            "reconcile": reconcile,
            "open": services.scoring_open(lokus),
            "can_download": permissions.can_download_evidence(request.user, lokus),
            "figures": selectors.unit_figures(lokus)
            if indicator.number in selectors.PANTAU_EVIDENCE_INDICATORS
            else None,
            "standards": selectors.standards_evidence(lokus, indicator),
            "unit_pages": organisations_permissions.can_view_unit(request.user, lokus.unit),
        },
    )


@login_required
def score_respond(request, round_pk, pk, indicator_pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_fill_self_assessment(request.user, lokus):
        raise Http404
    indicator = _indicator(lokus, indicator_pk)
    row = _row(lokus, indicator)
    form = forms.ResponseToScoreForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.respond_to_score(
                actor=request.user,
                lokus=lokus,
                indicator=indicator,
                response=form.cleaned_data["response"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Your response is sent to the evaluators."))
            return redirect("evaluations:lokus-detail", round_pk=round_pk, pk=pk)
    return render(
        request,
        "evaluations/score_respond.html",
        {"lokus": lokus, "row": row, "form": form, "open": services.verification_open(lokus)},
    )


@login_required
@require_POST
def recommendation_add(request, round_pk, pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_score(request.user, lokus):
        raise Http404
    form = forms.RecommendationForm(request.POST, instrument=lokus.round.instrument)
    if form.is_valid():
        try:
            services.add_recommendation(actor=request.user, lokus=lokus, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The recommendation is added."))
    else:
        messages.error(request, _("Choose an aspect and write the recommendation."))
    return redirect("evaluations:lokus-detail", round_pk=round_pk, pk=pk)


@login_required
def follow_up_edit(request, round_pk, pk, recommendation_pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_fill_self_assessment(request.user, lokus):
        raise Http404
    recommendation = get_object_or_404(Recommendation, lokus=lokus, pk=recommendation_pk)
    initial = {
        "action_plan": recommendation.action_plan,
        "plan_due": recommendation.plan_due,
        "progress": recommendation.progress,
        "done": recommendation.status
        in (Recommendation.Status.DONE, Recommendation.Status.ACCEPTED),
    }
    form = forms.FollowUpForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_follow_up(
                actor=request.user, recommendation=recommendation, **form.cleaned_data
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The follow-up is saved."))
            return redirect("evaluations:lokus-detail", round_pk=round_pk, pk=pk)
    return render(
        request,
        "evaluations/follow_up_form.html",
        {
            "lokus": lokus,
            "recommendation": recommendation,
            "form": form,
            "documents": recommendation.documents.all(),
        },
    )


@login_required
@require_POST
def follow_up_review(request, round_pk, pk, recommendation_pk):
    """An assigned evaluator accepts a reported follow-up or returns it with a note."""
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_score(request.user, lokus):
        raise Http404
    recommendation = get_object_or_404(Recommendation, lokus=lokus, pk=recommendation_pk)
    accept = request.POST.get("decision") == "accept"
    try:
        services.review_follow_up(
            actor=request.user,
            recommendation=recommendation,
            accept=accept,
            note=request.POST.get("note", "")[:4000],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The follow-up is accepted.")
            if accept
            else _("The follow-up is returned to the unit."),
        )
    return redirect("evaluations:lokus-detail", round_pk=round_pk, pk=pk)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, filename: str):
    from django.http import HttpResponse

    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def lokus_report(request, round_pk, pk, fmt):
    from django.utils.text import slugify

    from .exporters.pdf import export_pdf
    from .exporters.xlsx import export_lokus_xlsx
    from .report import build_report

    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    report = build_report(lokus)
    name = slugify(f"pekppp-{lokus.unit.slug}-{lokus.round.year}")
    if fmt == "pdf":
        return _download(export_pdf(report), "application/pdf", f"{name}.pdf")
    return _download(export_lokus_xlsx(report), XLSX, f"{name}.xlsx")


@login_required
def lokus_certificate(request, round_pk, pk):
    from django.utils.text import slugify

    from .exporters.pdf import export_certificate

    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if lokus.grade != "A" or lokus.round.status not in ("results", "follow_up", "closed"):
        raise Http404
    name = slugify(f"piagam-{lokus.unit.slug}-{lokus.round.year}")
    return _download(export_certificate(lokus), "application/pdf", f"{name}.pdf")


@login_required
def round_ranking(request, pk):
    from .exporters.xlsx import export_ranking_xlsx

    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    content = export_ranking_xlsx(round_, selectors.ranking(round_))
    return _download(content, XLSX, f"peringkat-pekppp-{round_.pk}.xlsx")


@login_required
def follow_up_document(request, round_pk, pk, document_pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_download_evidence(request.user, lokus):
        raise Http404
    item = get_object_or_404(FollowUpDocument, recommendation__lokus=lokus, pk=document_pk)
    return private_file_response(item.file, name=item.original_name, content_type=item.content_type)


@login_required
def round_summary_pdf(request, pk):
    from .exporters.pdf import export_round_summary

    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    content = export_round_summary(
        round_, selectors.round_summary(round_), selectors.ranking(round_)
    )
    return _download(content, "application/pdf", f"ringkasan-pekppp-{round_.pk}.pdf")
