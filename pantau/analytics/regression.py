"""Ordinary least squares for the perception studies: the effect of the NPS dimensions on service
quality, with the coefficients' t tests, R², the F test and VIF. The QR factor is computed in
blocks of rows (TSQR), so a file of a million respondents fits in memory; the tests compare every
figure with statsmodels (Longley included)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .distributions import f_sf, t_two_sided_p

# ---------------------------------------------------------------------------------------------
# Regression


@dataclass(frozen=True)
class Coefficient:
    name: str
    b: float
    se: float
    t: float
    p: float
    vif: float  # NaN for the constant


@dataclass(frozen=True)
class Ols:
    n: int
    coefficients: list[Coefficient]
    r2: float
    adj_r2: float
    f: float
    f_p: float
    df_model: int
    df_resid: int


QR_BLOCK = 100_000


def _r_factor(y: np.ndarray, columns: Sequence[np.ndarray]) -> np.ndarray:
    """R of the QR factorisation of [1, x_1 … x_m, y], built block by block (TSQR: the R of
    [R_so_far; next rows] is the R of all rows so far), so memory does not grow with n."""
    n = y.size
    width = len(columns) + 2
    r: np.ndarray = np.zeros((0, width))
    for start in range(0, n, QR_BLOCK):
        stop = min(n, start + QR_BLOCK)
        block = np.empty((stop - start, width))
        block[:, 0] = 1.0
        for j, column in enumerate(columns, start=1):
            block[:, j] = column[start:stop]
        block[:, -1] = y[start:stop]
        r = np.asarray(np.linalg.qr(np.vstack([r, block]), mode="r"))
    return r


def ols(y, predictors: Mapping[str, Sequence[float] | np.ndarray] | np.ndarray, names=None) -> Ols:
    """Ordinary least squares of y on a constant and the predictors:

        b = (XᵀX)⁻¹Xᵀy, e = y − Xb, σ² = eᵀe/(n − p), SE_j = √(σ²·[(XᵀX)⁻¹]_jj),
        t_j = b_j/SE_j (df n − p), R² = 1 − eᵀe/Σ(y − ȳ)², adj. R² = 1 − (1 − R²)(n − 1)/(n − p),
        F = (R²/(p − 1)) / ((1 − R²)/(n − p)) with p − 1 and n − p df,
        VIF_j = 1/(1 − R²_j), R²_j of predictor j on the constant and the other predictors.

    p counts the constant. ``predictors`` is a name → values mapping or an n × m array with
    ``names``.

    Computed from the QR factorisation of [X y] (precise on ill-conditioned data, e.g. Longley):
    with R = [[R_x, Qᵀy], [0, ρ]], b = R_x⁻¹Qᵀy, (XᵀX)⁻¹ = R_x⁻¹R_x⁻ᵀ and eᵀe = ρ². The QR runs
    block by block, so a study of millions of respondents needs memory for one block only. The
    rows of R_x below the constant, R₁₁, satisfy R₁₁ᵀR₁₁ = the predictors' centred cross-products
    C, so VIF_j = C_jj·[C⁻¹]_jj = ‖R₁₁ e_j‖²·‖R₁₁⁻¹ᵀ e_j‖² without another regression.
    """
    y = np.asarray(y, dtype=float)
    if isinstance(predictors, Mapping):
        names = list(predictors)
        columns = [np.asarray(predictors[name], dtype=float) for name in names]
    else:
        matrix = np.asarray(predictors, dtype=float).reshape(y.size, -1)
        columns = [matrix[:, j] for j in range(matrix.shape[1])]
        names = list(names or [f"x{j + 1}" for j in range(matrix.shape[1])])
    n, m = y.size, len(columns)
    p = m + 1
    df_resid = n - p
    r = _r_factor(y, columns)
    r_x = np.zeros((p, p))
    r_x[: min(p, r.shape[0])] = r[:p, :p]
    qty = np.zeros(p)
    qty[: min(p, r.shape[0])] = r[:p, p]
    ssr = float(r[p, p] ** 2) if r.shape[0] > p else 0.0
    r_inv = np.linalg.pinv(r_x)
    beta = r_inv @ qty
    xtx_inv = r_inv @ r_inv.T
    centred = y - y.mean()
    sst = float(centred @ centred)
    r2 = 1.0 - ssr / sst if sst > 0 else math.nan
    if df_resid > 0:
        sigma2 = ssr / df_resid
        se = np.sqrt(np.clip(np.diag(xtx_inv) * sigma2, 0.0, None))
        adj = 1.0 - (1.0 - r2) * (n - 1) / df_resid
        f = (r2 / m) / ((1.0 - r2) / df_resid) if m > 0 and r2 < 1.0 else math.nan
        f_p = f_sf(f, m, df_resid) if not math.isnan(f) else math.nan
    else:
        se = np.full(p, math.nan)
        adj = f = f_p = math.nan
    vifs = [math.nan] * p
    if m == 1:
        vifs[1] = 1.0
    elif m > 1:
        r11 = r_x[1:, 1:]
        if np.linalg.matrix_rank(r11) < m:
            vifs[1:] = [math.inf] * m
        else:
            r11_inv = np.linalg.inv(r11)
            vifs[1:] = [
                float((r11[:, j] @ r11[:, j]) * (r11_inv[j] @ r11_inv[j])) for j in range(m)
            ]
    coefficients = []
    for j in range(p):
        t = float(beta[j] / se[j]) if se[j] > 0 else math.nan
        pval = t_two_sided_p(t, df_resid) if df_resid > 0 else math.nan
        coefficients.append(
            Coefficient(
                "const" if j == 0 else names[j - 1], float(beta[j]), float(se[j]), t, pval, vifs[j]
            )
        )
    return Ols(n, coefficients, r2, adj, f, f_p, m, df_resid)
