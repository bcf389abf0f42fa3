"""Demo innovation registers (issue 21, One Agency One Innovation; ATM: amati, tiru, modifikasi).

- Dinas Sosial at the MPP Lombok Timur: "Jemput bola lansia dan disabilitas" (the Lombok Timur
  study's home visits for residents who cannot come to the counter), from an idea in 2023 to an
  innovation institutionalised by a regent's regulation in November 2024, budgeted, with its
  team and facilities, entered in the province's innovation competition, in the public catalogue.
- PTSP Kecamatan Duren Sawit (Jakarta Timur) copies it from the catalogue in 2025, modified:
  residents ask through the sub-district's WhatsApp and the elderly posyandu volunteers, and the
  visit also takes identity-card and family-card requests; on trial since July 2025.

Fixed values and dates; a second run changes nothing.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from pantau.common.demo import DemoContext, upsert

from .models import Effect, Innovation, Stage

LOMBOK_TIMUR: dict[str, Any] = {
    "unit": "dinsos-mpp-lombok-timur",
    "owner": "kepala.dinsos",
    "title": "Jemput bola lansia dan penyandang disabilitas",
    "description": (
        "Petugas Dinas Sosial datang ke rumah warga lanjut usia dan penyandang disabilitas untuk "
        "memperbarui data kesejahteraan sosial dan mengurus bantuan, atas permintaan keluarga, "
        "kepala dusun atau pendamping PKH."
    ),
    "problem": (
        "Warga lansia dan penyandang disabilitas sulit datang ke loket di MPP untuk memperbarui "
        "data dan mengurus bantuan sosial; banyak yang tidak terdata atau bantuannya terhenti."
    ),
    "before": (
        "Rata-rata tiga kali datang ke loket untuk satu urusan, diantar keluarga; berkas sering "
        "tidak lengkap; keluhan lansia yang tidak terdata menjadi kategori pengaduan terbanyak."
    ),
    "after": (
        "Satu kunjungan petugas ke rumah menyelesaikan pendataan; berkas dilengkapi di tempat "
        "dengan tablet; 1.240 warga dilayani di rumah pada 2024."
    ),
    "effect": (
        "Pengaduan tentang lansia yang tidak terdata turun, dan pengaduan dijawab lebih cepat "
        "karena petugas jemput bola menindaklanjutinya langsung."
    ),
    "team": (
        "Tim Jemput Bola Dinas Sosial (SK Kepala Dinas Sosial Nomor 460/112/DINSOS/2023): "
        "enam petugas, dua pendamping PKH."
    ),
    "facilities": "Dua sepeda motor dinas, dua tablet untuk pendataan, nomor WhatsApp layanan.",
    "budget": 85_000_000,
    "budget_source": "apbd",
    "competition": "Kompetisi Inovasi Pelayanan Publik Provinsi NTB 2024",
    "competition_result": "entered",
    "stage": Stage.INSTITUTIONALISED,
    "idea_on": date(2023, 2, 6),
    "action_plan_on": date(2023, 3, 20),
    "trial_on": date(2023, 6, 5),
    "implemented_on": date(2023, 9, 1),
    "institutionalised_on": date(2024, 11, 20),
    "legal_basis_kind": "perkada",
    "legal_basis_title": (
        "Peraturan Bupati Lombok Timur tentang Layanan Jemput Bola bagi Lanjut Usia dan "
        "Penyandang Disabilitas"
    ),
    "decree_number": "45 Tahun 2024",
    "decree_date": date(2024, 11, 20),
    "is_public": True,
}

# The figures the unit measured before (2023, before the visits) and after (2024).
LOMBOK_TIMUR_EFFECTS = [
    ("complaints.median_days_to_answer", Decimal("6"), Decimal("2"), "2023", "2024"),
    ("complaints.on_time_share", Decimal("71"), Decimal("93"), "2023", "2024"),
]

DUREN_SAWIT: dict[str, Any] = {
    "unit": "ptsp-kecamatan-duren-sawit",
    "owner": "kepala.durensawit",
    "title": "Jemput bola lansia dan penyandang disabilitas",
    "description": (
        "Petugas PTSP kecamatan datang ke rumah warga lansia dan penyandang disabilitas untuk "
        "perekaman dan perubahan data kependudukan serta surat keterangan kecamatan."
    ),
    "problem": (
        "Warga lansia dan penyandang disabilitas di Duren Sawit sulit antre di kantor kecamatan; "
        "permohonan mereka sering diwakilkan dan berkasnya tidak lengkap."
    ),
    "before": (
        "Permohonan diwakilkan keluarga dengan surat kuasa; rata-rata dua kali datang karena "
        "berkas kurang; perekaman KTP-el lansia tertunda."
    ),
    "modification": (
        "Diamati dan ditiru dari Dinas Sosial Lombok Timur; dimodifikasi: warga mendaftar lewat "
        "WhatsApp kelurahan dan kader posyandu lansia, dan satu kunjungan sekaligus melayani "
        "KTP-el, KK dan surat keterangan kecamatan."
    ),
    "team": "Dua petugas PTSP dan satu operator Dukcapil kecamatan.",
    "facilities": "Perangkat perekaman KTP-el keliling (pinjaman Sudin Dukcapil).",
    "stage": Stage.TRIAL,
    "idea_on": date(2025, 3, 10),
    "action_plan_on": date(2025, 4, 14),
    "trial_on": date(2025, 7, 1),
    "is_public": True,
}


def _innovation(ctx: DemoContext, spec: dict[str, Any], **extra: Any) -> Innovation | None:
    unit = ctx.objects.get(f"unit:{spec['unit']}")
    owner = ctx.objects.get(f"user:{spec['owner']}")
    if unit is None or owner is None:
        return None
    defaults = {k: v for k, v in spec.items() if k not in ("unit", "owner", "title")}
    defaults.update(owner=owner, registered_by=owner, **extra)
    innovation: Innovation = upsert(Innovation, unit=unit, title=spec["title"], defaults=defaults)
    ctx.objects[f"innovation:{spec['unit']}"] = innovation
    return innovation


def load(ctx: DemoContext) -> None:
    original = _innovation(ctx, LOMBOK_TIMUR)
    if original is None:
        return
    for key, before, after, measured_before, measured_after in LOMBOK_TIMUR_EFFECTS:
        upsert(
            Effect,
            innovation=original,
            metric_key=key,
            defaults={
                "before": before,
                "after": after,
                "measured_before": measured_before,
                "measured_after": measured_after,
            },
        )
    _innovation(ctx, DUREN_SAWIT, replicates=original)
