"""Demo reports: BBPOM Yogyakarta's 2021 register (the monthly recap of the domain spec, 3.5) and a
few current reports in every state for the demo units."""

import uuid
from datetime import date, datetime, time

from django.utils import timezone

from pantau.common.demo import DemoContext

from . import services
from .categories import install_defaults, install_integrity
from .models import Category, Complaint, Status

# Domain spec 3.5: "Rekap Jumlah Layanan Informasi dan Pengaduan", BBPOM Yogyakarta, 2021.
BBPOM_2021 = {
    Complaint.Kind.INFORMATION: [120, 126, 145, 121, 79, 97, 51, 63, 89, 118, 99, 112],
    Complaint.Kind.COMPLAINT: [4, 2, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1],
}
SUBJECTS = {
    Complaint.Kind.INFORMATION: "Pertanyaan tentang izin edar produk",
    Complaint.Kind.COMPLAINT: "Produk pangan tanpa label berbahasa Indonesia",
}


def load(ctx: DemoContext) -> None:
    install_defaults(Category)
    install_integrity(Category)
    unit = ctx.objects["unit:ulpk-bbpom-yogyakarta"]
    if not Complaint.objects.filter(unit=unit, created_at__year=2021).exists():
        _register_2021(unit)
    _current(ctx)
    _approve_summaries()


def _approve_summaries() -> None:
    """The demo's officers have written the public summary of every report they verified (the
    demo's titles name no one); reports still unverified show "Sedang ditinjau" in public."""
    from django.db.models import F
    from django.utils import timezone

    from .models import Status

    Complaint.objects.filter(public_summary="").exclude(
        status__in=(Status.RECEIVED, Status.ARCHIVED)
    ).update(public_summary=F("subject"), public_summary_at=timezone.now())


def _register_2021(unit) -> None:
    for kind, months in BBPOM_2021.items():
        for month, count in enumerate(months, start=1):
            if not count:
                continue
            rows = [
                Complaint(
                    tracking_number=f"LP-21{month:02d}-{kind[:1].upper()}{n:03d}",
                    access_code_hash="-",
                    submission_token=uuid.uuid4(),
                    kind=kind,
                    channel=Complaint.Channel.PHONE if n % 3 else Complaint.Channel.WEB,
                    unit=unit,
                    subject=SUBJECTS[kind],
                    description="Dicatat dari register ULPK 2021.",
                    status=Status.CLOSED,
                    confidential=True,
                )
                for n in range(count)
            ]
            Complaint.objects.bulk_create(rows)
            when = timezone.make_aware(datetime.combine(date(2021, month, 15), time(10)))
            Complaint.objects.filter(tracking_number__in=[r.tracking_number for r in rows]).update(
                created_at=when, closed_at=when
            )


CURRENT = [
    # unit, kind, subject, description, final action chain, anonymous, confidential
    (
        "ptsp-kecamatan-cakung",
        Complaint.Kind.COMPLAINT,
        "Antrean IUMK tidak jelas",
        "Saya menunggu tiga jam tanpa nomor antrean saat mengurus IUMK.",
        [],
        False,
        False,
    ),
    (
        "ptsp-kecamatan-cakung",
        Complaint.Kind.COMPLAINT,
        "Petugas meminta biaya tambahan",
        "Saat mengurus surat domisili usaha saya diminta membayar Rp50.000 tanpa kuitansi.",
        ["verify"],
        True,
        True,
    ),
    (
        "ptsp-kecamatan-duren-sawit",
        Complaint.Kind.ASPIRATION,
        "Jam layanan Sabtu",
        "Mohon dibuka layanan hari Sabtu untuk pekerja.",
        ["verify", "assign"],
        False,
        False,
    ),
    (
        "dinsos-mpp-lombok-timur",
        Complaint.Kind.COMPLAINT,
        "Rekomendasi PBI-JKN belum terbit",
        "Sudah dua minggu rekomendasi PBI-JKN ibu saya belum selesai.",
        ["verify", "assign", "start", "answer"],
        False,
        False,
    ),
    (
        "dinsos-mpp-lombok-timur",
        Complaint.Kind.INFORMATION,
        "Syarat pemutakhiran DTSEN",
        "Apa saja dokumen untuk memperbarui data DTSEN keluarga saya?",
        ["postpone"],
        False,
        False,
    ),
    (
        "ulpk-bbpom-yogyakarta",
        Complaint.Kind.COMPLAINT,
        "Kosmetik berbahaya dijual daring",
        "Krim pemutih tanpa izin edar dijual di toko daring.",
        ["verify", "assign", "start"],
        False,
        False,
    ),
    (
        # An integrity report: routed to the Inspektorat of Jakarta Timur, never to the counter.
        "ptsp-kecamatan-cakung",
        Complaint.Kind.COMPLAINT,
        "Diminta uang pelicin di loket",
        "Petugas loket meminta uang tambahan di luar tarif resmi agar surat cepat selesai.",
        ["verify"],
        True,
        False,
    ),
]
CATEGORIES = ["waktu", "biaya", "waktu", "waktu", "persyaratan", "produk", "integritas"]
NOTES = {
    "answer": "Rekomendasi sudah terbit pada hari ini dan dapat diambil di loket Dinas Sosial MPP.",
    "postpone": "Mohon sebutkan NIK kepala keluarga agar kami dapat memeriksa data.",
}


def _current(ctx: DemoContext) -> None:
    actor = ctx.objects["user:admin"]
    for index, (slug, kind, subject, description, actions, anonymous, confidential) in enumerate(
        CURRENT
    ):
        token = uuid.UUID(int=ctx.seed * 1000 + index)
        if Complaint.objects.filter(submission_token=token).exists():
            continue
        unit = ctx.objects[f"unit:{slug}"]
        complaint, _code, _created = services.submit_complaint(
            data={
                "kind": kind,
                "unit": unit,
                "subject": subject,
                "description": description,
                "category": Category.objects.get(agency=None, code=CATEGORIES[index]),
                "reporter_name": "Warga Demo",
                "anonymous": anonymous,
                "confidential": confidential,
            },
            files=[],
            submission_token=token,
        )
        for action in actions:
            complaint = services.transition(
                actor=actor,
                complaint=complaint,
                action=action,
                unit=unit,
                note=NOTES.get(action, ""),
            )
