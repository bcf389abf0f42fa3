"""A report card as an A4 PDF (ReportLab): the same ``document.Document`` the screen renders,
section by section, so the paper says what the page says."""

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from pantau.common.pdf import Paragraph, a4_document, grid_style, markup
from pantau.common.pdf import stylesheet as pdf_stylesheet

from .. import document, selectors
from ..models import ReportCard

WIDTH = A4[0] - 36 * mm


def _table(table: document.Table, styles) -> list:
    cell = ParagraphStyle("card-cell", parent=styles["BodyText"], fontSize=8.5, leading=10.5)
    rows = [[Paragraph(text, cell) for text in table.head]]
    rows += [[Paragraph(text, cell) for text in row] for row in table.rows]
    first = WIDTH * (0.46 if len(table.head) > 2 else 0.75)
    rest = (WIDTH - first) / max(len(table.head) - 1, 1)
    return [
        Paragraph(markup("<i>%(caption)s</i>", caption=table.caption), styles["BodyText"]),
        Table(
            rows,
            colWidths=[first] + [rest] * (len(table.head) - 1),
            style=grid_style(font_size=8.5),
            repeatRows=1,
        ),
        Spacer(1, 3 * mm),
    ]


def _section(section: document.Section, styles) -> list:
    body = styles["BodyText"]
    story: list = [Paragraph(section.title, styles["Heading2"])]
    if section.intro:
        story.append(Paragraph(section.intro, body))
    if section.facts:
        story.append(
            Table(
                [
                    [Paragraph(label, body), Paragraph(value, body)]
                    for label, value in section.facts
                ],
                colWidths=[WIDTH * 0.45, WIDTH * 0.55],
                style=grid_style(font_size=9, extra=[("BACKGROUND", (0, 0), (-1, 0), None)]),
            )
        )
        story.append(Spacer(1, 3 * mm))
    for table in section.tables:
        story += _table(table, styles)
    for item in section.items:
        story.append(Paragraph(markup("• %(item)s", item=item), body))
    if section.note:
        story.append(Paragraph(section.note, body))
    return story


def export_pdf(card: ReportCard) -> bytes:
    doc = document.build(card, observations_available=selectors.observations_available())
    styles = pdf_stylesheet()
    story: list = [
        Paragraph(doc.title, styles["Title"]),
        Paragraph(
            markup("%(unit)s<br/>%(agency)s", unit=doc.unit, agency=doc.agency), styles["Heading3"]
        ),
        Paragraph(doc.status_line, styles["BodyText"]),
    ]
    if doc.message:
        story += [
            Paragraph(_("The unit's word"), styles["Heading2"]),
            Paragraph(doc.message, styles["BodyText"]),
        ]
    for section in doc.sections:
        story += _section(section, styles)
    return a4_document(story, title=f"{doc.title} · {doc.unit}")
