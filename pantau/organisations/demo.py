"""Demo organisations, modelled on the units Pantau's first users described."""

from datetime import time
from decimal import Decimal
from typing import Any

from django.utils.text import slugify

from pantau.common.demo import DemoContext, upsert

from .models import Agency, ContactChannel, OpeningHours, Service, ServiceMall, ServiceUnit
from .services import refresh_search_documents

AGENCIES = [
    # slug, name, short name, kind, parent slug
    (
        "kemenpanrb",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "KemenPANRB",
        Agency.Kind.MINISTRY,
        None,
    ),
    (
        "prov-ntb",
        "Pemerintah Provinsi Nusa Tenggara Barat",
        "Pemprov NTB",
        Agency.Kind.PROVINCE,
        None,
    ),
    (
        "kab-lombok-timur",
        "Pemerintah Kabupaten Lombok Timur",
        "Pemkab Lombok Timur",
        Agency.Kind.REGENCY,
        "prov-ntb",
    ),
    (
        "dinsos-lombok-timur",
        "Dinas Sosial Kabupaten Lombok Timur",
        "Dinsos Lotim",
        Agency.Kind.REGIONAL_OFFICE,
        "kab-lombok-timur",
    ),
    ("prov-dki", "Pemerintah Provinsi DKI Jakarta", "Pemprov DKI", Agency.Kind.PROVINCE, None),
    (
        "kota-jakarta-timur",
        "Pemerintah Kota Administrasi Jakarta Timur",
        "Jakarta Timur",
        Agency.Kind.CITY,
        "prov-dki",
    ),
    (
        "kec-cakung",
        "Kecamatan Cakung",
        "Kec. Cakung",
        Agency.Kind.SUB_DISTRICT,
        "kota-jakarta-timur",
    ),
    (
        "kec-duren-sawit",
        "Kecamatan Duren Sawit",
        "Kec. Duren Sawit",
        Agency.Kind.SUB_DISTRICT,
        "kota-jakarta-timur",
    ),
    ("badan-pom", "Badan Pengawas Obat dan Makanan", "Badan POM", Agency.Kind.MINISTRY, None),
    (
        "bbpom-yogyakarta",
        "Balai Besar Pengawas Obat dan Makanan di Yogyakarta",
        "BBPOM Yogyakarta",
        Agency.Kind.VERTICAL_OFFICE,
        "badan-pom",
    ),
]

# Kemendagri region codes (kode wilayah administrasi pemerintahan): a national agency has none; a
# vertical office carries the region it serves (BBPOM Yogyakarta: DI Yogyakarta, 34).
REGION_CODES = {
    "kemenpanrb": "",
    "prov-ntb": "52",
    "kab-lombok-timur": "52.03",
    "dinsos-lombok-timur": "52.03",
    "prov-dki": "31",
    "kota-jakarta-timur": "31.75",
    "kec-cakung": "31.75.06",
    "kec-duren-sawit": "31.75.07",
    "badan-pom": "",
    "bbpom-yogyakarta": "34",
}

# The units' codes in SIPP (KemenPANRB's public service information system). SIPP issues them;
# these demo values follow the region code of the unit's place and a counter.
SIPP_CODES = {
    "dinsos-mpp-lombok-timur": "5203-DINSOS-001",
    "ptsp-kecamatan-cakung": "317506-PTSP-001",
    "ptsp-kecamatan-duren-sawit": "317507-PTSP-001",
    "ulpk-bbpom-yogyakarta": "34-BBPOM-ULPK-001",
}

WEEKDAYS_0800_1600 = {d: (time(8, 0), time(16, 0), "") for d in range(1, 5)} | {
    5: (time(8, 0), time(16, 30), "Istirahat salat Jumat 11.30–13.00")
}

