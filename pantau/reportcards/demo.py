"""Demo report cards (issue 21 item 4): the 2025 cards of Dinas Sosial at the MPP Lombok Timur
and of PTSP Kecamatan Cakung (Jakarta Timur, compared with Duren Sawit), prepared and published
by their unit heads through the services, from the demo's SKM quarters, complaints, standards
and improvement register. A card already there is left as it is: a second run changes nothing.
"""

from typing import Any

from django.utils import timezone

from pantau.common.demo import DemoContext

from . import services
from .models import ReportCard

YEAR = 2025

CARDS: list[dict[str, Any]] = [
    {
        "unit": "dinsos-mpp-lombok-timur",
        "head": "kepala.dinsos",
        "message": (
            "Waktu pelayanan menjadi keluhan utama pada triwulan I 2025. Kami membuka loket "
            "tambahan pada jam sibuk dan nomor antrean daring sejak April; nilai unsur waktu "
            "naik pada triwulan berikutnya. Pada 2026 kami melanjutkan layanan jemput bola "
            "bagi lansia dan penyandang disabilitas."
        ),
    },
    {
        "unit": "ptsp-kecamatan-cakung",
        "head": "kepala.cakung",
        "message": (
            "Prosedur dinilai paling rendah pada triwulan II 2025. Panduan satu halaman untuk "
            "setiap layanan kini terpasang di semua loket dan dapat dibuka lewat kode QR. "
            "Kami terus membandingkan diri dengan kecamatan lain di Jakarta Timur."
        ),
    },
]


def load(ctx: DemoContext) -> None:
    if timezone.localdate().year <= YEAR:
        return  # a card covers a year that has ended (a demo loaded on a date in 2025 has none)
    for spec in CARDS:
        unit = ctx.objects.get(f"unit:{spec['unit']}")
        head = ctx.objects.get(f"user:{spec['head']}")
        if unit is None or head is None:
            continue
        if ReportCard.objects.filter(unit=unit, year=YEAR).exists():
            continue
        card = services.prepare_card(actor=head, unit=unit, year=YEAR, message=spec["message"])
        services.publish_card(actor=head, card=card)
        ctx.objects[f"reportcard:{spec['unit']}:{YEAR}"] = card
