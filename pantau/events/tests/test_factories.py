import pytest

from pantau.events.models import WebhookEvent
from pantau.events.tests.factories import WebhookEndpointFactory

pytestmark = pytest.mark.django_db


def test_a_factory_endpoint_listens_to_every_event_over_https():
    endpoint = WebhookEndpointFactory()
    assert endpoint.url.startswith("https://") and endpoint.is_active
    assert sorted(endpoint.events) == sorted(WebhookEvent.values)