UNITS: list[dict[str, Any]] = [
    {
        "slug": "dinsos-mpp-lombok-timur",
        "agency": "dinsos-lombok-timur",
        "mall": "mpp-lombok-timur",
        "name": "Loket Dinas Sosial di MPP Lombok Timur",
        "description": "Layanan rekomendasi dan pemutakhiran data kesejahteraan sosial bagi warga Kabupaten Lombok Timur, di Mal Pelayanan Publik sejak 1 Juli 2024.",
        "address": "Mal Pelayanan Publik Kabupaten Lombok Timur, Jl. Prof. M. Yamin, Selong",
        # Approximately where the counter is (for maps and Open311).
        "latitude": Decimal("-8.650300"),
        "longitude": Decimal("116.533100"),
        "city": "Kabupaten Lombok Timur",
        "province": "Nusa Tenggara Barat",
        "postal_code": "83612",
        "time_zone": ServiceUnit.TimeZone.WITA,
        # The Lombok Timur study's "jemput bola" for elderly and disabled residents.
        "home_visit_note": "Petugas berkunjung Selasa dan Kamis ke desa-desa di Kecamatan Selong dan Sakra.",
        "hours": WEEKDAYS_0800_1600,
        "channels": [
            (ContactChannel.Kind.COUNTER, "Loket Dinas Sosial, lantai 1 MPP", ""),
            (ContactChannel.Kind.WHATSAPP, "+62 818 0376 1201", "Layanan informasi"),
            (ContactChannel.Kind.EMAIL, "dinsos@lomboktimurkab.go.id", ""),
            (ContactChannel.Kind.SUGGESTION_BOX, "Kotak saran di depan loket", ""),
        ],
        "services": [
            (
                "Surat rekomendasi PBI-JKN",
                "Rekomendasi kepesertaan Penerima Bantuan Iuran Jaminan Kesehatan Nasional (BPJS Kesehatan) bagi warga tidak mampu.",
            ),
            (
                "Pemutakhiran data DTKS/DTSEN",
                "Pendaftaran, perubahan dan penghapusan data pada Data Tunggal Sosial dan Ekonomi Nasional (PKH, Program Sembako, bansos lain).",
            ),
            (
                "Rekomendasi Kartu Indonesia Pintar (KIP)",
                "Surat rekomendasi Program Indonesia Pintar bagi anak usia sekolah dari keluarga tidak mampu.",
            ),
        ],
    },
    {
        "slug": "ptsp-kecamatan-cakung",
        "agency": "kec-cakung",
        "mall": None,
        "name": "PTSP Kecamatan Cakung",
        "description": "Pelayanan Terpadu Satu Pintu tingkat kecamatan: perizinan dan non-perizinan bagi warga dan pelaku usaha di Cakung.",
        "address": "Kantor Kecamatan Cakung, Jl. Raya Bekasi Km. 17, Jatinegara, Cakung",
        # Approximately where the counter is (for maps and Open311).
        "latitude": Decimal("-6.183700"),
        "longitude": Decimal("106.940000"),
        "city": "Kota Administrasi Jakarta Timur",
        "province": "DKI Jakarta",
        "postal_code": "13930",
        "time_zone": ServiceUnit.TimeZone.WIB,
        "hours": WEEKDAYS_0800_1600,
        "channels": [
            (ContactChannel.Kind.COUNTER, "Ruang PTSP, lantai dasar kantor kecamatan", ""),
            (ContactChannel.Kind.PHONE, "021 4609 1234", ""),
            (ContactChannel.Kind.WHATSAPP, "+62 812 8000 1301", "Pengaduan"),
            (ContactChannel.Kind.SOCIAL, "@ptsp.cakung", "Instagram"),
        ],
        "services": [
            (
                "Izin usaha mikro dan kecil (IUMK)",
                "Izin bagi usaha mikro dan kecil yang berdomisili di wilayah kecamatan.",
            ),
            (
                "Surat keterangan domisili usaha",
                "Keterangan lokasi usaha untuk keperluan perizinan dan perbankan.",
            ),
            (
                "Persetujuan bangunan gedung rumah tinggal",
                "Pengajuan PBG untuk rumah tinggal sederhana.",
            ),
        ],
    },
    {
        "slug": "ptsp-kecamatan-duren-sawit",
        "agency": "kec-duren-sawit",
        "mall": None,
        "name": "PTSP Kecamatan Duren Sawit",
        "description": 'Pelayanan Terpadu Satu Pintu tingkat kecamatan dengan forum dialog warga "Ngopi Dursa" dan layanan jemput bola.',
        "address": "Kantor Kecamatan Duren Sawit, Jl. Raya Kalimalang No. 1, Duren Sawit",
        # Approximately where the counter is (for maps and Open311).
        "latitude": Decimal("-6.240000"),
        "longitude": Decimal("106.917000"),
        "city": "Kota Administrasi Jakarta Timur",
        "province": "DKI Jakarta",
        "postal_code": "13440",
        "time_zone": ServiceUnit.TimeZone.WIB,
        "hours": WEEKDAYS_0800_1600,
        "channels": [
            (ContactChannel.Kind.COUNTER, "Ruang PTSP kantor kecamatan", ""),
            (ContactChannel.Kind.WHATSAPP, "+62 812 8000 1402", "Pengaduan dan informasi"),
            (ContactChannel.Kind.EMAIL, "ptsp.durensawit@jakarta.go.id", ""),
            (ContactChannel.Kind.SOCIAL, "@ptspdurensawit", "Instagram"),
            (ContactChannel.Kind.SUGGESTION_BOX, "Kotak saran di ruang tunggu", ""),
        ],
        "services": [
            (
                "Izin usaha mikro dan kecil (IUMK)",
                "Izin bagi usaha mikro dan kecil yang berdomisili di wilayah kecamatan.",
            ),
            (
                "Surat keterangan domisili usaha",
                "Keterangan lokasi usaha untuk keperluan perizinan dan perbankan.",
            ),
            (
                "Layanan jemput bola bagi lansia dan penyandang disabilitas",
                "Petugas datang ke rumah warga yang tidak dapat hadir ke kantor.",
            ),
        ],
    },
    {
        "slug": "ulpk-bbpom-yogyakarta",
        "agency": "bbpom-yogyakarta",
        "mall": None,
        "name": "Layanan Informasi dan Pengaduan Konsumen BBPOM Yogyakarta",
        "description": "Unit layanan pengaduan konsumen (ULPK): informasi obat dan makanan, pengaduan konsumen, dan tindak lanjut SP4N-LAPOR!.",
        "address": "Jl. Tompeyan I, Tegalrejo, Kota Yogyakarta",
        # Approximately where the counter is (for maps and Open311).
        "latitude": Decimal("-7.783200"),
        "longitude": Decimal("110.354100"),
        "city": "Kota Yogyakarta",
        "province": "DI Yogyakarta",
        "postal_code": "55244",
        "time_zone": ServiceUnit.TimeZone.WIB,
        "hours": WEEKDAYS_0800_1600,
        "channels": [
            (ContactChannel.Kind.PHONE, "0274 561 038", "ULPK"),
            (ContactChannel.Kind.WHATSAPP, "+62 811 2640 0111", ""),
            (ContactChannel.Kind.EMAIL, "ulpk.yogyakarta@pom.go.id", ""),
            (ContactChannel.Kind.WEBSITE, "https://yogyakarta.pom.go.id", ""),
        ],
        "services": [
            (
                "Layanan informasi obat dan makanan",
                "Informasi keamanan, mutu dan legalitas obat, makanan, kosmetik dan suplemen.",
            ),
            ("Pengaduan konsumen", "Pengaduan tentang produk obat dan makanan yang beredar."),
            (
                "Pengujian sampel pihak ketiga",
                "Pengujian laboratorium atas permintaan pelaku usaha atau masyarakat.",
            ),
        ],
    },
]


