"""``Idempotency-Key`` on the API's writes (issue 20, item 4), wrapped around every endpoint's view
in ``pantau.api.urls`` as the caching is, so that no view has to say it.

A ``POST`` or ``PATCH`` with the header and a token is done once per key and token: the answer
(status, body, ``Location``) is kept for ``WINDOW``, and the same key with the same request
answers it again, with ``Idempotent-Replayed: true``, without acting again. The same key with
another request (method, address, body) is a 422; the same key while its first request is still
running is a 409. A key is 1–200 printable ASCII characters. Without a token the header is a 400:
a citizen's report or answers sent without a token use their ``submission_token``. Answers of
5xx are not kept (the request may be tried again with the same key). A view that has its own
idempotency says so with ``own_idempotency = True`` (``POST /complaints/``, whose key is its
``submission_token``: the answer holds the access code, which is never stored) and is passed by.

Bodies sent as multipart (file uploads) are not read here (they may be larger than the memory
Django allows a body): with the header they are a 400 naming it; send them once, or check the
record before sending again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern
from django.utils import timezone
from django.utils.translation import gettext as _

from .authentication import find_token
from .models import IdempotentRequest

HEADER = "Idempotency-Key"
WRITES = ("POST", "PATCH")
WINDOW = timedelta(hours=24)
KEY = re.compile(r"[\x21-\x7e]{1,200}")


def _error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"code": code, "field": HEADER, "message": message}]}, status=status
    )


def _own_idempotency(view: Callable[..., Any]) -> bool:
    cls = getattr(view, "view_class", None) or getattr(view, "cls", None)
    return bool(getattr(cls, "own_idempotency", False))


def _digest(request: HttpRequest) -> str:
    parts = [request.method or "", request.get_full_path(), request.content_type or ""]
    return hashlib.sha256("\n".join(parts).encode() + b"\n" + request.body).hexdigest()


def _replay(stored: IdempotentRequest) -> HttpResponse:
    response = HttpResponse(
        bytes(stored.body), status=stored.status or 200, content_type=stored.content_type or None
    )
    if stored.location:
        response["Location"] = stored.location
    response["Idempotent-Replayed"] = "true"
    return response


def _rendered(response: HttpResponse) -> HttpResponse:
    render = getattr(response, "render", None)
    if callable(render) and not getattr(response, "is_rendered", True):
        render()
    return response


def _claim(token: Any, key: str, digest: str) -> IdempotentRequest | HttpResponse:
    """The new record of this key (this request runs), or the answer for a key already used."""
    # Answers older than the window are deleted (they may hold personal data: the privacy
    # registry lists them), which also frees their keys.
    IdempotentRequest.objects.filter(created_at__lt=timezone.now() - WINDOW).delete()
    try:
        with transaction.atomic():
            return IdempotentRequest.objects.create(token=token, key=key, request_hash=digest)
    except IntegrityError:
        stored = IdempotentRequest.objects.filter(token=token, key=key).first()
    if stored is None:  # removed meanwhile: the first request failed; this one may try again
        return _error(
            409, "in_progress", _("A request with this Idempotency-Key is still running.")
        )
    if stored.request_hash != digest:
        return _error(
            422,
            "key_reused",
            _("This Idempotency-Key was used for another request; use a new key for it."),
        )
    if stored.status is None:
        return _error(
            409,
            "in_progress",
            _("A request with this Idempotency-Key is still running; ask again in a moment."),
        )
    return _replay(stored)


def idempotent(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap one endpoint's view as the module docstring says."""
    if _own_idempotency(view):
        return view

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = request.headers.get(HEADER)
        if request.method not in WRITES or key is None:
            return view(request, *args, **kwargs)
        key = key.strip()
        if not KEY.fullmatch(key):
            return _error(
                400,
                "invalid",
                _("An Idempotency-Key is 1 to 200 printable characters, e.g. a UUID."),
            )
        words = request.META.get("HTTP_AUTHORIZATION", "").split()
        token = find_token(words[1]) if len(words) == 2 else None
        if token is None:
            if words:  # a bad token: the view answers 401 as it always does
                return view(request, *args, **kwargs)
            return _error(
                400,
                "invalid",
                _(
                    "An Idempotency-Key needs an API token; without one, send the "
                    "submission_token the form describes."
                ),
            )
        if request.content_type == "multipart/form-data":
            return _error(
                400,
                "invalid",
                _("An Idempotency-Key cannot be used with a file upload; send it without the key."),
            )
        claimed = _claim(token, key, _digest(request))
        if isinstance(claimed, HttpResponse):
            return claimed
        try:
            response = _rendered(view(request, *args, **kwargs))
        except Exception:
            IdempotentRequest.objects.filter(pk=claimed.pk).delete()
            raise
        if response.status_code >= 500:
            IdempotentRequest.objects.filter(pk=claimed.pk).delete()
            return response
        IdempotentRequest.objects.filter(pk=claimed.pk).update(
            status=response.status_code,
            content_type=response.get("Content-Type", "")[:100],
            body=response.content,
            location=response.get("Location", "")[:500],
        )
        return response

    return wrapped


def idempotent_patterns(patterns: list) -> list:
    """The endpoints' URL patterns with each view wrapped by ``idempotent``."""
    return [
        URLPattern(p.pattern, idempotent(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]


def document_idempotency(result: dict, generator: Any, request: Any, public: Any) -> dict:
    """drf-spectacular post-processing: every POST and PATCH that honours the key takes the
    header and may answer 409 and 422."""
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method.upper() not in WRITES:
                continue
            operation.setdefault("parameters", []).append(
                {
                    "in": "header",
                    "name": HEADER,
                    "required": False,
                    "description": "Do this write once: the same key sent again by the same "
                    "token within 24 hours answers the first answer (`Idempotent-Replayed: "
                    "true`). Needs a token; not with file uploads.",
                    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
                }
            )
            responses = operation.setdefault("responses", {})
            for code, text in (
                ("409", "A request with this Idempotency-Key is still running."),
                ("422", "This Idempotency-Key was used for another request."),
            ):
                responses.setdefault(
                    code,
                    {
                        "description": text,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}
                        },
                    },
                )
            operation["responses"] = dict(sorted(responses.items()))
    return result
