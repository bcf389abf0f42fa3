"""Reads of the questionnaire engine."""

from functools import lru_cache

from .models import InstrumentVersion, Item


@lru_cache(maxsize=256)
def _items(version_id: int, stamp) -> tuple[Item, ...]:
    return tuple(
        Item.objects.filter(version_id=version_id)
        .select_related("section")
        .prefetch_related("options")
    )


def version_items(version: InstrumentVersion) -> tuple[Item, ...]:
    """The version's items with sections and options, loaded once per process.

    A version is frozen once answered; code that changes a version's items must save the version
    (which moves ``updated_at``), and that alone makes every process load the items again.
    """
    return _items(version.pk, version.updated_at)
