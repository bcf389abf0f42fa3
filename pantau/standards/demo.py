"""Demo service standards, pledges, consultation forums and publication records.

Lombok Timur's social affairs counter drafted its standards with the public in 2025 and revised the
PBI-JKN standard after a second forum (two versions, the first now history); its KIP standard is a
draft. Duren Sawit set its standards after a "Ngopi Dursa" dialogue forum. Cakung has one standard
in force and one draft. Each runs through the same services the pages use; a second run changes
nothing (a service that already has a standard is left alone).
"""

from datetime import date, datetime, time
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from pantau.common.demo import DemoContext
from pantau.satisfaction.models import SurveyPeriod

from . import services
from .models import Forum, Maklumat, Publication, StandardVersion

DECREE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
    b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

MANUFACTURING = {
    "legal_basis": "UU 25/2009 tentang Pelayanan Publik; PP 96/2012; PermenPANRB 15/2014 tentang "
    "Pedoman Standar Pelayanan.",
    "facilities": "Loket pelayanan, ruang tunggu ber-AC dengan 30 kursi, komputer dan printer, "
    "nomor antrean elektronik, toilet dan jalur kursi roda.",
    "staff_competence": "Pendidikan minimal SMA/sederajat, memahami ketentuan layanan, mengikuti "
    "pelatihan pelayanan prima.",
    "internal_supervision": "Pengawasan oleh atasan langsung dan Inspektorat Daerah.",
    "staff_count": "3 orang petugas loket dan 1 orang verifikator.",
    "service_guarantee": "Pelayanan diberikan sesuai standar pelayanan; bila tidak sesuai, "
    "pengguna dapat mengadu dan akan ditindaklanjuti.",
    "safety_guarantee": "Data pribadi pemohon dijaga kerahasiaannya; ruang layanan dilengkapi "
    "APAR, jalur evakuasi dan CCTV.",
    "staff_evaluation": "Evaluasi kinerja pelaksana setiap semester melalui SKM dan penilaian "
    "atasan.",
}

COMPLAINTS = (
    "Pengaduan, saran dan masukan dapat disampaikan langsung ke petugas pengaduan, lewat kotak "
    "saran, WhatsApp, atau secara daring di Pantau/SP4N-LAPOR!. Pengaduan ditanggapi paling "
    "lambat 5 hari kerja."
)

