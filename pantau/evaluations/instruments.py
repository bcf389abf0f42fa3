"""The two PEKPPP instrument versions shipped with Pantau, as data (domain spec section 2).

- ``pekppp-eksisting``: the current instrument (Kode A; aspect weights 24/25/18/11/10/12, the 30
  F-02 indicators of spec 2.4 with their 0–5 criteria, the 14 F-03 items of spec 2.5).
- ``pekppp-17-2017``: PermenPANRB 17/2017 (aspect weights 30/18/15/15/15/7). The spec lists only the
  aspect weights and how many indicators each aspect had (2.3), so only those are loaded and the
  instrument is marked "indicator detail not available"; no criteria are invented.

Values the spec marks as not confirmed (section 8) are loaded with its defaults and flagged
(``*_confirmed = False``) so that administrators see a "not confirmed" badge: the indicator weights
of aspects 2–6 (8.8), the F-02/F-03 blend and the aggregation method (8.7), grade rows C-, D, E (8.10).
Criteria follow the spec's wording; where the spec gives an indicator's rule only in summary (the
mapping of counts to scores is not spelled out), only that summary is loaded.

``load_instruments(apps)`` is idempotent and works with a migration's historical models.
"""

from decimal import Decimal

from pantau.surveys.specs import ItemSpec, OptionSpec, SectionSpec, VersionSpec, build_version

EXISTING_CODE = "pekppp-eksisting"
REGULATION_17_CODE = "pekppp-17-2017"
F03_CODE = "pekppp-f03-kode-a"

D = Decimal

# number, name, weight (%), indicators in the source (17/2017 Kode A), citizen items (17/2017 Kode A)
ASPECTS_EXISTING = [
    (1, "Kebijakan Pelayanan", 24),
    (2, "Profesionalisme SDM", 25),
    (3, "Sarana Prasarana", 18),
    (4, "Sistem Informasi Pelayanan Publik", 11),
    (5, "Konsultasi dan Pengaduan", 10),
    (6, "Inovasi", 12),
]
ASPECTS_17_2017 = [
    (1, "Kebijakan Pelayanan", 30, 13, 9),
    (2, "Profesionalisme SDM", 18, 6, 3),
    (3, "Sarana Prasarana", 15, 7, 5),
    (4, "Sistem Informasi Pelayanan Publik", 15, 5, 3),
    (5, "Konsultasi dan Pengaduan", 15, 4, 2),
    (6, "Inovasi", 7, 1, 0),
]

LEVELS, CUMULATIVE, SUMMARY = "levels", "cumulative", "summary"


def _counted(noun: str, top: str, *, zero: str | None = None, start: int = 1) -> dict[int, str]:
    """Scores that count items: ``start``..4 = that many, 5 = ``top``."""
    criteria = {n: f"{n} {noun}" for n in range(start, 5)}
    criteria[5] = top
    if zero is not None:
        criteria[0] = zero
    return criteria


