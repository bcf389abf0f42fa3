import pytest

from pantau.common.demo import load_demo
from pantau.evaluations.models import Evidence, Lokus, Recommendation, Round, Score

pytestmark = pytest.mark.django_db


def test_demo_rounds_have_results_evidence_and_follow_up_and_reload_unchanged():
    load_demo(seed=2026, scale=0.1)
    counts = (
        Round.objects.count(),
        Lokus.objects.count(),
        Score.objects.count(),
        Evidence.objects.count(),
        Recommendation.objects.count(),
    )
    assert counts[0] == 3
    dki = Round.objects.get(name="PEKPPP Provinsi DKI Jakarta 2026")
    results = list(dki.lokus.order_by("rank"))
    assert all(lokus.ipp is not None and lokus.grade for lokus in results)
    assert [lokus.rank for lokus in results] == [1, 2]
    earlier = Round.objects.get(name="PEKPPP Provinsi DKI Jakarta 2024")
    assert all(lokus.ipp is not None for lokus in earlier.lokus.all())
    statuses = set(Recommendation.objects.filter(lokus__round=dki).values_list("status", flat=True))
    assert len(statuses) >= 3
    assert Evidence.objects.filter(lokus__round=dki).exists()
    from pantau.evaluations.selectors import body_trend

    assert [point["year"] for point in body_trend(dki)] == [2024, 2026]
    load_demo(seed=2026, scale=0.1)
    assert (
        Round.objects.count(),
        Lokus.objects.count(),
        Score.objects.count(),
        Evidence.objects.count(),
        Recommendation.objects.count(),
    ) == counts


def test_demo_results_blend_the_citizen_form():
    load_demo(seed=2026, scale=0.1)
    lokus = Lokus.objects.get(unit__slug="ptsp-kecamatan-duren-sawit", round__year=2026)
    assert lokus.result["citizen_used"] and lokus.citizen_collection.responses.count() >= 5
