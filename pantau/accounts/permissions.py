"""Small predicates about accounts."""

from django.conf import settings

ADMIN = "admin"


def needs_two_factor(user) -> bool:
    """Whether the user's role requires two-factor sign-in (``PANTAU_TWO_FACTOR_ROLES``):
    "admin" covers superusers and staff who open the administration site; the other names are
    membership roles."""
    roles = set(settings.PANTAU_TWO_FACTOR_ROLES)
    if not roles or not user.is_authenticated:
        return False
    if ADMIN in roles and (user.is_superuser or user.is_staff):
        return True
    member_roles = roles - {ADMIN}
    if not member_roles:
        return False
    cached = getattr(user, "_pantau_roles", None)
    if cached is None:
        cached = set(user.memberships.values_list("role", flat=True))
        user._pantau_roles = cached
    return bool(cached & member_roles)
