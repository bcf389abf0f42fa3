"""``likert.analyse`` gives the same figures whether the answers come as float64 (the web pages)
or as the half-precision array the ``stats`` command keeps to stay small on huge files, with
groups as a list or as an object array, and with the regression's QR built block by block."""

import numpy as np
import pytest
import statsmodels.api as sm
from statsmodels.stats.outliers_influence import variance_inflation_factor

from pantau.analytics import likert

COLUMNS = [f"{d}_{k}" for d in ("A", "B", "C") for k in (1, 2, 3, 4)]
DIMENSIONS = {d: [c for c in COLUMNS if c.startswith(d)] for d in ("A", "B", "C")}


def _data(rows: int, seed: int = 3):
    rng = np.random.default_rng(seed)
    level = rng.normal(3.5, 0.8, size=(rows, 1))
    data = np.clip(np.rint(level + rng.normal(0, 0.8, size=(rows, len(COLUMNS)))), 1, 5)
    data[rng.random(data.shape) < 0.02] = np.nan
    groups = np.where(rng.random(rows) < 0.2, "provider", "recipient")
    return data, groups


def test_half_precision_answers_and_an_object_group_array_give_the_same_result():
    data, groups = _data(3_000)
    wide = likert.analyse(data, COLUMNS, DIMENSIONS, groups=list(groups), outcome="C")
    compact = likert.analyse(
        data.astype(np.float16),
        COLUMNS,
        DIMENSIONS,
        groups=np.asarray(groups, dtype=object),
        outcome="C",
    )
    assert compact == wide
    assert wide["groups"] == {
        "recipient": int((groups == "recipient").sum()),
        "provider": int((groups == "provider").sum()),
    }


def test_regression_over_many_blocks_equals_statsmodels(monkeypatch):
    from pantau.analytics import regression

    calls = []
    original = regression._r_factor
    monkeypatch.setattr(regression, "QR_BLOCK", 257)  # many blocks, the last one short
    monkeypatch.setattr(regression, "_r_factor", lambda *a: calls.append(1) or original(*a))
    rng = np.random.default_rng(11)
    x = rng.normal(size=(5_000, 3)) + rng.normal(size=(5_000, 1))  # correlated predictors
    y = x @ np.array([0.5, -0.2, 0.9]) + rng.normal(size=5_000)
    design = sm.add_constant(x)
    reference = sm.OLS(y, design).fit()
    ours = likert.ols(y, x)
    assert calls  # the blocked QR ran
    for j, coefficient in enumerate(ours.coefficients):
        assert coefficient.b == pytest.approx(reference.params[j], rel=1e-10)
        assert coefficient.se == pytest.approx(reference.bse[j], rel=1e-10)
        if j:
            assert coefficient.vif == pytest.approx(variance_inflation_factor(design, j), rel=1e-10)
    assert ours.r2 == pytest.approx(reference.rsquared, rel=1e-12)


def test_perfectly_collinear_predictors_have_an_infinite_vif():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(50, 2))
    x = np.column_stack([x, x[:, 0] + x[:, 1]])
    y = rng.normal(size=50)
    assert [c.vif for c in likert.ols(y, x).coefficients[1:]] == [np.inf] * 3
