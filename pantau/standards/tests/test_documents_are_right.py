"""Forum counts, decree dates, agreements and confirmation steps hold (issue 16)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.standards import selectors, services
from pantau.standards.models import Agreement, StandardVersion
from pantau.standards.workflow import VERSION_WORKFLOW
from pantau.studies.workflow import STUDY_WORKFLOW

from .conftest import PDF, pdf_upload


@pytest.mark.parametrize("workflow", [VERSION_WORKFLOW, STUDY_WORKFLOW], ids=lambda w: w.name)
def test_the_standards_and_study_workflows_have_no_dead_ends(workflow):
    assert workflow.dead_ends() == []
    assert workflow.unheld() == []
    assert workflow.unreachable() == []


def test_two_service_users_present_are_counted_two_on_page_and_berita_acara(
    client, client_for, unit_head_a, forum_a
):
    services.add_participant(
        actor=unit_head_a,
        forum=forum_a,
        data={"name": "Pak Darto", "organisation": "", "kind": "service_user"},
    )
    forum_a.participants.update(attended=True)
    counts = {kind: n for kind, _label, n in selectors.participant_type_counts(forum_a)}
    assert counts["service_user"] == 2
    unit = forum_a.unit
    staff = client_for(unit_head_a)
    for url in (
        reverse("standards:forum", args=[unit.slug, forum_a.pk]),
        reverse("standards:berita-acara", args=[unit.slug, forum_a.pk]),
    ):
        assert "Pengguna layanan: 2" in staff.get(url).content.decode()
    public = client.get(reverse("public_standards:forum", args=[unit.slug, forum_a.pk]))
    assert "Pengguna layanan: 2" in public.content.decode()


def _discussed(draft, forum, head):
    return services.record_discussion(actor=head, version=draft, forum=forum)


def test_a_decree_dated_before_its_forum_is_refused(draft_a, forum_a, unit_head_a):
    version = _discussed(draft_a, forum_a, unit_head_a)
    with pytest.raises(ValidationError, match="15 Januari 2026|January 15, 2026|15 January 2026"):
        services.set_version(
            actor=unit_head_a,
            version=version,
            decree_number="188/1/2026",
            decree_date=date(2026, 1, 10),  # the forum was on 15 January 2026
            decree_file=pdf_upload(),
        )
    assert StandardVersion.objects.get(pk=draft_a.pk).status == "discussed"


def test_an_agreement_not_yet_recorded_stops_the_setting(draft_a, forum_a, unit_head_a):
    agreement = services.save_agreement(
        actor=unit_head_a,
        forum=forum_a,
        data={"text": "Tambahkan syarat surat keterangan domisili.", "standard": draft_a},
    )
    version = _discussed(draft_a, forum_a, unit_head_a)
    kwargs = {
        "actor": unit_head_a,
        "decree_number": "188/1/2026",
        "decree_date": date(2026, 2, 1),
        "decree_file": pdf_upload(),
    }
    with pytest.raises(ValidationError, match="domisili"):
        services.set_version(version=version, **kwargs)
    services.save_agreement(
        actor=unit_head_a,
        forum=forum_a,
        agreement=agreement,
        data={"outcome": Agreement.Outcome.DONE, "outcome_note": "Dimuat di persyaratan no. 3."},
    )
    assert services.set_version(version=version, **kwargs).status == "set"


def test_the_setting_form_needs_the_confirmation_and_lists_the_agreements(
    client_for, unit_head_a, draft_a, forum_a
):
    services.save_agreement(
        actor=unit_head_a,
        forum=forum_a,
        data={"text": "Jam layanan Sabtu", "standard": draft_a, "outcome": "done"},
    )
    _discussed(draft_a, forum_a, unit_head_a)
    unit, service = draft_a.service.unit, draft_a.service
    client = client_for(unit_head_a)
    page = client.get(reverse("standards:version", args=[unit.slug, service.pk, 1]))
    assert "Jam layanan Sabtu" in page.content.decode()
    response = client.post(
        reverse("standards:version-action", args=[unit.slug, service.pk, 1, "set"]),
        {
            "decree_number": "188/1/2026",
            "decree_date": "2026-02-01",
            "decree_file": SimpleUploadedFile("sk.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 400
    assert StandardVersion.objects.get(pk=draft_a.pk).status == "discussed"


def test_discarding_a_draft_asks_for_confirmation(client_for, officer_a, draft_a):
    unit, service = draft_a.service.unit, draft_a.service
    url = reverse("standards:version-action", args=[unit.slug, service.pk, 1, "discard"])
    client = client_for(officer_a)
    assert client.post(url).status_code == 200
    assert StandardVersion.objects.filter(pk=draft_a.pk).exists()
    client.post(url, {"confirmed": "yes"})
    assert not StandardVersion.objects.filter(pk=draft_a.pk).exists()


def test_a_head_of_another_unit_cannot_publish_even_with_confirmation(
    client_for, unit_head_b, draft_a, forum_a, unit_head_a
):
    version = _discussed(draft_a, forum_a, unit_head_a)
    services.set_version(
        actor=unit_head_a,
        version=version,
        decree_number="188/1/2026",
        decree_date=date(2026, 2, 1),
        decree_file=pdf_upload(),
    )
    unit, service = draft_a.service.unit, draft_a.service
    url = reverse("standards:version-action", args=[unit.slug, service.pk, 1, "publish"])
    assert client_for(unit_head_b).post(url, {"confirmed": "yes"}).status_code == 404
    assert StandardVersion.objects.get(pk=draft_a.pk).status == "set"
