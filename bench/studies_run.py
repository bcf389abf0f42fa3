"""Time a perception study's full analysis on a fresh SQLite database, and the pure analysis
functions against pingouin. Prints one JSON line.

    python -m bench.studies_run RECIPIENTS PROVIDERS
"""

import json
import statistics
import sys
import time
import uuid

import django

import pantau.analytics  # noqa: F401  (caps the BLAS threads, as in the server, before NumPy loads)


def _best(function, repeat=5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    import numpy as np

    django.setup()
    from datetime import date

    from django.core.management import call_command

    from pantau.accounts.models import User
    from pantau.analytics import likert
    from pantau.common.demo import load_demo
    from pantau.organisations.models import ServiceUnit
    from pantau.studies import services
    from pantau.studies.models import RespondentGroup
    from pantau.studies.selectors import scored_items, study_results
    from pantau.surveys.models import Response
    from pantau.surveys.services import ResponseRow, bulk_create_responses

    recipients, providers = int(sys.argv[1]), int(sys.argv[2])
    call_command("migrate", verbosity=0)
    load_demo(seed=2026, scale=0.01)
    head = User.objects.get(username="kepala.dinsos")
    unit = ServiceUnit.objects.get(slug="dinsos-mpp-lombok-timur")
    study = services.create_study(
        actor=head,
        unit=unit,
        title="bench",
        starts_on=date(2030, 1, 1),
        ends_on=date(2030, 12, 31),
        recipient_target=recipients,
        provider_target=providers,
    )
    rng = np.random.default_rng(1)
    items_count = 0
    for group in study.groups.select_related("collection"):
        count = recipients if group.role == RespondentGroup.Role.RECIPIENT else providers
        items = scored_items(group.collection.version_id)
        items_count = max(items_count, len(items))
        values = np.clip(
            np.rint(3.5 + rng.normal(size=(count, 1)) + rng.normal(0, 0.7, (count, len(items)))),
            1,
            5,
        ).astype(int)
        rows = [
            ResponseRow(
                answers=[(item, int(v), "") for item, v in zip(items, row, strict=True)],
                submission_token=uuid.uuid4(),
            )
            for row in values
        ]
        bulk_create_responses(collection=group.collection, rows=rows, source=Response.Source.WEB)

    def full_study():
        likert.f_isf.cache_clear()
        likert.t_isf_two_sided.cache_clear()
        return study_results(study)

    study_seconds = _best(full_study, repeat=3)

    # The pure functions on a 25-item instrument (5 dimensions of 5 items), both groups.
    import pandas as pd
    import pingouin as pg

    n = recipients + providers
    matrix = np.clip(np.rint(3.5 + rng.normal(size=(n, 1)) + rng.normal(0, 0.7, (n, 25))), 1, 5)
    columns = [f"D{d}_{i}" for d in range(1, 6) for i in range(1, 6)]
    dims = {f"D{d}": [f"D{d}_{i}" for i in range(1, 6)] for d in range(1, 6)}
    groups = ["recipient"] * recipients + ["provider"] * providers
    analyse_seconds = _best(lambda: likert.analyse(matrix, columns, dims, groups, outcome="D5"))
    blocks = [matrix[:, 5 * d : 5 * d + 5] for d in range(5)]
    frames = [pd.DataFrame(b) for b in blocks]

    def ours_alphas():
        likert.f_isf.cache_clear()  # time the full computation, not the cache
        return [likert.cronbach_alpha(b) for b in blocks]

    ours_alpha = _best(ours_alphas, repeat=20)
    theirs_alpha = _best(lambda: [pg.cronbach_alpha(f) for f in frames], repeat=20)
    a, b = matrix[:recipients, 0], matrix[recipients:, 0]
    ours_gap = _best(lambda: (likert.welch(a, b), likert.mann_whitney(a, b)), repeat=20)
    theirs_gap = _best(lambda: (pg.ttest(a, b), pg.mwu(a, b)), repeat=20)
    print(
        json.dumps(
            {
                "items": items_count,
                "study_seconds": study_seconds,
                "analyse_seconds": analyse_seconds,
                "alpha_ratio": ours_alpha / theirs_alpha,
                "gap_ratio": ours_gap / theirs_gap,
            }
        )
    )


if __name__ == "__main__":
    main()
