"""The public's view of a unit's register: "you said, we did" (issue 21). Only actions staff
marked public and did not drop; their source in public words (a single complaint shows its
category, never its reporter, number or text); status, due date and, where Pantau measures it
in public figures, the figure before and after."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pantau.organisations.selectors import get_public_unit

from . import selectors


def unit_actions(request: HttpRequest, slug: str) -> HttpResponse:
    unit = get_public_unit(slug)
    actions = selectors.public_register(unit)
    return render(
        request,
        "improvements/public_list.html",
        {
            "unit": unit,
            "open_actions": [a for a in actions if a.status != "done"],
            "done_actions": [a for a in actions if a.status == "done"],
        },
    )
