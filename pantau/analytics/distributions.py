"""Distributions for the Likert statistics (t, F, normal), from the regularised incomplete beta
function (continued fraction, Numerical Recipes §6.4) and ``math.erfc``, so that the analytics need
nothing beyond NumPy; the tests compare every value with SciPy."""

from __future__ import annotations

import math
from functools import lru_cache

# ---------------------------------------------------------------------------------------------
# Distributions


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 100_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-16:
            break
    return h


def betainc_pair(a: float, b: float, x: float, y: float | None = None) -> tuple[float, float]:
    """(I_x(a, b), 1 − I_x(a, b)), the smaller of the two computed directly (no cancellation).
    ``y`` = 1 − x when the caller has it more precisely than 1 − x would give."""
    y = 1.0 - x if y is None else y
    if x <= 0.0:
        return 0.0, 1.0
    if y <= 0.0:
        return 1.0, 0.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(y)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        value = front * _betacf(a, b, x) / a
        return value, 1.0 - value
    complement = front * _betacf(b, a, y) / b
    return 1.0 - complement, complement


def t_two_sided_p(t: float, df: float) -> float:
    """P(|T| ≥ |t|) for Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2)."""
    if math.isnan(t) or math.isnan(df) or df <= 0:
        return math.nan
    if math.isinf(t):
        return 0.0
    return betainc_pair(df / 2.0, 0.5, df / (df + t * t), t * t / (df + t * t))[0]


def f_sf(f: float, d1: float, d2: float) -> float:
    """P(F ≥ f) for Fisher's F(d1, d2): I_{d2/(d2+d1·f)}(d2/2, d1/2)."""
    if math.isnan(f) or d1 <= 0 or d2 <= 0:
        return math.nan
    if f <= 0:
        return 1.0
    if math.isinf(f):
        return 0.0
    return betainc_pair(d2 / 2.0, d1 / 2.0, d2 / (d2 + d1 * f), d1 * f / (d2 + d1 * f))[0]


def normal_sf(z: float) -> float:
    """P(Z ≥ z) for the standard normal: erfc(z/√2)/2."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


def _log_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def f_pdf(x: float, d1: float, d2: float) -> float:
    """Density of F(d1, d2) at x > 0."""
    if x <= 0:
        return 0.0
    return math.exp(
        (d1 / 2.0) * math.log(d1 / d2)
        + (d1 / 2.0 - 1.0) * math.log(x)
        - ((d1 + d2) / 2.0) * math.log1p(d1 * x / d2)
        - _log_beta(d1 / 2.0, d2 / 2.0)
    )


def t_pdf(t: float, df: float) -> float:
    """Density of Student's t with df degrees of freedom."""
    return math.exp(
        -((df + 1.0) / 2.0) * math.log1p(t * t / df) - 0.5 * math.log(df) - _log_beta(0.5, df / 2.0)
    )


def _normal_isf_rough(q: float) -> float:
    """z with P(Z ≥ z) ≈ q, to about 1e-3 (Shore 1982): only a starting point for Newton."""
    if q <= 0.5:
        return 5.5556 * (1.0 - (q / (1.0 - q)) ** 0.1186)
    return -5.5556 * (1.0 - ((1.0 - q) / q) ** 0.1186)


def _solve_decreasing(function, density, target: float, guess: float = 1.0) -> float:
    """x ≥ 0 with function(x) = target, for a survival-type function falling from ≥ target at 0
    whose derivative is −density: Newton steps, kept inside a shrinking bracket (bisection when
    a step would leave it), to a relative precision of 1e-12 (the distributions themselves are
    good to about 1e-13)."""
    seen: dict[float, float] = {}

    def value_at(x: float) -> float:
        if x not in seen:
            seen[x] = function(x) - target
        return seen[x]

    low, high = 0.0, 1.0
    while value_at(high) > 0:
        low, high = high, high * 2.0
        if high > 1e300:
            return math.inf
    # Start from the caller's guess when it lies in the bracket.
    x = guess if low <= guess <= high else low + (high - low) / 16.0
    for _ in range(200):
        value = value_at(x)
        if value == 0:
            return x
        if value > 0:
            low = x
        else:
            high = x
        slope = density(x)
        step = value / slope if slope > 0 else math.inf
        candidate = x + step
        if abs(step) <= 1e-12 * abs(x) and low <= candidate <= high:
            return candidate
        if not (low < candidate < high):
            candidate = (low + high) / 2.0
        if high - low <= 1e-12 * high:
            return candidate
        x = candidate
    return x


@lru_cache(maxsize=1024)
def f_isf(q: float, d1: float, d2: float) -> float:
    """The F(d1, d2) value exceeded with probability q (inverse of f_sf)."""
    # log F is about normal with variance 2/d1 + 2/d2 when both are large.
    guess = math.exp(_normal_isf_rough(q) * math.sqrt(2.0 / d1 + 2.0 / d2))
    return _solve_decreasing(lambda f: f_sf(f, d1, d2), lambda f: f_pdf(f, d1, d2), q, guess)


@lru_cache(maxsize=1024)
def t_isf_two_sided(alpha: float, df: float) -> float:
    """The t value with P(|T| ≥ t) = alpha (the two-sided critical value)."""
    return _solve_decreasing(lambda t: t_two_sided_p(t, df), lambda t: 2.0 * t_pdf(t, df), alpha)
