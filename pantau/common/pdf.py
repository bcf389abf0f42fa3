"""The one way Pantau puts text into a reportlab PDF.

reportlab's ``Paragraph`` reads its text as markup: a citizen's suggestion ``<img src=x
onerror=…>`` made the SKM report answer 500, and ``<img src="/path/on/server.png"/>`` embedded a
file from the server's disk (issue 22). ``Paragraph`` here escapes everything it is given, with
line breaks kept, unless the text is ``Markup`` built by ``markup()``, which escapes the values it
puts into our own template (as Django's ``format_html`` does for HTML).
"""

from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph as _ReportlabParagraph


class Markup(str):
    """Paragraph markup written by Pantau's code, its values already escaped."""


def esc(value) -> str:
    """A value as text in paragraph markup: escaped, with its line breaks kept."""
    return escape("" if value is None else str(value)).replace("\n", "<br/>")


def markup(template: str, **values) -> Markup:
    """``template`` (ours, with ``%(name)s`` slots, e.g. a translated string with ``<b>``) filled
    with ``values``, each escaped."""
    return Markup(str(template) % {name: esc(value) for name, value in values.items()})


def join(separator: str, parts) -> Markup:
    """Escaped ``parts`` joined by ``separator`` (our markup, e.g. ``<br/>``)."""
    return Markup(separator.join(esc(part) for part in parts))


def Paragraph(text, style=None, *args, **kwargs):  # noqa: N802 (stands in for the class)
    """reportlab's Paragraph, with ``text`` escaped unless it is ``Markup``."""
    if not isinstance(text, Markup):
        text = esc(text)
    return _ReportlabParagraph(text, style, *args, **kwargs)


# --- Fonts -----------------------------------------------------------------------------------
# Every PDF embeds its fonts, so it prints the same on every machine (issue 17). The fonts are
# Bitstream Vera, which ships inside the reportlab package the project installs: nothing is
# fetched at run time and no system font is needed.

FONT = "PantauSans"
FONT_BOLD = "PantauSans-Bold"
FONT_ITALIC = "PantauSans-Italic"
FONT_BOLD_ITALIC = "PantauSans-BoldItalic"
_STANDARD = {
    "Helvetica": FONT,
    "Helvetica-Bold": FONT_BOLD,
    "Helvetica-Oblique": FONT_ITALIC,
    "Helvetica-BoldOblique": FONT_BOLD_ITALIC,
    "Times-Roman": FONT,
    "Times-Bold": FONT_BOLD,
    "Times-Italic": FONT_ITALIC,
    "Times-BoldItalic": FONT_BOLD_ITALIC,
    "Courier": FONT,
}
_registered = False


def register_fonts() -> None:
    """Register the embedded fonts once, and make them the default of table cells and charts,
    so no text falls back to one of the 14 standard (never embedded) PDF fonts."""
    global _registered
    if _registered:
        return
    from pathlib import Path

    import reportlab
    from reportlab.graphics import shapes
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import tables

    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file in (
        (FONT, "Vera.ttf"),
        (FONT_BOLD, "VeraBd.ttf"),
        (FONT_ITALIC, "VeraIt.ttf"),
        (FONT_BOLD_ITALIC, "VeraBI.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    from reportlab import rl_config

    rl_config.canvas_basefontname = FONT  # a page's initial font
    tables.CellStyle.fontname = FONT
    shapes.STATE_DEFAULTS["fontName"] = FONT
    _registered = True


def font(name: str) -> str:
    """The embedded font standing in for a standard PDF font name."""
    register_fonts()
    return _STANDARD.get(name, name)


def stylesheet():
    """reportlab's sample stylesheet with every style in the embedded fonts."""
    from reportlab.lib.styles import getSampleStyleSheet

    register_fonts()
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        if hasattr(style, "fontName"):
            style.fontName = _STANDARD.get(style.fontName, style.fontName)
    return styles


def fonts_not_embedded(content: bytes) -> set[str]:
    """Names of the fonts a PDF uses without embedding them (for tests; ``pdffonts``' emb=no)."""
    from io import BytesIO

    from pypdf import PdfReader

    missing: set[str] = set()
    for page in PdfReader(BytesIO(content)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font_dict = ref.get_object()
            descriptor = font_dict.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font_dict:
                descriptor = font_dict["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font_dict.get("/BaseFont")))
    return missing


def grid_style(*, font_size: float = 8, extra: list | None = None):
    """The data tables' style, one for every PDF: a grey grid, a tinted heading row in the bold
    embedded font, cells aligned at the top; ``extra`` adds a table's own commands."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    register_fonts()
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), font_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *(extra or []),
        ]
    )


def a4_document(story: list, *, title: str) -> bytes:
    """The house's A4 report: the story on A4 with 18 mm side and 16 mm top and bottom margins,
    the title in the file's properties."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=title,
    ).build(story)
    return buffer.getvalue()
