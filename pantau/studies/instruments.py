"""The perception-study instruments Pantau ships, as data on the questionnaire engine.

Written for this project after the five New Public Service dimensions studied in Indonesian
social-welfare services (domain spec 6.1, 6.3): each dimension is a scored section, each statement an
item answered on a 1–5 Likert scale. Form A (service recipients, "Petugas …") and Form B (service
providers, "Saya …/Unit kami …") are parallel: an item of A and its counterpart in B share their key
and code (e.g. ``SNS_1``), which is how the gap analysis pairs them. A dimension's code is the part
of the item code before the underscore.

Form A also carries the service-quality dimensions (variable Y), so that the effect of X on Y can be
estimated on the same respondents; the service-quality instrument also ships on its own.
"""

from django.db import transaction

from pantau.surveys.models import Instrument, InstrumentVersion, Item, Section
from pantau.surveys.specs import ItemSpec, OptionSpec, SectionSpec, VersionSpec
from pantau.surveys.specs import build_version as build_spec_version

DEFAULT_LABELS = ("Sangat tidak setuju", "Tidak setuju", "Ragu-ragu", "Setuju", "Sangat setuju")
DEFAULT_LABELS_EN = ("Strongly disagree", "Disagree", "Undecided", "Agree", "Strongly agree")

FORM_A = "nps-penerima"
FORM_B = "nps-pelaksana"
FORM_A7 = "nps7-penerima"
FORM_B7 = "nps7-pelaksana"
QUALITY = "kualitas-layanan"
# A study uses one pair of parallel forms.
FORM_SETS = {"nps5": (FORM_A, FORM_B), "nps7": (FORM_A7, FORM_B7)}

