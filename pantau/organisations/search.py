"""Finding a service unit the way citizens ask for it (issue 19: "surat domisili", "dinsos",
"bansos" and "BPJS" found nothing; only one unbroken phrase of a name matched).

Every word of the query must be found somewhere in the unit: its name, its agency's name or
short name, its city or province, or the name or description of one of its active services. A
word may also be one of the abbreviations people use for public services, which stands for its
long forms (``SYNONYMS``)."""

import re

from django.db.models import Q

# Abbreviations and everyday words for public services, each with what it may be written as in
# the names Pantau holds. Lower case; a query word matches its own text or any of these.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "dinsos": ("dinas sosial",),
    "dukcapil": ("kependudukan", "pencatatan sipil"),
    "disdukcapil": ("kependudukan", "pencatatan sipil"),
    "bansos": ("bantuan sosial", "dtks", "dtsen", "pbi", "pkh"),
    "bpjs": ("jkn", "pbi", "jaminan kesehatan"),
    "kis": ("jkn", "pbi", "indonesia sehat"),
    "ktp": ("kartu tanda penduduk", "e-ktp", "kependudukan"),
    "kk": ("kartu keluarga",),
    "imb": ("bangunan gedung", "pbg"),
    "pbg": ("bangunan gedung",),
    "sku": ("keterangan usaha", "domisili usaha"),
    "skd": ("keterangan domisili",),
    "iumk": ("usaha mikro",),
    "umkm": ("usaha mikro",),
    "nib": ("nomor induk berusaha", "izin usaha"),
    "ptsp": ("pelayanan terpadu satu pintu",),
    "mpp": ("mal pelayanan publik",),
    "bpom": ("pengawas obat dan makanan", "bbpom"),
    "lansia": ("lanjut usia", "jemput bola"),
    "disabilitas": ("difabel", "jemput bola"),
}

FIELDS = (
    "name",
    "agency__name",
    "agency__short_name",
    "city",
    "province",
)
SERVICE_FIELDS = ("services__name", "services__description")

WORD = re.compile(r"[\w-]+", re.UNICODE)


def _anywhere(text: str) -> Q:
    match = Q()
    for field in FIELDS:
        match |= Q(**{f"{field}__icontains": text})
    for field in SERVICE_FIELDS:
        match |= Q(**{f"{field}__icontains": text, "services__is_active": True})
    return match


def words(query: str) -> list[str]:
    """The query's words, at most eight, in lower case."""
    return [word.lower() for word in WORD.findall(query)][:8]


def matching_unit_ids(query: str):
    """The ids of units whose details hold every word of ``query`` (or a long form of it), as a
    subquery. One filter per word, so that two words may be found in two different services."""
    from .models import ServiceUnit

    units = ServiceUnit.objects.all()
    for word in words(query):
        match = _anywhere(word)
        for long_form in SYNONYMS.get(word, ()):
            match |= _anywhere(long_form)
        units = units.filter(match)
    return units.values("pk")
