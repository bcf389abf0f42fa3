"""The Likert statistics against reference implementations (pingouin, SciPy, statsmodels, used only
here) on generated data, and against published data sets with known results."""

import math

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
import scipy.stats as ss
import statsmodels.api as sm
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from statsmodels.stats.outliers_influence import variance_inflation_factor

from pantau.analytics import likert

TOL = 1e-9


def close(ours, reference, tol=TOL):
    return math.isclose(ours, float(reference), rel_tol=tol, abs_tol=tol)


@st.composite
def likert_matrix(draw, min_rows=4, max_rows=60, min_items=2, max_items=8):
    n = draw(st.integers(min_rows, max_rows))
    k = draw(st.integers(min_items, max_items))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    # A shared trait plus noise, so alpha ranges from negative to high, as in real data.
    trait = rng.normal(size=(n, 1)) * draw(st.floats(0, 2))
    raw = 3 + trait + rng.normal(size=(n, k))
    return np.clip(np.rint(raw), 1, 5)


def nondegenerate(matrix):
    return bool(np.all(matrix.std(axis=0) > 0) and matrix.sum(axis=1).std() > 0)


relaxed = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- distributions -------------------------------------------------------------------------


@relaxed
@given(st.floats(-40, 40), st.floats(0.5, 5000))
@example(6.103515625e-05, 489.0)  # 1 − x must not be computed as 1 − df/(df + t²)
def test_t_two_sided_p_equals_scipy(t, df):
    assert close(likert.t_two_sided_p(t, df), 2 * ss.t.sf(abs(t), df), 1e-10)


@relaxed
@given(st.one_of(st.just(0.0), st.floats(1e-6, 50)), st.integers(1, 400), st.integers(1, 20000))
def test_f_survival_equals_scipy(f, d1, d2):
    assert close(likert.f_sf(f, d1, d2), ss.f.sf(f, d1, d2), 1e-10)


@pytest.mark.parametrize("f", [1e-16, 1e-12, 1e-8, 0.5, 3.0])
def test_f_survival_with_one_and_one_degrees_is_exact_near_zero(f):
    """For d1 = d2 = 1, F is the square of a Cauchy variable: P(F > f) = 1 − (2/π)·atan(√f).
    Near f = 0 SciPy loses digits (0.99999999051 at 1e-16, against the exact 0.99999999363)."""
    import math

    assert close(likert.f_sf(f, 1, 1), 1 - 2 / math.pi * math.atan(math.sqrt(f)), 1e-12)


@relaxed
@given(st.floats(0.001, 0.999), st.integers(1, 400), st.integers(1, 5000))
def test_f_inverse_equals_scipy(q, d1, d2):
    assert close(likert.f_isf(q, d1, d2), ss.f.isf(q, d1, d2))


@pytest.mark.parametrize("q", [0.001, 0.025, 0.5, 0.975, 0.999])
@pytest.mark.parametrize("d1", [1, 2, 4, 29, 300, 10499])
@pytest.mark.parametrize("d2", [1, 3, 12, 116, 5000, 41996])
def test_f_inverse_on_a_grid_of_the_sizes_studies_meet(q, d1, d2):
    assert close(likert.f_isf(q, d1, d2), ss.f.isf(q, d1, d2))


@pytest.mark.parametrize(
    ("n", "table"),
    # The r-table printed in Indonesian statistics textbooks (α = 0.05, two-sided, df = n − 2).
    [(5, 0.878), (10, 0.632), (20, 0.444), (30, 0.361), (35, 0.334), (100, 0.197)],
)
def test_critical_r_reproduces_the_printed_r_table(n, table):
    assert round(likert.critical_r(n), 3) == table
    t = ss.t.isf(0.025, n - 2)
    assert close(likert.critical_r(n), t / math.sqrt(n - 2 + t * t))