# (code, title, title_en, [(recipient statement, provider statement, English, reverse)])
NPS_DIMENSIONS = [
    (
        "SNS",
        "Melayani, bukan mengarahkan",
        "Serving, not steering",
        [
            (
                "Petugas menanyakan kebutuhan saya sebelum menjelaskan layanan yang tersedia.",
                "Saya menanyakan kebutuhan warga sebelum menjelaskan layanan yang tersedia.",
                "Staff ask about the citizen's needs before explaining the services.",
                False,
            ),
            (
                "Petugas membantu saya menemukan jalan keluar, bukan sekadar memerintah.",
                "Saya membantu warga menemukan jalan keluar, bukan sekadar memberi perintah.",
                "Staff help find a way forward rather than give orders.",
                False,
            ),
            (
                "Petugas menyesuaikan cara melayani dengan keadaan saya.",
                "Saya menyesuaikan cara melayani dengan keadaan setiap warga.",
                "Staff adapt how they serve to the citizen's situation.",
                False,
            ),
            (
                "Petugas lebih mementingkan aturan daripada membantu menyelesaikan urusan saya.",
                "Saya lebih mementingkan aturan daripada membantu menyelesaikan urusan warga.",
                "Staff put rules before helping to settle the matter (reversed).",
                True,
            ),
        ],
    ),
    (
        "NPL",
        "Nilai-nilai pelayanan publik",
        "Public service values",
        [
            (
                "Petugas bekerja secara profesional dan menguasai prosedur layanan.",
                "Saya bekerja secara profesional dan menguasai prosedur layanan.",
                "Staff work professionally and know the procedures.",
                False,
            ),
            (
                "Petugas memperlakukan semua warga secara adil tanpa membeda-bedakan.",
                "Unit kami memperlakukan semua warga secara adil tanpa membeda-bedakan.",
                "All citizens are treated fairly and equally.",
                False,
            ),
            (
                "Petugas jujur dan tidak meminta imbalan di luar ketentuan.",
                "Unit kami jujur dan tidak menerima imbalan di luar ketentuan.",
                "Staff are honest and ask for no payment beyond the rules.",
                False,
            ),
            (
                "Petugas menepati janji waktu penyelesaian layanan.",
                "Unit kami menepati janji waktu penyelesaian layanan.",
                "The promised completion time is kept.",
                False,
            ),
        ],
    ),
    (
        "WRG",
        "Melayani warga negara, bukan pelanggan",
        "Serving citizens, not customers",
        [
            (
                "Petugas memperlakukan saya sebagai warga yang berhak atas layanan.",
                "Saya memperlakukan warga sebagai pemilik hak atas layanan.",
                "Citizens are treated as holders of a right to the service.",
                False,
            ),
            (
                "Petugas menjelaskan hak dan kewajiban saya dalam layanan ini.",
                "Saya menjelaskan hak dan kewajiban warga dalam layanan ini.",
                "Staff explain the citizen's rights and duties.",
                False,
            ),
            (
                "Petugas memberi perhatian yang sama kepada warga rentan (lansia, disabilitas).",
                "Unit kami memberi perhatian yang sama kepada warga rentan (lansia, disabilitas).",
                "Vulnerable citizens get the same attention.",
                False,
            ),
            (
                "Petugas menghargai pendapat saya tentang layanan.",
                "Saya menghargai pendapat warga tentang layanan.",
                "The citizen's opinion of the service is valued.",
                False,
            ),
        ],
    ),
    (
        "SDA",
        "Berpikir strategis dan bertindak demokratis",
        "Thinking strategically, acting democratically",
        [
            (
                "Warga diajak menyampaikan usulan ketika aturan layanan disusun atau diubah.",
                "Unit kami mengajak warga menyampaikan usulan ketika aturan layanan disusun atau diubah.",
                "Citizens are invited to propose when service rules are set or changed.",
                False,
            ),
            (
                "Ada forum dialog atau musyawarah tempat warga membahas layanan ini.",
                "Unit kami mengadakan forum dialog atau musyawarah dengan warga tentang layanan.",
                "A dialogue forum or deliberation on the service exists.",
                False,
            ),
            (
                "Layanan cukup luwes untuk kebutuhan khusus warga.",
                "Layanan unit kami cukup luwes untuk kebutuhan khusus warga.",
                "The service is flexible enough for specific needs.",
                False,
            ),
            (
                "Usulan warga jarang sekali ditindaklanjuti.",
                "Usulan warga jarang sekali kami tindak lanjuti.",
                "Citizens' proposals are seldom acted on (reversed).",
                True,
            ),
        ],
    ),
    (
        "AKT",
        "Akuntabilitas dan transparansi",
        "Accountability and transparency",
        [
            (
                "Informasi persyaratan, biaya dan waktu layanan mudah saya peroleh.",
                "Unit kami menyediakan informasi persyaratan, biaya dan waktu layanan yang mudah diperoleh.",
                "Information on requirements, cost and time is easy to get.",
                False,
            ),
            (
                "Saya tahu ke mana menyampaikan pengaduan tentang layanan ini.",
                "Unit kami memberi tahu warga ke mana menyampaikan pengaduan.",
                "Citizens know where to complain.",
                False,
            ),
            (
                "Pengaduan warga ditangani dengan sungguh-sungguh.",
                "Unit kami menangani pengaduan warga dengan sungguh-sungguh.",
                "Complaints are handled seriously.",
                False,
            ),
            (
                "Petugas menjelaskan tindak lanjut pengaduan atau keputusan kepada saya.",
                "Saya menjelaskan tindak lanjut pengaduan atau keputusan kepada warga.",
                "Staff explain how a complaint or decision is followed up.",
                False,
            ),
        ],
    ),
]

