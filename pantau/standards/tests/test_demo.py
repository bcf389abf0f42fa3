from datetime import date

from django.urls import reverse

from pantau.common.demo import load_demo
from pantau.standards import selectors
from pantau.standards.models import StandardVersion


def test_demo_shows_versions_forums_pledges_and_publications(client, db):
    ctx = load_demo(seed=2026, scale=0.1)
    unit = ctx.objects["unit:dinsos-mpp-lombok-timur"]
    versions = StandardVersion.objects.filter(
        service__unit=unit, service__slug="surat-rekomendasi-pbi-jkn"
    )
    assert sorted(versions.values_list("number", "status")) == [(1, "superseded"), (2, "published")]
    assert StandardVersion.objects.filter(service__unit=unit, status="draft").count() == 1
    scores = {s.code: s.score for s in selectors.indicator_scores(unit, today=date(2026, 1, 5))}
    assert scores["2.a.P"] == 5 and scores["5.a.K"] == 5
    page = client.get(reverse("portal:unit-detail", args=[unit.slug]))
    assert page.status_code == 200
    guide = client.get(
        reverse("public_standards:service-guide", args=[unit.slug, "surat-rekomendasi-pbi-jkn"])
    )
    assert guide["Content-Type"] == "application/pdf"
    skm = client.get(reverse("portal:open-data-skm", args=[unit.slug, "json"])).json()
    assert len(skm["periods"]) == 3  # the fourth quarter is not published
    assert all(period["ikm"] and period["nrr_U1"] for period in skm["periods"])
