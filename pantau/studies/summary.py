"""A plain-language summary generated from the numbers of a study (never typed in)."""

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from .models import RespondentGroup

GAP_WORTH_NOTING = 0.5  # points on the 1–5 scale


def _num(value: float, places: int = 2) -> str:
    """Rounded half up and localised, exactly as the tables show it."""
    return floatformat(value, places)


def summary_sentences(results) -> list[str]:
    """Long: the plain-language summary, one sentence per finding in reading order."""
    if not results.overall:
        return [_("There are not enough answers yet for a summary.")]
    titles = {d.code: d.title for d in results.x_dimensions + results.y_dimensions}
    sentences = []
    roles = [
        (RespondentGroup.Role.RECIPIENT, _("Service recipients")),
        (RespondentGroup.Role.PROVIDER, _("Service providers")),
    ]
    for role, label in roles:
        analysis = results.by_group.get(role)
        if not analysis:
            continue
        dims = {c: d for c, d in analysis["dimensions"].items() if d["mean"] is not None}
        high = [titles[c] for c, d in dims.items() if d["mean"] > 3.4]
        attention = [titles[c] for c, d in dims.items() if d["mean"] <= 3.4]
        if high:
            sentences.append(
                _("%(group)s rate these dimensions high: %(list)s.")
                % {"group": label, "list": "; ".join(high)}
            )
        if attention:
            sentences.append(
                _(
                    "%(group)s rate these dimensions moderate or lower; they need attention: %(list)s."
                )
                % {"group": label, "list": "; ".join(attention)}
            )
        elif dims:
            lowest = min(dims, key=lambda c: dims[c]["mean"])
            sentences.append(
                _("%(group)s rate %(dimension)s lowest (mean %(mean)s).")
                % {"group": label, "dimension": titles[lowest], "mean": _num(dims[lowest]["mean"])}
            )
    gaps = []
    for code, d in results.overall["dimensions"].items():
        gap = d.get("gap")
        if (
            gap
            and gap["mean_diff"] is not None
            and (
                abs(gap["mean_diff"]) >= GAP_WORTH_NOTING
                or (gap["welch_p"] is not None and gap["welch_p"] < 0.05)
            )
        ):
            gaps.append((abs(gap["mean_diff"]), code, gap))
    for _size, code, gap in sorted(gaps, reverse=True):
        sentences.append(
            (
                _(
                    "Officers and citizens disagree on %(dimension)s: officers rate it %(diff)s "
                    "points higher (Welch p = %(p)s)."
                )
                if gap["mean_diff"] > 0
                else _(
                    "Officers and citizens disagree on %(dimension)s: officers rate it %(diff)s "
                    "points lower (Welch p = %(p)s)."
                )
            )
            % {
                "dimension": titles[code],
                "diff": _num(abs(gap["mean_diff"])),
                "p": _num(gap["welch_p"], 3) if gap["welch_p"] is not None else "–",
            }
        )
    if not gaps and len(results.by_group) == 2:
        sentences.append(_("Officers and citizens see every dimension much alike."))
    if results.small_groups:
        sentences.append(
            _(
                "A group has fewer than 10 respondents, so the tests between groups can say "
                "little; read the differences as indications."
            )
        )
    fit = results.regression
    if fit is not None and fit.r2 == fit.r2:
        significant = [titles[c.name] for c in fit.coefficients[1:] if c.p == c.p and c.p < 0.05]
        sentences.append(
            _("The NPS dimensions together explain %(r2)s%% of the variation in service quality.")
            % {"r2": _num(100 * fit.r2, 1)}
        )
        if significant:
            sentences.append(
                _("Dimensions with a significant own effect (p < 0.05): %(list)s.")
                % {"list": "; ".join(significant)}
            )
    return sentences
