"""Standard versions: the workflow, immutability once set, new versions and the history."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from pantau.standards import services
from pantau.standards.models import StandardVersion, add_months

from .conftest import CONTENT, REQUIREMENTS, STEPS, pdf_upload


def test_a_draft_holds_the_ordered_requirements_and_steps(draft_a):
    assert [r.text for r in draft_a.requirements.all()] == [
        "Fotokopi KTP",
        "Fotokopi Kartu Keluarga",
    ]
    assert [s.position for s in draft_a.steps.all()] == [1, 2]
    assert draft_a.steps.last().actor == "petugas loket"


def test_the_workflow_runs_draft_discussed_set_published(published_a):
    assert published_a.status == "published"
    assert published_a.decree_number == "188/12/SK/2026"
    assert published_a.decree_file.read().startswith(b"%PDF")
    assert published_a.review_due_on == date(2027, 2, 1)


def test_a_set_version_can_no_longer_change(published_a, officer_a):
    with pytest.raises(ValidationError):
        services.update_version(
            actor=officer_a,
            version=published_a,
            data=CONTENT | {"product": "Lain"},
            requirements=[("Apa saja", "")],
            steps=STEPS,
        )
    published_a.refresh_from_db()
    assert published_a.product == "Surat rekomendasi PBI-JKN"
    assert published_a.requirements.count() == 2


def test_a_change_makes_a_new_version_and_the_old_one_becomes_history(
    published_a, officer_a, unit_head_a, forum_a
):
    version = services.start_version(actor=officer_a, service=published_a.service)
    assert version.number == 2
    assert [r.text for r in version.requirements.all()] == [
        "Fotokopi KTP",
        "Fotokopi Kartu Keluarga",
    ]
    services.update_version(
        actor=officer_a,
        version=version,
        data=CONTENT | {"time_limit_value": 1, "change_note": "Waktu dipercepat"},
        requirements=REQUIREMENTS[:1],
        steps=STEPS,
    )
    services.record_discussion(actor=officer_a, version=version, forum=forum_a)
    services.set_version(
        actor=unit_head_a,
        version=version,
        decree_number="188/40/SK/2026",
        decree_date=date(2026, 6, 1),
        decree_file=pdf_upload(),
    )
    # Until the new version is published, the first stays in force.
    published_a.refresh_from_db()
    assert published_a.status == "published"
    services.publish_version(actor=unit_head_a, version=version)
    published_a.refresh_from_db()
    assert published_a.status == "superseded" and published_a.superseded_at is not None
    assert published_a.requirements.count() == 2  # history keeps what it said
    assert StandardVersion.objects.get(pk=version.pk).status == "published"


def test_only_one_version_is_in_progress(draft_a, officer_a):
    with pytest.raises(ValidationError):
        services.start_version(actor=officer_a, service=draft_a.service)
    with pytest.raises(IntegrityError):
        StandardVersion.objects.create(service=draft_a.service, number=9)


def test_an_incomplete_standard_cannot_be_set(service_a, officer_a, unit_head_a, forum_a):
    version = services.start_version(actor=officer_a, service=service_a)
    services.record_discussion(actor=officer_a, version=version, forum=forum_a)
    with pytest.raises(ValidationError, match="Persyaratan"):
        services.set_version(
            actor=unit_head_a,
            version=version,
            decree_number="1",
            decree_date=date(2026, 2, 1),
            decree_file=pdf_upload(),
        )
    version.refresh_from_db()
    assert version.status == "discussed"


def test_an_officer_cannot_set_a_standard(draft_a, forum_a, officer_a):
    version = services.record_discussion(actor=officer_a, version=draft_a, forum=forum_a)
    with pytest.raises(PermissionDenied):
        services.set_version(
            actor=officer_a,
            version=version,
            decree_number="1",
            decree_date=date(2026, 2, 1),
            decree_file=pdf_upload(),
        )


def test_a_draft_cannot_skip_the_forum(draft_a, unit_head_a):
    with pytest.raises(ValidationError):
        services.set_version(
            actor=unit_head_a,
            version=draft_a,
            decree_number="1",
            decree_date=date(2026, 2, 1),
            decree_file=pdf_upload(),
        )


def test_a_forum_of_another_unit_does_not_count(draft_a, unit_b, unit_head_a, unit_head_b):
    forum = services.save_forum(
        actor=unit_head_b,
        unit=unit_b,
        data={"topic": "drafting", "title": "FKP B", "held_on": date(2026, 1, 2), "place": "Aula"},
    )
    with pytest.raises(ValidationError):
        services.record_discussion(actor=unit_head_a, version=draft_a, forum=forum)


def test_a_decree_cannot_be_dated_in_the_future(draft_a, forum_a, unit_head_a):
    version = services.record_discussion(actor=unit_head_a, version=draft_a, forum=forum_a)
    with pytest.raises(ValidationError):
        services.set_version(
            actor=unit_head_a,
            version=version,
            decree_number="1",
            decree_date=date(2026, 2, 1),
            decree_file=pdf_upload(),
            today=date(2026, 1, 31),
        )


def test_a_paid_service_needs_an_amount_and_its_legal_basis(draft_a, officer_a):
    with pytest.raises(ValidationError):
        services.update_version(
            actor=officer_a,
            version=draft_a,
            data=CONTENT | {"fee_is_free": False, "fee_amount": None},
            requirements=REQUIREMENTS,
            steps=STEPS,
        )
    version = services.update_version(
        actor=officer_a,
        version=draft_a,
        data=CONTENT | {"fee_is_free": False, "fee_amount": 50000},
        requirements=REQUIREMENTS,
        steps=STEPS,
    )
    assert version.fee_amount == 50000
    assert "Dasar hukum biaya" in [str(m) for m in services.missing_components(version)]


def test_review_is_due_after_the_configured_interval(published_a):
    assert not published_a.review_is_due(date(2027, 1, 31))
    assert published_a.review_is_due(date(2027, 2, 1))
    published_a.review_months = 6
    assert published_a.review_is_due(date(2026, 8, 1))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 2, 1), 12, date(2027, 2, 1)),
        (date(2026, 3, 15), -3, date(2025, 12, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_discarding_a_draft_removes_it(draft_a, officer_a):
    services.discard_draft(actor=officer_a, version=draft_a)
    assert not StandardVersion.objects.filter(pk=draft_a.pk).exists()


def test_a_component_file_attaches_to_a_draft_but_not_to_a_set_version(service_a, officer_a):
    draft = services.start_version(actor=officer_a, service=service_a)
    item = services.attach_component_file(
        actor=officer_a, version=draft, component="legal_basis", upload=pdf_upload("dasar.pdf")
    )
    assert item.original_name == "dasar.pdf" and item.size > 0


def test_no_component_file_on_a_published_version(published_a, officer_a):
    with pytest.raises(ValidationError):
        services.attach_component_file(
            actor=officer_a, version=published_a, component="legal_basis", upload=pdf_upload()
        )
    assert published_a.files.count() == 0


def test_unit_heads_are_reminded_once_before_the_review_date(published_a, unit_head_a, mailoutbox):
    from pantau.standards.tasks import send_review_reminders

    unit_head_a.email = "kepala@example.go.id"
    unit_head_a.save()
    assert send_review_reminders("2026-12-01") == 0  # due 1 Feb 2027, more than 30 days ahead
    assert send_review_reminders("2027-01-10") == 1
    assert mailoutbox[0].to == ["kepala@example.go.id"]
    assert published_a.service.name in mailoutbox[0].body
    assert send_review_reminders("2027-01-11") == 0


def test_the_default_review_interval_is_configurable(service_a, officer_a, settings):
    settings.PANTAU_STANDARD_REVIEW_MONTHS = 24
    assert services.start_version(actor=officer_a, service=service_a).review_months == 24


def test_the_admin_cannot_change_or_delete_a_set_version(client_for, admin_user, published_a):
    from django.urls import reverse

    client = client_for(admin_user)
    url = reverse("admin:standards_standardversion_change", args=[published_a.pk])
    client.post(url, {"product": "Diubah lewat admin", "number": 1, "status": "draft"})
    published_a.refresh_from_db()
    assert published_a.product == "Surat rekomendasi PBI-JKN" and published_a.status == "published"
    delete = reverse("admin:standards_standardversion_delete", args=[published_a.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert StandardVersion.objects.filter(pk=published_a.pk).exists()


def test_the_reminder_command_reports_what_it_sent(published_a, capsys):
    from django.core.management import call_command

    call_command("remind_standard_reviews", "--today", "2027-01-10")
    assert "1 standard(s) reminded." in capsys.readouterr().out
