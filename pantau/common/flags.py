"""Yes/no values as Pantau's interfaces accept them, strictly: true/false, 1/0, yes/no, ya/tidak
(any case). Anything else is refused with the field named, never read as "no" (issue 15: an
Open311 ``attribute[confidential]=yes`` published a confidential report)."""

from django.utils.translation import gettext as _

TRUE = frozenset({"true", "1", "yes", "ya"})
FALSE = frozenset({"false", "0", "no", "tidak"})


def flag_error() -> str:
    return _("Use true or false (also 1 or 0, yes or no, ya or tidak).")


def parse_flag(value, *, default: bool = False) -> bool:
    """``value`` as a boolean; ``default`` when it is missing or empty. Raises ValueError with
    a message in the user's language for anything else."""
    if isinstance(value, bool):
        return value
    if value is None:
        return default
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if not text:
        return default
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError(flag_error())
