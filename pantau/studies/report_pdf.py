"""A study's report as an A4 PDF (ReportLab): method, summary, tables and a chart. Written in the
active language, Indonesian by default."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from pantau.common.numbers import fmt
from pantau.common.pdf import Paragraph, a4_document, grid_style, markup
from pantau.common.pdf import stylesheet as pdf_stylesheet

from . import presenters
from .models import RespondentGroup

GRID = grid_style()


def _num(value, places=2) -> str:
    """Rounded half up and localised, as on the results page (pantau.common.numbers)."""
    return fmt(value, places)


def _chart(dimensions) -> Drawing:
    drawing = Drawing(170 * mm, 12 * mm * max(len(dimensions), 1) + 20 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y = 30 * mm, 10 * mm
    chart.width, chart.height = 130 * mm, 12 * mm * max(len(dimensions), 1)
    chart.data = [
        [g["mean"] or 0 for row in dimensions for g in row["groups"] if g["role"] == role]
        for role in (RespondentGroup.Role.RECIPIENT, RespondentGroup.Role.PROVIDER)
    ]
    chart.categoryAxis.categoryNames = [row["code"] for row in dimensions]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 1, 5, 1
    chart.bars[0].fillColor = colors.HexColor("#1f4e79")
    chart.bars[1].fillColor = colors.HexColor("#9dc3e6")
    drawing.add(chart)
    return drawing


def study_pdf(study, results, summary: list[str]) -> bytes:
    """Long: a document written top to bottom in the order it prints; each block is a few lines of
    reportlab."""
    styles = pdf_stylesheet()
    body, h1, h2 = styles["BodyText"], styles["Title"], styles["Heading2"]
    dimensions = presenters.dimension_rows(results)
    story = [
        Paragraph(_("Report of the perception study"), h1),
        Paragraph(markup("%(a)s<br/>%(b)s", a=study.title, b=study.unit.name), styles["Heading3"]),
        Paragraph(
            _("Period: %(start)s to %(end)s.")
            % {
                "start": date_format(study.starts_on, "j F Y"),
                "end": date_format(study.ends_on, "j F Y"),
            },
            body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(_("Method"), h2),
        Paragraph(
            _(
                "Service recipients answered Form A and service providers Form B, on a scale from 1 "
                "(strongly disagree) to 5 (strongly agree); each statement of Form A has its "
                "counterpart in Form B. Respondents: %(recipients)s recipients (target %(rt)s) and "
                "%(providers)s providers (target %(pt)s)."
            )
            % {
                "recipients": results.n.get(RespondentGroup.Role.RECIPIENT, 0),
                "providers": results.n.get(RespondentGroup.Role.PROVIDER, 0),
                "rt": sum(g.target_sample for g in results.groups if g.role == "recipient"),
                "pt": sum(g.target_sample for g in results.groups if g.role == "provider"),
            },
            body,
        ),
        Paragraph(
            _(
                "A dimension's score is the mean of its items, reverse-scored items turned round. "
                "Validity: corrected item–total correlation against the r table (α = 0.05). "
                "Reliability: Cronbach's alpha with Feldt's interval at 95 per cent. Gap: Welch's t-test and "
                "the Mann–Whitney U test, with Hedges' g and the rank-biserial correlation. Effect "
                "of X on Y: ordinary least squares."
            ),
            body,
        ),
        Paragraph(_("Summary"), h2),
    ]
    story += [Paragraph("• " + sentence, body) for sentence in summary]
    if dimensions:
        story += [Paragraph(_("NPS dimensions per group"), h2), _chart(dimensions)]
        rows: list[list[object]] = [
            [
                _("Dimension"),
                _("Service recipients"),
                _("Service providers"),
                _("Difference"),
                "Welch p",
                "M–W p",
                "g",
            ]
        ]
        for row in dimensions:
            gap = row["gap"] or {}
            cells = [Paragraph(f"{row['code']} {row['title']}", body)]
            for g in row["groups"]:
                cells.append(
                    f"{_num(g['mean'])} ({_num(g['sd'])})\n{g['category']} · α {_num(g['alpha'], 3)}"
                )
            cells += [
                _num(gap.get("mean_diff")),
                _num(gap.get("welch_p"), 3),
                _num(gap.get("mwu_p"), 3),
                _num(gap.get("hedges_g")),
            ]
            rows.append(cells)
        story.append(Table(rows, style=GRID, repeatRows=1))
        validity: list[list[object]] = [
            [_("Item"), _("r item–total"), _("Corrected r"), _("r table"), _("α if deleted")]
        ]
        for row in presenters.item_rows(results, results.overall, results.x_dimensions):
            d = row["detail"]
            validity.append(
                [
                    row["item"].code,
                    _num(d["r_item_total"], 3),
                    _num(d["r_corrected"], 3) + ("" if row["valid"] else " *"),
                    _num(row["r_critical"], 3),
                    _num(d["alpha_if_deleted"], 3),
                ]
            )
        story += [
            Paragraph(_("Item validity and reliability (both groups)"), h2),
            Table(validity, style=GRID, repeatRows=1),
            Paragraph(_("* below the r table."), body),
        ]
    fit = results.regression
    if fit is not None:
        coefficients: list[list[object]] = [[_("Term"), "b", "SE", "t", "p", "VIF"]]
        for c in fit.coefficients:
            coefficients.append(
                [c.name, _num(c.b, 4), _num(c.se, 4), _num(c.t, 3), _num(c.p, 4), _num(c.vif)]
            )
        story += [
            Paragraph(_("Effect of NPS practice (X) on service quality (Y)"), h2),
            Paragraph(
                f"n = {fit.n}, R² = {_num(fit.r2, 3)}, adj. R² = {_num(fit.adj_r2, 3)}, "
                f"F({fit.df_model}, {fit.df_resid}) = {_num(fit.f)}, p = {_num(fit.f_p, 4)}",
                body,
            ),
            Table(coefficients, style=GRID, repeatRows=1),
        ]
    return a4_document(story, title=study.title)
