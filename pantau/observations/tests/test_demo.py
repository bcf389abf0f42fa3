"""The demo tells the Jakarta Timur mystery-shopping story; reloading changes nothing."""

from datetime import date

import pytest

from pantau.common.demo import load_demo
from pantau.improvements.models import Action, Source
from pantau.observations.models import Visit
from pantau.observations.selectors import unit_observation_summary

pytestmark = pytest.mark.django_db


def test_the_demo_visits_cakung_and_duren_sawit_and_reloads_unchanged():
    load_demo(scale=0.05)
    visits = Visit.objects.filter(status=Visit.Status.SUBMITTED)
    assert visits.count() == 6
    cakung = Visit.objects.get(unit__slug="ptsp-kecamatan-cakung", planned_on=date(2026, 2, 12))
    later = Visit.objects.get(unit__slug="ptsp-kecamatan-cakung", planned_on=date(2026, 8, 20))
    assert later.score > cakung.score
    duren = Visit.objects.get(unit__slug="ptsp-kecamatan-duren-sawit", planned_on=date(2026, 2, 13))
    assert duren.score > cakung.score
    assert not Visit.objects.filter(observer__memberships__unit=cakung.unit, unit=cakung.unit)
    action = Action.objects.get(unit=cakung.unit, source=Source.MYSTERY_SHOPPING)
    assert action.status == "done"
    summary = unit_observation_summary(cakung.unit, date(2026, 1, 1), date(2026, 12, 31))
    assert [c.kind for c in summary.checklists] == ["standard", "behaviour"]
    assert Visit.objects.filter(status=Visit.Status.SCHEDULED).count() == 1
    counts = (Visit.objects.count(), Action.objects.count())
    load_demo(scale=0.05)
    assert (Visit.objects.count(), Action.objects.count()) == counts
