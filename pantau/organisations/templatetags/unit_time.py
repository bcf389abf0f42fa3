"""Times as the unit's own clock shows them, with the zone named (issue 19: Lombok Timur keeps
WITA hours, and times without a zone read as WIB)."""

from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()

ZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@register.filter
def unit_time(moment, unit=None) -> str:
    """``moment`` in ``unit``'s time zone (WIB when there is no unit), e.g. "5 Desember 2026
    15.05 WITA"."""
    if moment is None:
        return ""
    zone = getattr(unit, "time_zone", None) or "Asia/Jakarta"
    local = timezone.localtime(moment, ZoneInfo(zone))
    return f"{date_format(local, 'j F Y H.i')} {ZONES.get(zone, zone)}"
