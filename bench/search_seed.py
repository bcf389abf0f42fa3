"""Seed a database for the unit search benchmark: the demo, then N service units the way a
regency's government lays them out, with their agencies and services, and their search documents
built by ``refresh_search_documents``. Prints one JSON line: the queries to send, by kind.

    python -m bench.search_seed N

Each regency (a made-up name in a real province) has 50 units: the social affairs, civil
registry, one-stop licensing, health, hospital, vehicle tax, land and water offices, ten health
centres and ten sub-district offices, and 22 villages, each with three to five services from
the catalogue below. Place names are made of Indonesian syllables, so the vocabulary grows as a
real one does (some 20,000 words at 25,000 units).
"""

import json
import random
import sys
import time

import django

PROVINCES = [
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu",
    "Lampung", "Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta", "Jawa Barat",
    "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat",
    "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan",
    "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Sulawesi Tengah",
    "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
    "Papua Barat Daya",
]  # fmt: skip
SYLLABLES = (
    "ba be bi bo bu da de di do du ga gi go gu ja jo ju ka ke ki ko ku la le li lo lu ma me mi mo "
    "mu na ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu wa wi wo ya yo "
    "ban bang dung gan jang kan lang mang nga ngu pang ran rang sang tan tang wang"
).split()

# kind: (unit name pattern, agency, [(service, description)])
CATALOGUE = {
    "dinsos": (
        "Loket Dinas Sosial {regency}",
        "Dinas Sosial {regency}",
        [
            ("Surat rekomendasi PBI-JKN", "Rekomendasi kepesertaan Penerima Bantuan Iuran BPJS Kesehatan bagi warga tidak mampu."),
            ("Pemutakhiran data DTKS/DTSEN", "Pendaftaran dan perubahan data pada Data Tunggal Sosial dan Ekonomi Nasional (PKH, bansos)."),
            ("Rekomendasi Kartu Indonesia Pintar (KIP)", "Surat rekomendasi Program Indonesia Pintar bagi anak sekolah."),
            ("Surat keterangan tidak mampu", "Keterangan bagi keringanan biaya sekolah dan rumah sakit."),
        ],
    ),
    "dukcapil": (
        "Dinas Kependudukan dan Pencatatan Sipil {regency}",
        "Disdukcapil {regency}",
        [
            ("Perekaman KTP-el", "Perekaman dan pencetakan Kartu Tanda Penduduk elektronik."),
            ("Kartu Keluarga", "Penerbitan dan perubahan Kartu Keluarga (KK)."),
            ("Akta kelahiran", "Pencatatan kelahiran dan penerbitan akta."),
            ("Akta kematian", "Pencatatan kematian."),
            ("Surat pindah datang", "Surat keterangan pindah dan kedatangan penduduk."),
        ],
    ),
    "ptsp": (
        "Mal Pelayanan Publik {regency}",
        "Dinas Penanaman Modal dan PTSP {regency}",
        [
            ("Nomor Induk Berusaha (NIB)", "Pendampingan pendaftaran izin usaha melalui OSS."),
            ("Persetujuan Bangunan Gedung (PBG)", "Pengganti IMB untuk bangunan rumah dan usaha."),
            ("Izin reklame", "Izin pemasangan reklame."),
            ("Izin praktik tenaga kesehatan", "Surat izin praktik dokter, bidan dan perawat."),
        ],
    ),
    "dinkes": (
        "Dinas Kesehatan {regency}",
        "Dinas Kesehatan {regency}",
        [
            ("Sertifikat laik higiene", "Sertifikat bagi rumah makan dan jasa boga."),
            ("Rekomendasi izin apotek", "Rekomendasi pendirian apotek dan toko obat."),
            ("Pengaduan layanan kesehatan", "Pengaduan tentang puskesmas dan rumah sakit."),
        ],
    ),
    "rsud": (
        "RSUD {regency}",
        "Rumah Sakit Umum Daerah {regency}",
        [
            ("Rawat jalan", "Poliklinik umum dan spesialis, peserta BPJS Kesehatan dan umum."),
            ("Instalasi gawat darurat", "Pelayanan gawat darurat 24 jam."),
            ("Rawat inap", "Perawatan inap kelas I, II dan III."),
            ("Pengaduan pasien JKN", "Pengaduan peserta Jaminan Kesehatan Nasional."),
        ],
    ),
    "samsat": (
        "Samsat {regency}",
        "Badan Pendapatan Daerah Provinsi {province}",
        [
            ("Pajak kendaraan bermotor tahunan", "Pembayaran pajak dan pengesahan STNK."),
            ("Balik nama kendaraan", "Bea balik nama kendaraan bermotor."),
            ("Mutasi kendaraan", "Mutasi keluar dan masuk daerah."),
        ],
    ),
    "bpn": (
        "Kantor Pertanahan {regency}",
        "Badan Pertanahan Nasional",
        [
            ("Pendaftaran tanah pertama kali", "Penerbitan sertifikat hak atas tanah."),
            ("Peralihan hak", "Balik nama sertifikat karena jual beli, hibah atau waris."),
            ("Pengecekan sertifikat", "Pengecekan keabsahan sertifikat tanah."),
        ],
    ),
    "pdam": (
        "Perumda Air Minum {regency}",
        "Perumda Air Minum {regency}",
        [
            ("Sambungan baru", "Pemasangan sambungan air minum ke rumah."),
            ("Pengaduan air tidak mengalir", "Pengaduan gangguan aliran dan kualitas air."),
            ("Pembayaran rekening air", "Pembayaran tagihan bulanan."),
        ],
    ),
    "puskesmas": (
        "Puskesmas {district}",
        "Dinas Kesehatan {regency}",
        [
            ("Pemeriksaan umum", "Pelayanan dokter umum, peserta BPJS Kesehatan dan umum."),
            ("Imunisasi", "Imunisasi dasar lengkap bayi dan balita."),
            ("Kesehatan ibu dan anak", "Pemeriksaan kehamilan dan persalinan."),
            ("Posyandu lansia", "Pemeriksaan kesehatan lanjut usia."),
        ],
    ),
    "kecamatan": (
        "Kantor Kecamatan {district}",
        "Kecamatan {district}",
        [
            ("Surat keterangan domisili", "Keterangan domisili bagi warga dan usaha."),
            ("Pengantar SKCK", "Surat pengantar Surat Keterangan Catatan Kepolisian."),
            ("Izin usaha mikro dan kecil (IUMK)", "Izin bagi usaha mikro di kecamatan."),
            ("Legalisasi dokumen", "Legalisasi surat-surat kependudukan."),
        ],
    ),
    "desa": (
        "Kantor Desa {village}",
        "Kecamatan {district}",
        [
            ("Surat pengantar KTP dan KK", "Pengantar ke kecamatan dan Disdukcapil."),
            ("Surat keterangan domisili", "Keterangan tempat tinggal warga desa."),
            ("Surat keterangan usaha", "Keterangan usaha bagi pelaku UMKM."),
        ],
    ),
}  # fmt: skip
# 50 units a regency: eight offices, ten health centres, ten sub-districts and 22 villages.
LAYOUT = (
    ["dinsos", "dukcapil", "ptsp", "dinkes", "rsud", "samsat", "bpn", "pdam"]
    + ["puskesmas"] * 10
    + ["kecamatan"] * 10
    + ["desa"] * 22
)
ABBREVIATIONS = ["dinsos", "disdukcapil", "ptsp", "bpjs", "kip", "bansos", "dtks", "dtsen", "ktp"]
SINGLE = ["puskesmas", "kependudukan", "sertifikat", "imunisasi", "domisili", "rawat", "reklame"]
TWO = ["akta kelahiran", "surat domisili", "izin usaha", "pajak kendaraan", "posyandu lansia"]
TYPOS = ["kependudukn", "puskesms", "sertifkat", "imunisai", "kelahiarn", "domisli"]


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def _regencies(count: int) -> list[dict]:
    rng = random.Random(2026)
    regencies = []
    for index in range(count):
        name = f"{'Kota' if index % 5 == 4 else 'Kabupaten'} {_name(rng, 3)}"
        districts = [_name(rng, 3) for _ in range(10)]
        villages = [_name(rng, 3) for _ in range(22)]
        province = PROVINCES[index % len(PROVINCES)]
        regencies.append(
            {"name": name, "province": province, "districts": districts, "villages": villages}
        )
    return regencies


