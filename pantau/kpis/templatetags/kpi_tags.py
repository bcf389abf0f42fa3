"""Figures of unit KPIs as the pages print them: rounded half up to the measure's decimals, with
the language's separators (``pantau.common.numbers.fmt``)."""

from typing import Any

from django import template

from pantau.common.numbers import fmt

register = template.Library()


@register.filter
def kpi_value(value: Any, line: Any) -> str:
    """A value or target of a KPI series, with the decimals of its measure (two for custom)."""
    return fmt(value, getattr(line, "decimals", 2))


@register.filter
def kpi_number(value: Any, places: int = 1) -> str:
    return fmt(value, int(places))