# The alternative instrument: Denhardt & Denhardt's seven principles (domain spec 6.3), same layout.
PRINCIPLES_DIMENSIONS = [
    (
        "PWN",
        "Melayani warga negara, bukan pelanggan",
        "Serve citizens, not customers",
        [
            (
                "Petugas memperlakukan saya sebagai warga yang berhak, bukan sebagai pembeli jasa.",
                "Saya memperlakukan warga sebagai pemilik hak, bukan sebagai pembeli jasa.",
                "Citizens are treated as holders of rights, not as buyers.",
                False,
            ),
            (
                "Petugas membangun kepercayaan dengan warga.",
                "Unit kami membangun kepercayaan dengan warga.",
                "Staff build trust with citizens.",
                False,
            ),
            (
                "Petugas memperhatikan kebutuhan warga yang paling lemah.",
                "Unit kami memperhatikan kebutuhan warga yang paling lemah.",
                "The needs of the weakest citizens are looked after.",
                False,
            ),
            (
                "Petugas hanya melayani warga yang dianggap menguntungkan.",
                "Unit kami lebih mengutamakan warga yang dianggap menguntungkan.",
                "Only citizens seen as profitable are served (reversed).",
                True,
            ),
        ],
    ),
    (
        "KPU",
        "Mengutamakan kepentingan publik",
        "Seek the public interest",
        [
            (
                "Keputusan petugas mengutamakan kepentingan bersama warga.",
                "Keputusan saya mengutamakan kepentingan bersama warga.",
                "Decisions put the shared interest of citizens first.",
                False,
            ),
            (
                "Petugas menjelaskan alasan keputusan layanan kepada warga.",
                "Saya menjelaskan alasan keputusan layanan kepada warga.",
                "The reasons for decisions are explained.",
                False,
            ),
            (
                "Layanan ini bebas dari kepentingan pribadi petugas.",
                "Layanan unit kami bebas dari kepentingan pribadi petugas.",
                "The service is free of staff's private interests.",
                False,
            ),
            (
                "Petugas mengajak warga memahami tujuan bersama program layanan.",
                "Saya mengajak warga memahami tujuan bersama program layanan.",
                "Citizens are helped to understand the programme's shared aims.",
                False,
            ),
        ],
    ),
    (
        "KWN",
        "Menghargai kewarganegaraan di atas kewirausahaan",
        "Value citizenship over entrepreneurship",
        [
            (
                "Petugas mendorong warga ikut menentukan cara layanan diberikan.",
                "Unit kami mendorong warga ikut menentukan cara layanan diberikan.",
                "Citizens are encouraged to shape how the service is given.",
                False,
            ),
            (
                "Petugas lebih mementingkan target angka daripada kebutuhan warga.",
                "Unit kami lebih mementingkan target angka daripada kebutuhan warga.",
                "Numeric targets come before citizens' needs (reversed).",
                True,
            ),
            (
                "Warga diberi kesempatan menyampaikan gagasan perbaikan layanan.",
                "Unit kami memberi warga kesempatan menyampaikan gagasan perbaikan layanan.",
                "Citizens can put forward ideas to improve the service.",
                False,
            ),
            (
                "Petugas menghargai peran warga dan lembaga kesejahteraan sosial.",
                "Unit kami menghargai peran warga dan lembaga kesejahteraan sosial.",
                "The role of citizens and social welfare institutions is valued.",
                False,
            ),
        ],
    ),
    (
        "BSD",
        "Berpikir strategis, bertindak demokratis",
        "Think strategically, act democratically",
        [
            (
                "Rencana layanan disusun bersama warga.",
                "Unit kami menyusun rencana layanan bersama warga.",
                "Service plans are made together with citizens.",
                False,
            ),
            (
                "Ada forum musyawarah tentang layanan yang dapat saya ikuti.",
                "Unit kami mengadakan forum musyawarah tentang layanan yang terbuka bagi warga.",
                "There is an open deliberation forum on the service.",
                False,
            ),
            (
                "Hasil musyawarah dengan warga benar-benar dilaksanakan.",
                "Unit kami melaksanakan hasil musyawarah dengan warga.",
                "Agreements reached with citizens are carried out.",
                False,
            ),
            (
                "Layanan disesuaikan ketika kebutuhan warga berubah.",
                "Unit kami menyesuaikan layanan ketika kebutuhan warga berubah.",
                "The service adapts when citizens' needs change.",
                False,
            ),
        ],
    ),
    (
        "AKN",
        "Akuntabilitas bukan hal sederhana",
        "Recognise that accountability is not simple",
        [
            (
                "Petugas mematuhi hukum sekaligus nilai dan norma masyarakat.",
                "Saya mematuhi hukum sekaligus nilai dan norma masyarakat.",
                "Staff follow the law as well as community values.",
                False,
            ),
            (
                "Petugas mempertanggungjawabkan keputusannya kepada warga.",
                "Saya mempertanggungjawabkan keputusan saya kepada warga.",
                "Staff answer to citizens for their decisions.",
                False,
            ),
            (
                "Informasi kinerja layanan diumumkan secara berkala.",
                "Unit kami mengumumkan informasi kinerja layanan secara berkala.",
                "Service performance is published regularly.",
                False,
            ),
            (
                "Pengaduan warga ditindaklanjuti dan hasilnya dijelaskan.",
                "Unit kami menindaklanjuti pengaduan warga dan menjelaskan hasilnya.",
                "Complaints are followed up and the outcome explained.",
                False,
            ),
        ],
    ),
    (
        "MBM",
        "Melayani, bukan mengarahkan",
        "Serve rather than steer",
        [
            (
                "Petugas membantu saya, bukan sekadar memberi perintah.",
                "Saya membantu warga, bukan sekadar memberi perintah.",
                "Staff help rather than give orders.",
                False,
            ),
            (
                "Petugas mendengarkan sebelum memberi jalan keluar.",
                "Saya mendengarkan warga sebelum memberi jalan keluar.",
                "Staff listen before offering a solution.",
                False,
            ),
            (
                "Petugas mendampingi saya sampai urusan selesai.",
                "Saya mendampingi warga sampai urusannya selesai.",
                "Staff accompany the citizen until the matter is settled.",
                False,
            ),
            (
                "Petugas menghubungkan saya dengan layanan lain yang saya perlukan.",
                "Saya menghubungkan warga dengan layanan lain yang mereka perlukan.",
                "Staff connect the citizen with other services needed.",
                False,
            ),
        ],
    ),
    (
        "MMN",
        "Menghargai manusia, bukan sekadar produktivitas",
        "Value people, not just productivity",
        [
            (
                "Petugas bersikap hormat dan ramah kepada saya.",
                "Saya bersikap hormat dan ramah kepada setiap warga.",
                "Staff are respectful and friendly.",
                False,
            ),
            (
                "Petugas tidak terburu-buru ketika saya membutuhkan penjelasan.",
                "Saya tidak terburu-buru ketika warga membutuhkan penjelasan.",
                "Staff take time when an explanation is needed.",
                False,
            ),
            (
                "Petugas tampak bekerja dengan semangat dan dihargai oleh unitnya.",
                "Saya merasa dihargai oleh unit kami dalam bekerja.",
                "Staff work with spirit and are valued by their unit.",
                False,
            ),
            (
                "Petugas memperhatikan martabat warga lansia dan penyandang disabilitas.",
                "Saya memperhatikan martabat warga lansia dan penyandang disabilitas.",
                "The dignity of elderly and disabled citizens is respected.",
                False,
            ),
        ],
    ),
]

