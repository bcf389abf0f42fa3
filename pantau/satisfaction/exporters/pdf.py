"""The SKM report as an A4 PDF (ReportLab), following the outline of ``report.py``."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from pantau.common.numbers import fmt
from pantau.common.pdf import FONT_BOLD, Paragraph, a4_document, grid_style, markup
from pantau.common.pdf import stylesheet as pdf_stylesheet

from ..report import ReportData

GRID = grid_style(font_size=8.5)


def _num(value, places=2) -> str:
    return fmt(value, places)  # rounds half up as the pages do (pantau.common.numbers)


def export_pdf(report: ReportData) -> bytes:
    """The SKM report as the regulation lays it out: I introduction, II method (with the grade
    table), III results (elements, profile, suggestions), IV conclusions and follow-up plan."""
    period = report.period
    styles = pdf_stylesheet()
    story = [
        *_introduction_and_method(report, styles),
        *_results(report, styles),
        *_profile_and_suggestions(report, styles),
        *_conclusions(report, styles),
    ]
    return a4_document(story, title=f"SKM {period.unit.name} {period.label}")


def _introduction_and_method(report: ReportData, styles) -> list:
    period, results = report.period, report.results
    body, h1, h2 = styles["BodyText"], styles["Title"], styles["Heading2"]
    story = [
        Paragraph(_("Report of the community satisfaction survey (SKM)"), h1),
        Paragraph(
            markup("%(a)s<br/>%(b)s", a=period.unit.name, b=period.label), styles["Heading3"]
        ),
        Spacer(1, 6 * mm),
        Paragraph(_("I. Introduction"), h2),
        Paragraph(
            _(
                "The community satisfaction survey measures how the users of a public service judge it, so that the "
                "unit can improve. Legal basis: Law 25/2009 on public services; Government Regulation 96/2012; "
                "Regulation of the Minister PANRB 14/2017 on the guidelines for community satisfaction surveys."
            ),
            body,
        ),
        Paragraph(_("II. Method"), h2),
        Paragraph(
            _(
                "Period: %(start)s to %(end)s. Questionnaire with %(n)s elements, each answered on a scale of 1 to 4. "
                "Service users in the period: %(population)s; required sample (Krejcie & Morgan): %(required)s; "
                "respondents: %(respondents)s."
            )
            % {
                "start": date_format(period.starts_on, "j F Y"),
                "end": date_format(period.ends_on, "j F Y"),
                "n": len(results.elements),
                "population": period.population,
                "required": results.required,
                "respondents": results.respondents,
            },
            body,
        ),
        Paragraph(_sample_note(results), body),
        Paragraph(
            _("Answers came through: %(sources)s.")
            % {"sources": ", ".join(f"{label} {n}" for label, n in report.sources) or "—"},
            body,
        ),
        Paragraph(
            _(
                "Processing: NRR per element = sum of scores / answers; weighted NRR = NRR × weight (%(weight)s); "
                "IKM = Σ weighted NRR × 25. The grade is read from the interval table on the IKM rounded to two decimals."
            )
            % {"weight": _("exactly 1/n") if period.weight_mode == "exact" else "0,111"},
            body,
        ),
        Spacer(1, 2 * mm),
    ]
    bands: list[list[object]] = [[_("Perception value"), "NI", "NIK", _("Grade"), _("Performance")]]
    for index, band in enumerate(report.bands, start=1):
        bands.append(
            [
                str(index),
                f"{_num(band.ni_min, 4)} – {_num(band.ni_max, 4)}",
                f"{_num(band.nik_min)} – {_num(band.nik_max)}",
                band.grade,
                band.performance,
            ]
        )
    story.append(Table(bands, style=GRID))
    return story


def _results(report: ReportData, styles) -> list:
    results = report.results
    body, h2 = styles["BodyText"], styles["Heading2"]
    # Column headings wrap inside their cell instead of running into the next one.
    head = ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=8, leading=10)
    story: list = [Paragraph(_("III. Results"), h2)]
    if results.ikm:
        story.append(
            Paragraph(
                markup(
                    _(
                        "IKM: <b>%(ikm)s</b> (on 1–4: %(ikm4)s), grade <b>%(grade)s</b>, "
                        "%(performance)s."
                    ),
                    ikm=_num(results.ikm.ikm),
                    ikm4=_num(results.ikm.ikm_4, 3),
                    grade=results.ikm.grade,
                    performance=results.ikm.performance,
                ),
                body,
            )
        )
    else:
        story.append(Paragraph(results.problem or _("No answers yet."), body))
    rows: list[list[object]] = [
        [
            Paragraph(text, head)
            for text in (
                _("Code"),
                _("Element"),
                _("Answers"),
                _("Sum"),
                "NRR",
                _("Weighted NRR"),
                _("Rank"),
            )
        ]
    ]
    for row in results.elements:
        rows.append(
            [
                row.item.code,
                Paragraph(row.item.shown_label, body),
                row.answered,
                row.total,
                _num(row.nrr, 3),
                _num(row.weighted_nrr, 3),
                row.rank or "—",
            ]
        )
    story += [
        Spacer(1, 2 * mm),
        Table(
            rows,
            style=GRID,
            colWidths=[12 * mm, 55 * mm, 18 * mm, 18 * mm, 18 * mm, 25 * mm, 15 * mm],
        ),
    ]
    return story


def _profile_and_suggestions(report: ReportData, styles) -> list:
    body = styles["BodyText"]
    story: list = []
    for table in report.profile:
        data = [
            [table.item.shown_label, _("Respondents")],
            *[[label, n] for label, n in table.rows],
        ]
        story += [Spacer(1, 3 * mm), Table(data, style=GRID, colWidths=[60 * mm, 30 * mm])]
    if report.suggestions:
        story += [Paragraph(_("Suggestions"), styles["Heading3"])]
        if report.theme_counts:
            story.append(
                Paragraph(
                    _("Themes:")
                    + " "
                    + ", ".join(f"{label} ({n})" for label, n in report.theme_counts),
                    body,
                )
            )
        for answer in report.suggestions[:20]:
            story.append(Paragraph(f"• {answer.value_text}", body))
    return story


def _conclusions(report: ReportData, styles) -> list:
    results = report.results
    body, h2 = styles["BodyText"], styles["Heading2"]
    story: list = []
    story.append(Paragraph(_("IV. Conclusions and follow-up"), h2))
    if results.ikm:
        story.append(
            Paragraph(
                _(
                    "The service is rated %(performance)s (grade %(grade)s). Weakest elements: %(weak)s. "
                    "Strongest elements: %(strong)s."
                )
                % {
                    "performance": results.ikm.performance,
                    "grade": results.ikm.grade,
                    "weak": ", ".join(
                        f"{r.item.shown_label} ({_num(r.nrr)})" for r in report.weakest
                    ),
                    "strong": ", ".join(
                        f"{r.item.shown_label} ({_num(r.nrr)})" for r in report.strongest
                    ),
                },
                body,
            )
        )
    plan: list[list[object]] = [
        [_("Element"), _("Action"), _("Responsible"), _("Deadline"), _("Status")]
    ]
    for action in report.plan:
        plan.append(
            [
                Paragraph(
                    action.element.shown_label if action.element else action.element_key, body
                ),
                Paragraph(action.plan_text, body),
                Paragraph(action.owner_label, body),
                date_format(action.due_on, "SHORT_DATE_FORMAT"),
                action.get_status_display(),
            ]
        )
    if len(plan) > 1:
        story += [Table(plan, style=GRID, colWidths=[30 * mm, 65 * mm, 30 * mm, 22 * mm, 25 * mm])]
        if report.plan_summary.percent is not None:
            story.append(
                Paragraph(
                    _("%(realised)s of %(total)s actions realised (%(percent)s%%).")
                    % {
                        "realised": report.plan_summary.realised,
                        "total": report.plan_summary.total,
                        "percent": _num(report.plan_summary.percent, 0),
                    },
                    body,
                )
            )
    else:
        story.append(Paragraph(_("No follow-up action yet."), body))
    return story


def _sample_note(results) -> str:
    """The same words as the page's sample note (templates/satisfaction/_sample_note.html)."""
    text = _("%(n)s of the %(required)s respondents the sample requires") % {
        "n": results.respondents,
        "required": results.required,
    }
    if results.margin_points is not None:
        text += " · " + _("margin of error ± %(margin)s points at 95 %%") % {
            "margin": fmt(results.margin_points, 1)
        }
    text += "."
    if results.below_sample and results.period.publish_reason:
        text += " " + _("Published below the required sample: %(reason)s") % {
            "reason": results.period.publish_reason
        }
    for item in results.period.publications.all():
        if item.correction:
            text += " " + item.correction
    return text
