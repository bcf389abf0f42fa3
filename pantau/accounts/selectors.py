"""Reads for the staff home page: what each role needs to see first."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from pantau.organisations.models import Agency, Service, ServiceUnit
from pantau.organisations.selectors import scope_for, visible_units, with_unit_counts

from .models import Role

# The home page lists this many units of a wide scope; the paginated unit list has the rest.
HOME_UNIT_LIMIT = 25


@dataclass
class HomeData:
    roles: set[str]
    is_admin: bool
    national: bool
    own_units: list[ServiceUnit] = field(default_factory=list)
    headed_unit_ids: set[int] = field(default_factory=set)
    scope_units: list[ServiceUnit] = field(default_factory=list)
    scope_agencies: list[Agency] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    memberships: list = field(default_factory=list)
    scope_unit_count: int = 0


def home_for(user) -> HomeData:
    scope = scope_for(user)
    data = HomeData(
        roles=scope.roles(),
        is_admin=scope.is_admin,
        national=scope.national,
        memberships=scope.memberships,
    )
    units = visible_units(user)
    if scope.unit_roles:
        data.own_units = with_unit_counts(
            units.filter(id__in=scope.unit_roles.keys()).order_by("name")
        )
        data.headed_unit_ids = {
            unit_id for unit_id, roles in scope.unit_roles.items() if Role.UNIT_HEAD in roles
        }
    wide_agencies = scope.evaluated_agencies | scope.headed_agencies | scope.coordinated_agencies
    if scope.sees_everything or wide_agencies:
        wide = units if scope.sees_everything else units.filter(agency_id__in=wide_agencies)
        data.scope_unit_count = wide.count()
        data.scope_units = with_unit_counts(
            wide.order_by("province", "agency__name", "name")[:HOME_UNIT_LIMIT]
        )
        roots = [m.agency for m in scope.memberships if m.agency is not None]
        data.scope_agencies = sorted(
            {a.pk: a for a in roots if a is not None}.values(), key=lambda a: a.name
        )
    if scope.is_admin:
        data.totals = {
            "agencies": Agency.objects.count(),
            "units": ServiceUnit.objects.count(),
            "services": Service.objects.count(),
            "users": get_user_model().objects.filter(is_active=True).count(),
        }
    return data
