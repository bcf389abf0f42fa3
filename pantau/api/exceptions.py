"""One error body for the whole API: ``{"errors": [{"code", "field", "message"}]}``.

``field`` names the input at fault (``answers.u1`` for a nested one) or is null for the request
as a whole; ``message`` is a full sentence in the request's language; ``code`` is stable and
meant for programs."""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)

WHOLE_REQUEST = {api_settings.NON_FIELD_ERRORS_KEY, "non_field_errors", "__all__", "detail"}


def flatten(detail, field: str | None = None) -> list[dict]:
    """The ``get_full_details()`` tree of a DRF error as a flat list of errors."""
    if isinstance(detail, dict) and set(detail) == {"message", "code"}:
        return [{"code": str(detail["code"]), "field": field, "message": str(detail["message"])}]
    if isinstance(detail, dict):
        errors = []
        for key, value in detail.items():
            name = None if key in WHOLE_REQUEST else str(key)
            errors += flatten(value, ".".join(p for p in (field, name) if p) or None)
        return errors
    if isinstance(detail, list):
        errors = []
        for index, value in enumerate(detail):
            nested = isinstance(value, dict) and set(value) != {"message", "code"}
            errors += flatten(value, f"{field}.{index}" if nested and field else field)
        return errors
    return [{"code": "invalid", "field": field, "message": str(detail)}]


def error_body(errors: list[dict]) -> dict:
    return {"errors": errors}


def exception_handler(exc, context):
    if isinstance(exc, Http404 | OverflowError):  # OverflowError: an id too large to exist
        exc = exceptions.NotFound(_("Not found, or not yours to see."))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(_("You may not do this."))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("Unhandled error in the API", exc_info=exc)
        return Response(
            error_body(
                [
                    {
                        "code": "server_error",
                        "field": None,
                        "message": _("Something went wrong on our side. Please try again later."),
                    }
                ]
            ),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    if isinstance(exc, exceptions.Throttled):
        message = _("Too many requests. Try again in %(seconds)s seconds.") % {
            "seconds": int(exc.wait or 1)
        }
        response.data = error_body([{"code": "throttled", "field": None, "message": message}])
        return response
    response.data = error_body(flatten(exc.get_full_details()))
    return response
