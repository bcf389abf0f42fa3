"""Form pieces shared by the modules."""

from django import forms


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
