""" "Plan an improvement action" links from the pages where problems are seen (issue 21): a
complaint's staff page, the complaints recap by category, a perception study's gap results. Each
opens the register's planning form with its source fixed (``sources.SourceLink``), and is offered
only to those who plan the unit's actions (``permissions.can_plan``); anyone else gets ""."""

from typing import Any

from django.urls import reverse

from . import permissions
from .models import Source
from .sources import SourceLink


def plan_url(user: Any, unit: Any, kind: str, ref: str = "", element: str = "") -> str:
    """The planning page of ``unit`` started from this source, or "" when the user may not plan
    the unit's actions (or there is no unit yet)."""
    if unit is None or not permissions.can_plan(user, unit):
        return ""
    link = SourceLink(kind, ref, element)
    return reverse("improvements:action-create", args=[unit.slug]) + link.query()


def for_complaint(user: Any, complaint: Any) -> dict[str, str]:
    """From one report: an action on the report itself, and one on its category's reports."""
    found = {
        "complaint": plan_url(user, complaint.unit, Source.COMPLAINT, complaint.tracking_number)
    }
    if complaint.category_id is not None and found["complaint"]:
        found["category"] = plan_url(
            user, complaint.unit, Source.COMPLAINT_PATTERN, complaint.category.code
        )
    return found


def for_categories(user: Any, unit: Any, codes: list[str]) -> dict[str, str]:
    """Category code → the planning page for complaints in it (empty for a non-planner)."""
    if unit is None or not permissions.can_plan(user, unit):
        return {}
    return {code: plan_url(user, unit, Source.COMPLAINT_PATTERN, code) for code in codes if code}


def for_study(user: Any, study: Any, unit: Any, codes: list[str]) -> dict[str, str]:
    """Dimension code → the planning page for the study's gap on that dimension, for ``unit``
    (a group's unit, or the study's own)."""
    unit = unit or study.unit
    if unit is None or not permissions.can_plan(user, unit):
        return {}
    return {
        code: plan_url(user, unit, Source.STUDY_GAP, str(study.pk), code.lower()) for code in codes
    }
