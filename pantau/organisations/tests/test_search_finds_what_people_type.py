"""The unit directory finds what citizens type (issue 19): every word on its own, found in any of
the unit's name, description, agency, mall, region or active services; any case, any accent;
the abbreviations people use for public services."""

import pytest
from django.urls import reverse

from pantau.organisations.models import ServiceMall
from pantau.organisations.selectors import public_units
from pantau.organisations.tests.factories import (
    AgencyFactory,
    ServiceFactory,
    ServiceUnitFactory,
)

DINSOS = "Loket Dinas Sosial di MPP Lombok Timur"
PTSP = "PTSP Kecamatan Cakung"
DUKCAPIL = "Loket Kependudukan Selong"


@pytest.fixture
def units(db):
    mall = ServiceMall.objects.create(
        name="Mal Pelayanan Publik Lombok Timur",
        slug="mpp-lotim",
        host_agency=AgencyFactory(name="Pemerintah Kabupaten Lombok Timur"),
    )
    dinsos = ServiceUnitFactory(
        name=DINSOS,
        agency=AgencyFactory(name="Dinas Sosial Kabupaten Lombok Timur", short_name="Dinsos Lotim"),
        mall=mall,
        city="Selong",
        province="Nusa Tenggara Barat",
        description="Pemutakhiran data kesejahteraan sosial bagi warga.",
    )
    ServiceFactory(
        unit=dinsos,
        name="Surat rekomendasi PBI-JKN",
        description="Penerima Bantuan Iuran Jaminan Kesehatan Nasional.",
    )
    ServiceFactory(unit=dinsos, name="Pemutakhiran data DTKS/DTSEN")
    ServiceFactory(
        unit=dinsos,
        name="Rekomendasi Kartu Indonesia Pintar",
        description="Bagi anak sekolah dari keluarga tidak mampu.",
    )
    ptsp = ServiceUnitFactory(
        name=PTSP,
        agency=AgencyFactory(name="Kecamatan Cakung"),
        city="Jakarta Timur",
        province="DKI Jakarta",
    )
    ServiceFactory(unit=ptsp, name="Surat keterangan domisili usaha")
    ServiceFactory(unit=ptsp, name="Izin usaha mikro dan kecil (IUMK)")
    ServiceFactory(unit=ptsp, name="Layanan lama", is_active=False, description="bansos kipas")
    dukcapil = ServiceUnitFactory(
        name=DUKCAPIL,
        agency=AgencyFactory(
            name="Dinas Kependudukan dan Pencatatan Sipil Lombok Timur", short_name=""
        ),
        city="Selong",
        province="Nusa Tenggara Barat",
    )
    ServiceFactory(unit=dukcapil, name="Perekaman KTP-el")
    ServiceFactory(unit=dukcapil, name="Akta kelahiran")
    return dinsos, ptsp, dukcapil


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("surat domisili", [PTSP]),
        ("domisili iumk", [PTSP]),  # two words, two services
        ("cakung surat", [PTSP]),  # the agency and a service
        ("surat", [PTSP, DINSOS]),
        ("domisili selong", []),  # every word must be found
        ("selong akta", [DUKCAPIL]),  # the city and a service
        ("nusa tenggara kelahiran", [DUKCAPIL]),  # the province and a service
        ("kesejahteraan", [DINSOS]),  # the unit's description
        ("keluarga tidak mampu", [DINSOS]),  # a service's description
        ("mal pelayanan publik", [DINSOS]),  # the mall
        ("layanan lama", []),  # an inactive service is not searched
        ("domisil", [PTSP]),  # part of a word
        ("Surat, Domisili!", [PTSP]),  # punctuation is no word
    ],
)
def test_every_word_is_found_somewhere_in_the_unit(units, query, found):
    assert sorted(u.name for u in public_units(search=query)) == sorted(found)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("SOSIAL", [DINSOS]),
        ("sosíal", [DINSOS]),
        ("Sosíal Kesejahteraan", [DINSOS]),
        ("KELAHIRAN", [DUKCAPIL]),
        ("kélahiran", [DUKCAPIL]),
    ],
)
def test_case_and_accents_do_not_matter(units, query, found):
    assert sorted(u.name for u in public_units(search=query)) == sorted(found)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("dinsos", [DINSOS]),  # the short name, and "dinas sosial"
        ("DINSOS", [DINSOS]),
        ("disdukcapil", [DUKCAPIL]),  # "kependudukan", "pencatatan sipil"
        ("dukcapil selong", [DUKCAPIL]),
        ("ptsp", [PTSP]),
        ("bpjs", [DINSOS]),  # "PBI-JKN", "jaminan kesehatan"
        ("kip", [DINSOS]),  # "kartu indonesia pintar"
        ("bansos", [DINSOS]),  # "DTKS", "bantuan"; not the inactive service's "bansos"
        ("dtks", [DINSOS]),
        ("DTSEN", [DINSOS]),
        ("dtks/dtsen", [DINSOS]),
        ("ktp", [DUKCAPIL]),
        ("mpp", [DINSOS]),
    ],
)
def test_abbreviations_stand_for_their_long_forms(units, query, found):
    assert sorted(u.name for u in public_units(search=query)) == sorted(found)


