"""The rules the database itself keeps: one owner, a service only of a unit's KPI, known measures,
ranges that end after they start, one target start and one value per period, evidence said and a
stored file fingerprinted; and which units an agency's KPI applies to."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from pantau.kpis.models import Indicator, Measurement, Target, applies_to
from pantau.organisations.tests.factories import AgencyFactory, ServiceFactory, ServiceUnitFactory

pytestmark = pytest.mark.django_db


def _refused(instance) -> bool:
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        return True
    return False


def _indicator(user, **fields):
    values = {"name": "Penerima bantuan", "unit_of_measure": "orang", "created_by": user}
    values.update(fields)
    return Indicator(**values)


def test_an_indicator_has_exactly_one_owner(unit_a, agency_a, unit_head_a):
    assert _refused(_indicator(unit_head_a))
    assert _refused(_indicator(unit_head_a, unit=unit_a, agency=agency_a))
    assert not _refused(_indicator(unit_head_a, unit=unit_a))
    assert not _refused(_indicator(unit_head_a, agency=agency_a))


def test_only_a_units_kpi_names_a_service_and_the_measure_is_known(unit_a, agency_a, unit_head_a):
    service = ServiceFactory(unit=unit_a)
    assert _refused(_indicator(unit_head_a, agency=agency_a, service=service))
    assert not _refused(_indicator(unit_head_a, unit=unit_a, service=service))
    assert _refused(_indicator(unit_head_a, unit=unit_a, name="x", metric="skm.everything"))
    assert _refused(_indicator(unit_head_a, unit=unit_a, name="y", unit_of_measure=""))


def test_names_are_unique_per_owner(unit_a, unit_b, unit_head_a):
    _indicator(unit_head_a, unit=unit_a).save()
    assert _refused(_indicator(unit_head_a, unit=unit_a))
    assert not _refused(_indicator(unit_head_a, unit=unit_b))


def test_targets_and_measurements_keep_their_ranges(unit_a, unit_head_a, officer_a):
    indicator = _indicator(unit_head_a, unit=unit_a)
    indicator.save()

    def target(**fields):
        values = {
            "indicator": indicator,
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2025, 3, 31),
            "value": Decimal(100),
            "set_by": unit_head_a,
        }
        return Target(**(values | fields))

    assert _refused(target(ends_on=date(2024, 12, 31)))
    assert not _refused(target())
    assert _refused(target(ends_on=date(2025, 6, 30)))  # the same start twice

    def measurement(**fields):
        values = {
            "indicator": indicator,
            "unit": unit_a,
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2025, 3, 31),
            "value": Decimal(120),
            "evidence_note": "Rekap penyaluran",
            "entered_by": officer_a,
        }
        return Measurement(**(values | fields))

    assert _refused(measurement(evidence_note=""))
    assert _refused(measurement(evidence_file="kpis/1/x.pdf"))  # a file without its fingerprint
    assert _refused(
        measurement(evidence_file="kpis/1/x.pdf", evidence_size=10, evidence_sha256="ab")
    )
    assert not _refused(measurement())
    assert _refused(measurement(value=Decimal(130)))  # the same period twice


def test_an_agency_kpi_applies_to_the_units_of_its_tree(
    unit_a, unit_b, agency_a, province_a, unit_head_a
):
    below = ServiceUnitFactory(agency=AgencyFactory(parent=agency_a))
    provincial = _indicator(unit_head_a, agency=province_a)
    own = _indicator(unit_head_a, agency=agency_a)
    for indicator in (provincial, own):
        indicator.save()
        assert applies_to(indicator, unit_a) and applies_to(indicator, below)
        assert not applies_to(indicator, unit_b)
    assert not applies_to(_indicator(unit_head_a, unit=unit_b), unit_a)
