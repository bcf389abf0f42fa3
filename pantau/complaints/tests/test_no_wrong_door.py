"""Every report lands in exactly one queue of a person who can act on it (issue 16)."""

import itertools
import uuid

import pytest

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.complaints import selectors, services
from pantau.complaints.models import Complaint, Queue
from pantau.complaints.workflow import COMPLAINT_WORKFLOW
from pantau.organisations.models import Agency
from pantau.organisations.tests.factories import AgencyFactory


def _member(role, *, username, unit=None, agency=None):
    user = UserFactory(username=username)
    MembershipFactory(user=user, role=role, unit=unit, agency=agency)
    return user


@pytest.fixture
def desk(province_a, agency_a, unit_a, officer_a):
    """A regency with a coordinator and an inspector, a province without either, a government
    with nobody, and the national desk."""
    regency = agency_a.parent
    return {
        "coordinator": _member(Role.COORDINATOR, username="koordinator_kab", agency=regency),
        "inspector": _member(Role.INSPECTOR, username="inspektorat_kab", agency=regency),
        "national": _member(Role.COORDINATOR, username="koordinator_nasional"),
        "regency": regency,
        "lonely": AgencyFactory(name="Kabupaten Sepi", slug="kab-sepi", kind=Agency.Kind.REGENCY),
    }


def _file(*, unit=None, agency=None, channel="web", kind="complaint", integrity=False, by=None):
    complaint, code, created = services.submit_complaint(
        data={
            "kind": kind,
            "unit": unit,
            "agency": agency,
            "subject": "Laporan",
            "description": "Isi laporan.",
            "integrity": integrity,
        },
        files=[],
        submission_token=uuid.uuid4(),
        channel=channel,
        entered_by=by,
    )
    assert created and code
    return complaint


def _people(desk, officer_a, unit_head_a, coordinator_a, agency_head_a):
    return [
        officer_a,
        unit_head_a,
        coordinator_a,
        agency_head_a,
        desk["coordinator"],
        desk["inspector"],
        desk["national"],
    ]


WHERE = ["unit", "government", "regency-government", "lonely-government", "nothing"]
CHANNELS = [c for c in Complaint.Channel.values]
KINDS = list(Complaint.Kind.values)


@pytest.mark.parametrize("integrity", [False, True])
@pytest.mark.parametrize("where", WHERE)
def test_every_report_reaches_someone_who_can_act(
    desk, unit_a, province_a, officer_a, unit_head_a, coordinator_a, agency_head_a, where, integrity
):
    places = {
        "unit": {"unit": unit_a},
        "government": {"agency": province_a},
        "regency-government": {"agency": desk["regency"]},
        "lonely-government": {"agency": desk["lonely"]},
        "nothing": {},
    }
    people = _people(desk, officer_a, unit_head_a, coordinator_a, agency_head_a)
    for channel, kind in itertools.product(CHANNELS, KINDS):
        by = None if channel == "web" else officer_a
        complaint = _file(**places[where], channel=channel, kind=kind, integrity=integrity, by=by)
        able = [
            person
            for person in people
            if selectors.visible_complaints(person).filter(pk=complaint.pk).exists()
            and services.allowed_actions(complaint, person)
        ]
        assert able, (where, integrity, channel, kind)
        holders = {
            Queue.UNIT: {officer_a, unit_head_a},
            Queue.COORDINATOR: {desk["coordinator"], coordinator_a},
            Queue.INSPECTOR: {desk["inspector"]},
            Queue.NATIONAL: {desk["national"]},
        }[complaint.queue]
        assert holders & set(able), (where, integrity, complaint.queue)
        if by is not None:  # staff who recorded it keep seeing it
            assert selectors.visible_complaints(by).filter(pk=complaint.pk).exists()


def test_a_report_about_a_known_unit_stays_with_the_unit(desk, unit_a):
    complaint = _file(unit=unit_a)
    assert (complaint.queue, complaint.queue_agency_id) == (Queue.UNIT, None)


def test_a_report_naming_only_a_government_goes_to_its_nearest_coordinator(desk, agency_a):
    complaint = _file(agency=agency_a)  # an office below the regency that has a coordinator
    assert (complaint.queue, complaint.queue_agency_id) == (Queue.COORDINATOR, desk["regency"].pk)
    assert selectors.visible_complaints(desk["coordinator"]).filter(pk=complaint.pk).exists()


