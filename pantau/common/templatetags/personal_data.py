from django import template

from pantau.common.personal_data import mask_personal_data

register = template.Library()


@register.filter
def masked_subject(complaint) -> str:
    """A complaint's subject with what looks like personal data masked, for public pages."""
    name = getattr(complaint, "reporter_name", "")
    return mask_personal_data(complaint.subject, names=(name,) if name else ())
