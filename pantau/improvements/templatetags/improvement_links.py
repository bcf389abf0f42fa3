""" "Plan an improvement action" links on other apps' pages (a complaint, the complaints recap by
category, a perception study's gap results). The links are added by the page's template, so the
complaints and studies apps need not import the register, which reads them
(``pantau/common/tests/test_import_layers.py``)."""

from typing import Any

from django import template
from django.template import Context

from .. import links

register = template.Library()


def _user(context: Context) -> Any:
    return context["request"].user


@register.simple_tag(takes_context=True)
def plan_links_for_complaint(context: Context, complaint: Any) -> dict[str, str]:
    """``{"complaint": url, "category": url}`` for a planner of the report's unit, else {}."""
    return links.for_complaint(_user(context), complaint)


@register.simple_tag(takes_context=True)
def plan_links_for_categories(
    context: Context, unit: Any, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The recap's rows by category, each with its ``plan_url`` ("" for a non-planner)."""
    plans = links.for_categories(_user(context), unit, [row["category"].code for row in rows])
    return [{**row, "plan_url": plans.get(row["category"].code, "")} for row in rows]


@register.simple_tag(takes_context=True)
def plan_links_for_study(
    context: Context, study: Any, unit: Any, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The study's dimension rows, each with its ``plan_url`` for ``unit`` (a group's unit, or
    the study's own when None)."""
    plans = links.for_study(_user(context), study, unit, [row["code"] for row in rows])
    return [{**row, "plan_url": plans.get(row["code"], "")} for row in rows]
