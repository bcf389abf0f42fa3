"""Reviewing answers held aside (``HeldResponse``): one page for every questionnaire. A domain's
view checks who may review and whether the collection still takes answers, then hands over."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .models import Collection, HeldResponse, Item
from .services import review_held


def pending(collection: Collection) -> int:
    return HeldResponse.objects.filter(
        collection=collection, status=HeldResponse.Status.PENDING
    ).count()


def review_page(
    request: HttpRequest,
    *,
    collection: Collection,
    may_decide: bool,
    context: dict[str, Any],
) -> HttpResponse:
    """GET: the held answers, each beside the counted one it repeats. POST (``held``,
    ``decision`` = confirm or discard): the decision, when ``may_decide``."""
    if request.method == "POST" and may_decide:
        held = get_object_or_404(HeldResponse, collection=collection, pk=request.POST.get("held"))
        decision = request.POST.get("decision")
        if decision in ("confirm", "discard"):
            try:
                review_held(actor=request.user, held=held, confirm=decision == "confirm")
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                message = (
                    _("The answers %(number)s are counted.")
                    if decision == "confirm"
                    else _("The answers %(number)s are set aside and not counted.")
                )
                messages.success(request, message % {"number": held.number})
        return redirect(request.path)
    rows = list(
        HeldResponse.objects.filter(collection=collection)
        .select_related("service", "reviewed_by", "response")
        .order_by("status", "-submitted_at")
    )
    labels = {
        item.pk: item
        for item in Item.objects.filter(version_id=collection.version_id).select_related("section")
    }
    readable = [
        (
            row,
            [
                (labels[item_id].code, value if value is not None else text)
                for item_id, value, text in row.answers
                if item_id in labels and (value is not None or text)
            ],
        )
        for row in rows
    ]
    return render(
        request,
        "surveys/held_review.html",
        {**context, "rows": readable, "may_decide": may_decide},
    )