# number, code, principle, name, weight within aspect (%), weight confirmed, scoring, criteria, summary
INDICATORS = {
    1: [
        (
            1,
            "1.a.Ak",
            "Ak",
            "Standar Pelayanan sesuai ketentuan",
            17,
            True,
            LEVELS,
            {
                0: "Tidak memiliki Standar Pelayanan",
                1: "Memiliki Standar Pelayanan, tetapi tidak memuat 14 komponen",
                2: "Standar Pelayanan memuat 14 komponen",
                3: "Memuat 14 komponen dan telah ditetapkan",
                4: "Memuat 14 komponen, ditetapkan, dan penyusunannya melibatkan masyarakat",
                5: "Memuat 14 komponen, ditetapkan, melibatkan masyarakat, dan dimonitor serta dievaluasi",
            },
            "",
        ),
        (
            2,
            "2.a.P",
            "P",
            "Penyusunan Standar Pelayanan melibatkan masyarakat",
            14,
            True,
            LEVELS,
            {
                0: "Tidak melibatkan masyarakat",
                1: "Melibatkan paling sedikit 1 unsur masyarakat",
                2: "Melibatkan paling sedikit 2 unsur masyarakat",
                3: "Melibatkan paling sedikit 3 unsur masyarakat",
                4: "Melibatkan paling sedikit 4 unsur masyarakat",
                5: "Melibatkan lebih dari 4 unsur masyarakat",
            },
            "Unsur: pengguna layanan; ahli/praktisi/akademisi; instansi terkait; organisasi "
            "masyarakat sipil; media massa.",
        ),
        (
            3,
            "3.a.T",
            "T",
            "Media publikasi Standar Pelayanan (service delivery)",
            7,
            True,
            LEVELS,
            {
                0: "Tidak dipublikasikan",
                1: "Dipublikasikan sebagian",
                2: "Keenam komponen dipublikasikan pada paling sedikit 2 media, belum di SIPPN",
                3: "Dipublikasikan pada 2 media dan SIPPN",
                4: "Dipublikasikan pada 3 media dan SIPPN",
                5: "Dipublikasikan pada paling sedikit 4 media dan SIPPN",
            },
            "",
        ),
        (
            4,
            "4.a.K",
            "K",
            "Peninjauan ulang Standar Pelayanan",
            14,
            True,
            LEVELS,
            {
                0: "Tidak pernah ditinjau ulang",
                1: "Ditinjau ulang 3 tahun sekali atau lebih lama, seluruh Standar Pelayanan",
                2: "Ditinjau ulang 2 tahun sekali, sebagian Standar Pelayanan",
                3: "Ditinjau ulang 2 tahun sekali, seluruh Standar Pelayanan",
                4: "Ditinjau ulang setiap tahun atau lebih sering, sebagian Standar Pelayanan",
                5: "Ditinjau ulang setiap tahun atau lebih sering, seluruh Standar Pelayanan",
            },
            "PP 96/2012 Pasal 33.",
        ),
        (
            5,
            "5.a.K",
            "K",
            "Siklus Maklumat Pelayanan",
            10,
            True,
            LEVELS,
            {
                0: "Tidak memiliki Maklumat Pelayanan",
                1: "Memiliki Maklumat Pelayanan, belum ditetapkan",
                2: "Maklumat ditetapkan, isinya belum sesuai ketentuan",
                3: "Maklumat ditetapkan dan isinya sesuai ketentuan",
                4: "Sesuai ketentuan dan dipublikasikan melalui media non-elektronik",
                5: "Sesuai ketentuan dan dipublikasikan juga melalui media elektronik",
            },
            "",
        ),
        (
            6,
            "6.a.B",
            "B",
            "Survei Kepuasan Masyarakat sesuai PermenPANRB",
            17,
            True,
            LEVELS,
            {
                0: "Tidak melaksanakan SKM",
                1: "SKM tidak sesuai ketentuan",
                2: "SKM sesuai ketentuan",
                3: "SKM sesuai ketentuan dan hasilnya dipublikasikan melalui media non-elektronik",
                4: "SKM sesuai ketentuan dan hasilnya dipublikasikan juga melalui media elektronik",
                5: "SKM sesuai ketentuan, dipublikasikan, dan ditindaklanjuti",
            },
            "PermenPANRB 14/2017.",
        ),
        (
            7,
            "7.a.T",
            "T",
            "Media publikasi hasil SKM",
            7,
            True,
            LEVELS,
            {
                0: "Tidak dipublikasikan",
                1: "Dipublikasikan pada 1 media",
                2: "Dipublikasikan pada 2 media",
                3: "Dipublikasikan pada 3 media",
                4: "Dipublikasikan pada 4 media",
                5: "Dipublikasikan pada lebih dari 4 media",
            },
            "",
        ),
        (
            8,
            "8.a.Ak",
            "Ak",
            "Persentase tindak lanjut hasil SKM",
            7,
            True,
            LEVELS,
            {
                0: "Tidak ada rencana tindak lanjut (RTL)",
                1: "Ada RTL, belum dilaksanakan",
                2: "Kurang dari 30% RTL dilaksanakan",
                3: "30% sampai 80% RTL dilaksanakan",
                4: "Lebih dari 80% RTL dilaksanakan",
                5: "100% RTL dilaksanakan",
            },
            "",
        ),
        (
            9,
            "9.a.Ak",
            "Ak",
            "Kecepatan tindak lanjut hasil SKM",
            7,
            True,
            LEVELS,
            {
                0: "Tidak ditindaklanjuti",
                1: "Ditindaklanjuti dalam 1 tahun atau kurang",
                2: "Ditindaklanjuti dalam 9 bulan atau kurang",
                3: "Ditindaklanjuti dalam 6 bulan atau kurang",
                4: "Ditindaklanjuti dalam 3 bulan atau kurang",
                5: "Ditindaklanjuti dalam 1 bulan atau kurang",
            },
            "",
        ),
    ],
    2: [
        (
            10,
            "10.b.As",
            "As",
            "Waktu pelayanan",
            10,
            False,
            SUMMARY,
            {},
            "Jam kerja sesuai ketentuan, ditambah 0 sampai 4 atau lebih dari: layanan shift tanpa "
            "istirahat; penambahan jam layanan; layanan pada hari libur dalam kondisi tertentu; "
            "layanan rutin pada hari libur; layanan 24 jam.",
        ),
        (
            11,
            "11.b.K",
            "K",
            "Kode etik dan kode perilaku pelaksana",
            20,
            False,
            SUMMARY,
            {},
            "Memuat hak dan kewajiban, ditambah 0 sampai 4 dari: larangan KKN; larangan "
            "diskriminasi; sanksi; penghargaan.",
        ),
        (
            12,
            "12.b.Ak",
            "Ak",
            "Motivasi kerja pelaksana",
            20,
            False,
            LEVELS,
            _counted(
                "jenis motivasi kerja",
                "Lebih dari 4 jenis motivasi kerja",
                zero="Tidak ada bentuk motivasi kerja",
            ),
            "",
        ),
        (
            13,
            "13.b.K",
            "K",
            "Penghargaan bagi pegawai berprestasi",
            20,
            False,
            LEVELS,
            {
                1: "1–2 unsur penilaian, tanpa unsur kinerja",
                2: "3–5 unsur penilaian, tanpa unsur kinerja",
                3: "1–2 unsur penilaian, termasuk kinerja",
                4: "3–4 unsur penilaian, termasuk kinerja",
                5: "5–6 unsur penilaian, termasuk kinerja",
            },
            "Unsur: kehadiran; kinerja; kerja sama; inovatif; penampilan; bebas komplain.",
        ),
        (
            14,
            "14.b.K",
            "K",
            "Budaya pelayanan",
            30,
            False,
            LEVELS,
            {
                0: "Tidak ada unsur budaya pelayanan",
                **{n: f"{n} dari 5 unsur budaya pelayanan" for n in range(1, 6)},
            },
            "Unsur: seragam; nametag; PIN/atribut; 5S; slogan/motto/maskot.",
        ),
    ],
    3: [
        (
            15,
            "15.c.K",
            "K",
            "Tempat parkir",
            15,
            False,
            LEVELS,
            _counted("unsur fasilitas parkir", "5 unsur atau lebih"),
            "Unsur: pemisahan parkir roda 2/roda 4; petugas parkir; karcis; CCTV; penitipan helm; "
            "kanopi; drive-thru.",
        ),
        (
            16,
            "16.c.As",
            "As",
            "Ruang tunggu",
            23,
            False,
            SUMMARY,
            {},
            "Wajib tersedia kursi dan sirkulasi udara, ditambah 0 sampai 4 atau lebih fasilitas "
            "tambahan.",
        ),
        (
            17,
            "17.c.As",
            "As",
            "Toilet",
            20,
            False,
            LEVELS,
            _counted("kondisi toilet terpenuhi", "Lebih dari 4 kondisi toilet terpenuhi"),
            "",
        ),
        (
            18,
            "18.c.K",
            "K",
            "Sarana prasarana bagi kelompok rentan",
            14,
            False,
            LEVELS,
            {
                0: "Tidak tersedia",
                1: "1–3 jenis sarana prasarana",
                2: "4–6 jenis sarana prasarana",
                3: "7–9 jenis sarana prasarana",
                4: "10–12 jenis sarana prasarana",
                5: "13 jenis atau lebih dari 14 jenis sarana prasarana",
            },
            "Daftar SE MenPANRB 66/2020 (13 jenis): kursi roda; pintu mudah diakses; jalan landai; "
            "lift khusus; selasar penghubung; toilet khusus; loket khusus; ruang tunggu khusus; "
            "guiding block; parkir khusus; alat bantu tunanetra/tunarungu; area bermain anak; "
            "ruang laktasi. Jenis ke-14 belum terkonfirmasi.",
        ),
        (
            19,
            "19.c.As",
            "As",
            "Sarana prasarana penunjang",
            14,
            False,
            LEVELS,
            _counted(
                "jenis sarana penunjang",
                "5 jenis atau lebih",
                zero="Tidak tersedia sarana penunjang",
            ),
            "",
        ),
        (
            20,
            "20.c.B",
            "B",
            "Front office / pusat informasi",
            14,
            False,
            LEVELS,
            _counted(
                "fasilitas front office",
                "5 fasilitas atau lebih",
                zero="Tidak tersedia fasilitas front office",
            ),
            "",
        ),
    ],
    4: [
        (
            21,
            "21.d.T",
            "T",
            "SIPP: penyajian informasi publik",
            25,
            False,
            LEVELS,
            {
                0: "Tidak ada sistem informasi",
                1: "Informasi disampaikan lisan melalui meja informasi",
                2: "Ditambah papan informasi/media cetak",
                3: "Media elektronik luring (kios informasi/TV)",
                4: "Daring (situs web)",
                5: "Daring dan terhubung ke SIPP Nasional dengan layanan telah diinput",
            },
            "PermenPANRB 13/2017.",
        ),
        (
            22,
            "22.d.B",
            "B",
            "SIPP pendukung",
            25,
            False,
            LEVELS,
            _counted("sistem informasi pendukung", "Lebih dari 4 sistem informasi pendukung"),
            "Contoh: SP4N-LAPOR!, SKM, SIMPEG, FAQ, keuangan. Boleh dikelola unit lain di "
            "instansi yang sama.",
        ),
        (
            23,
            "23.d.As",
            "As",
            "Kualitas SIPP elektronik",
            25,
            False,
            CUMULATIVE,
            {
                1: "Mudah digunakan",
                2: "Mudah diakses",
                3: "Navigasi jelas",
                4: "Berdomain .go.id",
                5: "Kompatibel",
            },
            "",
        ),
        (
            24,
            "24.d.T",
            "T",
            "Pemutakhiran data SIPP",
            25,
            False,
            LEVELS,
            {
                0: "Tidak pernah dimutakhirkan",
                1: "Dimutakhirkan setiap tahun",
                2: "Dimutakhirkan setiap semester",
                3: "Dimutakhirkan setiap bulan",
                4: "Dimutakhirkan setiap minggu",
                5: "Dimutakhirkan setiap hari dan rinci",
            },
            "",
        ),
    ],
    5: [
        (
            25,
            "25.e.P",
            "P",
            "Sarana pengaduan tatap muka",
            25,
            False,
            LEVELS,
            _counted("sarana pengaduan", "5 sarana atau lebih"),
            "Sarana: kotak saran; ruang khusus; petugas khusus; minuman; buku register; publikasi "
            "mekanisme pengaduan.",
        ),
        (
            26,
            "26.e.P",
            "P",
            "Media pengaduan",
            25,
            False,
            LEVELS,
            {
                1: "Luring, bergabung dengan front office",
                2: "Luring, terpisah",
                3: "Luring bergabung dengan front office, dan daring",
                4: "Luring terpisah, dan daring",
                5: "Luring terpisah, dan SP4N-LAPOR!",
            },
            "",
        ),
        (
            27,
            "27.e.Ak",
            "Ak",
            "Akuntabilitas pengelolaan pengaduan",
            25,
            False,
            CUMULATIVE,
            {
                1: "Pengaduan diarsipkan",
                2: "Dibuat laporan",
                3: "Dimonitor dan dievaluasi",
                4: "Ditindaklanjuti",
                5: "Dipublikasikan",
            },
            "",
        ),
        (
            28,
            "28.e.Ak",
            "Ak",
            "Tindak lanjut pengaduan",
            25,
            False,
            LEVELS,
            {
                1: "Kurang dari 50% ditindaklanjuti di luar SP4N-LAPOR!",
                2: "50% atau lebih ditindaklanjuti di luar SP4N-LAPOR!",
                3: "Kurang dari 50% ditindaklanjuti melalui SP4N-LAPOR!",
                4: "50% sampai kurang dari 90% ditindaklanjuti melalui SP4N-LAPOR!",
                5: "90% atau lebih ditindaklanjuti melalui SP4N-LAPOR!",
            },
            "PermenPANRB 62/2018.",
        ),
    ],
    6: [
        (
            29,
            "29.f.B",
            "B",
            "Penciptaan inovasi pelayanan",
            50,
            False,
            LEVELS,
            {
                1: "Tahap pembelajaran",
                2: "Inovasi berjalan kurang dari 1 tahun",
                3: "Lebih dari 1 tahun, tidak diikutkan kompetisi",
                4: "Lebih dari 1 tahun, diikutkan kompetisi",
                5: "Menjadi pemenang kompetisi pada tingkat mana pun",
            },
            "PermenPANRB 91/2021.",
        ),
        (
            30,
            "30.f.B",
            "B",
            "Keberlanjutan inovasi",
            50,
            False,
            LEVELS,
            {
                1: "Rancangan dasar hukum",
                2: "Memiliki dasar hukum",
                3: "Dasar hukum ditambah 1 dari: anggaran; sarana prasarana; SDM/SK tim",
                4: "Dasar hukum ditambah 2 dari: anggaran; sarana prasarana; SDM/SK tim",
                5: "Dasar hukum ditambah 3 dari: anggaran; sarana prasarana; SDM/SK tim",
            },
            "",
        ),
    ],
}

