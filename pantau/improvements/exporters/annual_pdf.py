"""The annual improvement plan or its realisation report as an A4 PDF (landscape: the table is
wide), the same headings, summary and table as the page (``columns``)."""

from io import BytesIO
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from pantau.common.pdf import FONT_BOLD, Paragraph, grid_style
from pantau.common.pdf import stylesheet as pdf_stylesheet

from ..annual import AnnualDocument, Row
from . import columns as cols

GRID = grid_style(font_size=7.5)
MARGIN = 12 * mm
WIDTH = landscape(A4)[0] - 2 * MARGIN


def _table(document: AnnualDocument, rows: list[Row], styles: Any) -> Table:
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=7.5, leading=9)
    head = ParagraphStyle("head", parent=cell, fontName=FONT_BOLD)
    chosen = cols.columns(document)
    data = [[Paragraph(column.heading, head) for column in chosen]]
    data += [[Paragraph(cols.as_text(column, row), cell) for column in chosen] for row in rows]
    total = sum(column.width for column in chosen)
    widths = [WIDTH * column.width / total for column in chosen]
    return Table(data, style=GRID, repeatRows=1, colWidths=widths)


def export_pdf(document: AnnualDocument) -> bytes:
    styles = pdf_stylesheet()
    body, h1, h2, h3 = (
        styles["BodyText"],
        styles["Title"],
        styles["Heading2"],
        styles["Heading3"],
    )
    story: list[Any] = [
        Paragraph(document.title, h1),
        Paragraph(document.name, h3),
        Paragraph(
            _("Drawn from the improvement register on %(day)s.")
            % {"day": date_format(document.today, "j F Y")},
            body,
        ),
        Spacer(1, 3 * mm),
        Table([list(line) for line in cols.summary(document)], style=grid_style(font_size=9)),
    ]
    for section in document.sections:
        story.append(Paragraph(section.unit.name, h2))
        if not section.rows:
            story.append(Paragraph(_("No action is due in this year."), body))
        for group in section.groups:
            story.append(Paragraph(group.label, h3))
            story.append(_table(document, group.rows, styles))
    if document.is_plan and document.carried_in:
        story.append(Paragraph(_("Carried over from earlier years"), h2))
        story.append(_table(document, document.carried_in, styles))
    if not document.is_plan:
        story.append(Paragraph(_("Carried over to %(year)s") % {"year": document.next_year}, h2))
        if document.carried_out:
            story.append(_table(document, document.carried_out, styles))
        else:
            story.append(
                Paragraph(_("Nothing carries over: every action is done or dropped."), body)
            )
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{document.title} · {document.name}",
    ).build(story)
    return buffer.getvalue()
