"""Categories and tags, duplicate linking, per-service deadlines, due-soon queues and reminders."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from pantau.common.humancheck import passing_fields
from pantau.complaints import selectors, services
from pantau.complaints.categories import install_defaults
from pantau.complaints.models import Category, Complaint, DeadlinePolicy, Event
from pantau.complaints.reminders import send_deadline_reminders
from pantau.complaints.tests.conftest import report
from pantau.organisations.tests.factories import ServiceFactory


@pytest.fixture
def fees(db):
    install_defaults(Category)  # in case a transactional test flushed the migration's rows
    return Category.objects.get(agency=None, code="biaya")


def test_national_default_categories_are_installed(fees):
    codes = set(Category.objects.filter(agency=None).values_list("code", flat=True))
    assert {"biaya", "perilaku", "waktu", "lainnya"} <= codes


def test_citizen_chooses_a_category_on_the_public_form(client, unit_a, fees):
    response = client.get(reverse("complaints:new") + f"?unit={unit_a.slug}")
    token = response.context["form"].initial["submission_token"]
    client.post(
        reverse("complaints:new"),
        {
            "submission_token": token,
            **passing_fields(),
            "kind": "complaint",
            "unit": unit_a.pk,
            "category": fees.pk,
            "subject": "Diminta uang",
            "description": "Petugas meminta uang administrasi.",
        },
    )
    assert Complaint.objects.get().category == fees


def test_category_of_another_agency_is_refused_and_nothing_saved(client, unit_a, agency_b):
    foreign = Category.objects.create(agency=agency_b, code="izin-b", name="Izin B")
    response = client.get(reverse("complaints:new"))
    token = response.context["form"].initial["submission_token"]
    response = client.post(
        reverse("complaints:new"),
        {
            "submission_token": token,
            **passing_fields(),
            "kind": "complaint",
            "unit": unit_a.pk,
            "category": foreign.pk,
            "subject": "Salah kategori",
            "description": "Isi",
        },
    )
    assert response.status_code == 200 and not Complaint.objects.exists()


def test_officer_sets_category_and_tags_and_filters_the_queue(client_for, officer_a, unit_a, fees):
    tagged, _ = report(unit_a, subject="Pungutan liar")
    other, _ = report(unit_a, subject="Antrean")
    client = client_for(officer_a)
    client.post(
        reverse("complaints:categorise", args=[tagged.tracking_number]),
        {"category": fees.pk, "tags": "pungli, loket 3"},
    )
    tagged.refresh_from_db()
    assert tagged.category == fees
    assert sorted(t.name for t in tagged.tags.all()) == ["loket 3", "pungli"]
    assert Event.objects.filter(complaint=tagged, action="categorised", public=False).exists()
    page = client.get(reverse("complaints:queue") + "?status=open&tag=PUNGLI").content.decode()
    assert tagged.tracking_number in page and other.tracking_number not in page
    page = client.get(reverse("complaints:queue") + "?category=biaya").content.decode()
    assert tagged.tracking_number in page and other.tracking_number not in page


def test_tags_are_never_shown_to_the_public(client, client_for, officer_a, unit_a, fees):
    complaint, code = report(unit_a)
    services.categorise(actor=officer_a, complaint=complaint, category=fees, tags=["rahasia-x"])
    register = client.get(reverse("complaints:register")).content.decode()
    assert complaint.tracking_number in register and "rahasia-x" not in register
    assert "Biaya atau pungutan" in register
    client.post(reverse("complaints:track"), {"number": complaint.tracking_number, "code": code})
    status = client.get(reverse("complaints:status", args=[complaint.tracking_number]))
    assert "rahasia-x" not in status.content.decode()


def test_public_register_filters_by_category(client, officer_a, unit_a, fees):
    about_fees, _ = report(unit_a, subject="Soal biaya")
    services.categorise(actor=officer_a, complaint=about_fees, category=fees, tags=[])
    other, _ = report(unit_a, subject="Soal lain")
    page = client.get(reverse("complaints:register") + "?category=biaya").content.decode()
    assert about_fees.tracking_number in page and other.tracking_number not in page


def test_too_many_tags_are_refused(client_for, officer_a, unit_a):
    complaint, _ = report(unit_a)
    client_for(officer_a).post(
        reverse("complaints:categorise", args=[complaint.tracking_number]),
        {"tags": ",".join(f"t{i}" for i in range(11))},
    )
    assert not complaint.tags.exists()


def test_duplicate_is_archived_and_linked_to_the_first_report(client_for, unit_head_a, unit_a):
    first, _ = report(unit_a, subject="Pertama")
    second, _ = report(unit_a, subject="Kedua")
    third, _ = report(unit_a, subject="Ketiga")
    client = client_for(unit_head_a)
    client.post(
        reverse("complaints:act", args=[second.tracking_number]),
        {
            "action": "archive",
            "reason": "duplicate",
            "original": first.tracking_number.lower(),
            "confirmed": "yes",
        },
    )
    second.refresh_from_db()
    assert (second.status, second.duplicate_of) == ("archived", first)
    public_note = second.events.get(action="archive")
    assert public_note.public and first.tracking_number in public_note.note
    # A duplicate of a duplicate points at the first report of the chain.
    services.transition(
        actor=unit_head_a,
        complaint=third,
        action="archive",
        reason="duplicate",
        duplicate_of=second,
    )
    third.refresh_from_db()
    assert third.duplicate_of == first
    page = client.get(reverse("complaints:detail", args=[first.tracking_number])).content.decode()
    assert second.tracking_number in page and third.tracking_number in page


def test_duplicate_needs_an_original_and_not_itself(unit_head_a, unit_a):
    complaint, _ = report(unit_a)
    for original in (None, complaint):
        with pytest.raises(ValidationError):
            services.transition(
                actor=unit_head_a,
                complaint=complaint,
                action="archive",
                reason="duplicate",
                duplicate_of=original,
            )
    complaint.refresh_from_db()
    assert complaint.status == "received" and complaint.duplicate_of is None


def test_original_the_user_cannot_see_is_refused(client_for, unit_head_a, unit_a, unit_b):
    hidden, _ = report(unit_b)
    complaint, _ = report(unit_a)
    client_for(unit_head_a).post(
        reverse("complaints:act", args=[complaint.tracking_number]),
        {
            "action": "archive",
            "reason": "duplicate",
            "original": hidden.tracking_number,
            "confirmed": "yes",
        },
    )
    complaint.refresh_from_db()
    assert complaint.status == "received"


def test_a_service_deadline_policy_wins_over_the_agency_default(unit_a, unit_head_a, agency_a):
    service = ServiceFactory(unit=unit_a)
    DeadlinePolicy.objects.create(agency=agency_a, response_working_days=5)
    DeadlinePolicy.objects.create(service=service, verify_working_days=1, response_working_days=2)
    complaint, _ = report(unit_a, service=service)
    assert selectors.policy_for(unit_a, service=service).response_working_days == 2
    assert selectors.policy_for(unit_a).response_working_days == 5
    services.transition(
        actor=unit_head_a, complaint=complaint, action="verify", today=date(2025, 6, 13)
    )
    complaint = services.transition(
        actor=unit_head_a,
        complaint=complaint,
        action="assign",
        unit=unit_a,
        today=date(2025, 6, 13),
    )
    assert complaint.response_due == date(2025, 6, 17)  # 2 working days after a Friday


def _set(complaint, **fields):
    Complaint.objects.filter(pk=complaint.pk).update(**fields)
    complaint.refresh_from_db()
    return complaint


def test_due_soon_and_overdue_queues(client_for, unit_head_a, unit_a):
    today = date(2025, 6, 16)  # a Monday
    soon = _set(report(unit_a, subject="Segera")[0], verify_due=today + timedelta(days=1))
    late = _set(report(unit_a, subject="Terlambat")[0], verify_due=today - timedelta(days=1))
    later = _set(report(unit_a, subject="Masih lama")[0], verify_due=today + timedelta(days=10))
    due = set(Complaint.objects.filter(selectors.due_soon_q(today)))
    overdue = set(Complaint.objects.filter(selectors.overdue_q(today)))
    assert due == {soon} and overdue == {late}
    assert later not in due | overdue


def test_coordinator_sees_who_is_late(client_for, coordinator_a, unit_a, officer_a, unit_head_a):
    complaint, _ = report(unit_a)
    services.transition(actor=unit_head_a, complaint=complaint, action="verify")
    services.transition(
        actor=unit_head_a, complaint=complaint, action="assign", unit=unit_a, officer=officer_a
    )
    _set(complaint, response_due=date(2020, 1, 6))
    page = client_for(coordinator_a).get(reverse("complaints:queue") + "?overdue=1&status=open")
    late = page.context["late"]
    assert late[0]["count"] == 1 and late[0]["assigned_to__username"] == officer_a.username
    assert "Siapa yang terlambat" in page.content.decode()


def test_reminders_go_once_a_day_to_the_assigned_officer(unit_a, unit_head_a, officer_a):
    officer_a.email = "petugas@example.id"
    officer_a.save()
    unit_head_a.email = "kepala@example.id"
    unit_head_a.save()
    today = date(2025, 6, 16)
    assigned, _ = report(unit_a, subject="Sudah ditugaskan", reporter_email="")
    _set(assigned, status="assigned", assigned_to=officer_a, response_due=today - timedelta(days=2))
    waiting, _ = report(unit_a, subject="Belum diverifikasi", reporter_email="")
    _set(waiting, verify_due=today + timedelta(days=1))
    mail.outbox.clear()
    assert send_deadline_reminders(today=today) == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert assigned.tracking_number in by_recipient["petugas@example.id"].body
    # Unassigned: every officer of the unit hears of it; assigned: only the named officer.
    assert waiting.tracking_number in by_recipient["kepala@example.id"].body
    assert waiting.tracking_number in by_recipient["petugas@example.id"].body
    assert assigned.tracking_number not in by_recipient["kepala@example.id"].body
    assert Event.objects.filter(action="reminded").count() == 2
    mail.outbox.clear()
    assert send_deadline_reminders(today=today) == 0 and mail.outbox == []
    assert send_deadline_reminders(today=today + timedelta(days=1)) >= 1


def test_report_without_unit_reminds_the_regions_coordinators(coordinator_a, province_a):
    coordinator_a.email = "koordinator@example.id"
    coordinator_a.save()
    complaint, _ = report(None, agency=province_a, reporter_email="")
    _set(complaint, verify_due=date(2025, 6, 13))
    mail.outbox.clear()
    send_deadline_reminders(today=date(2025, 6, 16))
    assert [m.to for m in mail.outbox] == [["koordinator@example.id"]]
    assert complaint.tracking_number in mail.outbox[0].body


def test_reminder_command_runs(db, capsys):
    from django.core.management import call_command

    call_command("send_deadline_reminders")
    assert "reminder" in capsys.readouterr().out
