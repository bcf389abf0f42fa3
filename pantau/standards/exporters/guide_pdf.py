"""The one-page guide of a service as an A4 PDF (ReportLab), generated from the standard in force.

It carries the six service-delivery components a citizen needs (requirements as a checklist, the
steps in order, time, cost, product, where to complain) and a QR code (segno) of the live page,
so that a printed copy always leads to the current version. Everything is shrunk to fit one page.
"""

from io import BytesIO

import segno
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepInFrame,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pantau.common.pdf import FONT, Paragraph
from pantau.common.pdf import stylesheet as pdf_stylesheet

from ..models import StandardVersion
from ..presentation import fee_text, time_limit_text

BRAND = colors.HexColor("#083b6a")


def _box(size: float = 3.2 * mm) -> Drawing:
    """An empty tick box drawn as a square (the embedded font has no box glyph, and the standard
    ZapfDingbats one would not be embedded)."""
    drawing = Drawing(size, size)
    drawing.add(Rect(0, 0, size, size, strokeWidth=0.6, fillColor=None))
    return drawing


def _checklist(paragraphs) -> Table:
    """Paragraphs each after a tick box, for the citizen to tick what they bring."""
    table = Table([[_box(), paragraph] for paragraph in paragraphs], colWidths=[7 * mm, None])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (0, -1), 4),
                ("LEFTPADDING", (0, 0), (0, -1), 4),
            ]
        )
    )
    return table


def qr_drawing(url: str, *, size: float = 32 * mm) -> Drawing:
    """The QR code of ``url`` as vector rectangles (no raster image needed)."""
    code = segno.make(url, error="m")
    matrix = [list(row) for row in code.matrix]
    border = 2
    modules = len(matrix) + 2 * border
    cell = size / modules
    drawing = Drawing(size, size)
    drawing.add(Rect(0, 0, size, size, fillColor=colors.white, strokeColor=None))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                drawing.add(
                    Rect(
                        (x + border) * cell,
                        size - (y + border + 1) * cell,
                        cell,
                        cell,
                        fillColor=colors.black,
                        strokeColor=None,
                    )
                )
    return drawing


def _p(text: str, style):
    return Paragraph(text, style)  # escaped, line breaks kept (pantau.common.pdf)


def export_guide(
    version: StandardVersion,
    *,
    live_url: str,
    complaint_url: str,
    channels: list[str],
    hours: list[str] | None = None,
) -> bytes:
    """Long: a document written top to bottom in the order it prints (the fourteen components of
    the standard); each block is a few lines of reportlab."""
    service, unit = version.service, version.service.unit
    styles = pdf_stylesheet()
    body = ParagraphStyle("guide-body", parent=styles["BodyText"], fontSize=10, leading=13)
    small = ParagraphStyle(
        "guide-small", parent=body, fontSize=8, leading=10, textColor=colors.grey
    )
    h1 = ParagraphStyle(
        "guide-h1", parent=styles["Title"], fontSize=18, leading=22, textColor=BRAND
    )
    h2 = ParagraphStyle(
        "guide-h2",
        parent=styles["Heading3"],
        fontSize=11.5,
        spaceBefore=6,
        spaceAfter=2,
        textColor=BRAND,
    )
    story: list = [
        _p(_("One-page guide"), small),
        _p(service.name, h1),
        _p(f"{unit.name} · {unit.address}, {unit.city}", body),
        _p(_("Opening hours: %(hours)s") % {"hours": "; ".join(hours)}, small)
        if hours
        else Spacer(1, 0),
        Spacer(1, 3 * mm),
        _p(_("1. Requirements: bring these"), h2),
        _checklist(
            [
                _p(f"{r.text}" + (f" ({r.note})" if r.note else ""), body)
                for r in version.requirements.all()
            ]
        )
        if version.requirements.exists()
        else _p(_("No documents are needed."), body),
        _p(_("2. Procedure"), h2),
        ListFlowable(
            [
                ListItem(_p(s.text + (f" ({s.actor})" if s.actor else ""), body))
                for s in version.steps.all()
            ],
            bulletType="1",
            bulletFontName=FONT,  # the embedded font, never reportlab's default Helvetica
            leftIndent=14,
        ),
    ]
    facts = Table(
        [
            [_p(_("3. Time limit"), h2), _p(_("4. Cost"), h2)],
            [_p(time_limit_text(version), body), _p(fee_text(version), body)],
            [
                "",
                _p(
                    _("Legal basis: %(basis)s") % {"basis": version.fee_legal_basis}
                    if version.fee_legal_basis
                    else "",
                    small,
                ),
            ],
        ],
        colWidths=[85 * mm, 85 * mm],
    )
    facts.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story += [facts, _p(_("5. What you receive"), h2), _p(version.product, body)]
    complaint_lines = [
        version.complaint_handling,
        _("Online complaint desk: %(url)s") % {"url": complaint_url},
    ]
    complaint_lines += channels
    story += [
        _p(_("6. Complaints, suggestions and feedback"), h2),
        _p("\n".join(line for line in complaint_lines if line), body),
        Spacer(1, 4 * mm),
    ]
    qr_block = Table(
        [
            [
                qr_drawing(live_url),
                [
                    _p(_("Scan for the current version of this guide:"), body),
                    _p(live_url, body),
                    Spacer(1, 2 * mm),
                    _p(
                        _(
                            "Service standard version %(number)s, set by decree %(decree)s of %(date)s."
                        )
                        % {
                            "number": version.number,
                            "decree": version.decree_number,
                            "date": date_format(version.decree_date, "j F Y")
                            if version.decree_date
                            else "—",
                        },
                        small,
                    ),
                ],
            ]
        ],
        colWidths=[38 * mm, 132 * mm],
    )
    qr_block.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOX", (0, 0), (-1, -1), 0.5, colors.grey)]
        )
    )
    story.append(qr_block)

    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"{service.name} · {unit.name}",
        author=unit.name,
        subject=_("One-page guide"),
    )
    frame_width = A4[0] - 36 * mm
    frame_height = A4[1] - 30 * mm - 1
    doc.build([KeepInFrame(frame_width, frame_height, story, mode="shrink")])
    return buffer.getvalue()
