from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from pantau.organisations import selectors as organisations

from . import selectors


@login_required
def unit_access_log(request, slug):
    """Who looked at reporters' identities of the unit: for the unit head (and agency head)."""
    unit = organisations.get_managed_unit(request.user, slug)
    page = Paginator(selectors.unit_accesses(unit), 50).get_page(request.GET.get("page"))
    return render(request, "privacy/unit_access_log.html", {"unit": unit, "page": page})