def test_a_unit_that_writes_only_the_abbreviation_is_found_by_it(db):
    unit = ServiceUnitFactory(name="Posko Bansos Desa Sukamaju")
    ServiceFactory(unit=unit, name="Pendaftaran KIP")
    assert [u.name for u in public_units(search="kip")] == [unit.name]
    assert [u.name for u in public_units(search="bansos sukamaju")] == [unit.name]


def test_either_spelling_of_izin_finds_both(db):
    izin = ServiceUnitFactory(name="Loket Perizinan Usaha")
    ijin = ServiceUnitFactory(name="Loket Ijin Reklame")
    assert sorted(u.name for u in public_units(search="izin")) == sorted([izin.name, ijin.name])
    assert sorted(u.name for u in public_units(search="ijin")) == sorted([izin.name, ijin.name])


def test_a_short_word_is_the_start_of_a_word(db):
    found = ServiceUnitFactory(name="Loket KK dan KTP")
    ServiceUnitFactory(name="Kantor BKKBN")
    assert [u.name for u in public_units(search="kk")] == [found.name]


def test_units_whose_name_holds_the_words_come_first(db):
    none_in_name = ServiceUnitFactory(name="Aaa Kantor Kecamatan", province="Provinsi A")
    ServiceFactory(unit=none_in_name, name="Surat keterangan domisili")
    one_in_name = ServiceUnitFactory(name="Zzz Loket Domisili", province="Provinsi Z")
    ServiceFactory(unit=one_in_name, name="Surat pindah")
    both_in_name = ServiceUnitFactory(name="Surat Domisili Kelurahan", province="Provinsi Z")
    assert [u.name for u in public_units(search="surat domisili")] == [
        both_in_name.name,
        one_in_name.name,
        none_in_name.name,
    ]
    # Without a search, the directory's order: province, city, name.
    assert [u.name for u in public_units()] == [
        none_in_name.name,
        both_in_name.name,
        one_in_name.name,
    ]


def test_an_inactive_unit_is_not_listed(units):
    dinsos, _ptsp, _dukcapil = units
    dinsos.is_active = False
    dinsos.save()
    assert list(public_units(search="dinsos")) == []


def test_the_directory_page_uses_it(client, units):
    body = client.get(reverse("portal:unit-list"), {"q": "bansos"}).content.decode()
    assert DINSOS in body
    assert PTSP not in body


def test_staff_search_their_units_the_same_way(client_for, units):
    from pantau.accounts.models import Role
    from pantau.accounts.tests.factories import MembershipFactory, UserFactory

    evaluator = UserFactory(username="penilai")
    MembershipFactory(user=evaluator, role=Role.EVALUATOR, agency=None, unit=None)
    response = client_for(evaluator).get(reverse("organisations:unit-list"), {"q": "DINSOS"})
    assert [unit.name for unit in response.context["page"]] == [DINSOS]
