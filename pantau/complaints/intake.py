"""What a report must be to be received, written once for every way it arrives: the web form,
an officer's entry, the REST API and Open311.

- the lengths of what a reporter writes (``SUBJECT_MAX`` …), which the form fields, the API's
  serializer and its description take from here;
- ``report_errors``: the rules across fields (a service of the chosen unit, a category that
  applies there, a date not in the future), by field name;
- ``resolve``: the unit, agency, service and category a system names by slug, id and code, with
  the same rules, so that the API and Open311 hand ``services.submit_complaint`` the objects the
  web form hands it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.organisations.models import Agency, Service, ServiceUnit

from .models import Category
from .selectors import categories_for

SUBJECT_MAX = 200
DESCRIPTION_MAX = 10_000
REMEDY_MAX = 4_000
NAME_MAX = 120
PHONE_MAX = 32


def report_errors(
    *,
    unit: ServiceUnit | None,
    agency: Agency | None,
    service: Service | None,
    category: Category | None,
    happened_on: date | None,
    today: date | None = None,
) -> dict[str, str]:
    """The rules across a report's fields, by field name; empty when the report may be saved."""
    errors: dict[str, str] = {}
    if happened_on is not None and happened_on > (today or timezone.localdate()):
        errors["happened_on"] = _("The date cannot be in the future.")
    if service is not None and (unit is None or service.unit_id != unit.pk):
        errors["service"] = _("Choose a service of the chosen unit.")
    if (
        category is not None
        and category.agency_id is not None
        and not categories_for(unit=unit, agency=agency).filter(pk=category.pk).exists()
    ):
        errors["category"] = _("This category does not apply to the chosen unit.")
    return errors


@dataclass
class Addressee:
    """Who a report sent by a system is for, and about what, as objects."""

    unit: ServiceUnit | None = None
    agency: Agency | None = None
    service: Service | None = None
    category: Category | None = None
    errors: dict[str, str] = field(default_factory=dict)

    def as_data(self) -> dict[str, Any]:
        # A unit is enough: its agency comes from the unit (as on the web form).
        return {
            "unit": self.unit,
            "agency": None if self.unit is not None else self.agency,
            "service": self.service,
            "category": self.category,
        }


def resolve(
    *,
    unit_slug: str = "",
    agency_slug: str = "",
    service_id: int | None = None,
    category_code: str = "",
    happened_on: date | None = None,
) -> Addressee:
    """The objects named by a system, and what is wrong with them (``errors`` by field name)."""
    found = Addressee()
    if unit_slug:
        found.unit = ServiceUnit.objects.filter(slug=unit_slug, is_active=True).first()
        if found.unit is None:
            found.errors["unit"] = _("There is no active unit with this slug.")
            return found
    if agency_slug and found.unit is None:
        found.agency = Agency.objects.filter(slug=agency_slug).first()
        if found.agency is None:
            found.errors["agency"] = _("There is no agency with this slug.")
            return found
    if service_id is not None:
        found.service = Service.objects.filter(pk=service_id, is_active=True).first()
        if found.service is None:
            found.errors["service"] = _("Choose a service of the chosen unit.")
            return found
    if category_code:
        found.category = (
            categories_for(unit=found.unit, agency=found.agency)
            .filter(code=category_code)
            .order_by("agency_id")
            .first()
        )
        if found.category is None:
            found.errors["category"] = _("This category does not apply to the chosen unit.")
            return found
    found.errors.update(
        report_errors(
            unit=found.unit,
            agency=found.agency,
            service=found.service,
            category=found.category,
            happened_on=happened_on,
        )
    )
    return found
