"""The public innovation catalogue (issue 21): every innovation a unit head published, to learn
from and to copy (ATM: amati, tiru, modifikasi), searchable by words and filtered by stage, agency
and province. It shows what the innovation is, the problem, the condition before and after, the
stage, the unit and agency, its effect, and who copied it; never the team's names, the budget
documents or the evidence files."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors
from .models import Stage

PAGE_SIZE = 20


def catalogue(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "")[:100]
    stage = request.GET.get("stage", "")
    agency = request.GET.get("agency", "")[:80]
    province = request.GET.get("province", "")[:100]
    innovations = selectors.catalogue(search=search, stage=stage, agency=agency, province=province)
    page = Paginator(innovations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "innovations/catalogue.html",
        {
            "page": page,
            "search": search,
            "stage": stage,
            "agency": agency,
            "province": province,
            "stages": Stage.choices,
            "query": query.urlencode(),
            **selectors.catalogue_choices(),
        },
    )


def innovation(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_public_innovation(pk)
    shown = len(item.public_replications)  # type: ignore[attr-defined]
    return render(
        request,
        "innovations/public_detail.html",
        {
            "innovation": item,
            "original": selectors.public_original(item),
            "unshown_replications": item.replication_count - shown,  # type: ignore[attr-defined]
        },
    )
