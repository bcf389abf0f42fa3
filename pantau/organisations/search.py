"""Finding a service unit the way citizens ask for it (issue 19: "surat domisili", "dinsos",
"bansos" and "BPJS" found nothing; only one unbroken phrase of a name matched).

Every word of the query must be found somewhere in the unit: its name or description, its
agency's name or short name, its mall, its city or province, or the name or description of one
of its active services. Case and accents do not matter ("SOSÍAL" finds "sosial"). A word may also
be one of the abbreviations people use for public services, which stands for its long forms
(``SYNONYMS``).

The text searched is kept for each unit, already normalised and tagged with the abbreviations it
holds (``UnitSearchDocument``, kept by ``search_index``): one ``contains`` per word, the same on
SQLite and on PostgreSQL, where a trigram index (pg_trgm, GIN) serves ``LIKE '%word%'``. Results
come with the units whose own name holds the most words first. A query that finds nothing gets a
corrected one ("did you mean") from the words the documents hold (``suggest``).
"""

import difflib
import unicodedata
from collections.abc import Sequence

from django.db import connection
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.db.models.functions import Length

from .models import SearchWord, ServiceUnit

MAX_WORDS = 8

# Abbreviations and everyday words for public services, each with what it may be written as in
# the names Pantau holds (normalised below). A query word matches its own text or any of these.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "dinsos": ("dinas sosial",),
    "dukcapil": ("kependudukan", "pencatatan sipil", "disdukcapil"),
    "disdukcapil": ("kependudukan", "pencatatan sipil", "dukcapil"),
    "bansos": ("bantuan sosial", "dtks", "dtsen", "pbi", "pkh", "program sembako"),
    "bpjs": ("jkn", "pbi", "jaminan kesehatan", "jaminan sosial"),
    "jkn": ("jaminan kesehatan nasional", "bpjs"),
    "kis": ("jkn", "pbi", "kartu indonesia sehat"),
    "kip": ("kartu indonesia pintar", "program indonesia pintar", "pip"),
    "pip": ("program indonesia pintar", "kartu indonesia pintar", "kip"),
    "dtks": ("data terpadu", "kesejahteraan sosial", "dtsen", "data tunggal sosial"),
    "dtsen": ("data tunggal sosial", "dtks", "data terpadu", "kesejahteraan sosial"),
    "pkh": ("program keluarga harapan",),
    "ktp": ("kartu tanda penduduk", "e-ktp", "ktp-el", "kependudukan"),
    "kk": ("kartu keluarga",),
    "akta": ("akte",),
    "akte": ("akta",),
    "ijin": ("izin",),
    "izin": ("ijin",),
    "imb": ("bangunan gedung", "pbg"),
    "pbg": ("bangunan gedung", "imb"),
    "sku": ("keterangan usaha", "domisili usaha"),
    "skd": ("keterangan domisili",),
    "skck": ("catatan kepolisian",),
    "iumk": ("usaha mikro",),
    "umkm": ("usaha mikro",),
    "nib": ("nomor induk berusaha", "izin usaha", "oss"),
    "ptsp": ("pelayanan terpadu satu pintu", "dpmptsp"),
    "dpmptsp": ("penanaman modal", "pelayanan terpadu satu pintu"),
    "mpp": ("mal pelayanan publik",),
    "bpom": ("pengawas obat dan makanan", "bbpom"),
    "samsat": ("sistem administrasi manunggal", "pajak kendaraan"),
    "puskesmas": ("pusat kesehatan masyarakat",),
    "rsud": ("rumah sakit umum daerah",),
    "pdam": ("air minum",),
    "lansia": ("lanjut usia", "jemput bola"),
    "disabilitas": ("difabel", "jemput bola"),
}


def normalise(text: str) -> str:
    """Lower case, accents taken off (NFKD), every run of anything but letters and digits made
    one space: ``"Pemutakhiran DTKS/DTSEN (Sosíal)"`` -> ``"pemutakhiran dtks dtsen sosial"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch)
    )
    return " ".join(kept.split())


SYNONYMS: dict[str, tuple[str, ...]] = {
    key: tuple(normalise(long_form) for long_form in long_forms)
    for key, long_forms in _SYNONYMS.items()
}


def words(query: str) -> list[str]:
    """The query's normalised words, each once, at most ``MAX_WORDS``."""
    return list(dict.fromkeys(normalise(query).split()))[:MAX_WORDS]


def terms(word: str) -> tuple[str, ...]:
    """What may stand for ``word`` in a text: itself and its long forms."""
    return (word, *SYNONYMS.get(word, ()))


