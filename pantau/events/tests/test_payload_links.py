"""Links in event payloads begin with the site's configured address (PANTAU_SITE_URL), never a
request's host, and lead to the record in the API (issue 20)."""

from urllib.parse import urlsplit

import pytest
from django.urls import resolve
from django.utils import timezone

from pantau.complaints.tests.factories import ComplaintFactory
from pantau.events.models import Event
from pantau.satisfaction import events as skm_events
from pantau.satisfaction.tests.factories import SurveyPeriodFactory

pytestmark = pytest.mark.django_db

SITE = "https://pantau.lomboktimurkab.go.id"


def test_a_report_event_links_to_the_configured_address(
    unit_a, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE + "/"
    with django_capture_on_commit_callbacks(execute=True):
        complaint = ComplaintFactory(unit=unit_a)
    url = Event.objects.get().payload["data"]["url"]
    assert url == f"{SITE}/api/v1/complaints/{complaint.tracking_number}/"
    match = resolve(urlsplit(url).path)
    assert match.view_name == "api-v1:complaint-detail"
    assert match.kwargs == {"number": complaint.tracking_number}


def test_a_published_result_event_links_to_the_configured_address(
    unit_a, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    period = SurveyPeriodFactory(unit=unit_a)
    period.published_at = timezone.now()  # what publish_period has set when it emits
    with django_capture_on_commit_callbacks(execute=True):
        skm_events.skm_result_published(period)
    url = Event.objects.get(type="skm.result_published").payload["data"]["url"]
    assert url == f"{SITE}/api/v1/skm/results/{period.pk}/"
    match = resolve(urlsplit(url).path)
    assert match.view_name == "api-v1:skm-result-detail" and match.kwargs == {"pk": period.pk}
