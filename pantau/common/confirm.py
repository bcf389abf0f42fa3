"""A confirmation step in front of an action that cannot be undone.

The action's own form posts to the action's URL as before. The first POST (without
``confirmed=yes``) is answered with a page that says what will happen and what cannot be undone,
and carries every posted field along as hidden inputs; its button posts the same fields again with
``confirmed=yes``, and only that second POST performs the action. Without JavaScript, on a kiosk
or a phone, it is one more page, never a browser ``confirm()`` dialog.

    if not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("Publish the results?"),
            consequences=[_("The figures become public and can only be changed by a correction.")],
            action_label=_("Yes, publish"),
            cancel_url=reverse(...),
        )

An optional ``form`` (e.g. a reason that must be given) is shown on the page; when the view
validates it and finds errors it calls ``confirmation_page`` again with the bound form.
"""

from collections.abc import Sequence

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRM_FIELD = "confirmed"
_NOT_CARRIED = {CONFIRM_FIELD, "csrfmiddlewaretoken"}


def confirmed(request: HttpRequest) -> bool:
    """True when this POST is the second one, sent from the confirmation page."""
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "yes"


def confirmation_page(
    request: HttpRequest,
    *,
    title: str,
    consequences: Sequence[str],
    action_label: str,
    cancel_url: str,
    form: Form | None = None,
    details: Sequence[tuple[str, str]] = (),
    warnings: Sequence[str] = (),
    status: int = 200,
) -> HttpResponse:
    """The page asking to confirm; posts back to the same URL with every field it received.

    ``consequences`` say what the action does and what cannot be undone; ``warnings`` are facts the
    person should weigh first (shown as an alert, e.g. "84 of the 291 respondents required");
    ``details`` are label/value pairs identifying the record concerned.
    """
    form_names = set(form.fields) if form is not None else set()
    carried = [
        (name, value)
        for name in request.POST
        if name not in _NOT_CARRIED and name not in form_names
        for value in request.POST.getlist(name)
    ]
    return render(
        request,
        "common/confirm.html",
        {
            "title": title,
            "consequences": consequences,
            "warnings": warnings,
            "details": details,
            "action_label": action_label,
            "action_url": request.get_full_path(),
            "cancel_url": cancel_url,
            "carried": carried,
            "form": form,
            "confirm_field": CONFIRM_FIELD,
        },
        status=status,
    )
