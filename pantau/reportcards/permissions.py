"""Who may do what with report cards (issue 21 item 4).

A card is the unit's account to its public, as its SKM results are: the unit head prepares it
and publishes it (and the agency head above, or an administrator, as for the unit's other
pages). Evaluators, agency heads, coordinators and the unit's officers read the drafts and the
published cards of the units they reach; an evaluator does not publish a card of a unit they
evaluate (docs/decisions/0043-report-cards-are-snapshots.md)."""

from typing import Any

from pantau.organisations.permissions import can_manage_unit, can_view_unit


def can_read_cards(user: Any, unit: Any) -> bool:
    return can_view_unit(user, unit)


def can_prepare(user: Any, unit: Any) -> bool:
    return can_manage_unit(user, unit)


def can_publish(user: Any, unit: Any) -> bool:
    return can_manage_unit(user, unit)