# (code, title, title_en, [(statement, English)])
QUALITY_DIMENSIONS = [
    (
        "KPS",
        "Kepuasan penerima layanan",
        "Recipient satisfaction",
        [
            ("Saya puas dengan layanan yang saya terima.", "I am satisfied with the service."),
            (
                "Hasil layanan sesuai dengan yang saya harapkan.",
                "The result matches what I expected.",
            ),
            (
                "Saya akan menyarankan layanan ini kepada orang lain.",
                "I would recommend this service.",
            ),
            (
                "Sikap petugas membuat saya nyaman.",
                "The staff's manner made me comfortable.",
            ),
        ],
    ),
    (
        "AKS",
        "Aksesibilitas layanan",
        "Accessibility",
        [
            ("Tempat layanan mudah saya jangkau.", "The service point is easy to reach."),
            (
                "Jam layanan sesuai dengan waktu luang saya.",
                "The opening hours suit me.",
            ),
            (
                "Persyaratan layanan mudah saya penuhi.",
                "The requirements are easy to meet.",
            ),
            (
                "Layanan dapat diakses oleh warga lansia dan penyandang disabilitas.",
                "Elderly and disabled citizens can use the service.",
            ),
        ],
    ),
    (
        "EFK",
        "Efektivitas pelayanan",
        "Effectiveness",
        [
            ("Urusan saya selesai tepat waktu.", "My matter was settled on time."),
            (
                "Saya tidak perlu datang berulang kali untuk urusan yang sama.",
                "I did not have to come back for the same matter.",
            ),
            (
                "Layanan ini membantu saya memperoleh bantuan yang saya perlukan.",
                "The service helped me get the aid I need.",
            ),
            (
                "Dokumen yang saya terima benar dan lengkap.",
                "The documents I received were correct and complete.",
            ),
        ],
    ),
]

