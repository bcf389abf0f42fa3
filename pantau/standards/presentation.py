"""How a standard's structured components read for the citizen (pages, PDF, poster)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import StandardVersion


def rupiah(amount: int) -> str:
    """50000 -> "Rp50.000" (Indonesian thousands separator, no decimals)."""
    return "Rp" + f"{amount:,}".replace(",", ".")


def time_limit_text(version: StandardVersion) -> str:
    value, unit = version.time_limit_value, version.time_limit_unit
    if value is None or not unit:
        return _("Not stated")
    forms = {
        "minutes": ngettext("%(n)s minute", "%(n)s minutes", value),
        "hours": ngettext("%(n)s hour", "%(n)s hours", value),
        "working_days": ngettext("%(n)s working day", "%(n)s working days", value),
        "days": ngettext("%(n)s calendar day", "%(n)s calendar days", value),
    }
    text = forms[unit] % {"n": value}
    if version.time_limit_note:
        text = f"{text} ({version.time_limit_note})"
    return text


def fee_text(version: StandardVersion) -> str:
    if version.fee_is_free:
        text = _("Free of charge (Rp0)")
    else:
        text = rupiah(version.fee_amount or 0)
    if version.fee_note:
        text = f"{text}. {version.fee_note}"
    return text
