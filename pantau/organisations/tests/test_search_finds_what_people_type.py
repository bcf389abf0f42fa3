"""The unit directory finds what citizens type (issue 19): several words found in different
places, abbreviations people use for public services, any case."""

import pytest
from django.urls import reverse

from pantau.organisations.selectors import public_units
from pantau.organisations.tests.factories import (
    AgencyFactory,
    ServiceFactory,
    ServiceUnitFactory,
)


@pytest.fixture
def units(db):
    dinsos = ServiceUnitFactory(
        name="Loket Dinas Sosial di MPP Lombok Timur",
        agency=AgencyFactory(name="Dinas Sosial Kabupaten Lombok Timur", short_name="Dinsos Lotim"),
        city="Selong",
    )
    ServiceFactory(unit=dinsos, name="Surat rekomendasi PBI-JKN")
    ServiceFactory(unit=dinsos, name="Pemutakhiran data DTKS/DTSEN")
    ptsp = ServiceUnitFactory(
        name="PTSP Kecamatan Cakung", agency=AgencyFactory(name="Kecamatan Cakung"), city="Jakarta"
    )
    ServiceFactory(unit=ptsp, name="Surat keterangan domisili usaha")
    ServiceFactory(unit=ptsp, name="Izin usaha mikro dan kecil (IUMK)")
    ServiceFactory(unit=ptsp, name="Layanan lama", is_active=False, description="bansos")
    return dinsos, ptsp


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("surat domisili", ["PTSP Kecamatan Cakung"]),
        ("dinsos", ["Loket Dinas Sosial di MPP Lombok Timur"]),
        ("DINSOS", ["Loket Dinas Sosial di MPP Lombok Timur"]),
        ("bansos", ["Loket Dinas Sosial di MPP Lombok Timur"]),  # not the inactive service
        ("BPJS", ["Loket Dinas Sosial di MPP Lombok Timur"]),
        ("domisili iumk", ["PTSP Kecamatan Cakung"]),  # two words, two services
        ("cakung surat", ["PTSP Kecamatan Cakung"]),
        ("surat", ["PTSP Kecamatan Cakung", "Loket Dinas Sosial di MPP Lombok Timur"]),
        ("domisili selong", []),  # every word must be found
    ],
)
def test_what_people_type_finds_the_unit(units, query, found):
    assert sorted(u.name for u in public_units(search=query)) == sorted(found)


def test_the_directory_page_uses_it(client, units):
    body = client.get(reverse("portal:unit-list"), {"q": "bansos"}).content.decode()
    assert "Loket Dinas Sosial di MPP Lombok Timur" in body
    assert "PTSP Kecamatan Cakung" not in body
