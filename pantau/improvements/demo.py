"""Demo improvement registers (issue 21): the loop the source documents describe, measured,
acted on and measured again.

- Dinas Sosial at the MPP Lombok Timur: "waktu" (speed) was the weakest element in the first
  quarter of 2025; the unit added a counter at the busy hours and online queue numbers, done in
  April; the second quarter's NRR of "waktu" shows the change (the SKM demo's ``IMPROVED_FROM``).
- PTSP Kecamatan Cakung: "prosedur" was weak in the second quarter; a one-page guide to every
  service's procedure at the counters (the Cakung and Duren Sawit study's recommendation),
  done in August; the third quarter shows it.
- Every demo unit's third-quarter follow-up plan (as the SKM demo used to write it), with one
  action done, one in progress and one planned.
- The demo PEKPPP rounds' action plans, each linked to its recommendation.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from pantau.common.demo import DemoContext, upsert
from pantau.common.numbers import rounded

from .models import Action, Source, Status

STORIES: list[dict[str, Any]] = [
    {
        "unit": "dinsos-mpp-lombok-timur",
        "quarter": 1,
        "element": "waktu",
        "title": "Loket tambahan pada jam sibuk dan nomor antrean daring",
        "description": (
            "Waktu pelayanan menjadi unsur terlemah pada SKM triwulan I 2025. Satu loket dibuka "
            "tambahan pukul 08.00–10.00 dan nomor antrean dapat diambil lewat WhatsApp."
        ),
        "owner": "kepala.dinsos",
        "due_on": date(2025, 4, 30),
        "completed_on": date(2025, 4, 25),
        "evidence": "Loket 3 dibuka sejak 21 April 2025; antrean daring diumumkan di papan dan media sosial.",
        "target": Decimal("3.30"),
    },
    {
        "unit": "ptsp-kecamatan-cakung",
        "quarter": 2,
        "element": "prosedur",
        "title": "Panduan satu halaman untuk setiap layanan di semua loket",
        "description": (
            "Prosedur dinilai paling rendah. Alur setiap layanan dicetak dalam satu halaman "
            "bergambar dan dipasang di loket serta dibagikan lewat kode QR."
        ),
        "owner": "kepala.cakung",
        "due_on": date(2025, 8, 31),
        "completed_on": date(2025, 8, 20),
        "evidence": "Panduan 12 layanan terpasang di 4 loket; kode QR menuju halaman standar layanan.",
        "target": Decimal("3.40"),
    },
]


def _plan_rows(ends: date, weakest: list[str]) -> list[tuple[Any, ...]]:
    return [
        (
            weakest[0],
            "Menyusun dan memasang alur layanan bergambar di depan loket.",
            "Kepala unit",
            ends + timedelta(days=30),
            Status.DONE,
            ends + timedelta(days=25),
        ),
        (
            weakest[-1],
            "Menetapkan petugas pengelola pengaduan dan waktu jawab WhatsApp paling lama 1 hari kerja.",
            "Koordinator pengaduan",
            ends + timedelta(days=60),
            Status.IN_PROGRESS,
            None,
        ),
        (
            "waktu",
            "Menambah satu loket pada jam sibuk (08.00–10.00).",
            "Kepala unit",
            ends + timedelta(days=90),
            Status.PLANNED,
            None,
        ),
    ]


def _head(unit: Any) -> Any:
    membership = unit.memberships.filter(role="unit_head").select_related("user").first()
    return membership.user if membership else None


def _third_quarter_plans(ctx: DemoContext) -> None:
    from pantau.satisfaction.demo import PROFILES
    from pantau.satisfaction.instrument import ELEMENT_KEYS

    for unit_slug, profile in PROFILES.items():
        period = ctx.objects.get(f"skm:{unit_slug}:2025-q3")
        if period is None:
            continue
        weakest = sorted((k for k in ELEMENT_KEYS if k in profile), key=lambda k: profile[k])[:2]
        for key, text, responsible, due_on, status, completed in _plan_rows(
            period.ends_on, weakest or ["waktu"]
        ):
            upsert(
                Action,
                unit=period.unit,
                period=period,
                element_key=key,
                title=text,
                defaults={
                    "source": Source.SKM_ELEMENT,
                    "responsible": responsible,
                    "due_on": due_on,
                    "status": status,
                    "completed_on": completed,
                    "metric_key": f"skm.element:{key}",
                    "is_public": True,
                    "planned_by": _head(period.unit),
                },
            )


def _stories(ctx: DemoContext) -> None:
    from pantau.satisfaction.selectors import period_results

    for story in STORIES:
        period = ctx.objects.get(f"skm:{story['unit']}:2025-q{story['quarter']}")
        owner = ctx.objects.get(f"user:{story['owner']}")
        if period is None or owner is None:
            continue
        nrr = next(
            (
                row.nrr
                for row in period_results(period).elements
                if row.item.key == story["element"]
            ),
            None,
        )
        upsert(
            Action,
            unit=period.unit,
            period=period,
            element_key=story["element"],
            title=story["title"],
            defaults={
                "source": Source.SKM_ELEMENT,
                "description": story["description"],
                "owner": owner,
                "due_on": story["due_on"],
                "status": Status.DONE,
                "completed_on": story["completed_on"],
                "evidence_note": story["evidence"],
                "metric_key": f"skm.element:{story['element']}",
                "baseline": rounded(nrr, 2),
                "target": story["target"],
                "is_public": True,
                "planned_by": owner,
            },
        )


def _recommendations() -> None:
    """The demo rounds' action plans, each an action of its unit's register (the PEKPPP demo
    writes its recommendations directly, not through the services that link them)."""
    from pantau.evaluations.models import Recommendation

    from .recommendations import linked_action, mirror

    for recommendation in (
        Recommendation.objects.exclude(action_plan="")
        .select_related("lokus__unit", "lokus__round")
        .order_by("id")
    ):
        head = _head(recommendation.lokus.unit)
        if head is not None and linked_action(recommendation) is None:
            mirror(actor=head, recommendation=recommendation)


def load(ctx: DemoContext) -> None:
    _third_quarter_plans(ctx)
    _stories(ctx)
    _recommendations()
