"""A lokus: its page, the unit's self-assessment (F-01) with evidence, the evaluator's scores
(F-02) and the unit's response, recommendations and their follow-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common import confirm
from pantau.common.files import private_file_response
from pantau.organisations import permissions as organisations_permissions
from pantau.surveys import review as held_review
from pantau.surveys.public import Target

from .. import forms, permissions, selectors, services
from ..models import Evidence, Indicator, Lokus, Method, Recommendation
from ..public_views import citizen
from .rounds import form_errors_from


@login_required
def citizen_held(request, round_pk, pk):
    """The lokus's citizen forms (F-03) held for review (suspected repeats): the round's managers
    count or set them aside while the citizens' window is open."""
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if lokus.citizen_collection is None or not permissions.can_manage_round(
        request.user, lokus.round
    ):
        raise Http404
    return held_review.review_page(
        request,
        collection=lokus.citizen_collection,
        may_decide=not citizen.is_closed(
            Target(collection=lokus.citizen_collection, unit=lokus.unit, context={"lokus": lokus}),
            posting=True,
        ),
        context={
            "unit": lokus.unit,
            "title": f"{lokus.round.name} · {lokus.unit.name}",
            "back_url": reverse("evaluations:lokus-detail", args=[round_pk, pk]),
        },
    )


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
            "held_pending": held_review.pending(lokus.citizen_collection)
            if lokus.citizen_collection is not None
            and permissions.can_manage_round(request.user, lokus.round)
            else 0,
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
            form_errors_from(form, error)
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
            "innovations": selectors.innovation_evidence(lokus, indicator),
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
            form_errors_from(form if form.is_bound else reconcile, error)
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
            "innovations": selectors.innovation_evidence(lokus, indicator),
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
            form_errors_from(form, error)
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
            form_errors_from(form, error)
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