# unit slug -> [(service name, [(requirement, note)], [steps], (time, unit), fee, product, status)]
STANDARDS: dict[str, list[tuple[Any, ...]]] = {
    "dinsos-mpp-lombok-timur": [
        (
            "Surat rekomendasi PBI-JKN",
            [
                ("KTP elektronik pemohon", "asli dan fotokopi 1 lembar"),
                ("Kartu Keluarga", "asli dan fotokopi 1 lembar"),
                ("Surat keterangan tidak mampu dari desa/kelurahan", ""),
            ],
            [
                ("Pemohon mengambil nomor antrean dan menyerahkan berkas", "pemohon"),
                ("Petugas memeriksa kelengkapan berkas", "petugas loket"),
                ("Verifikator mencocokkan data dengan DTSEN", "verifikator"),
                ("Kepala bidang menandatangani surat rekomendasi", "kepala bidang"),
                ("Pemohon menerima surat rekomendasi di loket", "petugas loket"),
            ],
            (1, "working_days"),
            None,
            "Surat rekomendasi kepesertaan PBI-JKN untuk BPJS Kesehatan.",
            "revised",
        ),
        (
            "Pemutakhiran data DTKS/DTSEN",
            [
                ("KTP elektronik", "fotokopi"),
                ("Kartu Keluarga", "fotokopi"),
                ("Foto rumah tampak depan", "boleh dari telepon genggam"),
            ],
            [
                ("Pemohon mengisi formulir usulan", "pemohon"),
                ("Petugas memasukkan usulan ke aplikasi SIKS-NG", "petugas loket"),
                ("Musyawarah desa/kelurahan memverifikasi usulan", "desa/kelurahan"),
                ("Dinas menetapkan hasil pemutakhiran", "dinas"),
            ],
            (30, "days"),
            None,
            "Data keluarga tercatat atau diperbarui dalam DTSEN.",
            "published",
        ),
        (
            "Rekomendasi Kartu Indonesia Pintar (KIP)",
            [("Kartu Keluarga", "fotokopi"), ("Surat keterangan aktif sekolah", "")],
            [("Pemohon menyerahkan berkas", "pemohon"), ("Petugas menerbitkan rekomendasi", "")],
            (2, "working_days"),
            None,
            "Surat rekomendasi Program Indonesia Pintar.",
            "draft",
        ),
    ],
    "ptsp-kecamatan-duren-sawit": [
        (
            "Izin usaha mikro dan kecil (IUMK)",
            [
                ("KTP", ""),
                ("Kartu Keluarga", ""),
                ("Surat pengantar RT/RW", ""),
                ("Pas foto 3x4", "2 lembar"),
            ],
            [
                ("Pemohon mengajukan permohonan di loket atau daring", "pemohon"),
                ("Petugas memverifikasi berkas", "petugas PTSP"),
                ("Camat menandatangani izin", "camat"),
                ("Izin diserahkan kepada pemohon", "petugas PTSP"),
            ],
            (3, "working_days"),
            None,
            "Izin Usaha Mikro dan Kecil (IUMK).",
            "published",
        ),
        (
            "Surat keterangan domisili usaha",
            [("KTP", ""), ("Surat pengantar RT/RW", ""), ("Foto lokasi usaha", "")],
            [
                ("Pemohon menyerahkan berkas", "pemohon"),
                ("Petugas memeriksa dan mencetak surat", "petugas PTSP"),
                ("Surat ditandatangani dan diserahkan", "lurah/camat"),
            ],
            (60, "minutes"),
            None,
            "Surat keterangan domisili usaha.",
            "published",
        ),
    ],
    "ptsp-kecamatan-cakung": [
        (
            "Surat keterangan domisili usaha",
            [("KTP", ""), ("Surat pengantar RT/RW", "")],
            [
                ("Pemohon menyerahkan berkas", "pemohon"),
                ("Petugas menerbitkan surat", "petugas PTSP"),
            ],
            (1, "working_days"),
            None,
            "Surat keterangan domisili usaha.",
            "published",
        ),
        (
            "Persetujuan bangunan gedung rumah tinggal",
            [("KTP", ""), ("Bukti kepemilikan tanah", ""), ("Gambar rencana bangunan", "")],
            [("Pemohon mengajukan lewat SIMBG", "pemohon"), ("Tim teknis memeriksa", "")],
            (28, "working_days"),
            250000,
            "Persetujuan Bangunan Gedung (PBG).",
            "draft",
        ),
    ],
}

