import pytest

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.complaints.tests.factories import ComplaintFactory


@pytest.fixture
def coordinator_a(province_a, unit_a):
    user = UserFactory(username="koordinator_a")
    MembershipFactory(user=user, role=Role.COORDINATOR, agency=province_a, unit=None)
    return user


def report(unit=None, **overrides):
    """A citizen's report (``ComplaintFactory``) and its access code."""
    complaint = ComplaintFactory(unit=unit, **overrides)
    return complaint, complaint.code