QUALITY_CODES = tuple(code for code, *_rest in QUALITY_DIMENSIONS)
NPS_CODES = tuple(code for code, *_rest in NPS_DIMENSIONS)

# (key, label, label_en, options)
RECIPIENT_DEMOGRAPHICS = [
    (
        "jenis-kelamin",
        "Jenis kelamin",
        "Gender",
        [(1, "Laki-laki", "Male"), (2, "Perempuan", "Female")],
    ),
    (
        "usia",
        "Kelompok usia",
        "Age band",
        [
            (1, "Di bawah 25 tahun", "Under 25"),
            (2, "25–39 tahun", "25–39"),
            (3, "40–54 tahun", "40–54"),
            (4, "55 tahun ke atas", "55 or older"),
        ],
    ),
    (
        "pendidikan",
        "Pendidikan terakhir",
        "Education",
        [
            (1, "SD atau tidak sekolah", "Primary school or none"),
            (2, "SMP", "Junior secondary"),
            (3, "SMA/SMK", "Senior secondary"),
            (4, "Diploma/Sarjana atau lebih", "Diploma, degree or higher"),
        ],
    ),
    (
        "pekerjaan",
        "Pekerjaan",
        "Occupation",
        [
            (1, "Tidak bekerja/ibu rumah tangga", "Not working or homemaker"),
            (2, "Petani/nelayan/buruh", "Farmer, fisher or labourer"),
            (3, "Wiraswasta/pedagang", "Self-employed or trader"),
            (4, "Pegawai/karyawan", "Employee"),
            (5, "Lainnya", "Other"),
        ],
    ),
]
PROVIDER_DEMOGRAPHICS = [
    (
        "jabatan",
        "Peran dalam pelayanan",
        "Role in the service",
        [
            (1, "Petugas loket/front office", "Counter or front office"),
            (2, "Petugas teknis/verifikator", "Technical officer or verifier"),
            (3, "Pimpinan/koordinator", "Head or coordinator"),
        ],
    ),
    (
        "masa-kerja",
        "Masa kerja",
        "Years of service",
        [
            (1, "Kurang dari 2 tahun", "Under 2 years"),
            (2, "2–5 tahun", "2–5 years"),
            (3, "6–10 tahun", "6–10 years"),
            (4, "Lebih dari 10 tahun", "Over 10 years"),
        ],
    ),
]


def _dimension(code, title, title_en, statements, labels) -> SectionSpec:
    options = tuple(
        OptionSpec(value=value, label=label, label_en=label_en)
        for value, (label, label_en) in enumerate(zip(*labels, strict=True), start=1)
    )
    return SectionSpec(
        kind=Section.Kind.SCORED,
        title=title,
        title_en=title_en,
        items=tuple(
            ItemSpec(
                key=f"{code.lower()}-{number}",
                code=f"{code}_{number}",
                text=text,
                text_en=text_en,
                short_label=f"{code}_{number}",
                kind=Item.Kind.SCORED,
                reverse_scored=reverse,
                min_value=1,
                max_value=5,
                options=options,
            )
            for number, (text, text_en, reverse) in enumerate(statements, start=1)
        ),
    )


