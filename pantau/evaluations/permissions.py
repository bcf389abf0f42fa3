"""Who may do what in a PEKPPP round (small predicates, tested one by one).

- Round managers: administrators, national evaluators, evaluators whose agency tree holds the
  evaluating body; for a self-evaluation (mandiri) round also the body's agency heads.
- Evaluators score only the lokus they are assigned to, and only units inside their own scope.
- Unit heads and officers see and fill only their own unit's self-assessment.
- Evidence is downloaded only by the unit, its assigned evaluators and administrators.
"""

from pantau.accounts.models import Role
from pantau.organisations.selectors import scope_for

from .models import Lokus, Round

UNIT_ROLES = {Role.UNIT_HEAD, Role.UNIT_OFFICER}


def manages_body(user, body_id: int, *, self_mode: bool = False) -> bool:
    scope = scope_for(user)
    if scope.sees_everything or body_id in scope.evaluated_agencies:
        return True
    return self_mode and body_id in scope.headed_agencies


def can_manage_round(user, round_: Round) -> bool:
    return manages_body(user, round_.body_id, self_mode=round_.mode == Round.Mode.SELF)


def is_unit_member(user, lokus: Lokus) -> bool:
    return bool(scope_for(user).unit_roles.get(lokus.unit_id, set()) & UNIT_ROLES)


def is_assigned_evaluator(user, lokus: Lokus) -> bool:
    if not user.is_authenticated:
        return False
    return lokus.evaluators.filter(pk=user.pk).exists()


def evaluator_covers_unit(user, unit) -> bool:
    """The unit lies in the evaluator's scope (national, or under an agency they evaluate)."""
    scope = scope_for(user)
    return scope.is_admin or scope.national or unit.agency_id in scope.evaluated_agencies


def can_score(user, lokus: Lokus) -> bool:
    return is_assigned_evaluator(user, lokus) and evaluator_covers_unit(user, lokus.unit)


def can_fill_self_assessment(user, lokus: Lokus) -> bool:
    return is_unit_member(user, lokus)


def can_view_lokus(user, lokus: Lokus) -> bool:
    return (
        can_manage_round(user, lokus.round)
        or is_unit_member(user, lokus)
        or is_assigned_evaluator(user, lokus)
        or heads_unit_agency(user, lokus)
    )


def can_download_evidence(user, lokus: Lokus) -> bool:
    return (
        scope_for(user).is_admin
        or is_unit_member(user, lokus)
        or is_assigned_evaluator(user, lokus)
    )


def may_set_up_rounds(user) -> bool:
    """National evaluators, evaluators of an agency and agency heads set up rounds (the web's
    "new round" page and the API)."""
    scope = scope_for(user)
    return scope.sees_everything or bool(scope.evaluated_agencies or scope.headed_agencies)


def is_national_round(round_: Round) -> bool:
    """A round of a national evaluating body (a ministry at the top of the tree, e.g.
    KemenPANRB): it may evaluate any unit in the country."""
    from pantau.organisations.models import Agency

    body = round_.body
    return body.parent_id is None and body.kind == Agency.Kind.MINISTRY


def round_covers_unit(user, round_: Round, unit) -> bool:
    """The unit may be added to the round: under the evaluating body, or anywhere for a national
    body's round managed by someone of national scope."""
    from pantau.organisations.selectors import agency_subtree_ids

    if is_national_round(round_) and scope_for(user).sees_everything:
        return True
    return unit.agency_id in agency_subtree_ids({round_.body_id})


def heads_unit_agency(user, lokus: Lokus) -> bool:
    """An agency head over the evaluated unit reads its results, whoever evaluated it."""
    return lokus.unit.agency_id in scope_for(user).headed_agencies