FORUMS = {
    "dinsos-mpp-lombok-timur": [
        (
            date(2025, 3, 12),
            Forum.Topic.DRAFTING,
            "FKP penyusunan standar pelayanan Dinas Sosial di MPP",
            "Aula MPP Kabupaten Lombok Timur",
            [
                ("Ibu Nursiah", "", "service_user"),
                ("Bapak Lalu Ahmad", "Penerima PKH", "service_user"),
                ("Dr. Hamdi", "Universitas Hamzanwadi", "expert"),
                ("Sdr. Rahman", "BPJS Kesehatan Cabang Selong", "related_agency"),
                ("Ibu Hj. Saadah", "LKS Harapan Bangsa", "civil_society"),
                ("Sdr. Iwan", "Radio Selaparang", "media"),
                ("Muhammad Zainuddin", "Dinas Sosial", "provider"),
            ],
            [
                (
                    "Persyaratan PBI-JKN cukup KTP, KK dan SKTM; tidak perlu surat pengantar RT.",
                    "done",
                ),
                ("Waktu pemutakhiran DTSEN diumumkan di papan informasi MPP.", "done"),
            ],
        ),
        (
            date(2025, 9, 18),
            Forum.Topic.REVIEWING,
            "FKP peninjauan standar pelayanan rekomendasi PBI-JKN",
            "Ruang rapat Dinas Sosial",
            [
                ("Ibu Marni", "", "service_user"),
                ("Dr. Hamdi", "Universitas Hamzanwadi", "expert"),
                ("Sdr. Rahman", "BPJS Kesehatan Cabang Selong", "related_agency"),
                ("Muhammad Zainuddin", "Dinas Sosial", "provider"),
            ],
            [
                (
                    "Rekomendasi PBI-JKN selesai dalam 1 hari kerja (sebelumnya 3 hari kerja).",
                    "done",
                ),
                (
                    "Disediakan layanan jemput bola untuk lansia dan penyandang disabilitas.",
                    "pending",
                ),
            ],
        ),
    ],
    "ptsp-kecamatan-duren-sawit": [
        (
            date(2025, 5, 22),
            Forum.Topic.DRAFTING,
            'Dialog warga "Ngopi Dursa": standar pelayanan PTSP',
            "Pendopo Kantor Kecamatan Duren Sawit",
            [
                ("Bapak Sutrisno", "Pelaku UMKM", "service_user"),
                ("Ibu Dewi", "Ketua RW 05", "service_user"),
                ("Dr. Yuliani", "Universitas Negeri Jakarta", "expert"),
                ("Sdr. Fajar", "Suku Dinas PPKUKM", "related_agency"),
                ("Sdr. Andi", "Forum Warga Duren Sawit", "civil_society"),
                ("Sdri. Maya", "Warta Kota", "media"),
            ],
            [
                (
                    "IUMK selesai 3 hari kerja dan gratis; diumumkan di media sosial kecamatan.",
                    "done",
                )
            ],
        )
    ],
    "ptsp-kecamatan-cakung": [
        (
            date(2025, 7, 3),
            Forum.Topic.DRAFTING,
            "FKP standar pelayanan PTSP Kecamatan Cakung",
            "Aula Kantor Kecamatan Cakung",
            [
                ("Bapak Hasan", "", "service_user"),
                ("Sdr. Tono", "Suku Dinas Citata", "related_agency"),
            ],
            [("Persyaratan domisili usaha cukup KTP dan pengantar RT/RW.", "done")],
        )
    ],
}

HEADS = {
    "dinsos-mpp-lombok-timur": ("Muhammad Zainuddin, S.Sos.", "Kepala Dinas Sosial"),
    "ptsp-kecamatan-duren-sawit": ("Camat Duren Sawit", "Camat Duren Sawit"),
    "ptsp-kecamatan-cakung": ("Camat Cakung", "Camat Cakung"),
}


def _aware(day: date):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _upload() -> services.Upload:
    import hashlib

    content = ContentFile(DECREE_PDF, name="sk.pdf")
    return services.Upload(
        file=content, content_type="application/pdf", sha256=hashlib.sha256(DECREE_PDF).hexdigest()
    )


def _forums(actor, unit) -> list[Forum]:
    made = []
    for held_on, topic, title, place, people, agreements in FORUMS.get(unit.slug, []):
        forum = Forum.objects.filter(unit=unit, title=title).first()
        if forum is None:
            forum = services.save_forum(
                actor=actor,
                unit=unit,
                data={
                    "topic": topic,
                    "title": title,
                    "held_on": held_on,
                    "place": place,
                    "online_link": "",
                    "minutes": "Forum dibuka oleh kepala unit. Peserta membahas rancangan standar "
                    "pelayanan komponen demi komponen dan menyepakati hal-hal di bawah.",
                },
            )
            for name, organisation, kind in people:
                services.add_participant(
                    actor=actor,
                    forum=forum,
                    data={"name": name, "organisation": organisation, "kind": kind},
                )
            forum.participants.update(attended=True)
            services.mark_forum_held(actor=actor, forum=forum)
            for text, outcome in agreements:
                services.save_agreement(
                    actor=actor, forum=forum, data={"text": text, "outcome": outcome}
                )
        made.append(forum)
    return made


def _content(requirements, steps, time_limit, fee, product) -> dict:
    return {
        "time_limit_value": time_limit[0],
        "time_limit_unit": time_limit[1],
        "time_limit_note": "",
        "fee_is_free": fee is None,
        "fee_amount": fee,
        "fee_legal_basis": ""
        if fee is None
        else "Perda Provinsi DKI Jakarta 1/2024 tentang Pajak Daerah dan Retribusi Daerah",
        "fee_note": "",
        "product": product,
        "complaint_handling": COMPLAINTS,
        **MANUFACTURING,
        "change_note": "",
        "review_months": 12,
    }


