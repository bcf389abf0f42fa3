"""Who may do what with a perception study."""

from pantau.organisations.permissions import can_manage_unit, can_view_unit
from pantau.organisations.selectors import scope_for


def can_view_study(user, study) -> bool:
    return can_view_unit(user, study.unit)


def can_manage_study(user, study) -> bool:
    """Set up, open and close the study: the unit head (or the agency head, an administrator)."""
    return can_manage_unit(user, study.unit)


def can_answer_as_provider(user, study) -> bool:
    """Officers and heads of the studied unit answer the providers' form."""
    return study.unit_id in scope_for(user).unit_roles


def can_enter_responses(user, study) -> bool:
    """Officers and heads of the unit type in paper questionnaires and import files."""
    scope = scope_for(user)
    return scope.is_admin or study.unit_id in scope.unit_roles