def _create(regencies: list[dict], units: int, existing: int) -> None:
    from django.utils.text import slugify

    from pantau.organisations.models import Agency, Service, ServiceUnit

    agencies: dict[str, Agency] = {}

    def agency(name: str) -> Agency:
        if name not in agencies:
            agencies[name] = Agency.objects.get_or_create(
                slug=f"bs-{slugify(name)}"[:80],
                defaults={"name": name, "kind": Agency.Kind.REGIONAL_OFFICE},
            )[0]
        return agencies[name]

    new_units, unit_services = [], []
    for number in range(existing, units):
        regency = regencies[number // len(LAYOUT)]
        slot = number % len(LAYOUT)
        kind = LAYOUT[slot]
        places = {
            "regency": regency["name"],
            "province": regency["province"],
            "district": regency["districts"][slot % 10],
            "village": regency["villages"][slot % 22],
        }
        name_pattern, agency_pattern, services = CATALOGUE[kind]
        new_units.append(
            ServiceUnit(
                agency=agency(agency_pattern.format(**places)),
                name=name_pattern.format(**places),
                slug=f"bs-unit-{number:06d}",
                description=f"Unit layanan {kind} di {places['district']}, {regency['name']}.",
                address=f"Jl. {places['village']} No. {number % 200 + 1}",
                city=regency["name"],
                province=regency["province"],
            )
        )
        unit_services.append(services[: 3 + number % (len(services) - 2)])
    for start in range(0, len(new_units), 2000):
        ServiceUnit.objects.bulk_create(new_units[start : start + 2000])
    by_slug = dict(
        ServiceUnit.objects.filter(slug__in=[u.slug for u in new_units]).values_list("slug", "id")
    )
    rows = [
        Service(unit_id=by_slug[unit.slug], name=name, slug=slugify(name)[:70], description=text)
        for unit, services in zip(new_units, unit_services, strict=True)
        for name, text in services
    ]
    Service.objects.bulk_create(rows, batch_size=5000)


def main() -> None:
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from pantau.common.demo import load_demo
    from pantau.organisations.models import ServiceUnit
    from pantau.organisations.services import refresh_search_documents

    units = int(sys.argv[1])
    call_command("migrate", verbosity=0)
    load_demo(seed=2026, scale=0.1)
    regencies = _regencies(units // len(LAYOUT) + 1)
    existing = ServiceUnit.objects.filter(slug__startswith="bs-unit-").count()
    if existing < units:
        _create(regencies, units, existing)
    began = time.perf_counter()
    refresh_search_documents()
    rebuild = time.perf_counter() - began
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    shown = regencies[: max(1, min(len(regencies), units // len(LAYOUT)))]
    rng = random.Random(7)
    places = [rng.choice(shown) for _ in range(6)]
    print(
        json.dumps(
            {
                "units": ServiceUnit.objects.count(),
                "rebuild_seconds": rebuild,
                "queries": {
                    "single word": SINGLE + [p["name"].split()[1] for p in places],
                    "two words": TWO
                    + [f"puskesmas {p['districts'][3]}" for p in places]
                    + [f"dinas sosial {p['name'].split()[1]}" for p in places],
                    "abbreviation": ABBREVIATIONS
                    + [f"disdukcapil {p['name'].split()[1]}" for p in places],
                    "typo (no result)": TYPOS + [f"puskesms {p['districts'][5]}" for p in places],
                },
            }
        )
    )


if __name__ == "__main__":
    main()
