"""HTTP caching of the API's reads (issue 20, item 5), wrapped around every endpoint's view in
``pantau.api.urls`` so that no view has to say it.

- A read an anonymous client may make (the view's permissions for GET are all ``AllowAny``:
  public units, agencies and services, published SKM results, standards in force, the
  innovation catalogue) is a public read, as the public pages are (``pantau.common.httpcache``):
  ``Cache-Control: public, no-cache``, an ``ETag`` and ``Last-Modified`` that move when anything
  the public reads changes, ``Access-Control-Allow-Origin: *``, and a conditional GET answered
  304 before the view runs (``NotModifiedMiddleware`` answers it before the session middleware
  even). The body itself is not kept: each 200 runs the view, so the anonymous rate limit and
  the headers of the answer stay exact.
- Any other successful read (a token or a signed-in session) is the caller's alone:
  ``Cache-Control: private, no-cache`` and an ``ETag`` computed from the body, so it changes
  whenever what the caller may read changes; ``If-None-Match`` with it answers 304 without the
  body (the view still runs).
- Every API read says ``Vary: Authorization, Cookie, Accept-Language``, so that no cache hands
  one caller's answer to another.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from types import SimpleNamespace
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import URLPattern
from django.utils.cache import patch_vary_headers
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from pantau.common import httpcache

from . import sync

VARY = ("Authorization", "Cookie", "Accept-Language")
READS = ("GET", "HEAD")


def anonymous_get_allowed(callback: Callable[..., Any]) -> bool:
    """Whether the view behind ``callback`` lets anyone GET it: every permission it applies
    to a GET is ``AllowAny`` (``permission_classes``, or ``get_permissions`` choosing by
    method)."""
    cls = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if not (isinstance(cls, type) and issubclass(cls, APIView) and hasattr(cls, "get")):
        return False
    view = cls(**getattr(callback, "view_initkwargs", None) or {})
    view.request = SimpleNamespace(method="GET")  # type: ignore[assignment]
    view.args, view.kwargs = (), {}
    try:
        permissions = view.get_permissions()
    except Exception:  # noqa: BLE001 - a view that cannot say without a real request is private
        return False
    return bool(permissions) and all(isinstance(p, AllowAny) for p in permissions)


def _rendered(response: HttpResponse) -> HttpResponse:
    render = getattr(response, "render", None)
    if render is not None and not getattr(response, "is_rendered", True):
        render()
    return response


def _public_read(request: HttpRequest, view: Callable[..., HttpResponse], *args, **kwargs):
    # A sync read (``updated_after``) also moves with time, not only with the data (changes of
    # the last seconds wait, pantau.api.sync): its ETag is that of its body.
    if httpcache.enabled() and not request.GET.get(sync.PARAMETER):
        etag, modified = httpcache.public_etag(request, httpcache.ALL)
        if httpcache.matches(request, etag):
            return httpcache.finish(HttpResponseNotModified(), etag, modified, True, VARY)
        response = _rendered(view(request, *args, **kwargs))
        if response.status_code == 200 and not response.streaming:
            return httpcache.finish(response, etag, modified, True, VARY)
    else:
        # A cache of this process only (development, tests): the generation is not shared by
        # every worker, so the ETag is computed from the body instead, as for private reads.
        response = _private_read(request, view, *args, **kwargs)
        if response.has_header("ETag"):
            response["Cache-Control"] = "public, no-cache"
    if response.status_code < 400:
        response["Access-Control-Allow-Origin"] = "*"
    return response


def _private_read(request: HttpRequest, view: Callable[..., HttpResponse], *args, **kwargs):
    response = _rendered(view(request, *args, **kwargs))
    if response.status_code != 200 or response.streaming or response.has_header("ETag"):
        return response
    etag = f'W/"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, VARY)
    if not httpcache.matches(request, etag):
        return response
    not_modified = HttpResponseNotModified()
    for name in ("ETag", "Cache-Control", "Vary"):
        not_modified[name] = response[name]
    return not_modified


def cached_read(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap one endpoint's view as the module docstring says."""
    public = anonymous_get_allowed(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in READS:
            return view(request, *args, **kwargs)
        if public and "HTTP_AUTHORIZATION" not in request.META and httpcache.anonymous(request):
            return _public_read(request, view, *args, **kwargs)
        return _private_read(request, view, *args, **kwargs)

    if public:
        wrapped.pantau_public = httpcache.PublicRead(  # type: ignore[attr-defined]
            topics=httpcache.ALL, cors=True, vary=VARY
        )
    return wrapped


def cached_patterns(patterns: list) -> list:
    """The endpoints' URL patterns with each view wrapped by ``cached_read``."""
    return [
        URLPattern(p.pattern, cached_read(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]


CACHING_HEADERS = {
    "ETag": {
        "description": "The version of this answer: send it back in `If-None-Match` to get 304 "
        "while it is current.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "`public, no-cache` on a public read (any cache may keep it and asks "
        "again each time), `private, no-cache` on a read with a token or a session.",
        "schema": {"type": "string"},
    },
}


def document_caching(result: dict, generator, request, public) -> dict:
    """drf-spectacular post-processing: every GET says it may answer 304 to ``If-None-Match``,
    and what ``ETag`` and ``Cache-Control`` hold on its 200."""
    for item in result.get("paths", {}).values():
        operation = item.get("get")
        if operation is None:
            continue
        responses = operation.setdefault("responses", {})
        if "200" in responses:
            headers = responses["200"].setdefault("headers", {})
            for name, header in CACHING_HEADERS.items():
                headers.setdefault(name, header)
        responses.setdefault(
            "304",
            {
                "description": "Not modified: the `ETag` sent in `If-None-Match` is still the "
                "current one. No body; keep using the copy you have."
            },
        )
        operation["responses"] = dict(sorted(responses.items()))
    return result
