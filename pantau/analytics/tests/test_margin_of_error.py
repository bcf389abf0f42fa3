import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from pantau.analytics.ikm import margin_of_error, required_sample


@pytest.mark.parametrize("population", [100, 1000, 10_000, 1_000_000])
def test_the_required_sample_gives_about_five_points(population):
    n = required_sample(population)
    assert margin_of_error(n, population) == pytest.approx(0.05, abs=0.001)


@given(
    population=st.integers(min_value=2, max_value=10**6),
    share=st.floats(min_value=0.001, max_value=0.999),
)
def test_agrees_with_the_normal_approximation_with_finite_population_correction(population, share):
    n = max(1, min(population - 1, int(population * share)))
    z = stats.norm.ppf(0.975)
    expected = z * math.sqrt(0.25 / n) * math.sqrt((population - n) / (population - 1))
    # X² = 3,841 is z² rounded to three places, so the two agree to about 1 part in 10⁵.
    assert margin_of_error(n, population) == pytest.approx(expected, rel=1e-4)


def test_the_issue_case_84_of_291_required():
    # 291 required means a population of about 1.200; 84 answers give about ±10,4 points.
    population = 1200
    assert required_sample(population) == 291
    assert margin_of_error(84, population) == pytest.approx(0.1032, abs=0.001)


def test_edges():
    assert margin_of_error(0, 100) is None
    assert margin_of_error(100, 100) == 0.0
    assert margin_of_error(400, None) == pytest.approx(0.049, abs=0.001)
