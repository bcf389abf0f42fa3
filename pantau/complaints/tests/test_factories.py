import pytest

from pantau.complaints.models import Status
from pantau.complaints.tests.factories import CategoryFactory, ComplaintFactory

pytestmark = pytest.mark.django_db


def test_a_factory_report_is_received_like_a_citizens(unit_a):
    complaint = ComplaintFactory(unit=unit_a, subject="Loket tutup")
    assert complaint.status == Status.RECEIVED and complaint.tracking_number
    assert complaint.unit == unit_a and len(complaint.code) == 8
    assert complaint.events.filter(action="received").exists()
    assert CategoryFactory().is_active
