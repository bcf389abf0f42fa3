import pytest

from pantau.api.authentication import find_token
from pantau.api.demo import DEMO_TOKEN
from pantau.common.demo import load_demo
from pantau.events.models import WebhookDelivery

pytestmark = pytest.mark.django_db


def test_demo_loader_is_idempotent_and_its_token_reads(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(scale=0.05)
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(scale=0.05)
    token = find_token(DEMO_TOKEN)
    assert token is not None and not token.can_write
    log = WebhookDelivery.objects.select_related("event", "endpoint")
    assert len(log) == 2 and {d.event.unit_id for d in log} == {log[0].endpoint.unit_id}
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {DEMO_TOKEN}")
    response = api.get("/api/v1/complaints/")
    assert response.status_code == 200 and response.json()["results"]
