import pytest

from pantau.privacy.tests.factories import BreachFactory, SubjectRequestFactory

pytestmark = pytest.mark.django_db


def test_factory_requests_and_breaches_get_their_due_dates_and_records():
    request = SubjectRequestFactory()
    assert request.due_at > request.received_at
    assert BreachFactory().subjects == 12