def _publish(actor, service, forum, data, requirements, steps, decree_date, number):
    version = services.start_version(actor=actor, service=service)
    services.update_version(
        actor=actor, version=version, data=data, requirements=requirements, steps=steps
    )
    services.record_discussion(actor=actor, version=version, forum=forum)
    services.set_version(
        actor=actor,
        version=version,
        decree_number=f"188.4/{number}/SP/{decree_date.year}",
        decree_date=decree_date,
        decree_file=_upload(),
    )
    version = services.publish_version(actor=actor, version=version)
    StandardVersion.objects.filter(pk=version.pk).update(
        set_at=_aware(decree_date), published_at=_aware(decree_date)
    )
    return version


def load(ctx: DemoContext) -> None:
    actor = ctx.objects["user:admin"]
    for unit_slug, rows in STANDARDS.items():
        unit = ctx.objects[f"unit:{unit_slug}"]
        forums = _forums(actor, unit)
        for index, (name, requirements, steps, time_limit, fee, product, state) in enumerate(
            rows, start=1
        ):
            service = unit.services.get(slug=slugify(name)[:70])
            if service.standard_versions.exists():
                continue
            data = _content(requirements, steps, time_limit, fee, product)
            if state == "draft":
                version = services.start_version(actor=actor, service=service)
                services.update_version(
                    actor=actor, version=version, data=data, requirements=requirements, steps=steps
                )
                continue
            if state == "revised":
                first = _publish(
                    actor,
                    service,
                    forums[0],
                    data | {"time_limit_value": 3},
                    requirements,
                    steps,
                    forums[0].held_on.replace(day=28),
                    index * 10,
                )
                second_date = forums[1].held_on.replace(day=30)
                _publish(
                    actor,
                    service,
                    forums[1],
                    data | {"change_note": "Waktu layanan dipercepat menjadi 1 hari kerja."},
                    requirements,
                    steps,
                    second_date,
                    index * 10 + 1,
                )
                StandardVersion.objects.filter(pk=first.pk).update(
                    superseded_at=_aware(second_date)
                )
                continue
            _publish(
                actor,
                service,
                forums[0],
                data,
                requirements,
                steps,
                forums[0].held_on.replace(day=28),
                index * 10,
            )
        _pledge_and_publications(actor, unit, forums)


def _pledge_and_publications(actor, unit, forums) -> None:
    set_on = forums[0].held_on.replace(day=28)
    if not Maklumat.objects.filter(unit=unit).exists():
        name, title = HEADS[unit.slug]
        draft = services.save_maklumat_draft(
            actor=actor,
            unit=unit,
            data=services.DEFAULT_PLEDGE | {"signatory_name": name, "signatory_title": title},
        )
        services.publish_maklumat(actor=actor, maklumat=draft, set_on=set_on)
    if Publication.objects.filter(unit=unit).exists():
        return
    pledge = Maklumat.objects.get(unit=unit, status=Maklumat.Status.PUBLISHED)
    website = f"https://{unit.slug}.example.go.id"
    media = ["notice_board", "website", "sippn", "social_media"]
    if unit.slug == "ptsp-kecamatan-cakung":
        media = ["notice_board"]
    for version in StandardVersion.objects.filter(service__unit=unit, status="published"):
        for medium in media:
            services.record_publication(
                actor=actor,
                unit=unit,
                subject="standard",
                target=version,
                medium=medium,
                published_on=version.decree_date,
                url="" if medium == "notice_board" else f"{website}/standar-pelayanan",
            )
    for medium in ["notice_board", "website"]:
        services.record_publication(
            actor=actor,
            unit=unit,
            subject="maklumat",
            target=pledge,
            medium=medium,
            published_on=set_on,
            url="" if medium == "notice_board" else f"{website}/maklumat",
        )
    for period in SurveyPeriod.objects.filter(unit=unit, published_at__isnull=False):
        for medium in ["notice_board", "website", "social_media"]:
            services.record_publication(
                actor=actor,
                unit=unit,
                subject="skm",
                target=period,
                medium=medium,
                published_on=timezone.localdate(period.published_at or timezone.now()),
                url="" if medium == "notice_board" else f"{website}/skm",
            )