# --- descriptives --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mean", "name"),
    [
        (1.0, "very_low"),
        (1.8, "very_low"),
        (1.81, "low"),
        (2.6, "low"),
        (2.61, "moderate"),
        (3.4, "moderate"),
        (3.41, "high"),
        (4.2, "high"),
        (4.21, "very_high"),
        (5.0, "very_high"),
    ],
)
def test_category_cut_points_are_equal_intervals_with_the_cut_below(mean, name):
    assert likert.category(mean) == name


@relaxed
@given(st.lists(st.integers(1, 5), min_size=2, max_size=200))
def test_descriptives_from_counts_equal_those_from_raw_answers(values):
    counts = {v: values.count(v) for v in set(values)}
    from_counts = likert.describe_counts(counts)
    raw = likert.describe(values)
    assert from_counts.n == raw.n == len(values)
    assert close(from_counts.mean, np.mean(values))
    assert close(from_counts.sd, np.std(values, ddof=1))
    assert close(raw.sd, np.std(values, ddof=1))
    assert from_counts.counts == raw.counts == dict(sorted(counts.items()))


def test_reverse_scoring_turns_the_scale_round():
    assert list(likert.reverse(np.array([1, 2, 3, 4, 5]))) == [5, 4, 3, 2, 1]


# --- validity and reliability --------------------------------------------------------------


@relaxed
@given(likert_matrix())
def test_cronbach_alpha_and_feldt_interval_equal_pingouin(matrix):
    assume(nondegenerate(matrix))
    ours = likert.cronbach_alpha(matrix)
    alpha, ci = pg.cronbach_alpha(pd.DataFrame(matrix))
    assert close(ours.alpha, alpha)
    # pingouin rounds its interval to three decimals; its formula, unrounded, with SciPy's F:
    n, k = matrix.shape
    lower = 1 - (1 - alpha) * ss.f.isf(0.025, n - 1, (n - 1) * (k - 1))
    upper = 1 - (1 - alpha) * ss.f.isf(0.975, n - 1, (n - 1) * (k - 1))
    assert close(ours.ci95[0], lower) and close(ours.ci95[1], upper)
    assert np.allclose(np.round(ours.ci95, 3), ci, atol=1e-12)


@relaxed
@given(likert_matrix(min_items=3))
def test_alpha_if_item_deleted_equals_pingouin_without_that_item(matrix):
    assume(nondegenerate(matrix))
    ours = likert.cronbach_alpha(matrix)
    frame = pd.DataFrame(matrix)
    for j in range(matrix.shape[1]):
        rest = frame.drop(columns=j)
        assume(rest.sum(axis=1).std() > 0)
        assert close(ours.alpha_if_deleted[j], pg.cronbach_alpha(rest)[0])


@relaxed
@given(likert_matrix(min_rows=5))
def test_item_validity_equals_scipy_pearson(matrix):
    assume(nondegenerate(matrix))
    total = matrix.sum(axis=1)
    for j, item in enumerate(likert.item_validity(matrix)):
        rest = total - matrix[:, j]
        assume(rest.std() > 0)
        whole = ss.pearsonr(matrix[:, j], total)
        corrected = ss.pearsonr(matrix[:, j], rest)
        assert close(item.r_item_total, whole.statistic)
        assert close(item.p_item_total, whole.pvalue)
        assert close(item.r_corrected, corrected.statistic)
        assert close(item.p_corrected, corrected.pvalue)
        assert item.valid == (item.r_corrected >= item.r_critical)


def test_a_constant_item_has_no_correlation_and_is_flagged():
    matrix = np.array([[3, 1, 2], [3, 2, 3], [3, 4, 4], [3, 5, 5], [3, 3, 3]], dtype=float)
    first = likert.item_validity(matrix)[0]
    assert math.isnan(first.r_corrected) and not first.valid


def test_published_likert_data_set_reproduces_its_alpha():
    """pingouin's bundled 'cronbach_alpha' data (30 subjects × 5 items, scores 1–7). Its documented
    result, checked by pingouin against R's psych::alpha, is alpha = 0.5917188485995826 with the
    95% interval [0.195, 0.84] (pingouin docs, cronbach_alpha, 'Likert-type long-format')."""
    data = pg.read_dataset("cronbach_alpha").pivot(index="Subj", columns="Items", values="Scores")
    ours = likert.cronbach_alpha(data.to_numpy(dtype=float))
    assert close(ours.alpha, 0.5917188485995826, 1e-12)
    assert [round(v, 3) for v in ours.ci95] == [0.195, 0.84]


