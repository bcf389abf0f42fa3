"""Staff pages of PEKPPP: instruments, rounds, a lokus's sheet, self-assessment, scoring,
verification, results and follow-up. Thin: parse, check, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

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
        },
    )


_bodies = selectors.round_bodies


@login_required
def round_create(request):
    if not _may_set_up_rounds(request.user):
        raise Http404
    form = forms.RoundForm(request.POST or None, bodies=_bodies(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.create_round(actor=request.user, **form.cleaned_data)
        except PermissionDenied:
            form.add_error(
                "body", _("You may set up this kind of round only for a body in your scope.")
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The round is set up. Now add the units to evaluate."))
            return redirect("evaluations:round-detail", pk=round_.pk)
    return render(request, "evaluations/round_form.html", {"form": form})


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


@login_required
@require_POST
def round_status(request, pk, action):
    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    try:
        services.change_round_status(actor=request.user, round_=round_, action=action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The round moved to its next step."))
    return redirect("evaluations:round-detail", pk=pk)


@login_required
def lokus_add(request, pk):
    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    form = forms.LokusForm(request.POST or None, units=selectors.addable_units(round_))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_lokus(actor=request.user, round_=round_, **form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The unit is added to the round."))
            return redirect("evaluations:round-detail", pk=pk)
    return render(request, "evaluations/lokus_form.html", {"form": form, "round": round_})


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
    try:
        services.submit_self_assessment(actor=request.user, lokus=lokus)
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
        "done": recommendation.status == Recommendation.Status.DONE,
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