def test_a_report_naming_a_government_without_coordinator_goes_to_the_national_desk(desk):
    complaint = _file(agency=desk["lonely"])
    assert complaint.queue == Queue.NATIONAL
    assert selectors.visible_complaints(desk["national"]).filter(pk=complaint.pk).exists()
    assert not selectors.visible_complaints(desk["coordinator"]).filter(pk=complaint.pk).exists()


def test_an_unknown_unit_and_government_goes_to_the_national_desk(desk):
    assert _file().queue == Queue.NATIONAL


def test_an_integrity_report_goes_to_the_inspector_never_to_the_unit(
    desk, unit_a, officer_a, unit_head_a
):
    complaint = _file(unit=unit_a, integrity=True)
    assert (complaint.queue, complaint.queue_agency_id) == (Queue.INSPECTOR, desk["regency"].pk)
    assert complaint.confidential
    for staff in (officer_a, unit_head_a, desk["coordinator"]):
        assert not selectors.visible_complaints(staff).filter(pk=complaint.pk).exists()
    assert selectors.visible_complaints(desk["inspector"]).filter(pk=complaint.pk).exists()
    assert "verify" in services.allowed_actions(complaint, desk["inspector"])


def test_an_integrity_category_makes_an_integrity_report(desk, unit_a):
    from pantau.complaints.categories import install_integrity
    from pantau.complaints.models import Category

    install_integrity(Category)
    complaint, _code, _created = services.submit_complaint(
        data={
            "kind": "complaint",
            "unit": unit_a,
            "category": Category.objects.get(code="integritas"),
            "subject": "Diminta uang",
            "description": "Petugas meminta uang pelicin.",
        },
        files=[],
        submission_token=uuid.uuid4(),
    )
    assert complaint.integrity and complaint.queue == Queue.INSPECTOR


def test_an_integrity_report_cannot_be_sent_to_the_unit(desk, unit_a):
    from django.core.exceptions import ValidationError

    complaint = _file(unit=unit_a, integrity=True)
    complaint = services.transition(actor=desk["inspector"], complaint=complaint, action="verify")
    assert "assign" not in services.allowed_actions(complaint, desk["inspector"])
    with pytest.raises(ValidationError):
        services.transition(
            actor=desk["inspector"], complaint=complaint, action="assign", unit=unit_a
        )


def test_without_an_inspector_an_integrity_report_goes_to_the_coordinator(
    province_a, unit_a, coordinator_a, officer_a
):
    complaint = _file(unit=unit_a, integrity=True)
    assert (complaint.queue, complaint.queue_agency_id) == (Queue.COORDINATOR, province_a.pk)
    assert selectors.visible_complaints(coordinator_a).filter(pk=complaint.pk).exists()
    assert not selectors.visible_complaints(officer_a).filter(pk=complaint.pk).exists()


def test_assigning_moves_the_report_to_the_unit_queue(desk, agency_a, unit_a):
    complaint = _file(agency=agency_a)
    complaint = services.transition(actor=desk["coordinator"], complaint=complaint, action="verify")
    complaint = services.transition(
        actor=desk["coordinator"], complaint=complaint, action="assign", unit=unit_a
    )
    assert (complaint.queue, complaint.unit) == (Queue.UNIT, unit_a)


def test_the_workflow_has_no_dead_ends():
    assert COMPLAINT_WORKFLOW.dead_ends() == []
    assert COMPLAINT_WORKFLOW.unheld() == []
    assert COMPLAINT_WORKFLOW.unreachable() == []


def test_reminders_follow_the_queue_and_never_tell_the_unit_of_an_integrity_report(
    desk, unit_a, officer_a
):
    from datetime import date

    from django.core import mail

    from pantau.complaints.reminders import send_deadline_reminders

    officer_a.email = "petugas@example.id"
    officer_a.save()
    desk["inspector"].email = "inspektorat@example.id"
    desk["inspector"].save()
    desk["national"].email = "nasional@example.id"
    desk["national"].save()
    integrity = _file(unit=unit_a, integrity=True)
    nowhere = _file()
    Complaint.objects.filter(pk__in=[integrity.pk, nowhere.pk]).update(verify_due=date(2025, 6, 13))
    mail.outbox.clear()
    send_deadline_reminders(today=date(2025, 6, 16))
    by_recipient = {m.to[0]: m.body for m in mail.outbox}
    assert integrity.tracking_number in by_recipient["inspektorat@example.id"]
    assert nowhere.tracking_number in by_recipient["nasional@example.id"]
    assert "petugas@example.id" not in by_recipient
