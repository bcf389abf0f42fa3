"""A unit's monthly "what we did with your reports" (``pantau.complaints.followup``), public."""

import re

from django.http import Http404
from django.shortcuts import render

from pantau.complaints import followup
from pantau.organisations import selectors as organisations

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _month_asked(unit, text: str) -> followup.Month:
    """The month of the address; the current month without one. Never a month to come."""
    current = followup.current_month(unit)
    if not text:
        return current
    match = MONTH.match(text)
    if not match:
        raise Http404
    month = followup.Month(int(match[1]), int(match[2]))
    if not 1 <= month.month <= 12 or month.year < 2000 or month.first_day > current.first_day:
        raise Http404
    return month


def unit_followup(request, slug, month=""):
    unit = organisations.get_public_unit(slug)
    asked = _month_asked(unit, month)
    current = followup.current_month(unit)
    months = followup.months_with_reports(unit)
    if asked not in months:
        months = sorted([*months, asked], key=lambda m: m.first_day, reverse=True)
    return render(
        request,
        "portal/unit_followup.html",
        {
            "unit": unit,
            "summary": followup.month_summary(unit, asked),
            "months": months,
            "so_far": asked == current,
            "earlier": asked.previous(),
            "later": asked.next() if asked != current else None,
        },
    )
