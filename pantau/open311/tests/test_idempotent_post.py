"""The same POST requests sent again with the same idempotency key (``Idempotency-Key`` header
or ``attribute[submission_token]``) by the same client within a day answers with the first
report, not a second one; the key with other content is refused; another client, or a day
later, is a new report."""

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from pantau.api import services as api_services
from pantau.complaints.models import Complaint
from pantau.open311 import services
from pantau.open311.models import Submission
from pantau.open311.services import IDEMPOTENCY_WINDOW

pytestmark = pytest.mark.django_db

FORM = {
    "service_code": "waktu",
    "description": "Antrean tiga jam.",
    "attribute[unit]": "unit-a",
    "address_string": "Jl. Pahlawan 3",
}


@pytest.fixture
def key(officer_a):
    return api_services.create_token(actor=officer_a, name="fms", can_write=True)[1]


def _post(key, headers=None, **extra):
    return APIClient().post(
        "/open311/v2/requests.json", {"api_key": key, **FORM, **extra}, headers=headers or {}
    )


def test_a_repeated_post_with_the_header_answers_the_first_report(key):
    first = _post(key, headers={"Idempotency-Key": "fms-report-81"})
    again = _post(key, headers={"Idempotency-Key": "fms-report-81"})
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert Complaint.objects.count() == 1 == Submission.objects.count()


def test_the_attribute_works_as_the_header(key):
    first = _post(key, **{"attribute[submission_token]": "81"})
    again = _post(key, **{"attribute[submission_token]": "81"})
    assert again.json() == first.json() and Complaint.objects.count() == 1


def test_without_a_key_every_post_is_a_report(key):
    _post(key)
    _post(key)
    assert Complaint.objects.count() == 2


def test_the_same_key_with_other_content_is_refused(key):
    _post(key, headers={"Idempotency-Key": "k1"})
    other = _post(key, headers={"Idempotency-Key": "k1"}, description="Lain cerita.")
    assert other.status_code == 422 and other.json()[0]["code"] == 422
    assert Complaint.objects.count() == 1


def test_header_and_attribute_must_agree(key):
    response = _post(key, headers={"Idempotency-Key": "a"}, **{"attribute[submission_token]": "b"})
    assert response.status_code == 400 and not Complaint.objects.exists()


def test_a_key_is_one_clients_own(key, officer_a):
    other = api_services.create_token(actor=officer_a, name="lapor", can_write=True)[1]
    _post(key, headers={"Idempotency-Key": "same"})
    _post(other, headers={"Idempotency-Key": "same"})
    assert Complaint.objects.count() == 2


def test_a_day_later_the_key_is_free_again(key):
    first = _post(key, headers={"Idempotency-Key": "daily"})
    Submission.objects.update(
        created_at=Submission.objects.get().created_at - IDEMPOTENCY_WINDOW - timedelta(seconds=1)
    )
    again = _post(key, headers={"Idempotency-Key": "daily"})
    assert again.status_code == 200
    assert again.json()[0]["service_request_id"] != first.json()[0]["service_request_id"]
    assert Complaint.objects.count() == 2


def test_a_replay_answers_even_if_the_request_would_now_be_refused(key, unit_a):
    first = _post(key, headers={"Idempotency-Key": "k"})
    unit_a.is_active = False
    unit_a.save()
    again = _post(key, headers={"Idempotency-Key": "k"})
    assert again.status_code == 200 and again.json() == first.json()


def test_two_posts_with_one_key_at_once_save_one_report(key, monkeypatch):
    """The second post passed its look-ups before the first was saved: the database refuses
    its copy of the key, and it answers with the first report."""
    first = _post(key, headers={"Idempotency-Key": "race"})
    real = services.replay_of
    calls = []

    def not_yet_saved(**kwargs):
        calls.append(kwargs)
        return None if len(calls) <= 2 else real(**kwargs)  # the view's and the service's

    monkeypatch.setattr(services, "replay_of", not_yet_saved)
    again = _post(key, headers={"Idempotency-Key": "race"})
    assert len(calls) == 3  # it did reach the insert and look again
    assert again.status_code == 200 and again.json() == first.json()
    assert Complaint.objects.count() == 1 == Submission.objects.count()
