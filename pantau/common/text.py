"""Types shared by every app."""

from django.utils.functional import Promise

# Text a user reads: a str, or a lazily translated one (gettext_lazy) that becomes a str in the
# language active when it is rendered.
Text = str | Promise
