"""One number formatter for pages, PDFs and files: round half up to the regulation's decimals,
then write with the language's separators (issue 17).

Django's ``number_format`` cuts a float's extra decimals (3,6859 → "3,685") while the pages'
``floatformat`` rounds half up ("3,686"): the PDFs disagreed with the screen. Everything printed
goes through ``fmt``, which rounds exactly as ``floatformat`` does."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from django.utils.formats import number_format


def rounded(value: object, places: int) -> Decimal | None:
    """``value`` rounded half up to ``places`` decimals, from its shortest decimal form (as
    ``floatformat`` does), or None for None and NaN."""
    if value is None:
        return None
    if isinstance(value, Fraction):
        value = float(value)  # as floatformat reads a Fraction
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    if not number.is_finite():
        return None
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fmt(value: object, places: int = 2, *, empty: str = "—") -> str:
    """The value as pages print it: rounded half up, with the active language's separators."""
    number = rounded(value, places)
    return empty if number is None else number_format(number, places, use_l10n=True)


def half_up(value: object, places: int) -> float | None:
    """``value`` rounded half up exactly as ``fmt`` prints it, as a number: the figure in JSON,
    CSV and the API equals the one on the page (Python's ``round`` rounds half to even on the
    binary value: ``round(2.675, 2)`` is 2.67 while the page prints 2,68)."""
    number = rounded(value, places)
    return None if number is None else float(number)


def half_up_int(value: object) -> int:
    """A whole percentage or count rounded half up (``round(12.5)`` is 12; the page says 13)."""
    number = rounded(value, 0)
    return 0 if number is None else int(number)
