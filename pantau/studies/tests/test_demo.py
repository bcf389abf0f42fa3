"""The demo Lombok Timur study reproduces the field study's pattern (domain spec 6.1)."""

import pytest

from pantau.common.demo import load_demo
from pantau.studies.demo import TITLE
from pantau.studies.models import Study
from pantau.studies.selectors import study_results


@pytest.mark.django_db
def test_demo_study_has_the_field_study_pattern_and_loads_twice_without_duplicates():
    load_demo(seed=2026, scale=0.01)
    load_demo(seed=2026, scale=0.01)
    study = Study.objects.get(title=TITLE)
    results = study_results(study)
    assert results.n == {"recipient": 30, "provider": 5}
    recipients = results.by_group["recipient"]["dimensions"]
    providers = results.by_group["provider"]["dimensions"]
    first_three = ["SNS", "NPL", "WRG"]
    last_two = ["SDA", "AKT"]
    assert min(recipients[c]["mean"] for c in first_three) > max(
        recipients[c]["mean"] for c in last_two
    )
    assert all(providers[c]["mean"] > recipients[c]["mean"] for c in first_three + last_two)
    assert Study.objects.filter(unit=study.unit).count() == 2
