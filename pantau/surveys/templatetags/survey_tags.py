from django import template
from django.templatetags.static import static

register = template.Library()


@register.filter
def option_icon(item, value) -> str:
    """The static URL of the pictogram of the item's option with this value, or an empty string."""
    for option in item.options.all():
        if str(option.value) == str(value) and option.icon:
            return static(f"img/{option.icon}.svg")
    return ""
