"""Official codes (issue 20): an agency's Kemendagri region code, a unit's SIPP code; checked on
the model and on the unit head's form, unique for units, set in the demo data."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from pantau.organisations import demo
from pantau.organisations.forms import UnitProfileForm
from pantau.organisations.models import (
    Agency,
    ServiceUnit,
    validate_region_code,
    validate_sipp_code,
)
from pantau.organisations.selectors import agencies_in_region, units_in_region

from .factories import AgencyFactory, ServiceUnitFactory


@pytest.mark.parametrize("code", ["52", "52.03", "31.75.07", "52.03.01.2001"])
def test_region_codes_of_every_level_are_taken(code):
    validate_region_code(code)


@pytest.mark.parametrize("code", ["5", "52.3", "52-03", "52.03.", "52.03.01.201", "5203", " 52"])
def test_region_code_in_another_form_is_refused_with_the_format(code):
    with pytest.raises(ValidationError, match="NN.NN"):
        validate_region_code(code)


@pytest.mark.parametrize("code", ["", "-x", "a b", "a/b", "x" * 41, "kode#1"])
def test_sipp_code_refused_when_not_a_code(code):
    with pytest.raises(ValidationError):
        validate_sipp_code(code)


def _form(unit, **changes):
    data = {
        "description": unit.description,
        "address": unit.address,
        "city": unit.city,
        "province": unit.province,
        "postal_code": "",
        "time_zone": unit.time_zone,
        "home_visit_note": "",
        **changes,
    }
    return UnitProfileForm(data=data, instance=unit)


@pytest.mark.django_db
def test_unit_head_form_sets_a_sipp_code_unique_whatever_the_letter_case():
    first = ServiceUnitFactory()
    form = _form(first, sipp_code=" 5203-DINSOS-001 ")
    assert form.is_valid(), form.errors
    form.save()
    assert ServiceUnit.objects.get(pk=first.pk).sipp_code == "5203-DINSOS-001"
    second = ServiceUnitFactory()
    taken = _form(second, sipp_code="5203-dinsos-001")
    assert not taken.is_valid()
    with translation.override("en"):
        assert "Another unit already has this SIPP unit code." in str(taken.errors)
    bad = _form(second, sipp_code="kode unit")
    assert not bad.is_valid() and "sipp_code" in bad.errors
    # Many units without a code are fine.
    assert _form(second, sipp_code="").is_valid()


@pytest.mark.django_db
def test_a_region_holds_the_regions_below_it_and_no_other():
    ntb = AgencyFactory(region_code="52", kind=Agency.Kind.PROVINCE)
    lotim = AgencyFactory(region_code="52.03", parent=ntb)
    kecamatan = AgencyFactory(region_code="52.03.01", parent=lotim)
    lobar = AgencyFactory(region_code="52.01", parent=ntb)
    AgencyFactory(region_code="31.75")
    assert set(agencies_in_region(Agency.objects.all(), "52.03")) == {lotim, kecamatan}
    assert set(agencies_in_region(Agency.objects.all(), "52")) == {ntb, lotim, kecamatan, lobar}
    unit = ServiceUnitFactory(agency=kecamatan)
    ServiceUnitFactory(agency=lobar)
    assert list(units_in_region(ServiceUnit.objects.all(), "52.03")) == [unit]


def test_demo_codes_are_valid_and_name_every_demo_agency_and_unit():
    assert set(demo.REGION_CODES) == {spec[0] for spec in demo.AGENCIES}
    assert set(demo.SIPP_CODES) == {spec["slug"] for spec in demo.UNITS}
    for code in demo.REGION_CODES.values():
        if code:
            validate_region_code(code)
    for code in demo.SIPP_CODES.values():
        validate_sipp_code(code)
    assert len({c.upper() for c in demo.SIPP_CODES.values()}) == len(demo.SIPP_CODES)
    assert demo.REGION_CODES["kab-lombok-timur"] == "52.03"
    assert demo.REGION_CODES["kota-jakarta-timur"] == "31.75"
