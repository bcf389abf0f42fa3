"""Statistics for Likert perception studies: descriptives, item validity, reliability, the gap
between two respondent groups and the effect of one variable on another. Pure functions (NumPy, no
ORM); the formulas are the textbook ones, written out next to each function. Matrices are
respondents × items and complete (the caller drops incomplete rows: listwise deletion).

Notation: n respondents, k items, x_ij the answer of respondent i to item j (after reverse
scoring), T_i = Σ_j x_ij the respondent's total, s² a sample variance (divisor n − 1).

Distributions (t, F, normal) come from ``pantau.analytics.distributions`` (the regularised
incomplete beta function and ``math.erfc``), so the module needs nothing beyond NumPy; the tests
compare every value with SciPy, pingouin and statsmodels.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .distributions import (  # noqa: F401 (re-exported: the statistics' public names)
    betainc_pair,
    f_isf,
    f_pdf,
    f_sf,
    normal_sf,
    t_isf_two_sided,
    t_pdf,
    t_two_sided_p,
)
from .regression import (  # noqa: F401 (re-exported: the statistics' public names)
    QR_BLOCK,
    Coefficient,
    Ols,
    ols,
)

ALPHA_LEVEL = 0.05
SCALE_MIN = 1
SCALE_MAX = 5


def critical_r(n: int, alpha: float = ALPHA_LEVEL) -> float:
    """The r-table value: the smallest |r| significant at ``alpha`` (two-sided) with n pairs.

    r_crit = t_crit / √(df + t_crit²), df = n − 2, t_crit the two-sided critical t.
    """
    df = n - 2
    if df <= 0:
        return math.nan
    t = t_isf_two_sided(alpha, df)
    return t / math.sqrt(df + t * t)


# ---------------------------------------------------------------------------------------------
# Descriptives

# Equal intervals on the 1–5 scale: width (5 − 1) / 5 = 0.8. A mean on a cut point belongs to the
# lower category: 1.00–1.80, >1.80–2.60, >2.60–3.40, >3.40–4.20, >4.20–5.00.
CATEGORY_CUTS: tuple[float, ...] = (1.8, 2.6, 3.4, 4.2)
CATEGORIES: tuple[str, ...] = ("very_low", "low", "moderate", "high", "very_high")


def category(mean: float, cuts: Sequence[float] = CATEGORY_CUTS) -> str:
    """The category of a mean on the 1–5 scale (equal intervals; a cut point belongs below)."""
    if math.isnan(mean):
        return ""
    for cut, name in zip(cuts, CATEGORIES, strict=False):
        if mean <= cut + 1e-12:
            return name
    return CATEGORIES[-1]


@dataclass(frozen=True)
class Descriptive:
    n: int
    mean: float
    sd: float
    counts: dict[Any, int]  # answer value → how many gave it
    category: str


def describe_counts(counts: Mapping[int, int]) -> Descriptive:
    """n, mean, SD and category from a distribution (value → count), as the database returns it.

    n = Σ c_v,  mean = Σ v·c_v / n,  SD = √((Σ v²·c_v − n·mean²) / (n − 1)) (computed as
    Σ c_v (v − mean)² / (n − 1) to avoid cancellation).
    """
    n = int(sum(counts.values()))
    if n == 0:
        return Descriptive(0, math.nan, math.nan, dict(counts), "")
    mean = sum(v * c for v, c in counts.items()) / n
    sd = (
        math.sqrt(sum(c * (v - mean) ** 2 for v, c in counts.items()) / (n - 1))
        if n > 1
        else math.nan
    )
    return Descriptive(n, mean, sd, dict(sorted(counts.items())), category(mean))


def describe(values: Iterable[float]) -> Descriptive:
    """The same from raw answers."""
    array = np.asarray(list(values), dtype=float)
    unique, count = np.unique(array, return_counts=True)
    counts = {
        int(v) if float(v).is_integer() else float(v): int(c)
        for v, c in zip(unique, count, strict=True)
    }
    n = array.size
    if n == 0:
        return Descriptive(0, math.nan, math.nan, {}, "")
    mean = float(array.mean())
    sd = float(array.std(ddof=1)) if n > 1 else math.nan
    return Descriptive(n, mean, sd, counts, category(mean))


def reverse(values, low: int = SCALE_MIN, high: int = SCALE_MAX):
    """A reverse-scored answer counted the right way round: low + high − x."""
    return low + high - values


# ---------------------------------------------------------------------------------------------
# Correlation


@dataclass(frozen=True)
class Correlation:
    r: float
    p: float
    n: int


def _r_p(r: float, n: int) -> float:
    """Two-sided p of a correlation: t = r·√((n − 2)/(1 − r²)), df = n − 2."""
    if n < 3 or math.isnan(r):
        return math.nan
    if abs(r) >= 1.0:
        return 0.0
    return t_two_sided_p(r * math.sqrt((n - 2) / (1.0 - r * r)), n - 2)


def _pearson_r(x: np.ndarray, y: np.ndarray) -> float:
    dx = x - x.mean()
    dy = y - y.mean()
    denominator = math.sqrt(float(dx @ dx) * float(dy @ dy))
    if denominator == 0.0:
        return math.nan
    return max(-1.0, min(1.0, float(dx @ dy) / denominator))


def pearson(x, y) -> Correlation:
    """Pearson's r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), p from t with n − 2 df."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    r = _pearson_r(x, y)
    return Correlation(r, _r_p(r, x.size), int(x.size))


