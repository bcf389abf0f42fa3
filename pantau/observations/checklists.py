"""The two checklists Pantau ships, declared as ``surveys.specs`` (testable without a database) and
built into instrument versions by ``surveys.specs.build_version``.

- **Service behaviour, SETIA** (Solusi, Empati, Tegas, Inovatif, Andal): the service standard the
  Cakung/Duren Sawit study recommends adapting "to minimise differences in treatment"
  (``/work/shared/sources/001``, Saran Praktis 2). The study names the five words without
  defining them; the items are Pantau's reading of each, tied to what the study found: officers
  who guide citizens with low digital literacy ("digital empathy"), the perception that personal
  connections speed things up, digital procedures that confuse, the "one-page guideline".
- **The unit's own published service standard** (PermenPANRB 15/2014): one item per published
  component, asked twice: is it displayed at the unit, and is it applied in the service the
  observer receives. Built from the standard version in force of the service observed, so the
  checklist quotes the unit's own promise (its requirements, its time limit, its fee).

Content is Indonesian with an English version (``text_en``), as every instrument.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import translation

from pantau.surveys.models import Instrument, InstrumentVersion, Item
from pantau.surveys.specs import ItemSpec, SectionSpec, VersionSpec, build_version

CHECK = Item.Kind.YES_NO_NA.value
SETIA_CODE = "setia"
STANDARD_CODE = "standar-layanan-{service}"


def _item(
    key: str, code: str, text: str, text_en: str, weight: int, help_text: str = ""
) -> ItemSpec:
    return ItemSpec(
        key=key,
        code=code,
        text=text,
        text_en=text_en,
        short_label=text[:100],
        short_label_en=text_en[:100],
        kind=CHECK,
        weight=weight,
        help_text=help_text[:300],
    )


# SETIA: (word, English, ((item, English, weight), …)), three items per letter.
SETIA = (
    (
        "Solusi",
        "Solution",
        (
            (
                "Petugas menanyakan keperluan dan memberi jalan keluar yang jelas",
                "The officer asks what is needed and gives a clear way forward",
                2,
            ),
            (
                "Jika persyaratan kurang, petugas menjelaskan apa yang harus dilengkapi dan caranya",
                "If a requirement is missing, the officer explains what to bring and how",
                2,
            ),
            (
                "Petugas menyebutkan langkah berikutnya dan kapan layanan selesai",
                "The officer says what happens next and when the service will be done",
                1,
            ),
        ),
    ),
    (
        "Empati",
        "Empathy",
        (
            (
                "Petugas menyapa dengan ramah dan mendengarkan sampai selesai",
                "The officer greets kindly and listens to the end",
                1,
            ),
            (
                "Petugas mendampingi warga yang kesulitan memakai layanan digital",
                "The officer guides citizens who struggle with the digital service",
                2,
            ),
            (
                "Warga lansia, penyandang disabilitas, ibu hamil didahulukan atau dibantu",
                "Older people, people with disabilities and pregnant women are served first or helped",
                1,
            ),
        ),
    ),
    (
        "Tegas",
        "Firm",
        (
            (
                "Petugas menerapkan aturan yang sama kepada setiap warga (tanpa jalur kenalan)",
                "The officer applies the same rules to every citizen (no shortcut for acquaintances)",
                2,
            ),
            (
                "Tidak ada permintaan atau tawaran imbalan di luar biaya resmi",
                "No payment beyond the official fee is asked for or offered",
                2,
            ),
            (
                "Antrean dijalankan tertib sesuai nomor urut",
                "The queue runs in order of the numbers taken",
                1,
            ),
        ),
    ),
    (
        "Inovatif",
        "Innovative",
        (
            (
                "Petugas menawarkan kanal daring (aplikasi, WhatsApp, situs) untuk urusan berikutnya",
                "The officer offers an online channel (app, WhatsApp, website) for the next time",
                1,
            ),
            (
                "Tersedia panduan ringkas satu halaman, cetak atau daring",
                "A one-page guide is available, printed or online",
                1,
            ),
            (
                "Layanan digital yang ditawarkan dapat dipakai saat kunjungan",
                "The digital service offered works during the visit",
                1,
            ),
        ),
    ),
    (
        "Andal",
        "Reliable",
        (
            (
                "Layanan dimulai pada jam buka yang diumumkan",
                "The service starts at the opening hours announced",
                1,
            ),
            (
                "Informasi yang diberikan petugas sesuai dengan yang diumumkan",
                "What the officer says matches what is announced",
                2,
            ),
            (
                "Layanan selesai dalam waktu yang dijanjikan petugas",
                "The service is done within the time the officer promised",
                2,
            ),
        ),
    ),
)


def setia_spec() -> VersionSpec:
    """SETIA: three items per letter, weight 2 for what decides the citizen's outcome or equal
    treatment, 1 for the rest."""
    sections = []
    for word, word_en, items in SETIA:
        initial = word[0]
        sections.append(
            SectionSpec(
                kind="scored",
                title=f"{initial} — {word}",
                title_en=f"{initial} — {word} ({word_en})",
                items=tuple(
                    _item(f"setia-{initial.lower()}{n}", f"{initial}{n}", text, text_en, weight)
                    for n, (text, text_en, weight) in enumerate(items, start=1)
                ),
            )
        )
    return VersionSpec(sections=tuple(sections))


def standard_spec(standard: Any) -> VersionSpec:
    """The checklist of one standard version (its requirements, steps and files prefetched):
    one "displayed" item per published component, one "applied" item per component that the
    service can be seen to follow. Components the standard leaves empty are not asked.

    Long: the components are declared in one list, in the regulation's order, each with its
    two questions, what the standard says and the weights, so the checklist reads as the
    standard does."""
    from pantau.standards import presentation

    def both(function) -> tuple[str, str]:
        with translation.override("id"):
            indonesian = str(function())
        with translation.override("en"):
            english = str(function())
        return indonesian, english

    requirements = "; ".join(r.text for r in standard.requirements.all())
    steps = " → ".join(s.text for s in standard.steps.all())
    time_id, time_en = both(lambda: presentation.time_limit_text(standard))
    fee_id, fee_en = both(lambda: presentation.fee_text(standard))
    # (key, published?, displayed id/en, applied id/en or None, what the standard says, weights)
    components = [
        (
            "persyaratan",
            bool(requirements),
            ("Persyaratan layanan dipajang di lokasi", "The requirements are displayed on site"),
            (
                "Petugas hanya meminta persyaratan yang tercantum dalam standar",
                "The officer asks only for the requirements in the standard",
            ),
            requirements,
            (1, 3),
        ),
        (
            "prosedur",
            bool(steps),
            ("Alur/prosedur layanan dipajang di lokasi", "The procedure is displayed on site"),
            (
                "Layanan dijalankan sesuai alur dalam standar",
                "The service follows the procedure of the standard",
            ),
            steps,
            (1, 2),
        ),
        (
            "waktu",
            standard.time_limit_value is not None,
            ("Jangka waktu layanan dipajang di lokasi", "The service time is displayed on site"),
            (
                f"Layanan selesai dalam jangka waktu standar: {time_id}",
                f"The service is done within the standard's time: {time_en}",
            ),
            time_id,
            (1, 3),
        ),
        (
            "biaya",
            True,  # free of charge is a published fee too
            ("Biaya/tarif layanan dipajang di lokasi", "The fee is displayed on site"),
            (
                f"Tidak ada pungutan di luar biaya standar: {fee_id}",
                f"Nothing is charged beyond the standard's fee: {fee_en}",
            ),
            fee_id,
            (1, 3),
        ),
        (
            "produk",
            bool(standard.product.strip()),
            ("Produk layanan diumumkan di lokasi", "The service's product is announced on site"),
            (
                "Produk yang diterima sesuai standar",
                "The product received matches the standard",
            ),
            standard.product.strip(),
            (1, 2),
        ),
        (
            "pengaduan",
            bool(standard.complaint_handling.strip()),
            (
                "Cara menyampaikan pengaduan diumumkan di lokasi",
                "How to complain is announced on site",
            ),
            (
                "Sarana pengaduan tersedia dan petugas menjelaskannya bila ditanya",
                "A way to complain is available and the officer explains it when asked",
            ),
            standard.complaint_handling.strip(),
            (1, 2),
        ),
        (
            "sarana",
            bool(standard.facilities.strip()),
            (
                "Sarana dan prasarana yang tercantum dalam standar tersedia",
                "The facilities listed in the standard are available",
            ),
            None,
            standard.facilities.strip(),
            (2, 0),
        ),
        (
            "jaminan",
            bool(standard.service_guarantee.strip()),
            (
                "Jaminan pelayanan (maklumat) dipajang di lokasi",
                "The service guarantee (pledge) is displayed on site",
            ),
            None,
            standard.service_guarantee.strip(),
            (1, 0),
        ),
    ]
    displayed: list[ItemSpec] = []
    applied: list[ItemSpec] = []
    for key, published, shown, used, says, (weight_shown, weight_used) in components:
        if not published:
            continue
        hint = f"Standar: {says}" if says else ""
        displayed.append(
            _item(f"tampil-{key}", f"T{len(displayed) + 1}", *shown, weight_shown, hint)
        )
        if used is not None:
            applied.append(_item(f"terap-{key}", f"P{len(applied) + 1}", *used, weight_used, hint))
    return VersionSpec(
        sections=(
            SectionSpec(
                kind="scored",
                title="Ditampilkan di unit layanan",
                title_en="Displayed at the unit",
                items=tuple(displayed),
            ),
            SectionSpec(
                kind="scored",
                title="Diterapkan dalam layanan yang diterima",
                title_en="Applied in the service received",
                items=tuple(applied),
            ),
        )
    )


@transaction.atomic
def setia_version() -> InstrumentVersion:
    """The national SETIA checklist's latest version, built the first time it is needed."""
    instrument, _created = Instrument.objects.get_or_create(
        code=SETIA_CODE,
        defaults={
            "name": "Perilaku pelayanan SETIA (Solusi, Empati, Tegas, Inovatif, Andal)",
            "purpose": Instrument.Purpose.CHECKLIST,
            "description": "Daftar periksa perilaku petugas untuk kunjungan observasi.",
        },
    )
    version = instrument.versions.order_by("-number").first()
    return version or build_version(instrument, number=1, spec=setia_spec())


@transaction.atomic
def standard_version(standard: Any) -> InstrumentVersion:
    """The checklist version built from this published standard version (one per standard
    version; a newer standard of the service makes the next checklist version)."""
    from .models import StandardChecklist

    existing = StandardChecklist.objects.select_related("version").filter(standard=standard).first()
    if existing is not None:
        return existing.version
    service = standard.service
    instrument, _created = Instrument.objects.get_or_create(
        code=STANDARD_CODE.format(service=service.pk),
        defaults={
            "name": f"Standar pelayanan: {service.name}"[:200],
            "purpose": Instrument.Purpose.CHECKLIST,
            "owner_unit": service.unit,
            "description": "Daftar periksa yang dibangun dari standar pelayanan yang dipublikasikan.",
        },
    )
    last = instrument.versions.order_by("-number").first()
    version = build_version(
        instrument, number=(last.number + 1) if last else 1, spec=standard_spec(standard)
    )
    version.note = f"Standar pelayanan v{standard.number}"
    version.save(update_fields=["note", "updated_at"])
    StandardChecklist.objects.create(version=version, standard=standard)
    return version
