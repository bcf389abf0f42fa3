"""Who may issue an integration token, and what a request carrying one may read.

An agency head or an agency's complaint coordinator issues tokens for their agency and the
agencies below it; an administrator for any agency and for the national level. A token is
revoked by anyone who may issue one for its agency (a connector outlives its issuer's post)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from pantau.organisations.selectors import scope_for

from ..models import ApiToken


def issuable_agency_ids(user) -> set[int] | None:
    """The agencies the user may issue integration tokens for; None means every agency and the
    national level (an administrator)."""
    scope = scope_for(user)
    if scope.is_admin:
        return None
    return scope.headed_agencies | scope.coordinated_agencies


def can_issue_integration_token(user, agency) -> bool:
    """``agency`` None is the national level: administrators only."""
    if not user.is_authenticated:
        return False
    ids = issuable_agency_ids(user)
    if ids is None:
        return True
    return agency is not None and agency.pk in ids


def can_manage_integration_tokens(user) -> bool:
    """Whether the user has the integration tokens page at all."""
    ids = issuable_agency_ids(user)
    return user.is_authenticated and (ids is None or bool(ids))


def can_revoke_integration_token(user, token: ApiToken) -> bool:
    return token.is_integration and can_issue_integration_token(user, token.agency)


def integration_token_of(request) -> ApiToken | None:
    auth = getattr(request, "auth", None)
    if isinstance(auth, ApiToken) and auth.is_integration:
        return auth
    return None


class IntegrationScope(permissions.BasePermission):
    """Only an integration token (a personal token, a session or no token at all: 401/403)."""

    message = _("Send an integration token: these reads are for an agency's connectors.")

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS and (
            integration_token_of(request) is not None
        )
