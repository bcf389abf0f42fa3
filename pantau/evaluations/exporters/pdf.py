"""The evaluation report of one lokus as an A4 PDF (ReportLab), and the A4 certificate page."""

from io import BytesIO

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from pantau.common.numbers import fmt
from pantau.common.pdf import Paragraph, grid_style, join, markup
from pantau.common.pdf import stylesheet as pdf_stylesheet

from ..models import Method
from ..report import LokusReport

GRID = grid_style()


def _num(value, places=2) -> str:
    return fmt(value, places)  # rounds half up as the pages do (pantau.common.numbers)


def _label_lines(text: str, room: float) -> list[tuple[float, str]]:
    """The aspect's whole name, on one line, or on two when it is wider than ``room`` points
    (it used to be cut: "Sistem Informasi Pelayanan Publ")."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pantau.common.pdf import FONT, register_fonts

    register_fonts()
    if stringWidth(text, FONT, 7) <= room:
        return [(2, text)]
    words, first = text.split(), ""
    while words and stringWidth(f"{first} {words[0]}".strip(), FONT, 6.5) <= room:
        first = f"{first} {words.pop(0)}".strip()
    return [(7, first), (-1, " ".join(words))]


def _profile_chart(aspects: list[dict]) -> Drawing:
    """Horizontal bars: each aspect's score on 0–5."""
    width, bar_height, gap = 420, 12, 6
    drawing = Drawing(width, len(aspects) * (bar_height + gap) + 10)
    for index, row in enumerate(reversed(aspects)):
        y = 5 + index * (bar_height + gap)
        for offset, line in _label_lines(str(row["aspect"] or row["code"]), 165):
            drawing.add(String(0, y + offset, line, fontSize=7 if offset == 2 else 6.5))
        drawing.add(
            Rect(170, y, 200, bar_height, fillColor=colors.HexColor("#f3f5f7"), strokeWidth=0.3)
        )
        drawing.add(
            Rect(
                170,
                y,
                200 * row["blended"] / 5,
                bar_height,
                fillColor=colors.HexColor("#0b5394"),
                strokeWidth=0,
            )
        )
        drawing.add(String(375, y + 2, _num(row["blended"]), fontSize=7))
    return drawing


def export_pdf(report: LokusReport) -> bytes:
    """Long: a document written top to bottom in the order it prints; each block is a few lines of
    reportlab, and the order is the reader's."""
    lokus = report.lokus
    round_ = lokus.round
    styles = pdf_stylesheet()
    body, h1, h2 = styles["BodyText"], styles["Title"], styles["Heading2"]
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    story = [
        Paragraph(_("Evaluation report of public service delivery (PEKPPP)"), h1),
        Paragraph(markup("%(a)s<br/>%(b)s", a=lokus.unit.name, b=round_.name), styles["Heading3"]),
        Paragraph(
            _("Evaluating body: %(body)s. Instrument: %(instrument)s.")
            % {"body": round_.body.name, "instrument": round_.instrument},
            body,
        ),
        Spacer(1, 4 * mm),
    ]
    result = lokus.result or {}
    if lokus.ipp is not None:
        story += [
            Paragraph(
                _("IPP %(ipp)s · grade %(grade)s (%(label)s) · rank %(rank)s")
                % {
                    "ipp": _num(lokus.ipp),
                    "grade": lokus.grade,
                    "label": lokus.label,
                    "rank": lokus.rank or "—",
                },
                styles["Heading2"],
            ),
            Paragraph(
                _("Method: %(method)s; evaluator share %(share)s.")
                % {
                    "method": str(dict(Method.choices).get(result["method"], result["method"])),
                    "share": _num(result["evaluator_share"]),
                },
                small,
            ),
        ]
        if report.previous is not None:
            story.append(
                Paragraph(
                    _("Previous round (%(round)s): IPP %(ipp)s, grade %(grade)s.")
                    % {
                        "round": report.previous.round.name,
                        "ipp": _num(report.previous.ipp),
                        "grade": report.previous.grade,
                    },
                    small,
                )
            )
        story += [Paragraph(_("Aspect profile"), h2), _profile_chart(report.aspects)]
    elif result:
        story.append(Paragraph(_("No IPP could be computed:") + " " + result["error"], body))
    story.append(Paragraph(_("Scores per indicator"), h2))
    rows = [[_("Indicator"), _("Unit"), _("Evaluators"), _("Final"), _("Notes")]]
    for block in report.blocks:
        rows.append([Paragraph(markup("<b>%(a)s</b>", a=block.aspect), small), "", "", "", ""])
        for row in block.rows:
            rows.append(
                [
                    Paragraph(f"{row.indicator.code} {row.indicator.name}", small),
                    str(row.self_assessment.claimed_score) if row.self_assessment else "—",
                    ", ".join(str(s.score) for s in row.scores) or "—",
                    "—" if row.final is None else str(row.final),
                    Paragraph(join("<br/>", (s.note for s in row.scores if s.note)), small),
                ]
            )
    table = Table(rows, colWidths=[62 * mm, 14 * mm, 20 * mm, 14 * mm, 60 * mm], repeatRows=1)
    table.setStyle(GRID)
    story.append(table)
    story.append(Paragraph(_("Recommendations"), h2))
    for recommendation in report.recommendations:
        story.append(
            Paragraph(
                markup(
                    "<b>%(aspect)s</b> (%(status)s): %(text)s",
                    aspect=recommendation.aspect,
                    status=recommendation.get_status_display(),
                    text=recommendation.text,
                ),
                body,
            )
        )
    if not report.recommendations:
        story.append(Paragraph(_("No recommendation yet."), body))
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"PEKPPP {lokus.unit.name}",
        leftMargin=15 * mm,
        rightMargin=15 * mm,
    ).build(story)
    return buffer.getvalue()


