"""A time shown to a citizen or an officer is the unit's own clock with the zone named
(issue 19: Lombok Timur keeps WITA hours)."""

from datetime import UTC, datetime

from django.utils import translation

from pantau.organisations.models import ServiceUnit
from pantau.organisations.templatetags.unit_time import unit_time


def test_a_wita_unit_reads_its_own_clock():
    moment = datetime(2026, 12, 5, 7, 5, tzinfo=UTC)
    lombok = ServiceUnit(time_zone=ServiceUnit.TimeZone.WITA)
    with translation.override("id"):
        assert unit_time(moment, lombok) == "5 Desember 2026 15.05 WITA"
        assert unit_time(moment, None) == "5 Desember 2026 14.05 WIB"
        assert unit_time(None, lombok) == ""