def _demographics(questions) -> SectionSpec:
    return SectionSpec(
        kind=Section.Kind.DEMOGRAPHICS,
        title="Tentang Anda",
        title_en="About you",
        items=tuple(
            ItemSpec(
                key=key,
                code=f"D{number}",
                text=label,
                text_en=label_en,
                short_label=label,
                short_label_en=label_en,
                kind=Item.Kind.CHOICE,
                required=False,
                options=tuple(
                    OptionSpec(value=value, label=text, label_en=text_en)
                    for value, text, text_en in options
                ),
            )
            for number, (key, label, label_en, options) in enumerate(questions, start=1)
        ),
    )


def form_spec(code: str, *, labels=None) -> VersionSpec:
    """What one of the shipped instruments asks, answer labels configurable."""
    labels = labels or (DEFAULT_LABELS, DEFAULT_LABELS_EN)
    sections: list[SectionSpec] = []
    if code in (FORM_A, FORM_B, FORM_A7, FORM_B7):
        provider = code in (FORM_B, FORM_B7)
        x_dimensions = PRINCIPLES_DIMENSIONS if code in (FORM_A7, FORM_B7) else NPS_DIMENSIONS
        for dim_code, title, title_en, statements in x_dimensions:
            sections.append(
                _dimension(
                    dim_code,
                    title,
                    title_en,
                    [(b if provider else a, en, rev) for a, b, en, rev in statements],
                    labels,
                )
            )
    if code in (FORM_A, FORM_A7, QUALITY):
        for dim_code, title, title_en, quality_statements in QUALITY_DIMENSIONS:
            sections.append(
                _dimension(
                    dim_code,
                    title,
                    title_en,
                    [(text, en, False) for text, en in quality_statements],
                    labels,
                )
            )
    sections.append(
        _demographics(
            PROVIDER_DEMOGRAPHICS if code in (FORM_B, FORM_B7) else RECIPIENT_DEMOGRAPHICS
        )
    )
    return VersionSpec(sections=tuple(sections))


def build_version(code: str, *, number: int = 1, labels=None) -> InstrumentVersion:
    """A new version of one of the shipped instruments, answer labels configurable."""
    instrument = Instrument.objects.get(code=code)
    return build_spec_version(instrument, number=number, spec=form_spec(code, labels=labels))


INSTRUMENTS = {
    FORM_A: (
        "Penerapan New Public Service — Form A (penerima layanan)",
        "Variabel X (lima dimensi NPS) dan variabel Y (kualitas layanan), diisi penerima layanan.",
    ),
    FORM_B: (
        "Penerapan New Public Service — Form B (pemberi layanan)",
        "Variabel X (lima dimensi NPS), diisi petugas; setiap butir berpasangan dengan Form A.",
    ),
    FORM_A7: (
        "Tujuh prinsip New Public Service — Form A (penerima layanan)",
        "Variabel X (tujuh prinsip Denhardt & Denhardt) dan variabel Y (kualitas layanan), diisi "
        "penerima layanan.",
    ),
    FORM_B7: (
        "Tujuh prinsip New Public Service — Form B (pemberi layanan)",
        "Variabel X (tujuh prinsip Denhardt & Denhardt), diisi petugas; setiap butir berpasangan "
        "dengan Form A.",
    ),
    QUALITY: (
        "Kualitas layanan",
        "Variabel Y: kepuasan penerima layanan, aksesibilitas dan efektivitas pelayanan.",
    ),
}


@transaction.atomic
def shipped_version(code: str) -> InstrumentVersion:
    """The current version of a shipped instrument, created on first use."""
    name, description = INSTRUMENTS[code]
    instrument, _created = Instrument.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "purpose": Instrument.Purpose.PERCEPTION,
            "description": description,
        },
    )
    version = instrument.versions.order_by("-number").first()
    return version or build_version(code)


def dimension_code(item_code: str) -> str:
    """``SNS_1`` → ``SNS``."""
    return item_code.rsplit("_", 1)[0]
