from django import template

from ..public_text import public_subject

register = template.Library()


@register.filter
def masked_subject(complaint) -> str:
    """A complaint's title as the public may read it (pantau.complaints.public_text)."""
    return public_subject(complaint)
