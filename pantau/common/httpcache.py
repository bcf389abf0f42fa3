"""HTTP caching of what the public reads (issue 20: the public home answered 0.14 × and the unit
directory 0.04 × the requests per second of a bare Django page, and had no ETag, no
Last-Modified and no Cache-Control, so a province publishing its results or a viral complaint
would carry the whole cost of every page view).

One number, the *public generation*, stands for "what the public may read as of now". Any save or
delete of a model whose rows appear on public pages moves it (``connect_signals``, once the
transaction commits), so nothing is served after it changed. A public read (``public_page``)
then:

- answers a conditional GET whose ``If-None-Match`` names the current version with 304 and no
  body, without running the view;
- serves the page rendered for the same address, language and day from the cache, or renders it
  once and keeps it (only addresses without a query string: a search is rendered each time, but
  still answered 304 while nothing changed);
- says ``Cache-Control: public, no-cache`` (a browser or proxy may keep it, but asks again each
  time, and gets a 304 while nothing changed), ``ETag`` and ``Last-Modified``, and for open data
  and public API reads ``Access-Control-Allow-Origin: *``.

Only anonymous GETs without pending messages are cached; a signed-in person always gets a fresh,
private page. The generation and the pages live in the default cache, which is Redis in
production and so shared by every worker (docs/deployment.md); with a per-process cache
(``REDIS_URL`` empty) the server-side copy is off unless ``PANTAU_PAGE_CACHE`` turns it on, as
the one-process development server and the tests do, because one worker would not see another's
changes.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

GENERATION_KEY = "pantau:public-generation:"  # + topic
PAGE_PREFIX = "pantau:public-page:"
PAGE_SECONDS = 3600  # a kept page is dropped after an hour even if nothing changed

# Apps whose rows the public pages, open data, the public API and Open311 show.
PUBLIC_APPS = (
    "organisations",
    "standards",
    "satisfaction",
    "complaints",
    "evaluations",
    "studies",
    "surveys",
    "improvements",
    "innovations",
)
# Rows that change with every citizen's submission but are never shown one by one: answers are
# published only as a result, which is its own row (decision 0031). Counting them would empty
# the cache at each answer and gain nothing.
NOT_PUBLIC = {
    "surveys.Response",
    "surveys.Answer",
    "surveys.HeldResponse",
    "surveys.SubmissionGuard",
    "surveys.ImportBatch",
    "complaints.ReportFollower",  # who follows a report is never shown
}


def enabled() -> bool:
    return bool(getattr(settings, "PANTAU_PAGE_CACHE", False))


def _now_us() -> int:
    return time.time_ns() // 1000


# Each process keeps the generations it read for a second: a conditional GET then costs no
# cache round trip at all (issue 20 asks 304s at 0.8 x a bare page). A change made in this
# process clears it at once; another worker's change is seen within ``MEMO_SECONDS``.
MEMO_SECONDS = 1.0
_memo: dict[tuple[str, ...], tuple[float, int]] = {}


def generation(topics: tuple[str, ...] = ("public",)) -> int:
    """The newest generation of ``topics``: the time (in microseconds) of the last change the
    public may read among them, or of the cache's start, so it never goes back to a number a
    browser still holds and doubles as ``Last-Modified``. At most one cache round trip, and
    none while this process's memo is fresh."""
    now = time.monotonic()
    kept = _memo.get(topics)
    if kept is not None and kept[0] > now:
        return kept[1]
    keys = [GENERATION_KEY + topic for topic in topics]
    values = cache.get_many(keys)
    for key in keys:
        if key not in values:
            start = _now_us()
            values[key] = start if cache.add(key, start, timeout=None) else cache.get(key, start)
    newest = max(int(value) for value in values.values())
    _memo[topics] = (now + MEMO_SECONDS, newest)
    return newest


def forget() -> None:
    """Drop this process's memo of the generations (tests, and a change made here)."""
    _memo.clear()


