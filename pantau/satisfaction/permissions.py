from pantau.organisations.selectors import scope_for


def can_enter_responses(user, unit) -> bool:
    """Unit heads and officers of the unit (and administrators) type in paper questionnaires."""
    scope = scope_for(user)
    return scope.is_admin or unit.id in scope.unit_roles
