from datetime import date

import pytest

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.organisations.tests.factories import ServiceFactory, ServiceUnitFactory
from pantau.standards import services as standards
from pantau.standards.tests.conftest import CONTENT, REQUIREMENTS, STEPS, pdf_upload


@pytest.fixture
def unit_c(agency_a):
    """Another unit of agency A, whose officer observes unit A."""
    return ServiceUnitFactory(agency=agency_a, name="Loket Dinas Sosial C", slug="unit-c")


@pytest.fixture
def observer(unit_c):
    user = UserFactory(username="pengamat", first_name="Rina", last_name="Pengamat")
    MembershipFactory(user=user, role=Role.UNIT_OFFICER, unit=unit_c)
    return user


@pytest.fixture
def evaluator_b(agency_b):
    user = UserFactory(username="penilai_b")
    MembershipFactory(user=user, role=Role.EVALUATOR, agency=agency_b)
    return user


@pytest.fixture
def service_a(unit_a):
    return ServiceFactory(unit=unit_a, name="Surat rekomendasi PBI-JKN", slug="rekomendasi-pbi")


@pytest.fixture
def standard_a(service_a, officer_a, unit_head_a):
    """The published standard of service A (free, 3 working days, two requirements)."""
    version = standards.start_version(actor=officer_a, service=service_a)
    version = standards.update_version(
        actor=officer_a, version=version, data=CONTENT, requirements=REQUIREMENTS, steps=STEPS
    )
    forum = standards.save_forum(
        actor=unit_head_a,
        unit=service_a.unit,
        data={
            "topic": "drafting",
            "title": "FKP",
            "held_on": date(2026, 1, 15),
            "place": "Aula",
            "online_link": "",
            "minutes": "Sepakat.",
        },
    )
    standards.add_participant(
        actor=unit_head_a,
        forum=forum,
        data={"name": "Ibu Sari", "organisation": "", "kind": "service_user"},
    )
    forum.participants.update(attended=True)
    forum = standards.mark_forum_held(actor=unit_head_a, forum=forum)
    version = standards.record_discussion(actor=unit_head_a, version=version, forum=forum)
    version = standards.set_version(
        actor=unit_head_a,
        version=version,
        decree_number="188/12/SK/2026",
        decree_date=date(2026, 2, 1),
        decree_file=pdf_upload(),
    )
    return standards.publish_version(actor=unit_head_a, version=version)
