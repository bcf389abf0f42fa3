"""Text put into a PDF paragraph is escaped unless it is Pantau's own markup."""

from pantau.common.pdf import Markup, Paragraph, esc, join, markup


def test_plain_text_is_escaped_with_line_breaks_kept():
    assert esc('<img src="/x.png"/> & <b>') == '&lt;img src="/x.png"/&gt; &amp; &lt;b&gt;'
    assert esc("a\nb") == "a<br/>b" and esc(None) == ""


def test_markup_escapes_the_values_not_the_template():
    built = markup("<b>%(name)s</b>", name="<i>x</i>")
    assert isinstance(built, Markup) and built == "<b>&lt;i&gt;x&lt;/i&gt;</b>"
    assert join("<br/>", ["<a>", "b"]) == "&lt;a&gt;<br/>b"


def test_paragraph_of_hostile_text_builds_and_keeps_the_text():
    paragraph = Paragraph("<img src=x onerror=alert(1)>")
    assert "img src=x" in paragraph.getPlainText()
    assert Paragraph(markup("<b>%(a)s</b>", a="<x>")).getPlainText() == "<x>"
