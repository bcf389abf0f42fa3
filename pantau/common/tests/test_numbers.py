from decimal import Decimal
from fractions import Fraction

from django.template.defaultfilters import floatformat
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from pantau.common.numbers import fmt, half_up, half_up_int, rounded


@given(
    # Scores, indices and shares: 0–100 with at most six decimals (floatformat itself writes
    # subnormal floats such as 3e-235 in exponent form, which no figure here ever is).
    value=st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: round(v, 6)),
    places=st.integers(0, 4),
)
def test_fmt_prints_what_floatformat_prints_on_the_pages(value, places):
    with translation.override("id"):
        assert fmt(value, places) == floatformat(value, places)


def test_the_cases_the_pdfs_got_wrong():
    with translation.override("id"):
        assert fmt(3.6859, 3) == "3,686"
        assert fmt(2.975, 2) == "2,98"
        assert fmt(Decimal("2.545"), 2) == "2,55"
    with translation.override("en"):
        assert fmt(3.6859, 3) == "3.686"
    assert fmt(None) == "—" and fmt(float("nan")) == "—"
    assert rounded(0.125, 2) == Decimal("0.13")


@given(
    value=st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: round(v, 6)),
    places=st.integers(0, 3),
)
def test_half_up_is_the_number_the_page_prints(value, places):
    """Open data, the API's percentages and the margins are the page's figure as a number."""
    with translation.override("en"):
        printed = floatformat(value, places).replace(",", "")
    assert half_up(value, places) == float(printed)


def test_half_up_where_pythons_round_goes_to_even():
    assert round(2.675, 2) == 2.67 and half_up(2.675, 2) == 2.68
    assert round(12.5) == 12 and half_up_int(12.5) == 13
    assert half_up(Fraction(7, 8), 2) == 0.88  # 0.875, an SKM NRR kept as a fraction
    assert half_up(None, 2) is None and half_up_int(None) == 0