# F-03 Kode A (spec 2.5): aspect number -> (key, short label, question)
CITIZEN_ITEMS = {
    1: [
        ("persyaratan", "Persyaratan", "Seberapa mudah persyaratan pelayanan dipenuhi?"),
        ("prosedur", "Prosedur", "Seberapa mudah prosedur pelayanan diikuti?"),
        ("tarif", "Tarif", "Apakah tarif/biaya yang dibayar sesuai dengan yang diinformasikan?"),
        ("waktu", "Waktu", "Apakah waktu penyelesaian sesuai dengan yang diinformasikan?"),
    ],
    2: [
        ("jam-layanan", "Jam layanan", "Bagaimana jam layanan unit ini?"),
        ("responsif", "Responsivitas", "Seberapa cepat petugas menanggapi kebutuhan Anda?"),
        ("sikap", "Sikap petugas", "Bagaimana sikap petugas dalam melayani?"),
    ],
    3: [
        ("parkir", "Parkir", "Bagaimana tempat parkir?"),
        ("ruang-tunggu", "Ruang tunggu", "Bagaimana ruang tunggu?"),
        ("toilet", "Toilet", "Bagaimana toilet?"),
        ("sarpras-penunjang", "Sarpras penunjang", "Bagaimana sarana prasarana penunjang?"),
    ],
    4: [
        ("info-daring", "Informasi daring", "Bagaimana informasi pelayanan secara daring?"),
        ("info-lokasi", "Informasi di lokasi", "Bagaimana informasi pelayanan di lokasi?"),
    ],
    5: [
        (
            "akses-pengaduan",
            "Konsultasi dan pengaduan",
            "Seberapa mudah Anda mengakses sarana konsultasi dan pengaduan?",
        ),
    ],
}

