"""Sorting records into periods inside the database: a ``CASE`` that gives each row the index of
the period its date falls in, so that one grouped query answers every period at once."""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from ..periods import Period


def day_start(day: date) -> datetime:
    """Local midnight at the start of ``day`` (the periods are the unit's local calendar)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def moment_bucket(field: str, periods: Sequence[Period]) -> Case:
    """The index of the period a date-time field falls in (None outside every period)."""
    return Case(
        *[
            When(
                **{
                    f"{field}__gte": day_start(period.starts_on),
                    f"{field}__lt": day_start(period.ends_on + timedelta(days=1)),
                },
                then=Value(index),
            )
            for index, period in enumerate(periods)
        ],
        default=None,
        output_field=IntegerField(),
    )


def moment_span(field: str, periods: Sequence[Period]) -> Q:
    """Rows whose date-time field falls between the first period's start and the last's end."""
    return Q(
        **{
            f"{field}__gte": day_start(min(p.starts_on for p in periods)),
            f"{field}__lt": day_start(max(p.ends_on for p in periods) + timedelta(days=1)),
        }
    )


def day_bucket(field: str, periods: Sequence[Period]) -> Case:
    """The index of the period a date field falls in (None outside every period)."""
    return Case(
        *[
            When(
                **{f"{field}__gte": period.starts_on, f"{field}__lte": period.ends_on},
                then=Value(index),
            )
            for index, period in enumerate(periods)
        ],
        default=None,
        output_field=IntegerField(),
    )


def as_decimal(value: Fraction | Decimal | float | int | None, places: int) -> Decimal | None:
    """A figure as the exact decimal the pages, files and API show (half up, ``places``)."""
    from pantau.common.numbers import rounded

    return rounded(value, places)
