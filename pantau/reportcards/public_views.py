"""The public's report cards (issue 21 item 4): a unit's published cards, one card (screen and
print, the same page with print CSS), and its A4 PDF. Only published cards, read from the
figures stored when the card was prepared."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pantau.organisations.selectors import get_public_unit

from . import document, selectors
from .exporters.pdf import export_pdf


def unit_cards(request: HttpRequest, slug: str) -> HttpResponse:
    unit = get_public_unit(slug)
    cards = list(selectors.published_cards(unit).order_by("-year"))
    return render(request, "reportcards/public_list.html", {"unit": unit, "cards": cards})


def card(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    unit = get_public_unit(slug)
    found = selectors.get_published_card(unit, year)
    return render(
        request,
        "reportcards/public_card.html",
        {
            "unit": unit,
            "card": found,
            "document": document.build(
                found, observations_available=selectors.observations_available()
            ),
        },
    )


def card_pdf(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    unit = get_public_unit(slug)
    found = selectors.get_published_card(unit, year)
    response = HttpResponse(export_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="rapor-{unit.slug}-{year}.pdf"'
    return response