def load(ctx: DemoContext) -> None:
    agencies: dict[str, Agency] = {}
    for slug, name, short_name, kind, parent in AGENCIES:
        agencies[slug] = upsert(
            Agency,
            slug=slug,
            defaults={
                "name": name,
                "short_name": short_name,
                "kind": kind,
                "parent": agencies[parent] if parent else None,
                "region_code": REGION_CODES[slug],
            },
        )
    mall = upsert(
        ServiceMall,
        slug="mpp-lombok-timur",
        defaults={
            "name": "Mal Pelayanan Publik Kabupaten Lombok Timur",
            "host_agency": agencies["kab-lombok-timur"],
            "address": "Jl. Prof. M. Yamin, Selong, Lombok Timur",
        },
    )
    for spec in UNITS:
        unit = upsert(
            ServiceUnit,
            slug=spec["slug"],
            defaults={
                "agency": agencies[spec["agency"]],
                "mall": mall if spec["mall"] else None,
                "home_visits": bool(spec.get("home_visit_note")),
                "home_visit_note": spec.get("home_visit_note", ""),
                "sipp_code": SIPP_CODES[spec["slug"]],
                **{
                    k: spec[k]
                    for k in (
                        "name",
                        "description",
                        "address",
                        "city",
                        "province",
                        "postal_code",
                        "latitude",
                        "longitude",
                        "time_zone",
                    )
                },
            },
        )
        for weekday, (opens, closes, note) in spec["hours"].items():
            upsert(
                OpeningHours,
                unit=unit,
                weekday=weekday,
                defaults={"opens": opens, "closes": closes, "note": note},
            )
        for position, (kind, value, label) in enumerate(spec["channels"]):
            upsert(
                ContactChannel,
                unit=unit,
                position=position,
                defaults={"kind": kind, "value": value, "label": label},
            )
        for name, description in spec["services"]:
            service = upsert(
                Service,
                unit=unit,
                slug=slugify(name)[:70],
                defaults={"name": name, "description": description},
            )
            ctx.objects[f"service:{unit.slug}:{service.slug}"] = service
        ctx.objects[f"unit:{unit.slug}"] = unit
    for slug, agency in agencies.items():
        ctx.objects[f"agency:{slug}"] = agency
    # The directory's search documents (written only where they differ, so a second run is quiet).
    refresh_search_documents(unit_ids=[ctx.objects[f"unit:{spec['slug']}"].pk for spec in UNITS])