def rank_average(values) -> np.ndarray:
    """Ranks 1…n, tied values sharing the mean of their ranks."""
    values = np.asarray(values, dtype=float)
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    starts = np.r_[True, ordered[1:] != ordered[:-1]]
    group = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    ends = np.r_[first[1:], ordered.size]
    mean_rank = (first + 1 + ends) / 2.0
    ranks = np.empty(values.size)
    ranks[order] = mean_rank[group]
    return ranks


def spearman(x, y) -> Correlation:
    """Spearman's ρ: Pearson's r of the average ranks; p from t with n − 2 df."""
    return pearson(rank_average(x), rank_average(y))


# ---------------------------------------------------------------------------------------------
# Item validity and reliability


@dataclass(frozen=True)
class ItemValidity:
    r_item_total: float
    p_item_total: float
    r_corrected: float
    p_corrected: float
    r_critical: float
    valid: bool  # r_corrected ≥ r_critical


def item_validity(matrix, alpha: float = ALPHA_LEVEL) -> list[ItemValidity]:
    """Per item j: Pearson r of x_j with the total T, and the corrected r with T − x_j.

    The item is flagged (``valid`` False) when the corrected r is below the critical r of the
    r-table for n respondents at ``alpha`` (two-sided): r_crit = t_crit / √(n − 2 + t_crit²).
    """
    matrix = np.asarray(matrix, dtype=float)
    n, k = matrix.shape
    total = matrix.sum(axis=1)
    r_crit = critical_r(n, alpha)
    result = []
    for j in range(k):
        item = matrix[:, j]
        r_total = _pearson_r(item, total)
        r_rest = _pearson_r(item, total - item)
        result.append(
            ItemValidity(
                r_total,
                _r_p(r_total, n),
                r_rest,
                _r_p(r_rest, n),
                r_crit,
                bool(not math.isnan(r_rest) and r_rest >= r_crit),
            )
        )
    return result


COV_BLOCK = 100_000


def _covariance(matrix: np.ndarray) -> np.ndarray:
    """The items' sample covariance matrix (ddof 1), as ``np.cov(matrix, rowvar=False)`` gives it,
    summed over blocks of centred rows so that no centred copy of the whole matrix is made."""
    n, k = matrix.shape
    mean = matrix.mean(axis=0)
    total = np.zeros((k, k))
    for start in range(0, n, COV_BLOCK):
        centred = matrix[start : start + COV_BLOCK] - mean
        total += centred.T @ centred
    return total / (n - 1)


def _alpha_from_cov(cov: np.ndarray) -> float:
    k = cov.shape[0]
    total_variance = float(cov.sum())
    if k < 2 or total_variance == 0.0:
        return math.nan
    return k / (k - 1) * (1.0 - float(np.trace(cov)) / total_variance)


@dataclass(frozen=True)
class Reliability:
    alpha: float
    ci95: tuple[float, float]
    alpha_if_deleted: list[float]
    n: int
    k: int


