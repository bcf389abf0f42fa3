"""The national SKM questionnaire of PermenPANRB 14/2017 as instrument data.

Element keys are stable identities; the codes U1–U9 follow the sample questionnaire's order
(sarana dan prasarana 8th, penanganan pengaduan 9th; domain spec 1.2). Answer labels 1–5, 7 and 8
are those of the sample questionnaire; labels 6 and 9 are not confirmed and use the spec's defaults.
"""

from django.db import transaction

from pantau.surveys.models import Instrument, InstrumentVersion, Item, Section
from pantau.surveys.specs import ItemSpec, OptionSpec, SectionSpec, VersionSpec, build_version

NATIONAL_SKM_CODE = "skm-permenpanrb-14-2017"

# key, short label, short label (en), question, question (en), labels 1..4, labels (en), icons
ELEMENTS = [
    (
        "persyaratan",
        "Persyaratan",
        "Requirements",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "How well do the service requirements fit the service?",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
        ["Not suitable", "Less suitable", "Suitable", "Very suitable"],
    ),
    (
        "prosedur",
        "Prosedur",
        "Procedure",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "How easy is the service procedure at this unit?",
        ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
        ["Not easy", "Less easy", "Easy", "Very easy"],
    ),
    (
        "waktu",
        "Waktu pelayanan",
        "Service time",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "How fast was the service?",
        ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
        ["Not fast", "Less fast", "Fast", "Very fast"],
    ),
    (
        "biaya",
        "Biaya/tarif",
        "Cost/fee",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "How fair is the cost or fee of the service?",
        ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
        ["Very expensive", "Rather expensive", "Cheap", "Free"],
    ),
    (
        "produk",
        "Produk pelayanan",
        "Service product",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        "Does what you received match what the service standard promises?",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
        ["Not matching", "Partly matching", "Matching", "Fully matching"],
    ),
    (
        "kompetensi",
        "Kompetensi pelaksana",
        "Staff competence",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "How competent were the staff who served you?",
        ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
        ["Not competent", "Less competent", "Competent", "Very competent"],
    ),
    (
        "perilaku",
        "Perilaku pelaksana",
        "Staff behaviour",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        "How polite and friendly were the staff?",
        [
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ],
        [
            "Not polite and friendly",
            "Less polite and friendly",
            "Polite and friendly",
            "Very polite and friendly",
        ],
    ),
    (
        "sarana",
        "Sarana dan prasarana",
        "Facilities",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        "How good are the facilities?",
        ["Buruk", "Cukup", "Baik", "Sangat baik"],
        ["Poor", "Fair", "Good", "Very good"],
    ),
    (
        "pengaduan",
        "Penanganan pengaduan",
        "Complaint handling",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        "How are users' complaints handled?",
        [
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ],
        ["There is none", "Exists but does not work", "Works, not fully", "Well managed"],
    ),
]
ELEMENT_KEYS = [element[0] for element in ELEMENTS]
FACE_ICONS = ["face-1", "face-2", "face-3", "face-4"]

GENDER, AGE, EDUCATION, OCCUPATION, SUGGESTION = (
    "jenis_kelamin",
    "usia",
    "pendidikan",
    "pekerjaan",
    "saran",
)
DEMOGRAPHICS = [
    # key, label, label (en), kind, options [(value, label, label_en)], other value
    (
        GENDER,
        "Jenis kelamin",
        "Gender",
        Item.Kind.CHOICE,
        [(1, "Laki-laki", "Male"), (2, "Perempuan", "Female")],
        None,
    ),
    (AGE, "Usia (tahun)", "Age (years)", Item.Kind.NUMBER, [], None),
    (
        EDUCATION,
        "Pendidikan terakhir",
        "Education",
        Item.Kind.CHOICE,
        [
            (1, "SD", "Primary school"),
            (2, "SMP", "Junior secondary"),
            (3, "SMA", "Senior secondary"),
            (4, "S1", "Bachelor"),
            (5, "S2", "Master"),
            (6, "S3", "Doctorate"),
        ],
        None,
    ),
    (
        OCCUPATION,
        "Pekerjaan",
        "Occupation",
        Item.Kind.CHOICE,
        [
            (1, "PNS", "Civil servant"),
            (2, "TNI", "Armed forces"),
            (3, "POLRI", "Police"),
            (4, "Swasta", "Private sector"),
            (5, "Wirausaha", "Self-employed"),
            (6, "Lainnya", "Other"),
        ],
        6,
    ),
]


