"""A unit's page offers only what a citizen can answer today (issue 19: its "Berikan penilaian"
button led to "Tidak ada survei yang sedang dibuka", and a perception study could not be found
from the portal)."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from pantau.organisations.tests.factories import ServiceFactory
from pantau.satisfaction import services as skm
from pantau.studies.models import RespondentGroup, Study


def _page(client, unit) -> str:
    return client.get(reverse("portal:unit-detail", args=[unit.slug])).content.decode()


def test_no_open_survey_no_button(client, unit_a):
    body = _page(client, unit_a)
    assert reverse("survey:unit", args=[unit_a.slug]) not in body


def test_an_open_survey_covering_today_has_its_button(client, unit_a, unit_head_a, time_machine):
    time_machine.move_to(date(2025, 2, 14))
    period = skm.create_period(
        actor=unit_head_a,
        unit=unit_a,
        kind="quarter",
        year=2025,
        number=1,
        population=100,
        services=[ServiceFactory(unit=unit_a)],
    )
    skm.change_period_status(actor=unit_head_a, period=period, action="open")
    assert reverse("survey:unit", args=[unit_a.slug]) in _page(client, unit_a)
    time_machine.move_to(date(2024, 12, 1))
    body = _page(client, unit_a)
    assert reverse("survey:unit", args=[unit_a.slug]) not in body
    assert "Survei berikutnya dibuka pada 1 Januari 2025" in body


def test_an_open_study_is_offered(client, unit_a, unit_head_a):
    from pantau.studies import services as studies

    today = timezone.localdate()
    study = studies.create_study(
        actor=unit_head_a,
        unit=unit_a,
        title="Studi NPS Loket",
        starts_on=today.replace(day=1),
        ends_on=date(today.year + 1, 12, 31),
        recipient_target=30,
        provider_target=10,
    )
    studies.change_study_status(actor=unit_head_a, study=study, action="open")
    group = RespondentGroup.objects.get(study=study, unit=unit_a, role="recipient")
    body = _page(client, unit_a)
    assert "Ikuti studi “Studi NPS Loket”" in body
    assert reverse("study:form", args=[group.collection.token]) in body
    assert Study.objects.count() == 1
