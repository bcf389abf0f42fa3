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
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation.trans_real import parse_accept_lang_header

from .query_guard import API_PREFIXES

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
    "reportcards",
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


def anonymous(request: HttpRequest) -> bool:
    """Nobody is signed in. Without a session cookie (most citizens) that is known without
    reading ``request.user``, which loads the session and wraps the user for two-factor."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if not anonymous(request):
        return False
    storage = getattr(request, "_messages", None)
    return not (storage is not None and len(storage))


def _version(request: HttpRequest, gen: int, language: str | None = None) -> str:
    day = timezone.localdate().isoformat()  # "open today" changes at midnight without a save
    raw = f"{gen}|{language or get_language()}|{day}|{request.get_full_path()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


VARY = ("Cookie", "Accept-Language")


def finish(
    response: HttpResponse, etag: str, modified: float, cors: bool, vary: tuple[str, ...] = VARY
) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, no-cache"
    patch_vary_headers(response, vary)
    if cors:
        response["Access-Control-Allow-Origin"] = "*"
    return response


def matches(request: HttpRequest, etag: str) -> bool:
    asked = request.META.get("HTTP_IF_NONE_MATCH", "")
    return bool(asked) and (asked.strip() == "*" or etag in [t.strip() for t in asked.split(",")])


def public_etag(request: HttpRequest, topics: tuple[str, ...]) -> tuple[str, float]:
    """The ETag of a public read of ``request`` now, and its Last-Modified (a timestamp)."""
    gen = generation(topics)
    return f'W/"{_version(request, gen)}"', gen / 1_000_000


ALL = ("public", "complaints")


@dataclass(frozen=True)
class PublicRead:
    """What ``NotModifiedMiddleware`` needs to know of a public read, found on its view."""

    topics: tuple[str, ...]
    cors: bool
    vary: tuple[str, ...] = VARY


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
            if matches(request, etag):
                return finish(HttpResponseNotModified(), etag, modified, cors)
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
                return finish(response, etag, modified, cors)
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
                return finish(response, etag, modified, cors)
            return response

        wrapped.pantau_public = PublicRead(topics=topics, cors=cors)  # type: ignore[attr-defined]
        return wrapped

    return decorate(view) if view is not None else decorate


# Middleware further down that only add headers to an answer. The early 304 goes through them so
# that it carries what a 304 from the view would (the CSP, X-Frame-Options); SecurityMiddleware
# (HSTS, nosniff, referrer and opener policies) sits above NotModifiedMiddleware and sees it.
HEADER_MIDDLEWARE = (
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
)


class NotModifiedMiddleware:
    """Answers an anonymous conditional GET of a public read with 304 before the session,
    CSRF, authentication, two-factor and message middleware run (issue 20: a 304 at >= 0.8 x a
    bare page). It sits just above ``SessionMiddleware`` and acts only when the request carries
    ``If-None-Match`` and neither a session cookie, a message cookie nor ``Authorization``, so
    nobody can be signed in and no message can be waiting; it finds the view as Django would
    and answers only for one marked by ``public_page`` (or ``pantau.api.caching``), with the
    language the language middleware would choose and the same ETag the view's wrapper gives.
    Anything else, and an ETag that no longer matches, goes down the stack as before."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.finishers = [
            import_string(path)(get_response)
            for path in HEADER_MIDDLEWARE
            if path in settings.MIDDLEWARE
        ]
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        answer = self._not_modified(request) if self._may_answer(request) else None
        return answer if answer is not None else self.get_response(request)

    @staticmethod
    def _may_answer(request: HttpRequest) -> bool:
        return (
            enabled()
            and request.method in ("GET", "HEAD")
            and "HTTP_IF_NONE_MATCH" in request.META
            and "HTTP_AUTHORIZATION" not in request.META
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and CookieStorage.cookie_name not in request.COOKIES
        )

    def _not_modified(self, request: HttpRequest) -> HttpResponse | None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        read: PublicRead | None = getattr(match.func, "pantau_public", None)
        if read is None:
            return None
        request.get_host()  # a Host outside ALLOWED_HOSTS answers 400, as further down
        language = self._language(request)
        gen = generation(read.topics)
        etag = f'W/"{_version(request, gen, language)}"'
        if not matches(request, etag):
            return None
        response = finish(HttpResponseNotModified(), etag, gen / 1_000_000, read.cors, read.vary)
        response["Content-Language"] = language
        for middleware in self.finishers:
            response = middleware.process_response(request, response)
        return response

    def _language(self, request: HttpRequest) -> str:
        """As ``DefaultLanguageMiddleware`` (pages: the language cookie) and
        ``ApiLanguageMiddleware`` (API and Open311: Accept-Language) choose it."""
        if request.path.startswith(API_PREFIXES):
            header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
            for code, _quality in parse_accept_lang_header(header)[:10]:
                base = code.split("-")[0].lower()
                if base in self.languages:
                    return base
            return settings.LANGUAGE_CODE
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        return chosen if chosen in self.languages else settings.LANGUAGE_CODE
