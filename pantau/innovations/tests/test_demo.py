"""The demo tells One Agency One Innovation and ATM: Lombok Timur's home visits institutionalised
by a regent's regulation, copied and modified by a Jakarta Timur unit; reloading changes nothing."""

import pytest

from pantau.common.demo import load_demo
from pantau.innovations import selectors
from pantau.innovations.models import Innovation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english_on_a_fixed_day():
    """The demo is loaded on today's date, like every other demo loader."""
    yield


def test_the_demo_tells_the_atm_story_and_reloads_unchanged():
    load_demo(scale=0.05)
    original = Innovation.objects.get(unit__slug="dinsos-mpp-lombok-timur")
    assert (original.stage, original.decree_number, original.is_public) == (
        "institutionalised",
        "45 Tahun 2024",
        True,
    )
    original.full_clean()  # the demo keeps the rules the services keep
    copy = Innovation.objects.get(unit__slug="ptsp-kecamatan-duren-sawit")
    assert (copy.replicates, copy.stage, copy.unit.agency.parent.slug) == (
        original,
        "trial",
        "kota-jakarta-timur",
    )
    copy.full_clean()
    entry = selectors.get_public_innovation(original.pk)
    assert entry.replication_count == 1 and entry.public_replications == [copy]
    # Running for more than a year, entered in a competition; a regent's regulation with a
    # budget, facilities and a team.
    from django.utils import timezone

    evidence = selectors.pekppp_evidence(original.unit, today=timezone.localdate())
    assert evidence.scores == {"29.f.B": 4, "30.f.B": 5}
    history = original.history.count()
    load_demo(scale=0.05)
    assert Innovation.objects.count() == 2
    assert original.history.count() == history
