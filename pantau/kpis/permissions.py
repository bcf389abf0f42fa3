"""Who may do what with unit KPIs (issue 21): the unit head defines the unit's KPIs and their
targets, the agency head those of the agency for its units (and the units' own), the unit's
officers and head record the values of custom KPIs; everyone who sees a unit sees its KPIs."""

from typing import Any

from pantau.organisations.models import Agency, ServiceUnit
from pantau.organisations.permissions import can_manage_unit, can_view_unit
from pantau.organisations.selectors import agency_ancestor_ids, scope_for

from .models import Indicator


def can_view_kpis(user: Any, unit: ServiceUnit) -> bool:
    return can_view_unit(user, unit)


def can_define_for_unit(user: Any, unit: ServiceUnit) -> bool:
    """The unit head, the head of an agency above the unit, an administrator."""
    return can_manage_unit(user, unit)


def can_view_agency(user: Any, agency: Agency) -> bool:
    """Agency heads and evaluators over the agency's tree, administrators, national evaluators."""
    scope = scope_for(user)
    return (
        scope.sees_everything
        or agency.pk in scope.headed_agencies
        or agency.pk in scope.evaluated_agencies
    )


def can_define_for_agency(user: Any, agency: Agency) -> bool:
    """The head of the agency (or of one above it) and administrators."""
    scope = scope_for(user)
    return scope.is_admin or agency.pk in scope.headed_agencies


def can_see_indicator(user: Any, indicator: Indicator) -> bool:
    """A unit's KPI: whoever sees the unit. An agency's KPI: whoever sees the agency, and the
    people of the units it applies to."""
    if indicator.unit is not None:
        return can_view_unit(user, indicator.unit)
    agency = indicator.agency
    if agency is None:  # never: one owner is a database constraint
        return False
    if can_view_agency(user, agency):
        return True
    scope = scope_for(user)
    if agency.pk in scope.coordinated_agencies:
        return True
    units = ServiceUnit.objects.filter(id__in=scope.unit_roles.keys()).values_list(
        "agency_id", flat=True
    )
    return any(agency.pk in agency_ancestor_ids(agency_id) for agency_id in units)


def can_change_indicator(user: Any, indicator: Indicator) -> bool:
    """Change the definition and the targets: whoever may define KPIs for its owner."""
    if indicator.unit is not None:
        return can_define_for_unit(user, indicator.unit)
    return indicator.agency is not None and can_define_for_agency(user, indicator.agency)


def can_record(user: Any, indicator: Indicator, unit: ServiceUnit) -> bool:
    """Record a unit's value of a custom KPI: the unit's officers and head, administrators."""
    if not indicator.is_custom or not indicator.is_active:
        return False
    scope = scope_for(user)
    return scope.is_admin or bool(scope.unit_roles.get(unit.pk))
