"""The text the public directory searches, kept for each unit (``UnitSearchDocument``).

A unit's ``text`` is its name, description, city and province, its agency's name and short name,
its mall's name, and the names and descriptions of its active services, normalised
(``search.normalise``) with a space before and after every word and the tags of the
abbreviations it holds (``search.tags``); ``name`` is the same for the unit's name alone, for
ranking. The services that change any of these (``organisations.services``; the
admin's save hooks and the demo loader through ``refresh_search_documents``) call
``refresh_units``; ``refresh_all`` rebuilds every unit and the vocabulary
(``pantau refresh_search_documents``). The functions take the models as arguments so that a data
migration can run them on its historical models.
"""

from collections.abc import Iterable
from typing import Any

from .search import normalise, tags

CHUNK = 2000
# A word enters the vocabulary when it is letters only, 4 to 60 long (shorter ones are not
# corrected: too many near neighbours).
VOCABULARY_LENGTH = (4, 60)


def _document(*parts: str) -> str:
    """The parts normalised, each word once, then the tags of the abbreviations the whole text
    holds (``search.tags``, found before repeats are dropped, as they may be in phrases). A
    query word is looked for inside one word (it holds no space), so repeats add nothing but
    length to every scan."""
    text = normalise(" ".join(part for part in parts if part))
    if not text:
        return ""
    return f" {' '.join(dict.fromkeys(text.split()))} {tags(f' {text} ')}"


def _documents(
    unit_model: Any, service_model: Any, unit_ids: list[int]
) -> dict[int, tuple[str, str]]:
    """Unit id -> (name, text) of its document as they should be, from two queries."""
    services: dict[int, list[str]] = {}
    for unit_id, name, description in service_model.objects.filter(
        unit_id__in=unit_ids, is_active=True
    ).values_list("unit_id", "name", "description"):
        services.setdefault(unit_id, []).extend((name, description))
    documents = {}
    for row in unit_model.objects.filter(id__in=unit_ids).values_list(
        "id",
        "name",
        "description",
        "city",
        "province",
        "agency__name",
        "agency__short_name",
        "mall__name",
    ):
        unit_id, name, *details = row
        documents[unit_id] = (
            _document(name),
            _document(name, *(text or "" for text in details), *services.get(unit_id, ())),
        )
    return documents


def vocabulary_of(document: str) -> set[str]:
    low, high = VOCABULARY_LENGTH
    return {word for word in document.split() if low <= len(word) <= high and word.isalpha()}


def refresh_units(
    unit_ids: Iterable[int], *, models: tuple[Any, Any, Any, Any] | None = None
) -> int:
    """Rebuild the documents of these units where they changed and add their words to the
    vocabulary; returns how many documents changed. ``models`` is (ServiceUnit, Service,
    UnitSearchDocument, SearchWord), the application's by default."""
    unit_model, service_model, document_model, word_model = models or _models()
    ids = sorted(set(unit_ids))
    changed = 0
    for start in range(0, len(ids), CHUNK):
        wanted = _documents(unit_model, service_model, ids[start : start + CHUNK])
        held = {
            unit_id: (name, text)
            for unit_id, name, text in document_model.objects.filter(
                unit_id__in=list(wanted)
            ).values_list("unit_id", "name", "text")
        }
        new = [
            document_model(unit_id=unit_id, name=name, text=text)
            for unit_id, (name, text) in wanted.items()
            if unit_id not in held
        ]
        stale = [
            document_model(unit_id=unit_id, name=name, text=text)
            for unit_id, (name, text) in wanted.items()
            if unit_id in held and held[unit_id] != (name, text)
        ]
        document_model.objects.bulk_create(new, batch_size=500)
        document_model.objects.bulk_update(stale, ["name", "text"], batch_size=500)
        changed += len(new) + len(stale)
        new_words = set().union(*(vocabulary_of(document.text) for document in new + stale))
        word_model.objects.bulk_create(
            [word_model(word=word) for word in sorted(new_words)],
            batch_size=1000,
            ignore_conflicts=True,
        )
    return changed


def refresh_all(*, models: tuple[Any, Any, Any, Any] | None = None) -> int:
    """Rebuild every unit's document, then make the vocabulary exactly the words of all
    documents; returns how many documents changed."""
    unit_model, _service_model, document_model, word_model = models or _models()
    ids = list(unit_model.objects.order_by("id").values_list("id", flat=True))
    changed = refresh_units(ids, models=models)
    words: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        for text in document_model.objects.filter(
            unit_id__in=ids[start : start + CHUNK]
        ).values_list("text", flat=True):
            words |= vocabulary_of(text)
    held = set(word_model.objects.values_list("word", flat=True))
    gone = sorted(held - words)
    for start in range(0, len(gone), CHUNK):
        word_model.objects.filter(word__in=gone[start : start + CHUNK]).delete()
    word_model.objects.bulk_create(
        [word_model(word=word) for word in sorted(words - held)],
        batch_size=1000,
        ignore_conflicts=True,
    )
    return changed


def _models() -> tuple[Any, Any, Any, Any]:
    from .models import SearchWord, Service, ServiceUnit, UnitSearchDocument

    return ServiceUnit, Service, UnitSearchDocument, SearchWord