def _pattern(term: str) -> str:
    """How a term is looked for in a normalised text with a space before every word: anywhere for
    a term of four characters or more ("domisil" finds "domisili"), at the start of a word for a
    shorter one ("kk" finds "kk", not "bkkbn"; "kip" not "skip")."""
    return term if len(term) > 3 else f" {term}"


def _tag(abbreviation: str) -> str:
    # "_" never survives ``normalise``, so no text a person wrote can hold a tag.
    return f" _{abbreviation} "


def tags(padded: str) -> str:
    """The tags of the abbreviations whose terms a normalised text (a space before and after
    every word) holds, each followed by a space: ``" dinas sosial "`` -> ``"_dinsos "``. The
    documents are stored with their tags, so an abbreviation costs the search one ``contains``,
    not one per long form (a change to ``SYNONYMS`` needs ``pantau refresh_search_documents``)."""
    held = [key for key in SYNONYMS if any(_pattern(term) in padded for term in terms(key))]
    return "".join(f"_{key} " for key in held)


def _word_q(field: str, word: str) -> Q:
    pattern = _tag(word) if word in SYNONYMS else _pattern(word)
    return Q(**{f"{field}__contains": pattern})


def holds_a_word(text: str, query: str) -> bool:
    """Whether ``text`` holds one of the query's words (or one of its long forms): the Python
    twin of the database's match, for text already at hand (a unit's services on the page)."""
    padded = f" {normalise(text)} "
    return any(_pattern(term) in padded for word in words(query) for term in terms(word))


def matching_units(query: str, units: QuerySet[ServiceUnit] | None = None) -> QuerySet[ServiceUnit]:
    """``units`` (all by default) whose search document holds every word of ``query``."""
    units = ServiceUnit.objects.all() if units is None else units
    for word in words(query):
        units = units.filter(_word_q("search_document__text", word))
    return units


def by_relevance(units: QuerySet[ServiceUnit], query: str) -> QuerySet[ServiceUnit]:
    """``units`` (already matched) ordered best first: by how many of the words the unit's own
    name holds, then by province, city and name as the directory lists them.

    The same order on both databases. PostgreSQL's full-text rank (``ts_rank``) was tried as a
    second key and dropped: it parses every matched document, 240 ms for a word found in 16,000
    of 25,000 units (bench/README.md, session 10), and told little the name did not."""
    found = words(query)
    if not found:
        return units.order_by("province", "city", "name")
    name_hits = sum(
        (
            Case(When(_word_q("search_name", word), then=Value(1)), default=Value(0))
            for word in found
        ),
        start=Value(0),
    )
    # Through an alias, so that the document stays an inner join (a condition on it inside
    # Case/When would make it a LEFT JOIN, which SQLite then walks from every unit: 2x slower).
    units = units.alias(search_name=F("search_document__name"))
    return units.alias(name_hits=name_hits).order_by("-name_hits", "province", "city", "name")


def suggest(query: str, units: QuerySet[ServiceUnit]) -> str:
    """A corrected query when some words are in no document (typing errors: "kependudukn",
    "puskesms"), each replaced by the nearest word the documents hold; "" when there is nothing
    to correct or the corrected query would find nothing among ``units`` either. Reads the
    vocabulary (``SearchWord``), and the units once, to check the correction finds something."""
    found = words(query)
    if not found:
        return ""
    known = set(SearchWord.objects.filter(word__in=found).values_list("word", flat=True))
    corrected, changed = [], False
    for word in found:
        if word in known or word in SYNONYMS or len(word) < 4 or not word.isalpha():
            corrected.append(word)
            continue
        nearest = _nearest_word(word)
        changed = changed or bool(nearest)
        corrected.append(nearest or word)
    if not changed:
        return ""
    suggestion = " ".join(corrected)
    return suggestion if matching_units(suggestion, units).exists() else ""


def _nearest_word(word: str) -> str:
    """The vocabulary's word nearest to ``word``: PostgreSQL's trigram similarity through the
    vocabulary's trigram index; elsewhere difflib over the words of about the same length that
    share its first or last two letters (a typing error seldom touches both ends; difflib over
    the whole vocabulary took 40 ms at 25,000 units)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM organisations_searchword WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                [word, word],
            )
            row = cursor.fetchone()
        return str(row[0]) if row else ""
    candidates: Sequence[str] = list(
        SearchWord.objects.annotate(length=Length("word"))
        .filter(length__range=(len(word) - 2, len(word) + 2))
        .filter(Q(word__startswith=word[:2]) | Q(word__endswith=word[-2:]))
        .values_list("word", flat=True)
    )
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return close[0] if close else ""
