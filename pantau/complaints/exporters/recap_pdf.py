"""The monthly recap as an A4 landscape PDF, like the tables units publish (domain spec 3.5)."""

from io import BytesIO

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from pantau.common.numbers import fmt
from pantau.common.pdf import FONT_BOLD, Paragraph, grid_style
from pantau.common.pdf import stylesheet as pdf_stylesheet


def export_recap_pdf(data: dict, months: list[str]) -> bytes:
    styles = pdf_stylesheet()
    header = [_("Kind"), *[m[:3] for m in months], _("Total")]
    # Counts as the page prints them ("1.234" in Indonesian), the year never (issue 17).
    rows = [header] + [
        [str(r["label"]), *[fmt(n, 0) for n in r["months"]], fmt(r["total"], 0)]
        for r in data["rows"]
    ]
    table = Table(rows, repeatRows=1)
    table.setStyle(
        grid_style(
            font_size=9,
            extra=[
                ("FONTNAME", (-1, 1), (-1, -1), FONT_BOLD),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ],
        )
    )
    story = [
        Paragraph(_("Monthly recap of information and complaint services"), styles["Title"]),
        Paragraph(f"{data['title']} · {data['year']:d}", styles["Heading3"]),
        Spacer(1, 4 * mm),
        table,
    ]
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
    ).build(story)
    return buffer.getvalue()