# --- correlation ---------------------------------------------------------------------------


@relaxed
@given(likert_matrix(min_rows=4, min_items=2, max_items=2))
def test_pearson_and_spearman_equal_scipy(matrix):
    x, y = matrix[:, 0], matrix[:, 1]
    assume(x.std() > 0 and y.std() > 0)
    p = ss.pearsonr(x, y)
    s = ss.spearmanr(x, y)
    ours_p, ours_s = likert.pearson(x, y), likert.spearman(x, y)
    assert close(ours_p.r, p.statistic) and close(ours_p.p, p.pvalue)
    assert close(ours_s.r, s.statistic) and close(ours_s.p, s.pvalue)


# --- the gap between two groups ------------------------------------------------------------

group = st.lists(st.integers(1, 5), min_size=2, max_size=40)
continuous = st.lists(
    st.floats(1, 5, allow_nan=False).map(lambda v: round(v, 6)), min_size=1, max_size=12
)


@relaxed
@given(group, group)
def test_welch_and_hedges_g_equal_scipy_and_pingouin(a, b):
    assume(np.std(a) > 0 or np.std(b) > 0)
    ours = likert.welch(a, b)
    reference = ss.ttest_ind(a, b, equal_var=False)
    assert close(ours.mean_diff, np.mean(a) - np.mean(b))
    assert close(ours.t, reference.statistic)
    assert close(ours.df, reference.df)
    assert close(ours.p, reference.pvalue)
    assert close(ours.hedges_g, pg.compute_effsize(a, b, eftype="hedges"))


@relaxed
@given(group, group)
def test_mann_whitney_with_ties_equals_scipy_and_pingouin(a, b):
    assume(len(set(a + b)) > 1)
    ours = likert.mann_whitney(a, b)
    reference = ss.mannwhitneyu(a, b)
    assert close(ours.u, reference.statistic)
    assert close(ours.p, reference.pvalue)
    assert close(ours.rank_biserial, pg.mwu(a, b)["RBC"].iloc[0])


@relaxed
@given(continuous, continuous)
def test_mann_whitney_exact_for_small_groups_without_ties_equals_scipy(a, b):
    assume(len(set(a + b)) == len(a + b))
    ours = likert.mann_whitney(a, b)
    reference = ss.mannwhitneyu(a, b)
    assert close(ours.u, reference.statistic)
    assert close(ours.p, reference.pvalue)


def test_mann_whitney_textbook_example():
    """SciPy's documented example (Mann & Whitney 1947, ages of male and female subjects):
    U1 = 17 and the exact two-sided p = 0.1111111111111111 (= 14/126)."""
    result = likert.mann_whitney([19, 22, 16, 29, 24], [20, 11, 17, 12])
    assert result.u == 17
    assert result.method == "exact"
    assert close(result.p, 0.1111111111111111, 1e-12)


def test_small_group_warning():
    assert likert.small_group_warning(30, 5)
    assert not likert.small_group_warning(30, 12)


# --- regression ----------------------------------------------------------------------------