def _bump_now(topic: str) -> None:
    forget()
    key = GENERATION_KEY + topic
    current = cache.get(key) or 0
    cache.set(key, max(_now_us(), int(current) + 1), timeout=None)


def topic_of(sender: Any) -> str:
    """Reports come and go all day; the pages that show none (the home page, the directory, a
    mall) keep their copy while citizens report."""
    return "complaints" if sender._meta.app_label == "complaints" else "public"


def bump(sender: Any = None, **_kwargs: Any) -> None:
    """Move the sender's topic once the current transaction commits (a signal receiver)."""
    topic = topic_of(sender) if sender is not None else "public"
    transaction.on_commit(lambda: _bump_now(topic))


def connect_signals() -> None:
    for model in apps.get_models():
        label = f"{model._meta.app_label}.{model.__name__}"
        if model._meta.app_label not in PUBLIC_APPS or label in NOT_PUBLIC:
            continue
        if model.__name__.startswith("Historical"):
            continue
        post_save.connect(bump, sender=model, dispatch_uid=f"httpcache-save-{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"httpcache-delete-{label}")
    m2m_changed.connect(bump, dispatch_uid="httpcache-m2m")


def _cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    return not (storage is not None and len(storage))


def _version(request: HttpRequest, gen: int) -> str:
    day = timezone.localdate().isoformat()  # "open today" changes at midnight without a save
    raw = f"{gen}|{get_language()}|{day}|{request.get_full_path()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _finish(response: HttpResponse, etag: str, modified: float, cors: bool) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, no-cache"
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    if cors:
        response["Access-Control-Allow-Origin"] = "*"
    return response


def _matches(request: HttpRequest, etag: str) -> bool:
    asked = request.META.get("HTTP_IF_NONE_MATCH", "")
    return bool(asked) and (asked.strip() == "*" or etag in [t.strip() for t in asked.split(",")])


ALL = ("public", "complaints")


def public_page(
    view: Callable[..., HttpResponse] | None = None,
    *,
    cors: bool = False,
    topics: tuple[str, ...] = ALL,
):
    """Cache a public read as described above. ``cors`` adds ``Access-Control-Allow-Origin: *``
    (open data and public API reads, which other sites' pages may fetch). ``topics`` are what
    the page shows: a page without reports on it says ``("public",)``."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not enabled() or not _cacheable(request):
                response = view(request, *args, **kwargs)
                if cors and response.status_code < 400:
                    response["Access-Control-Allow-Origin"] = "*"
                return response
            gen = generation(topics)
            version = _version(request, gen)
            etag = f'W/"{version}"'
            modified = gen / 1_000_000
            if _matches(request, etag):
                return _finish(HttpResponseNotModified(), etag, modified, cors)
            # Only addresses without a query string are kept: every search would otherwise be a
            # new entry, and a script asking for random words would fill the cache.
            keep = not request.META.get("QUERY_STRING")
            key = PAGE_PREFIX + version
            kept = cache.get(key) if keep else None
            if kept is not None:
                content, headers = kept
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                return _finish(response, etag, modified, cors)
            response = view(request, *args, **kwargs)
            render = getattr(response, "render", None)
            if render is not None and not getattr(response, "is_rendered", True):
                render()  # a REST framework or template response, rendered once here
            if (
                keep
                and response.status_code == 200
                # A page holding a CSRF token (a POST form) belongs to its visitor alone.
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                and not response.streaming
                and not response.cookies
                and not response.has_header("Cache-Control")
            ):
                # Every header the view set (a Link to the next page, a download's name);
                # the validators and Vary are set again on each answer.
                headers = [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in ("etag", "last-modified", "cache-control", "vary")
                ]
                cache.set(key, (response.content, headers), PAGE_SECONDS)
            if response.status_code == 200 and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                return _finish(response, etag, modified, cors)
            return response

        return wrapped

    return decorate(view) if view is not None else decorate
