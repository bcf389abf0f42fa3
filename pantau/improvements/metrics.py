"""The figures an action can aim to move (``Action.metric_key``), all from Pantau's own records:

- ``skm.ikm``: the unit's IKM (25–100) in its published SKM periods;
- ``skm.element:<key>``: the NRR (1–4) of one element of the SKM questionnaire;
- ``complaints.on_time_share``: the share of reports resolved within their deadline (%);
- ``complaints.category:<code>``: reports per month in one complaint category (fewer is better).
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

SKM_IKM = "skm.ikm"
SKM_ELEMENT = "skm.element:"
ON_TIME = "complaints.on_time_share"
CATEGORY = "complaints.category:"


@dataclass(frozen=True)
class Metric:
    family: str  # "skm.ikm", "skm.element", "complaints.on_time_share", "complaints.category"
    key: str = ""  # the element key or category code
    lower_is_better: bool = False


def parse(metric_key: str) -> Metric | None:
    if metric_key == SKM_IKM:
        return Metric(SKM_IKM)
    if metric_key.startswith(SKM_ELEMENT):
        return Metric("skm.element", metric_key.removeprefix(SKM_ELEMENT))
    if metric_key == ON_TIME:
        return Metric(ON_TIME)
    if metric_key.startswith(CATEGORY):
        return Metric("complaints.category", metric_key.removeprefix(CATEGORY), True)
    return None


def _elements(unit: Any) -> list[Any]:
    """The scored elements of the unit's latest SKM questionnaire (the national one if it has
    held no survey yet)."""
    from pantau.satisfaction.instrument import national_skm_version
    from pantau.satisfaction.models import SurveyPeriod
    from pantau.satisfaction.selectors import scored_items
    from pantau.surveys.models import Section

    latest = (
        SurveyPeriod.objects.filter(unit=unit)
        .select_related("collection__version")
        .order_by("-starts_on")
        .first()
    )
    if latest is not None:
        return scored_items(latest)
    return list(
        national_skm_version().items.filter(section__kind=Section.Kind.SCORED).order_by("position")
    )


def choices(unit: Any) -> list[tuple[str, str]]:
    """Every figure the unit's actions may name, with its label, for a form's select."""
    from pantau.complaints.selectors import categories_for

    rows = [("", _("No figure")), (SKM_IKM, _("SKM: satisfaction index (IKM, 25–100)"))]
    rows += [
        (
            f"{SKM_ELEMENT}{item.key}",
            _("SKM: NRR of %(element)s (1–4)") % {"element": f"{item.code} {item.shown_label}"},
        )
        for item in _elements(unit)
    ]
    rows.append((ON_TIME, _("Complaints: share resolved within the deadline (%)")))
    rows += [
        (
            f"{CATEGORY}{category.code}",
            _("Complaints about %(category)s: reports per month") % {"category": category.label},
        )
        for category in categories_for(unit=unit).order_by("position", "name")
    ]
    return rows


def label(metric_key: str, unit: Any) -> str:
    return dict(choices(unit)).get(metric_key, metric_key)
