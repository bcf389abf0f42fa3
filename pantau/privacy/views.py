from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from .notices import NOTICES
from .registry import REGISTRY


def _records():
    """The record of processing activities, made from the registry of personal fields."""
    from django.apps import apps

    rows = []
    for entry in REGISTRY:
        model = apps.get_model(entry.model)
        rows.append(
            {
                "what": model._meta.verbose_name,
                "fields": [model._meta.get_field(name).verbose_name for name in entry.fields],
                "category": entry.category,
                "purpose": entry.purpose,
                "retention": entry.retention,
                "months": getattr(settings, entry.retention_setting)
                if entry.retention_setting
                else None,
            }
        )
    return rows


def notice_index(request):
    return render(
        request,
        "privacy/notice_index.html",
        {"notices": NOTICES.values(), "records": _records()},
    )


def notice_detail(request, purpose):
    notice = NOTICES.get(purpose)
    if notice is None:
        raise Http404
    return render(request, "privacy/notice_detail.html", {"notice": notice})
