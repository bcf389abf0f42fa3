import uuid

import pytest

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.complaints import services


@pytest.fixture
def coordinator_a(province_a, unit_a):
    user = UserFactory(username="koordinator_a")
    MembershipFactory(user=user, role=Role.COORDINATOR, agency=province_a, unit=None)
    return user


def report(unit=None, **overrides):
    data = {
        "kind": "complaint",
        "unit": unit,
        "subject": "Antrean panjang",
        "description": "Tiga jam menunggu.",
        "reporter_name": "Budi",
        "reporter_email": "budi@example.id",
    }
    data.update(overrides)
    complaint, code, _created = services.submit_complaint(
        data=data, files=[], submission_token=uuid.uuid4()
    )
    return complaint, code
