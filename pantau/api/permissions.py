"""What a request may do through the API: its user's rights, narrowed by the token's scopes.

A request signed in with a browser session (the docs page) acts with the user's full rights; a
token acts with its user's rights, limited to reading unless it has the write scope, and to its
units when it names some."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from .models import ApiToken


def token_of(request) -> ApiToken | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiToken) else None


def token_unit_ids(request) -> set[int] | None:
    """The units the token is limited to, or None when it is not limited."""
    token = token_of(request)
    if token is None:
        return None
    cached: set[int] | None = getattr(request, "_pantau_token_units", None)
    if cached is None:
        cached = set(token.units.values_list("id", flat=True))
        setattr(request, "_pantau_token_units", cached)  # noqa: B010 - a per-request cache
    return cached or None


def narrow_units(request, units: QuerySet) -> QuerySet:
    ids = token_unit_ids(request)
    return units if ids is None else units.filter(id__in=ids)


def narrow_by_unit(request, queryset: QuerySet, field: str = "unit_id") -> QuerySet:
    ids = token_unit_ids(request)
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def may_write(request) -> bool:
    token = token_of(request)
    return request.user.is_authenticated and (token is None or token.can_write)


class ReadScope(permissions.BasePermission):
    """A signed-in user or a valid token (any scope reads)."""

    message = _("Send an API token: this endpoint is not public.")

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated)


class WriteScope(ReadScope):
    """Reads as ReadScope; writes need a token with the write scope (or a browser session)."""

    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        if not may_write(request):
            self.message = _("This token may only read: create a token with the write scope.")
            return False
        return True


def get_unit(request, slug: str, *, managed: bool = False):
    """The unit with this slug if the user reaches it (manages it, with ``managed``) and the
    token is not limited to other units; a 404 otherwise."""
    from django.shortcuts import get_object_or_404

    from pantau.organisations.selectors import managed_units, visible_units

    units = managed_units(request.user) if managed else visible_units(request.user)
    return get_object_or_404(narrow_units(request, units), slug=slug)
