"""What ``OPTIONS`` answers on the API: the view's name, description, media types and, for a
client that may write, the fields each ``POST``/``PUT`` takes.

DRF's ``SimpleMetadata`` calls ``get_object()`` for ``PUT`` and ``get_serializer()`` for every
write; Pantau's views find their object in the handler (through the module's selectors, so a
unit's draft is looked up by slug, not by ``pk``) and a write that takes no body (a forum
``held``, a standard's ``drafts``) has no serializer. Both made ``OPTIONS`` a 500. Here the
token's scope decides (the view's permission classes), the object is never looked up, and a
write without a serializer is listed with no fields."""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.metadata import SimpleMetadata
from rest_framework.request import Request, clone_request

if TYPE_CHECKING:  # rest_framework.views reads this module's class while it is being imported
    from rest_framework.views import APIView


class Metadata(SimpleMetadata):
    def determine_actions(self, request: Request, view: "APIView") -> dict[str, Any]:
        actions: dict[str, Any] = {}
        for method in sorted({"PUT", "POST"} & set(view.allowed_methods)):
            view.request = clone_request(request, method)
            try:
                view.check_permissions(view.request)
            except (exceptions.APIException, PermissionDenied, Http404):
                continue
            else:
                # Called for views with get_serializer only (SimpleMetadata.determine_metadata).
                get_serializer = view.get_serializer  # type: ignore[attr-defined]
                has_body = getattr(view, "serializer_class", None) is not None
                actions[method] = self.get_serializer_info(get_serializer()) if has_body else {}
            finally:
                view.request = request
        return actions
