"""Form pieces shared by the modules."""

from django import forms
from django.utils.translation import gettext


class KnownModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that accepts, without a query, an instance the view already holds,
    read with the field's own filter: ``known`` maps ``str(pk)`` to it. Any other value is
    looked up in the queryset as usual (and refused when it is not there)."""

    known: dict | None = None

    def to_python(self, value):
        if self.known and value not in self.empty_values:
            hit = self.known.get(str(value))
            if hit is not None:
                return hit
        return super().to_python(value)


class LongTextField(forms.CharField):
    """Text a person may type or paste at length: a report, a suggestion, a comment. The browser
    never cuts it (no ``maxlength`` attribute: a pasted 20,000-character report used to be cut to
    10,000 and sent without a word). The limit travels as ``data-maxlength`` for a live count
    (static/js/charcount.js) and is checked here; the error names the limit and the form keeps the
    text so the person can shorten it (issue 19)."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if "maxlength" in attrs:
            attrs["data-maxlength"] = attrs.pop("maxlength")
            attrs["data-count-text"] = gettext("%(count)s of %(max)s characters")
        return attrs