# grade, label, low, high, confirmed (spec 2.8; C-, D, E not confirmed, 8.10)
GRADES = [
    ("A", "Pelayanan Prima", "4.51", "5.00", True),
    ("A-", "Sangat Baik", "4.01", "4.50", True),
    ("B", "Baik", "3.51", "4.00", True),
    ("B-", "Baik (dengan catatan)", "3.01", "3.50", True),
    ("C", "Cukup", "2.51", "3.00", True),
    ("C-", "Cukup (dengan catatan)", "2.01", "2.50", False),
    ("D", "Buruk", "1.51", "2.00", False),
    ("E", "Gagal", "0.00", "1.50", False),
]

SOURCES = (
    "Bobot aspek: paparan PEKPPP KemenPANRB 2023. Indikator dan kriteria: domain spec 2.4 "
    "(pekppp-guide f02.json, yusharnadi, deck-2025). Huruf prinsip pada kode indikator "
    "disimpulkan (belum terkonfirmasi). Metode agregasi dan bobot F-02/F-03 75/25: default "
    "domain spec 8.7, belum terkonfirmasi."
)


def _citizen_version(apps):
    """The F-03 form on the questionnaire engine (purpose PEKPPP_CITIZEN, 0–5 items)."""
    Instrument = apps.get_model("surveys", "Instrument")
    InstrumentVersion = apps.get_model("surveys", "InstrumentVersion")
    instrument, _ = Instrument.objects.get_or_create(
        code=F03_CODE,
        defaults={
            "name": "Formulir F-03 PEKPPP (pengguna layanan, Kode A)",
            "purpose": "pekppp_citizen",
            "description": "14 pertanyaan bernilai 0–5 untuk pengguna layanan (domain spec 2.5).",
        },
    )
    version = InstrumentVersion.objects.filter(instrument=instrument).order_by("-number").first()
    if version is not None:
        return version
    return build_version(instrument, number=1, spec=citizen_spec(), apps=apps)


