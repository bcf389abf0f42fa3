"""Staff pages of report cards (issue 21 item 4): a unit's cards and the form to prepare one,
a card's page (draft or published) with the figures as they will be published, refreshing a
draft, and publishing it after a confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common.confirm import confirmation_page, confirmed
from pantau.organisations import selectors as organisations

from . import document, forms, permissions, selectors, services


@login_required
def card_list(request: HttpRequest, slug: str) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    can_prepare = permissions.can_prepare(request.user, unit)
    form = forms.PrepareForm(request.POST or None) if can_prepare else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                card = services.prepare_card(
                    actor=request.user,
                    unit=unit,
                    year=form.cleaned_data["year"],
                    message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The draft card is ready: check it before publishing."))
                return redirect("reportcards:card-detail", slug=slug, year=card.year)
    return render(
        request,
        "reportcards/card_list.html",
        {
            "unit": unit,
            "cards": list(selectors.cards_of_unit(unit).order_by("-year")),
            "form": form,
        },
    )


@login_required
def card_detail(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    card = selectors.get_unit_card(unit, year)
    can_prepare = permissions.can_prepare(request.user, unit) and not card.is_published
    form = forms.RefreshForm(request.POST or None, initial={"message": card.message})
    if request.method == "POST":
        if not can_prepare:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.prepare_card(
                    actor=request.user, unit=unit, year=year, message=form.cleaned_data["message"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The figures were computed again."))
                return redirect("reportcards:card-detail", slug=slug, year=year)
    return render(
        request,
        "reportcards/card_detail.html",
        {
            "unit": unit,
            "card": card,
            "document": document.build(
                card, observations_available=selectors.observations_available()
            ),
            "form": form if can_prepare else None,
            "can_publish": permissions.can_publish(request.user, unit) and not card.is_published,
        },
    )


@login_required
@require_POST
def card_publish(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    unit = organisations.get_visible_unit(request.user, slug)
    card = selectors.get_unit_card(unit, year)
    if not permissions.can_publish(request.user, unit):
        raise PermissionDenied
    back = reverse("reportcards:card-detail", args=[slug, year])
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Publish the report card %(year)s?") % {"year": year},
            consequences=[
                _("Anyone can read the card on the unit's public page, print it and download it."),
                _(
                    "The card keeps the figures computed on %(when)s; a published card is never "
                    "changed, not even when later corrections change the records."
                )
                % {"when": card.computed_at.strftime("%d-%m-%Y %H:%M")},
            ],
            action_label=_("Publish the card"),
            cancel_url=back,
            details=[(_("Unit"), unit.name), (_("Year"), str(year))],
        )
    try:
        services.publish_card(actor=request.user, card=card)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report card is published."))
    return redirect(back)
