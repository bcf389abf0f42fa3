from hypothesis import given
from hypothesis import strategies as st

from pantau.common.personal_data import MASK, find_personal_data, mask_personal_data


def test_issue_example_loses_nik_phone_and_name():
    text = "Saya Inaq Sahnun NIK 5203014101700001 HP 081911112222 ditolak petugas Pak Rudi"
    masked = mask_personal_data(text, names=["Inaq Sahnun"])
    assert "5203014101700001" not in masked
    assert "081911112222" not in masked
    assert "Inaq Sahnun" not in masked
    assert "ditolak petugas" in masked


def test_second_issue_example_is_masked():
    text = "Saya Budi Santoso NIK 3201234567890001 HP 081298765432 tinggal di Jl. Melati 5,"
    masked = mask_personal_data(text, names=["budi santoso"])
    assert masked == f"Saya {MASK} NIK {MASK} HP {MASK} tinggal di Jl. Melati 5,"


def test_phone_formats_and_email_are_found():
    for text in ["+62 812-3456-7890", "62 812 3456 7890", "0812.3456.7890", "warga@contoh.id"]:
        assert find_personal_data(f"hubungi {text} ya"), text


def test_ordinary_numbers_are_kept():
    assert (
        mask_personal_data("Antrean 45 menit, loket 3, tahun 2026")
        == "Antrean 45 menit, loket 3, tahun 2026"
    )


@given(st.lists(st.integers(0, 9), min_size=16, max_size=16), st.sampled_from(["", " ", "-", "."]))
def test_any_sixteen_digit_number_is_masked(digits, sep):
    number = sep.join(str(d) for d in digits)
    assert number not in mask_personal_data(f"NIK {number} mohon dibantu")


@given(st.text())
def test_masking_never_grows_a_match(text):
    assert find_personal_data(mask_personal_data(text)) == []
