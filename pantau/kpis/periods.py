"""The calendar periods a KPI is measured in: months, quarters (triwulan), semesters and years,
as the SKM periods are (``satisfaction.periods``). Pure."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext

from pantau.satisfaction.periods import COUNT_IN_YEAR, LENGTH_IN_MONTHS, period_dates

FREQUENCIES = tuple(COUNT_IN_YEAR)  # month, quarter, semester, year
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
YEARS = (2000, 2100)
_KEY = {
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
    "semester": re.compile(r"^(\d{4})-S([12])$"),
    "year": re.compile(r"^(\d{4})$"),
}


@dataclass(frozen=True, order=True)
class Period:
    """The ``number``-th month, quarter, semester or year of ``year``."""

    starts_on: date
    ends_on: date
    frequency: str
    year: int
    number: int

    @property
    def key(self) -> str:
        """A short stable name: 2025-03, 2025-Q1, 2025-S1, 2025 (files and the API use it)."""
        if self.frequency == "month":
            return f"{self.year}-{self.number:02d}"
        if self.frequency == "quarter":
            return f"{self.year}-Q{self.number}"
        if self.frequency == "semester":
            return f"{self.year}-S{self.number}"
        return str(self.year)

    @property
    def label(self) -> str:
        values = {"roman": ROMAN.get(self.number, ""), "year": self.year}
        if self.frequency == "quarter":
            return gettext("Quarter %(roman)s %(year)s") % values
        if self.frequency == "semester":
            return gettext("Semester %(roman)s %(year)s") % values
        if self.frequency == "month":
            return date_format(self.starts_on, "F Y")
        return gettext("Year %(year)s") % values

    @property
    def short_label(self) -> str:
        """What fits under a bar of the chart: 03/25, TW1/25 style without words: 1/25, 2025."""
        if self.frequency == "year":
            return str(self.year)
        return f"{self.number}/{str(self.year)[2:]}"


def make(frequency: str, year: int, number: int) -> Period:
    starts_on, ends_on = period_dates(frequency, year, number)
    return Period(starts_on, ends_on, frequency, year, number)


def containing(frequency: str, day: date) -> Period:
    """The period of this frequency that holds ``day``."""
    months = LENGTH_IN_MONTHS[frequency]
    return make(frequency, day.year, (day.month - 1) // months + 1)


def following(period: Period) -> Period:
    return containing(period.frequency, period.ends_on + timedelta(days=1))


def preceding(period: Period) -> Period:
    return containing(period.frequency, period.starts_on - timedelta(days=1))


def last(frequency: str, count: int, *, until: date) -> list[Period]:
    """The ``count`` periods up to and including the one holding ``until``, oldest first."""
    periods = [containing(frequency, until)]
    while len(periods) < count:
        periods.append(preceding(periods[-1]))
    return periods[::-1]


def between(frequency: str, starts_on: date, ends_on: date) -> list[Period]:
    """Every period of this frequency from the one holding ``starts_on`` to the one holding
    ``ends_on``, oldest first."""
    periods: list[Period] = []
    current = containing(frequency, starts_on)
    while current.starts_on <= ends_on:
        periods.append(current)
        current = following(current)
    return periods


def starts_a_period(frequency: str, day: date) -> bool:
    return containing(frequency, day).starts_on == day


def ends_a_period(frequency: str, day: date) -> bool:
    return containing(frequency, day).ends_on == day


def from_key(frequency: str, key: str) -> Period | None:
    """The period named by ``key`` (``Period.key``), or None when it names none."""
    match = _KEY[frequency].match(key.strip())
    if match is None:
        return None
    year = int(match.group(1))
    number = int(match.group(2)) if frequency != "year" else 1
    if not YEARS[0] <= year <= YEARS[1] or not 1 <= number <= COUNT_IN_YEAR[frequency]:
        return None
    return make(frequency, year, number)
