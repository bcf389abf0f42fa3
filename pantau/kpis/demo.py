"""Demo KPIs: Lombok Timur's social affairs counter follows its IKM and its complaints resolved
within the deadline (computed from the demo's SKM results and reports), and the beneficiaries
its recommendations brought to assistance ("penerima bantuan tersalurkan"), entered every month
with the distribution report as evidence, against a monthly target that rises this year, so the
dashboard shows a trend that misses, then meets its target. The Dinas Sosial sets one KPI for
all its units: services with a standard in force.

Values follow a fixed pattern (no random draw), so a second run changes nothing."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from pantau.common.demo import DemoContext, upsert

from . import periods
from .models import Indicator, Measurement, Target

UNIT = "dinsos-mpp-lombok-timur"
AGENCY = "dinsos-lombok-timur"
BENEFICIARIES = "Penerima bantuan tersalurkan"
# Added to the trend month by month: a dip in the rainy season, a backlog cleared after it.
SWING = (0, 9, -6, 4, -11, 7, 3, -4, 12, -2, 5, -8)


def _indicator(owner: dict[str, Any], name: str, actor: Any, **fields: Any) -> Indicator:
    indicator: Indicator = upsert(
        Indicator, name=name, **owner, defaults={"created_by": actor, **fields}
    )
    return indicator


def _target(
    indicator: Indicator,
    start: periods.Period,
    end: periods.Period,
    value: str,
    actor: Any,
    note: str = "",
) -> None:
    upsert(
        Target,
        indicator=indicator,
        starts_on=start.starts_on,
        defaults={"ends_on": end.ends_on, "value": Decimal(value), "note": note, "set_by": actor},
    )


def _years(today: date) -> list[int]:
    """The demo's SKM year (2025), last year and this year, each once."""
    return sorted({2025, today.year - 1, today.year})


def _yearly_targets(
    indicator: Indicator, frequency: str, values: dict[int, str], actor: Any
) -> None:
    for year, value in values.items():
        first = periods.containing(frequency, date(year, 1, 1))
        last = periods.containing(frequency, date(year, 12, 31))
        _target(indicator, first, last, value, actor)


def load(ctx: DemoContext) -> None:
    unit = ctx.objects[f"unit:{UNIT}"]
    head = ctx.objects["user:kepala.dinsos"]
    today = timezone.localdate()
    years = _years(today)
    _computed(unit, head, years)
    ctx.objects["kpi:beneficiaries"] = _beneficiaries(
        unit, head, ctx.objects["user:petugas.dinsos"], today, years
    )
    standards = _indicator(
        {"agency": ctx.objects[f"agency:{AGENCY}"]},
        "Layanan dengan standar pelayanan berlaku",
        ctx.objects["user:kadis.sosial"],
        description="Setiap layanan memiliki standar pelayanan yang ditetapkan dan dipublikasikan.",
        unit_of_measure="%",
        direction="higher",
        metric="standards.in_force_share",
        frequency="semester",
    )
    _yearly_targets(
        standards, "semester", {year: "100.00" for year in years}, ctx.objects["user:kadis.sosial"]
    )


def _computed(unit: Any, head: Any, years: list[int]) -> None:
    """The unit's KPIs Pantau computes: its published IKM, its complaints within deadline."""
    ikm = _indicator(
        {"unit": unit},
        "IKM loket Dinas Sosial",
        head,
        description="Indeks Kepuasan Masyarakat hasil SKM yang dipublikasikan tiap triwulan.",
        unit_of_measure="25–100",
        direction="higher",
        metric="skm.ikm",
        frequency="quarter",
    )
    _yearly_targets(
        ikm, "quarter", {year: "85.00" if year == 2025 else "88.31" for year in years}, head
    )
    on_time = _indicator(
        {"unit": unit},
        "Pengaduan selesai tepat waktu",
        head,
        description="Bagian pengaduan yang dijawab sebelum batas waktu penyelesaiannya.",
        unit_of_measure="%",
        direction="higher",
        metric="complaints.on_time_share",
        frequency="quarter",
    )
    _yearly_targets(on_time, "quarter", {year: "90.00" for year in years}, head)


def _beneficiaries(unit: Any, head: Any, officer: Any, today: date, years: list[int]) -> Indicator:
    """Beneficiaries reached, entered month by month up to last month with the report."""
    beneficiaries = _indicator(
        {"unit": unit},
        BENEFICIARIES,
        head,
        description=(
            "Warga yang menerima bantuan sosial (PKH, Program Sembako, PBI-JKN, KIP) setelah "
            "mendapat rekomendasi dari loket, menurut laporan penyaluran bulanan."
        ),
        unit_of_measure="orang",
        direction="higher",
        metric="custom",
        frequency="month",
    )
    _yearly_targets(
        beneficiaries,
        "month",
        {year: "150" if year == today.year else "120" for year in years},
        head,
    )
    months = periods.last("month", 15, until=today)[:-1]  # up to last month
    for index, month in enumerate(months):
        value = 104 + 4 * index + SWING[month.number - 1]
        upsert(
            Measurement,
            indicator=beneficiaries,
            unit=unit,
            starts_on=month.starts_on,
            defaults={
                "ends_on": month.ends_on,
                "value": Decimal(value),
                "evidence_note": (
                    f"Laporan penyaluran bantuan sosial bulan {month.key}: {value} penerima "
                    "berdasarkan rekomendasi loket (rekap dari pendamping PKH dan BPJS)."
                ),
                "entered_by": officer,
            },
        )
    return beneficiaries
