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
