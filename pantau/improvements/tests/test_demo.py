"""The demo tells the loop: an SKM element weak in one quarter, the action taken, and the next
quarter's figure; reloading the demo changes nothing."""

from datetime import date

import pytest

from pantau.common.demo import load_demo
from pantau.improvements import figures
from pantau.improvements.models import Action

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english_in_2025():
    """The demo is loaded on today's date (its forums were held, its surveys are open now)."""
    yield


def test_the_demo_tells_the_lombok_timur_story_and_reloads_unchanged():
    load_demo(scale=0.05)
    count = Action.objects.count()
    story = Action.objects.get(
        unit__slug="dinsos-mpp-lombok-timur", element_key="waktu", period__number=1
    )
    assert (story.status, story.owner.username, story.is_public) == ("done", "kepala.dinsos", True)
    figures.attach([story], today=date(2025, 12, 1))
    figure = story.figure
    assert figure.before.value == pytest.approx(float(story.baseline), abs=0.01)
    assert figure.after is not None and figure.improved is True
    assert figure.after.value >= 3.2 > figure.before.value
    cakung = Action.objects.get(
        unit__slug="ptsp-kecamatan-cakung", element_key="prosedur", period__number=2
    )
    figures.attach([cakung], today=date(2025, 12, 1))
    assert cakung.figure.improved is True
    # Each demo unit's third-quarter plan: one done, one in progress, one planned.
    assert Action.objects.filter(period__number=3).count() == 9
    # Every PEKPPP action plan of the demo rounds is in the register.
    from pantau.evaluations.models import Recommendation

    planned = Recommendation.objects.exclude(action_plan="").count()
    assert planned and Action.objects.filter(source="recommendation").count() == planned
    load_demo(scale=0.05)
    assert Action.objects.count() == count
