from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import render

from pantau.organisations import selectors as organisations

# Figures on public pages may be a minute old; they are read on every visit.
PUBLIC_CACHE_SECONDS = 60


def _provinces() -> list[str]:
    return cache.get_or_set(
        "portal:provinces", organisations.public_provinces, PUBLIC_CACHE_SECONDS
    )


def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "counts": cache.get_or_set(
                "portal:counts", organisations.public_counts, PUBLIC_CACHE_SECONDS
            ),
            "provinces": _provinces(),
        },
    )


def unit_list(request):
    search = request.GET.get("q", "").strip()[:100]
    province = request.GET.get("province", "").strip()[:100]
    units = organisations.public_units(search=search, province=province)
    page = Paginator(units, 20).get_page(request.GET.get("page"))
    page.object_list = organisations.with_unit_counts(page.object_list)
    return render(
        request,
        "portal/unit_list.html",
        {
            "page": page,
            "search": search,
            "province": province,
            "provinces": organisations.public_provinces(),
        },
    )


def unit_detail(request, slug):
    return render(request, "portal/unit_detail.html", {"unit": organisations.get_public_unit(slug)})
