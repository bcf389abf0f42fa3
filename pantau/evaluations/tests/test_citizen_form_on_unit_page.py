"""The unit's public page offers every questionnaire a resident can answer today, the PEKPPP
citizen form (F-03) included, and only while its window is open (issue 19)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from pantau.evaluations.tests.conftest import advance


def test_the_unit_page_offers_the_open_citizen_form(client, lokus_a, evaluator_a, unit_a):
    page = reverse("portal:unit-detail", args=[unit_a.slug])
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    lokus_a.refresh_from_db()
    form = reverse("evaluations:citizen-form", args=[lokus_a.citizen_collection.token])
    assert form in client.get(page).content.decode()
    round_ = lokus_a.round
    round_.citizen_closes = timezone.localdate() - timedelta(days=1)
    round_.citizen_opens = timezone.localdate() - timedelta(days=9)
    round_.save(update_fields=["citizen_opens", "citizen_closes"])
    assert form not in client.get(page).content.decode()