@relaxed
@given(likert_matrix(min_rows=8, min_items=2, max_items=6))
def test_ols_equals_statsmodels(matrix):
    y, x = matrix[:, 0], matrix[:, 1:]
    design = sm.add_constant(x, has_constant="add")
    assume(np.linalg.matrix_rank(design) == design.shape[1] and y.std() > 0)
    assume(np.linalg.cond(design) < 1e6)
    reference = sm.OLS(y, design).fit()
    ours = likert.ols(y, x)
    assume(reference.df_resid > 0 and reference.rsquared < 1 - 1e-9)
    for j, coefficient in enumerate(ours.coefficients):
        assert close(coefficient.b, reference.params[j], 1e-8)
        assert close(coefficient.se, reference.bse[j], 1e-8)
        assert close(coefficient.t, reference.tvalues[j], 1e-8)
        assert close(coefficient.p, reference.pvalues[j], 1e-8)
        if j > 0 and x.shape[1] > 1:
            assert close(coefficient.vif, variance_inflation_factor(design, j), 1e-8)
    assert close(ours.r2, reference.rsquared)
    assert close(ours.adj_r2, reference.rsquared_adj)
    assert close(ours.f, reference.fvalue, 1e-8)
    assert close(ours.f_p, ss.f.sf(ours.f, ours.df_model, ours.df_resid))
    if reference.fvalue > 1e-6:
        # Below, F is rounding noise around 0, where P(F ≥ f) has an infinite slope for one
        # predictor: 1e-15 more or less moves p by 1e-8 in either implementation.
        assert close(ours.f_p, reference.f_pvalue, 1e-8)


def test_longley_reproduces_the_nist_certified_values():
    """Longley (1967), the NIST StRD 'Longley' certified regression (itl.nist.gov/div898/strd),
    as shipped in statsmodels.datasets. Certified to 15 digits; ill-conditioned on purpose."""
    data = sm.datasets.longley.load_pandas()
    ours = likert.ols(data.endog.to_numpy(), {c: data.exog[c].to_numpy() for c in data.exog})
    certified = {
        "const": (-3482258.63459582, 890420.383607373),
        "GNPDEFL": (15.0618722713733, 84.9149257747669),
        "GNP": (-0.358191792925910e-01, 0.334910077722432e-01),
        "UNEMP": (-2.02022980381683, 0.488399681651699),
        "ARMED": (-1.03322686717359, 0.214274163161675),
        "POP": (-0.511041056535807e-01, 0.226073200069370),
        "YEAR": (1829.15146461355, 455.478499142212),
    }
    for coefficient in ours.coefficients:
        b, se = certified[coefficient.name]
        assert close(coefficient.b, b, 1e-9)
        assert close(coefficient.se, se, 1e-9)
    assert close(ours.r2, 0.995479004577296, 1e-12)
    assert close(ours.f, 330.285339234588, 1e-9)


# --- the whole analysis --------------------------------------------------------------------


def test_analyse_puts_the_pieces_together():
    rng = np.random.default_rng(7)
    data = np.clip(np.rint(3 + rng.normal(size=(35, 6))), 1, 5)
    columns = ["A_1", "A_2", "A_3", "B_1", "B_2", "B_3"]
    groups = ["recipient"] * 30 + ["provider"] * 5
    result = likert.analyse(
        data, columns, {"A": columns[:3], "B": columns[3:]}, groups=groups, outcome="B"
    )
    assert result["n"] == 35 and result["groups"] == {"recipient": 30, "provider": 5}
    a = result["dimensions"]["A"]
    score = data[:, :3].mean(axis=1)
    assert close(a["mean"], score.mean())
    assert close(a["alpha"], pg.cronbach_alpha(pd.DataFrame(data[:, :3]))[0])
    gap = a["gap"]
    assert gap["groups"] == ["recipient", "provider"]
    reference = ss.ttest_ind(score[:30], score[30:], equal_var=False)
    assert close(gap["welch_t"], reference.statistic)
    assert close(gap["mwu_u"], ss.mannwhitneyu(score[:30], score[30:]).statistic)
    fit = sm.OLS(data[:, 3:].mean(axis=1), sm.add_constant(score)).fit()
    assert close(result["regression"]["coefficients"]["A"]["b"], fit.params[1])
    assert close(result["regression"]["r2"], fit.rsquared)


def test_analyse_leaves_out_respondents_missing_an_item_of_a_dimension():
    data = np.array([[1, 2, 3], [2, np.nan, 3], [4, 5, 5], [3, 3, 2], [5, 4, 4]], dtype=float)
    result = likert.analyse(data, ["A_1", "A_2", "A_3"], {"A": ["A_1", "A_2", "A_3"]})
    assert result["dimensions"]["A"]["n"] == 4
