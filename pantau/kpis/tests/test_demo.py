"""The demo's KPIs: Lombok Timur's counter has its IKM (from the published SKM results), its
complaints within deadline and its beneficiaries reached with a year of monthly values and
targets, so the dashboard shows a trend; the Dinas Sosial's KPI applies to it; a second run
changes nothing."""

import time_machine
from django.urls import reverse

from pantau.common.demo import load_demo
from pantau.kpis.models import Indicator, Measurement, Target


@time_machine.travel("2025-12-15 10:00 +07:00", tick=False)
def test_the_demo_tells_the_lombok_timur_kpi_story(client_for, db):
    ctx = load_demo(seed=2026, scale=0.1)
    unit = ctx.objects["unit:dinsos-mpp-lombok-timur"]
    page = client_for(ctx.objects["user:kepala.dinsos"]).get(reverse("kpis:unit", args=[unit.slug]))
    assert page.status_code == 200
    lines = {line.indicator.name: line for line in page.context["lines"]}
    assert set(lines) == {
        "IKM loket Dinas Sosial",
        "Pengaduan selesai tepat waktu",
        "Penerima bantuan tersalurkan",
        "Layanan dengan standar pelayanan berlaku",
    }
    ikm = lines["IKM loket Dinas Sosial"]
    assert [p.period.key for p in ikm.points if p.value is not None] == [
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
    ]
    assert all(p.target is not None for p in ikm.points[-4:])
    reached = lines["Penerima bantuan tersalurkan"]
    values = [p for p in reached.points if p.value is not None]
    assert len(values) >= 6 and reached.latest.period.key == "2025-11"
    assert {p.met for p in values} == {True, False}  # a trend that misses, then meets
    assert all(p.measurement.evidence_note for p in values)
    assert page.context["lines"][0].chart is not None

    before = (Indicator.objects.count(), Target.objects.count(), Measurement.objects.count())
    histories = Measurement.history.count()
    load_demo(seed=2026, scale=0.1)
    assert (
        Indicator.objects.count(),
        Target.objects.count(),
        Measurement.objects.count(),
    ) == before
    assert Measurement.history.count() == histories