@transaction.atomic
def national_skm_version() -> InstrumentVersion:
    """The national SKM instrument's current version, created on first use."""
    instrument, _ = Instrument.objects.get_or_create(
        code=NATIONAL_SKM_CODE,
        defaults={
            "name": "Survei Kepuasan Masyarakat (PermenPANRB 14/2017)",
            "purpose": Instrument.Purpose.SKM,
            "description": "Kuesioner SKM nasional: 9 unsur, jawaban a–d bernilai 1–4.",
        },
    )
    version = instrument.versions.order_by("-number").first()
    if version is not None:
        return version
    return build_skm_version(instrument, number=1, extra_elements=[])


def skm_spec(extra_elements: list[tuple[str, str, str]]) -> VersionSpec:
    """The SKM questionnaire: the 9 national elements, then a unit's own (key, label, question),
    the respondent's profile, and the suggestion.

    Long: the questionnaire as data, section by section, in the order a respondent reads it."""
    # A unit's own elements use the generic four answers of the regulation's material.
    generic = (
        ["Tidak baik", "Kurang baik", "Baik", "Sangat baik"],
        ["Not good", "Less good", "Good", "Very good"],
    )
    elements = list(ELEMENTS) + [
        (key, label, "", question, "", *generic) for key, label, question in extra_elements
    ]
    scored = tuple(
        ItemSpec(
            key=key,
            code=f"U{position}",
            text=question,
            text_en=question_en,
            short_label=label,
            short_label_en=label_en,
            kind=Item.Kind.SCORED,
            min_value=1,
            max_value=4,
            options=tuple(
                OptionSpec(value=v, label=lab, label_en=lab_en, icon=FACE_ICONS[v - 1])
                for v, lab, lab_en in zip(range(1, 5), labels, labels_en, strict=True)
            ),
        )
        for position, (key, label, label_en, question, question_en, labels, labels_en) in enumerate(
            elements, start=1
        )
    )
    profile = tuple(
        ItemSpec(
            key=key,
            code=f"D{index}",
            text=label,
            text_en=label_en,
            short_label=label,
            short_label_en=label_en,
            kind=kind,
            required=False,
            min_value=15 if kind == Item.Kind.NUMBER else None,
            max_value=100 if kind == Item.Kind.NUMBER else None,
            other_value=other,
            options=tuple(
                OptionSpec(value=v, label=lab, label_en=lab_en) for v, lab, lab_en in options
            ),
        )
        for index, (key, label, label_en, kind, options, other) in enumerate(DEMOGRAPHICS, start=1)
    )
    suggestion = ItemSpec(
        key=SUGGESTION,
        code="S1",
        text="Saran dan masukan untuk perbaikan pelayanan (tidak wajib)",
        text_en="Suggestions to improve the service (optional)",
        short_label="Saran",
        short_label_en="Suggestion",
        kind=Item.Kind.TEXT,
        required=False,
        max_value=2000,
    )
    return VersionSpec(
        sections=(
            SectionSpec(
                kind=Section.Kind.SCORED,
                title="Pendapat Saudara tentang pelayanan",
                title_en="Your opinion of the service",
                items=scored,
            ),
            SectionSpec(
                kind=Section.Kind.DEMOGRAPHICS,
                title="Profil responden",
                title_en="About you",
                items=profile,
            ),
            SectionSpec(
                kind=Section.Kind.FEEDBACK,
                title="Saran dan masukan",
                title_en="Suggestions",
                items=(suggestion,),
            ),
        )
    )


def build_skm_version(
    instrument: Instrument, *, number: int, extra_elements: list[tuple[str, str, str]]
) -> InstrumentVersion:
    """A new SKM version: the 9 national elements, then a unit's own (key, label, question)."""
    return build_version(instrument, number=number, spec=skm_spec(extra_elements))


def unit_instrument_code(unit) -> str:
    return f"skm-unit-{unit.pk}"


def unit_skm_version(unit) -> InstrumentVersion:
    """The SKM version a unit's new periods use: its own (national elements plus its additions) or
    the national one."""
    own = (
        InstrumentVersion.objects.filter(instrument__code=unit_instrument_code(unit))
        .order_by("-number")
        .first()
    )
    return own or national_skm_version()


def extra_elements(version: InstrumentVersion) -> list[Item]:
    return list(
        version.items.filter(section__kind=Section.Kind.SCORED)
        .exclude(key__in=ELEMENT_KEYS)
        .order_by("position")
    )
