"""Calendar arithmetic of SKM periods (pure)."""

import calendar
from datetime import date

LENGTH_IN_MONTHS = {"month": 1, "quarter": 3, "semester": 6, "year": 12}
COUNT_IN_YEAR = {"month": 12, "quarter": 4, "semester": 2, "year": 1}
YEARS = (2017, 2100)  # PermenPANRB 14/2017 onwards
POPULATION_MAX = 100_000_000


def period_dates(kind: str, year: int, number: int) -> tuple[date, date]:
    """First and last day of the ``number``-th period of its kind in ``year``."""
    if not 1 <= number <= COUNT_IN_YEAR[kind]:
        raise ValueError(f"A {kind} number must be between 1 and {COUNT_IN_YEAR[kind]}.")
    months = LENGTH_IN_MONTHS[kind]
    first_month = (number - 1) * months + 1
    last_month = first_month + months - 1
    return date(year, first_month, 1), date(
        year, last_month, calendar.monthrange(year, last_month)[1]
    )
