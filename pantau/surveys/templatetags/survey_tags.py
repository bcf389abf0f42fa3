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


@register.filter
def item_extras(form, item) -> list:
    """The bound fields a form adds beside one item (a checklist's note and photo), in order;
    none for a questionnaire that adds nothing (``ResponseForm.extras``)."""
    extras = getattr(form, "extras", None)
    return list(extras(item)) if extras is not None else []


@register.filter
def extras_open(extras) -> bool:
    """Whether the extras beside an item are shown unfolded: when one holds a value or an
    error, so that nothing entered or refused is hidden."""
    return any(field.errors or field.value() for field in extras)
