"""The results of a study arranged as rows for the results page."""

from django.utils.translation import gettext_lazy as _

from pantau.analytics import likert

from .models import RespondentGroup

CATEGORY_LABELS = {
    "very_low": _("Very low"),
    "low": _("Low"),
    "moderate": _("Moderate"),
    "high": _("High"),
    "very_high": _("Very high"),
}
ROLES = (RespondentGroup.Role.RECIPIENT, RespondentGroup.Role.PROVIDER)
BAR_WIDTH = 260  # the SVG bar of a mean of 5


def category_label(mean) -> str:
    return str(CATEGORY_LABELS.get(likert.category(mean), "")) if mean is not None else ""


def dimension_rows(results) -> list[dict]:
    rows = []
    overall = results.overall.get("dimensions", {}) if results.overall else {}
    for position, dimension in enumerate(results.x_dimensions):
        entry = overall.get(dimension.code)
        if entry is None:
            continue
        groups = []
        for role in ROLES:
            by_group = entry.get("by_group", {}).get(role.value, {})
            mean = by_group.get("mean")
            groups.append(
                {
                    "role": role,
                    "n": by_group.get("n", 0),
                    "mean": mean,
                    "sd": by_group.get("sd"),
                    "alpha": by_group.get("alpha"),
                    "category": category_label(mean),
                    "bar": round(BAR_WIDTH * mean / 5) if mean else 0,
                    "y": 36 * position + 12 * (ROLES.index(role)),
                }
            )
        rows.append(
            {
                "code": dimension.code,
                "title": dimension.title,
                "entry": entry,
                "groups": groups,
                "gap": entry.get("gap"),
            }
        )
    return rows


def item_rows(results, analysis: dict, dimensions) -> list[dict]:
    """Validity and reliability per item of ``analysis`` (one likert.analyse result)."""
    rows = []
    dims = analysis.get("dimensions", {}) if analysis else {}
    for dimension in dimensions:
        entry = dims.get(dimension.code)
        if entry is None:
            continue
        r_critical = likert.critical_r(entry["n"]) if entry["n"] > 2 else None
        for item in dimension.items:
            detail = entry["items_detail"][item.code]
            r = detail["r_corrected"]
            rows.append(
                {
                    "dimension": dimension,
                    "item": item,
                    "detail": detail,
                    "r_critical": r_critical,
                    "valid": r is not None and r_critical is not None and r >= r_critical,
                    "alpha": entry["alpha"],
                    "alpha_ci": entry["alpha_ci95"],
                }
            )
    return rows


def quality_rows(results) -> list[dict]:
    dims = results.quality.get("dimensions", {}) if results.quality else {}
    return [
        {
            "code": d.code,
            "title": d.title,
            "entry": dims[d.code],
            "category": category_label(dims[d.code]["mean"]),
        }
        for d in results.y_dimensions
        if d.code in dims
    ]


def chart_height(rows) -> int:
    return 36 * len(rows) + 8


def descriptive_rows(results) -> list[dict]:
    """Per item of Form A (and its Form B counterpart): each group's n, mean, SD, category and the
    distribution of answers 1–5 (counted by the database)."""
    recipients = results.descriptives.get(RespondentGroup.Role.RECIPIENT, {})
    providers = results.descriptives.get(RespondentGroup.Role.PROVIDER, {})
    rows = []
    for dimension in results.x_dimensions + results.y_dimensions:
        for item in dimension.items:
            row = {"item": item, "dimension": dimension, "groups": []}
            for role, table in (
                (RespondentGroup.Role.RECIPIENT, recipients),
                (RespondentGroup.Role.PROVIDER, providers),
            ):
                d = table.get(item.code)
                row["groups"].append(
                    {
                        "role": role,
                        "d": d,
                        "category": str(CATEGORY_LABELS.get(d.category, "")) if d else "",
                        "counts": [d.counts.get(v, 0) for v in range(1, 6)] if d else [],
                    }
                )
            rows.append(row)
    return rows


def group_item_rows(results) -> list[dict]:
    """Per item of the NPS dimensions: each group's corrected item–total r (with the r table for
    that group's n) and alpha if the item is deleted."""
    rows = []
    for dimension in results.x_dimensions:
        for item in dimension.items:
            groups: list[dict | None] = []
            for role in ROLES:
                analysis = results.by_group.get(role, {}).get("dimensions", {})
                entry = analysis.get(dimension.code)
                if entry is None:
                    groups.append(None)
                    continue
                detail = entry["items_detail"][item.code]
                r_critical = likert.critical_r(entry["n"]) if entry["n"] > 2 else None
                r = detail["r_corrected"]
                groups.append(
                    {
                        "r": r,
                        "r_critical": r_critical,
                        "valid": r is not None and r_critical is not None and r >= r_critical,
                        "alpha_if_deleted": detail["alpha_if_deleted"],
                    }
                )
            rows.append({"item": item, "groups": groups})
    return rows
