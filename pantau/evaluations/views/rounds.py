"""Staff pages of PEKPPP rounds: the instruments, rounds and their schedule, status steps, editing
and deleting, and the lokus added to a round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common import confirm

from .. import forms, permissions, selectors, services
from ..models import Lokus


def form_errors_from(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


_may_set_up_rounds = permissions.may_set_up_rounds


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
        form_errors_from(form, error)
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
            form_errors_from(form, error)
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
