from django.core.paginator import Paginator
from django.shortcuts import render

from pantau.organisations import selectors as organisations


def home(request):
    return render(
        request,
        "portal/home.html",
        {"counts": organisations.public_counts(), "provinces": organisations.public_provinces()},
    )


def unit_list(request):
    search = request.GET.get("q", "").strip()[:100]
    province = request.GET.get("province", "").strip()[:100]
    units = organisations.public_units(search=search, province=province)
    page = Paginator(units, 20).get_page(request.GET.get("page"))
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