def citizen_spec() -> VersionSpec:
    """F-03: a section per aspect, its items numbered F1… across the form, each answered 0–5."""
    sections = []
    position = 0
    for aspect_number, items in CITIZEN_ITEMS.items():
        specs = []
        for key, label, question in items:
            position += 1
            specs.append(
                ItemSpec(
                    key=f"a{aspect_number}-{key}",
                    code=f"F{position}",
                    position=position,
                    text=question,
                    short_label=label,
                    kind="scored",
                    min_value=0,
                    max_value=5,
                    options=tuple(OptionSpec(value=v, label=str(v)) for v in range(6)),
                )
            )
        sections.append(
            SectionSpec(
                kind="scored", title=ASPECTS_EXISTING[aspect_number - 1][1], items=tuple(specs)
            )
        )
    return VersionSpec(sections=tuple(sections))


def _grades(GradeBand, instrument) -> None:
    for grade, label, low, high, confirmed in GRADES:
        GradeBand.objects.get_or_create(
            instrument=instrument,
            grade=grade,
            defaults={"label": label, "low": D(low), "high": D(high), "confirmed": confirmed},
        )


def load_instruments(apps) -> None:
    EvaluationInstrument = apps.get_model("evaluations", "EvaluationInstrument")
    Aspect = apps.get_model("evaluations", "Aspect")
    Indicator = apps.get_model("evaluations", "Indicator")
    Criterion = apps.get_model("evaluations", "Criterion")
    GradeBand = apps.get_model("evaluations", "GradeBand")

    citizen = _citizen_version(apps)
    existing, created = EvaluationInstrument.objects.get_or_create(
        code=EXISTING_CODE,
        number=1,
        defaults={
            "name": "Instrumen PEKPPP Eksisting (Kode A)",
            "regulation": "PermenPANRB 29/2022 jo. 4/2023; Pedoman MenPANRB 1/2022",
            "description": "6 aspek, 30 indikator F-02 bernilai 0–5, 14 pertanyaan F-03.",
            "citizen_version": citizen,
            "source_note": SOURCES,
        },
    )
    if created:
        for number, name, weight in ASPECTS_EXISTING:
            aspect = Aspect.objects.create(
                instrument=existing,
                number=number,
                name=name,
                weight=D(weight) / 100,
                expected_indicators=len(INDICATORS[number]),
                expected_citizen_items=len(CITIZEN_ITEMS.get(number, [])),
            )
            for row in INDICATORS[number]:
                num, code, principle, title, w, confirmed, scoring, criteria, summary = row
                indicator = Indicator.objects.create(
                    aspect=aspect,
                    number=num,
                    code=code,
                    principle=principle,
                    name=title,
                    weight=D(w) / 100,
                    weight_confirmed=confirmed,
                    scoring=scoring,
                    summary=summary,
                )
                Criterion.objects.bulk_create(
                    Criterion(indicator=indicator, score=score, text=text)
                    for score, text in sorted(criteria.items())
                )
        _grades(GradeBand, existing)

    old, created = EvaluationInstrument.objects.get_or_create(
        code=REGULATION_17_CODE,
        number=1,
        defaults={
            "name": "Instrumen PermenPANRB 17/2017",
            "regulation": "PermenPANRB 17/2017",
            "description": (
                "Bobot aspek 30/18/15/15/15/7. Rincian indikator dan kriteria tidak tersedia "
                "dalam sumber; hanya jumlah indikator per aspek (F-02 Kode A: 13/6/7/5/4/1)."
            ),
            "indicators_available": False,
            "source_note": (
                "Paparan PEKPPP KemenPANRB 2023 (tabel bobot aspek dan jumlah indikator). "
                "Tabel sumber menjumlahkan 37 indikator F-02, padahal rinciannya berjumlah 36."
            ),
        },
    )
    if created:
        for number, name, weight, indicators, citizen_items in ASPECTS_17_2017:
            Aspect.objects.create(
                instrument=old,
                number=number,
                name=name,
                weight=D(weight) / 100,
                expected_indicators=indicators,
                expected_citizen_items=citizen_items,
            )
        _grades(GradeBand, old)
