"""Who may do what with a perception study."""

from pantau.organisations.permissions import can_manage_unit, can_view_unit
from pantau.organisations.selectors import scope_for


def can_view_study(user, study) -> bool:
    return can_view_unit(user, study.unit) or any(
        can_view_unit(user, group.unit) for group in study.groups.select_related("unit")
    )


def can_manage_study(user, study) -> bool:
    """Set up, open and close the study: the head of its leading unit (or the agency head, an
    administrator)."""
    return can_manage_unit(user, study.unit)


def can_answer_as_provider(user, group) -> bool:
    """Officers and heads of the group's unit answer its providers' form."""
    return group.unit_id in scope_for(user).unit_roles


def provider_group_for(user, study):
    """The providers' group the user answers in: that of the first unit of the study they work in."""
    units = scope_for(user).unit_roles
    return (
        study.groups.filter(role="provider", unit_id__in=units.keys())
        .select_related("collection__version", "unit")
        .order_by("unit__name")
        .first()
    )


def can_enter_responses(user, group) -> bool:
    """Officers and heads of the group's unit type in paper questionnaires and import files."""
    scope = scope_for(user)
    return scope.is_admin or group.unit_id in scope.unit_roles
