from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from pantau.common.numbers import fmt, rounded


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