def cronbach_alpha(matrix, ci: float = 0.95) -> Reliability:
    """Cronbach's alpha = k/(k − 1) · (1 − Σ_j s²_j / s²_T), with Feldt's confidence interval

        lower = 1 − (1 − alpha) · F⁻¹(upper tail (1 − ci)/2; n − 1, (n − 1)(k − 1))
        upper = 1 − (1 − alpha) · F⁻¹(upper tail 1 − (1 − ci)/2; n − 1, (n − 1)(k − 1))

    and alpha-if-item-deleted (the same alpha over the other k − 1 items; NaN when k < 3).
    """
    matrix = np.asarray(matrix, dtype=float)
    n, k = matrix.shape
    cov = _covariance(matrix) if n > 1 else np.full((k, k), math.nan)
    alpha = _alpha_from_cov(cov)
    if n > 1 and k > 1 and not math.isnan(alpha):
        df1 = n - 1
        df2 = df1 * (k - 1)
        tail = (1.0 - ci) / 2.0
        interval = (
            1.0 - (1.0 - alpha) * f_isf(tail, df1, df2),
            1.0 - (1.0 - alpha) * f_isf(1.0 - tail, df1, df2),
        )
    else:
        interval = (math.nan, math.nan)
    if_deleted = []
    for j in range(k):
        keep = [i for i in range(k) if i != j]
        if_deleted.append(_alpha_from_cov(cov[np.ix_(keep, keep)]) if k > 2 else math.nan)
    return Reliability(alpha, interval, if_deleted, n, k)


# ---------------------------------------------------------------------------------------------
# The gap between two groups


@dataclass(frozen=True)
class Welch:
    mean_diff: float
    t: float
    df: float
    p: float
    hedges_g: float


def welch(a, b) -> Welch:
    """Welch's t-test of mean(a) − mean(b):

        t  = (ā − b̄) / √(s²_a/n_a + s²_b/n_b)
        df = (s²_a/n_a + s²_b/n_b)² / ((s²_a/n_a)²/(n_a − 1) + (s²_b/n_b)²/(n_b − 1))

    and Hedges' g = d · (1 − 3/(4(n_a + n_b) − 9)), d = (ā − b̄) / s_pooled,
    s_pooled = √(((n_a − 1)s²_a + (n_b − 1)s²_b) / (n_a + n_b − 2)).
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    na, nb = a.size, b.size
    diff = float(a.mean() - b.mean()) if na and nb else math.nan
    if na < 2 or nb < 2:
        return Welch(diff, math.nan, math.nan, math.nan, math.nan)
    va, vb = float(a.var(ddof=1)), float(b.var(ddof=1))
    qa, qb = va / na, vb / nb
    se = math.sqrt(qa + qb)
    if se == 0.0:
        t = df = p = math.nan
    else:
        t = diff / se
        df = (qa + qb) ** 2 / (qa * qa / (na - 1) + qb * qb / (nb - 1))
        p = t_two_sided_p(t, df)
    pooled = math.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2))
    g = diff / pooled * (1.0 - 3.0 / (4.0 * (na + nb) - 9.0)) if pooled > 0 else math.nan
    return Welch(diff, t, df, p, g)


@dataclass(frozen=True)
class MannWhitney:
    u: float  # U of the first group
    p: float
    rank_biserial: float
    method: str  # "exact" or "asymptotic"


def _exact_u_cdf(k: int, m: int, n: int) -> float:
    """P(U ≤ k) under H0 for samples of m and n without ties: the coefficients of the Gaussian
    binomial [m + n choose m]_q = Π_{i=1..m} (1 − q^{n+i}) / (1 − q^i), in exact integers."""
    poly = [1] + [0] * k
    for i in range(1, m + 1):
        shift = n + i
        for j in range(k, shift - 1, -1):
            poly[j] -= poly[j - shift]
        for j in range(i, k + 1):
            poly[j] += poly[j - i]
    return sum(poly) / math.comb(m + n, m)


def mann_whitney(a, b, use_continuity: bool = True) -> MannWhitney:
    """Mann–Whitney U test, two-sided, as SciPy's default does it:

    U_a = R_a − n_a(n_a + 1)/2 (R_a the sum of a's average ranks in the pooled sample),
    U_b = n_a·n_b − U_a, U = max(U_a, U_b).
    Exact (no ties and a group of at most 8): p = 2·P(U_null ≥ U).
    Otherwise normal approximation with tie correction and continuity correction:
    z = (U − n_a n_b/2 − 0.5) / √(n_a n_b/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1)))),
    p = 2·(1 − Φ(z)), at most 1.
    Rank-biserial r = 2·U_a/(n_a n_b) − 1 (positive when a tends to be higher).
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    na, nb = a.size, b.size
    if na == 0 or nb == 0:
        return MannWhitney(math.nan, math.nan, math.nan, "")
    # Average ranks from the two groups' value counts, not from a ranking of every answer: each
    # distinct value v with t_v answers in all takes the ranks after those of smaller values, on
    # average (start + 1 + end)/2, and R_a = Σ_v count_a(v)·rank(v). Same figures, memory of
    # one sorted copy of a group instead of the pooled sample's ranks and orders.
    values_a, counts_a = np.unique(a, return_counts=True)
    values_b, counts_b = np.unique(b, return_counts=True)
    values = np.union1d(values_a, values_b)
    in_a = np.zeros(values.size)
    in_a[np.searchsorted(values, values_a)] = counts_a
    in_b = np.zeros(values.size)
    in_b[np.searchsorted(values, values_b)] = counts_b
    ties = in_a + in_b
    ends = np.cumsum(ties)
    average_rank = (ends - ties + 1.0 + ends) / 2.0
    u_a = float(in_a @ average_rank - na * (na + 1) / 2.0)
    u_b = na * nb - u_a
    u = max(u_a, u_b)
    rbc = 2.0 * u_a / (na * nb) - 1.0
    if (na <= 8 or nb <= 8) and not np.any(ties > 1):
        m, n = min(na, nb), max(na, nb)
        p = min(1.0, 2.0 * _exact_u_cdf(int(round(m * n - u)), m, n))
        return MannWhitney(u_a, p, rbc, "exact")
    big_n = na + nb
    tie_term = float((ties.astype(float) ** 3 - ties).sum())
    s = math.sqrt(na * nb / 12.0 * ((big_n + 1) - tie_term / (big_n * (big_n - 1))))
    if s == 0.0:
        return MannWhitney(u_a, math.nan, rbc, "asymptotic")
    z = (u - na * nb / 2.0 - (0.5 if use_continuity else 0.0)) / s
    return MannWhitney(u_a, min(1.0, 2.0 * normal_sf(z)), rbc, "asymptotic")