def export_certificate(lokus) -> bytes:
    """An A4 certificate-style page for a unit graded A (Pelayanan Prima)."""
    styles = pdf_stylesheet()
    centred = styles["Title"].clone("centred", alignment=1)
    body = styles["BodyText"].clone("centred-body", alignment=1, fontSize=13, leading=18)
    story = [
        Spacer(1, 40 * mm),
        Paragraph(_("Certificate"), centred),
        Spacer(1, 10 * mm),
        Paragraph(_("awarded to"), body),
        Paragraph(markup("<b>%(a)s</b>", a=lokus.unit.name), styles["Title"]),
        Spacer(1, 6 * mm),
        Paragraph(
            _(
                "for achieving the grade %(grade)s “%(label)s” with a public service index of %(ipp)s in %(round)s."
            )
            % {
                "grade": lokus.grade,
                "label": lokus.label,
                "ipp": _num(lokus.ipp),
                "round": lokus.round.name,
            },
            body,
        ),
        Spacer(1, 20 * mm),
        Paragraph(lokus.round.body.name, body),
        Paragraph(date_format(lokus.round.results_on, "j F Y"), body),
    ]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=_("Certificate")).build(story)
    return buffer.getvalue()


def export_round_summary(round_, summary: dict, ranking) -> bytes:
    """The summary for the head of the evaluating body: figures, categories and the ranking."""
    styles = pdf_stylesheet()
    body, h1, h2 = styles["BodyText"], styles["Title"], styles["Heading2"]
    story = [
        Paragraph(_("Summary of the evaluation round"), h1),
        Paragraph(markup("%(a)s<br/>%(b)s", a=round_.name, b=round_.body.name), styles["Heading3"]),
        Paragraph(
            _("Instrument: %(instrument)s. Method: %(method)s.")
            % {"instrument": round_.instrument, "method": round_.get_method_display()},
            body,
        ),
        Paragraph(
            _(
                "%(units)s units evaluated, %(computed)s with an IPP; %(recommendations)s "
                "recommendations, %(done)s of them followed up: %(followed)s."
            )
            % {
                "units": summary["units"],
                "computed": summary["computed"],
                "recommendations": summary["recommendations"],
                "done": summary["recommendations_followed_up"],
                "followed": "—"
                if summary["follow_up_percent"] is None
                else f"{summary['follow_up_percent']}%",
            },
            body,
        ),
        Paragraph(_("Distribution of units by grade"), h2),
    ]
    grades = Table(
        [[_("Category"), _("units")]]
        + [[row["grade"], str(row["count"])] for row in summary["grade_rows"]],
        colWidths=[30 * mm, 30 * mm],
    )
    grades.setStyle(GRID)
    story += [grades, Paragraph(_("Ranking"), h2)]
    rows = [[_("Rank"), _("Service unit"), _("Class of service"), "IPP", _("Category")]]
    rows += [
        [str(lokus.rank), Paragraph(lokus.unit.name, body), lokus.get_service_class_display(),
         _num(lokus.ipp), f"{lokus.grade} {lokus.label}"]
        for lokus in ranking
    ]  # fmt: skip
    table = Table(rows, colWidths=[14 * mm, 70 * mm, 30 * mm, 16 * mm, 50 * mm], repeatRows=1)
    table.setStyle(GRID)
    story.append(table)
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=round_.name).build(story)
    return buffer.getvalue()