SMALL_GROUP = 10


def small_group_warning(*sizes: int, minimum: int = SMALL_GROUP) -> bool:
    """True when a group is too small for a test to mean much (fewer than ``minimum``)."""
    return any(size < minimum for size in sizes)


# ---------------------------------------------------------------------------------------------
# A whole study


def _clean(value):
    """Floats for JSON: NaN and infinities become None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value


def _dimension(
    columns: np.ndarray,
    items: Sequence[str],
    group_array: np.ndarray | None,
    group_names: list[str],
) -> tuple[dict, np.ndarray]:
    """One dimension's entry of ``analyse`` and each respondent's score (NaN when incomplete)."""
    matrix = columns.astype(float)
    del columns  # the caller's compact copy: only the float64 one is needed from here
    n = matrix.shape[0]
    complete = ~np.isnan(matrix).any(axis=1)
    rows = matrix if complete.all() else matrix[complete]
    score = np.full(n, math.nan)
    score[complete] = rows.mean(axis=1)
    values = score[complete]
    reliability = cronbach_alpha(rows) if len(items) > 1 and rows.shape[0] > 1 else None
    validity = item_validity(rows) if rows.shape[0] > 2 else None
    detail = {}
    for j, item in enumerate(items):
        column = rows[:, j]
        detail[item] = {
            "mean": float(column.mean()) if column.size else math.nan,
            "sd": float(column.std(ddof=1)) if column.size > 1 else math.nan,
            "r_item_total": validity[j].r_item_total if validity else math.nan,
            "r_corrected": validity[j].r_corrected if validity else math.nan,
            "r_corrected_p": validity[j].p_corrected if validity else math.nan,
            "alpha_if_deleted": reliability.alpha_if_deleted[j] if reliability else math.nan,
        }
    entry: dict = {
        "items": list(items),
        "n": int(values.size),
        "mean": float(values.mean()) if values.size else math.nan,
        "sd": float(values.std(ddof=1)) if values.size > 1 else math.nan,
        "alpha": reliability.alpha if reliability else math.nan,
        "alpha_ci95": list(reliability.ci95) if reliability else [math.nan, math.nan],
        "items_detail": detail,
    }
    if group_array is not None:
        by_group = {}
        for name in group_names:
            in_group = (group_array == name) & complete
            group_rows = matrix[in_group]
            group_values = score[in_group]
            by_group[name] = {
                "n": int(group_values.size),
                "mean": float(group_values.mean()) if group_values.size else math.nan,
                "sd": float(group_values.std(ddof=1)) if group_values.size > 1 else math.nan,
                "alpha": cronbach_alpha(group_rows).alpha
                if len(items) > 1 and group_rows.shape[0] > 1
                else math.nan,
            }
        entry["by_group"] = by_group
        if len(group_names) == 2:
            first = score[(group_array == group_names[0]) & complete]
            second = score[(group_array == group_names[1]) & complete]
            w = welch(first, second)
            u = mann_whitney(first, second)
            entry["gap"] = {
                "groups": list(group_names),
                "mean_diff": w.mean_diff,
                "welch_t": w.t,
                "welch_df": w.df,
                "welch_p": w.p,
                "mwu_u": u.u,
                "mwu_p": u.p,
                "hedges_g": w.hedges_g,
                "rank_biserial": u.rank_biserial,
            }
    return entry, score


def analyse(
    data: np.ndarray,
    columns: Sequence[str],
    dimensions: Mapping[str, Sequence[str]],
    groups: Sequence[str] | np.ndarray | None = None,
    outcome: str | None = None,
) -> dict:
    """The full analysis of a respondents × items matrix (NaN = not answered).

    ``dimensions`` maps a dimension code to its item column names. A respondent's dimension score
    is the mean of its items; a respondent missing any item of a dimension is left out of that
    dimension (listwise). ``groups`` gives each row's respondent group (order of first appearance
    decides which is first). With ``outcome``, OLS of that dimension's score on every other
    dimension's score among respondents with all scores. Returns plain floats (NaN → None).
    """
    # ``data`` may be stored compactly (the ``stats`` command keeps half-precision floats); only
    # one dimension's columns at a time are widened to float64, so memory grows with the widest
    # dimension, not with the whole matrix.
    data = np.asarray(data)
    if not np.issubdtype(data.dtype, np.floating):
        data = data.astype(float)
    index = {name: j for j, name in enumerate(columns)}
    n = data.shape[0]
    group_names: list[str] = []
    group_array: np.ndarray | None = None
    if groups is not None:
        if isinstance(groups, np.ndarray) and groups.dtype == object:
            group_array = groups
        else:
            group_array = np.asarray([str(g) for g in groups], dtype=object)
        group_names = list(dict.fromkeys(group_array.tolist()))
    result: dict = {
        "n": int(n),
        "groups": {g: int(np.count_nonzero(group_array == g)) for g in group_names},
        "dimensions": {},
    }
    scores: dict[str, np.ndarray] = {}
    for code, items in dimensions.items():
        # One function call per dimension: its temporaries (a float64 copy of its columns, the
        # groups' rows) are freed before the next dimension starts.
        result["dimensions"][code], score = _dimension(
            data[:, [index[item] for item in items]], items, group_array, group_names
        )
        if outcome is not None:  # the scores are needed again only by the regression
            scores[code] = score
        del score
    if outcome is not None:
        others = [code for code in dimensions if code != outcome]
        complete = ~np.isnan(scores[outcome])
        for code in others:
            complete &= ~np.isnan(scores[code])
        everyone = bool(complete.all())  # then no copies: views of the scores

        def kept(values: np.ndarray) -> np.ndarray:
            return values if everyone else values[complete]

        fit = ols(kept(scores[outcome]), {code: kept(scores[code]) for code in others})
        result["regression"] = {
            "outcome": outcome,
            "n": fit.n,
            "r2": fit.r2,
            "adj_r2": fit.adj_r2,
            "f": fit.f,
            "f_p": fit.f_p,
            "coefficients": {
                c.name: (
                    {"b": c.b, "se": c.se, "t": c.t, "p": c.p}
                    if c.name == "const"
                    else {"b": c.b, "se": c.se, "t": c.t, "p": c.p, "vif": c.vif}
                )
                for c in fit.coefficients
            },
        }
    return _clean(result)
