"""Consultation forums, the service pledge and publication records: services, pages, access."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.standards import selectors, services
from pantau.standards.models import Maklumat, Publication

from .conftest import PDF, pdf_upload

PLEDGE = services.DEFAULT_PLEDGE | {
    "signatory_name": "Drs. Ahmad",
    "signatory_title": "Kepala Dinas",
}


# --- Forums -----------------------------------------------------------------------------------


def test_a_forum_needs_a_place_or_a_link(unit_a, unit_head_a):
    with pytest.raises(ValidationError):
        services.save_forum(
            actor=unit_head_a,
            unit=unit_a,
            data={"topic": "drafting", "title": "FKP", "held_on": date(2026, 1, 1)},
        )


def test_a_forum_without_attendees_cannot_be_held(unit_a, unit_head_a):
    forum = services.save_forum(
        actor=unit_head_a,
        unit=unit_a,
        data={"topic": "drafting", "title": "FKP", "held_on": date(2026, 1, 1), "place": "Aula"},
    )
    with pytest.raises(ValidationError):
        services.mark_forum_held(actor=unit_head_a, forum=forum)


def test_participant_types_are_counted_for_the_indicator(forum_a):
    counts = {kind: n for kind, _label, n in selectors.participant_type_counts(forum_a)}
    assert counts == {
        "service_user": 1,
        "expert": 1,
        "related_agency": 0,
        "civil_society": 0,
        "media": 0,
        "provider": 1,
    }
    # The unit itself is not one of the types the PEKPPP indicator counts.
    inputs = selectors.indicator_inputs(forum_a.unit, today=date(2026, 3, 1))
    assert inputs.participant_types == 2


def test_officer_of_other_unit_gets_404_on_a_forum(client_for, officer_b, forum_a):
    client = client_for(officer_b)
    for name in ["standards:forum", "standards:attendance-sheet", "standards:berita-acara"]:
        assert client.get(reverse(name, args=[forum_a.unit.slug, forum_a.pk])).status_code == 404
    assert client.get(reverse("standards:forum-list", args=[forum_a.unit.slug])).status_code == 404


def test_unit_head_runs_a_forum_through_the_pages(client_for, unit_head_a, unit_a, draft_a):
    client = client_for(unit_head_a)
    response = client.post(
        reverse("standards:forum-create", args=[unit_a.slug]),
        {
            "topic": "drafting",
            "title": "FKP standar pelayanan 2026",
            "held_on": "2026-01-20",
            "place": "Aula kantor",
        },
    )
    assert response.status_code == 302
    forum = selectors.forums_of_unit(unit_a).get()
    for name, kind in [("Ibu Rina", "service_user"), ("Harian Lokal", "media")]:
        client.post(
            reverse("standards:participant-add", args=[unit_a.slug, forum.pk]),
            {"participant-name": name, "participant-organisation": "", "participant-kind": kind},
        )
    ids = [str(p.pk) for p in forum.participants.all()]
    client.post(reverse("standards:attendance", args=[unit_a.slug, forum.pk]), {"attended": ids})
    held = reverse("standards:forum-held", args=[unit_a.slug, forum.pk])
    assert client.post(held).status_code == 200  # the confirmation page
    client.post(held, {"confirmed": "yes"})
    client.post(
        reverse("standards:agreement-create", args=[unit_a.slug, forum.pk]),
        {"text": "Waktu layanan menjadi 2 hari kerja", "standard": draft_a.pk, "outcome": "done"},
    )
    client.post(
        reverse("standards:forum-file-add", args=[unit_a.slug, forum.pk]),
        {"document-kind": "berita_acara", "document-file": SimpleUploadedFile("ba.pdf", PDF)},
    )
    forum.refresh_from_db()
    assert forum.status == "held"
    assert forum.agreements.get().standard == draft_a
    assert forum.files.get().kind == "berita_acara"
    sheet = client.get(reverse("standards:berita-acara", args=[unit_a.slug, forum.pk]))
    assert "Waktu layanan menjadi 2 hari kerja" in sheet.content.decode()
    public = client.get(reverse("public_standards:forum", args=[unit_a.slug, forum.pk]))
    assert "Waktu layanan menjadi 2 hari kerja" in public.content.decode()


def test_a_planned_forum_has_no_public_page(client, unit_a, unit_head_a):
    forum = services.save_forum(
        actor=unit_head_a,
        unit=unit_a,
        data={"topic": "other", "title": "FKP", "held_on": date(2026, 1, 1), "place": "Aula"},
    )
    assert (
        client.get(reverse("public_standards:forum", args=[unit_a.slug, forum.pk])).status_code
        == 404
    )


# --- Pledge -----------------------------------------------------------------------------------


def test_the_pledge_is_set_and_published_and_replaces_the_previous(unit_a, officer_a, unit_head_a):
    first = services.save_maklumat_draft(actor=officer_a, unit=unit_a, data=PLEDGE)
    with pytest.raises(PermissionDenied):
        services.publish_maklumat(actor=officer_a, maklumat=first, set_on=date(2026, 1, 2))
    services.publish_maklumat(actor=unit_head_a, maklumat=first, set_on=date(2026, 1, 2))
    second = services.save_maklumat_draft(
        actor=officer_a, unit=unit_a, data=PLEDGE | {"signatory_name": "Dr. Baru"}
    )
    assert second.number == 2
    services.publish_maklumat(actor=unit_head_a, maklumat=second, set_on=date(2026, 3, 1))
    assert Maklumat.objects.get(pk=first.pk).status == "superseded"
    assert selectors.current_maklumat(unit_a).signatory_name == "Dr. Baru"


def test_pledge_page_and_poster(client, client_for, unit_a, unit_head_a):
    staff = client_for(unit_head_a)
    staff.post(reverse("standards:maklumat", args=[unit_a.slug]), PLEDGE)
    url = reverse("standards:maklumat-publish", args=[unit_a.slug])
    confirmation = staff.post(url, {"set_on": "2026-01-05"})
    assert confirmation.status_code == 200 and 'name="confirmed"' in confirmation.content.decode()
    staff.post(url, {"set_on": "2026-01-05", "confirmed": "yes"})
    client.logout()
    poster = client.get(reverse("public_standards:maklumat-poster", args=[unit_a.slug]))
    html = poster.content.decode()
    for statement in services.DEFAULT_PLEDGE.values():
        assert statement in html
    assert "Drs. Ahmad" in html and "data:image/svg+xml" in html
    unit_page = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert services.DEFAULT_PLEDGE["improvement"] in unit_page


def test_no_poster_without_a_published_pledge(client, unit_a):
    assert (
        client.get(reverse("public_standards:maklumat-poster", args=[unit_a.slug])).status_code
        == 404
    )


def test_officer_of_other_unit_cannot_post_a_pledge(client_for, officer_b, unit_a):
    response = client_for(officer_b).post(reverse("standards:maklumat", args=[unit_a.slug]), PLEDGE)
    assert response.status_code == 404
    assert not Maklumat.objects.exists()


# --- Publication records ----------------------------------------------------------------------


def test_a_publication_of_a_draft_is_refused(unit_a, officer_a, draft_a):
    with pytest.raises(ValidationError):
        services.record_publication(
            actor=officer_a,
            unit=unit_a,
            subject="standard",
            target=draft_a,
            medium="website",
            published_on=date(2026, 2, 2),
        )


def test_publication_records_feed_the_indicator_inputs(unit_a, officer_a, unit_head_a, published_a):
    for medium in ["notice_board", "website", "sippn"]:
        services.record_publication(
            actor=officer_a,
            unit=unit_a,
            subject="standard",
            target=published_a,
            medium=medium,
            published_on=date(2026, 2, 2),
            url="https://example.go.id/sp" if medium != "notice_board" else "",
            evidence=pdf_upload("bukti.pdf") if medium == "notice_board" else None,
        )
    pledge = services.save_maklumat_draft(actor=officer_a, unit=unit_a, data=PLEDGE)
    pledge = services.publish_maklumat(actor=unit_head_a, maklumat=pledge, set_on=date(2026, 1, 2))
    services.record_publication(
        actor=officer_a,
        unit=unit_a,
        subject="maklumat",
        target=pledge,
        medium="notice_board",
        published_on=date(2026, 1, 3),
    )
    inputs = selectors.indicator_inputs(unit_a, today=date(2026, 3, 1))
    assert inputs.standard_media == {"notice_board", "website", "sippn"}
    assert inputs.maklumat_set and inputs.maklumat_media == {"notice_board"}
    assert inputs.services_in_force == 1
    assert inputs.services_reviewed_within == {12: 1, 24: 1, 36: 1}
    assert (
        Publication.objects.get(medium="notice_board", subject="standard").evidence_name
        == "bukti.pdf"
    )


def test_a_medium_counts_only_when_every_standard_in_force_is_on_it(unit_a, officer_a, published_a):
    from pantau.organisations.tests.factories import ServiceFactory
    from pantau.standards.models import StandardVersion

    other = ServiceFactory(unit=unit_a)
    StandardVersion.objects.create(
        service=other, number=1, status="published", decree_date=date(2026, 1, 1)
    )
    services.record_publication(
        actor=officer_a,
        unit=unit_a,
        subject="standard",
        target=published_a,
        medium="notice_board",
        published_on=date(2026, 2, 2),
    )
    assert selectors.indicator_inputs(unit_a, today=date(2026, 3, 1)).standard_media == set()


def test_publication_page_records_with_evidence(client_for, officer_a, unit_a, published_a):
    client = client_for(officer_a)
    response = client.post(
        reverse("standards:publications", args=[unit_a.slug]),
        {
            "target": f"standard-{published_a.pk}",
            "medium": "website",
            "published_on": "2026-02-03",
            "url": "",
        },
    )
    assert response.status_code == 200  # a website needs its link
    assert not Publication.objects.exists()
    response = client.post(
        reverse("standards:publications", args=[unit_a.slug]),
        {
            "target": f"standard-{published_a.pk}",
            "medium": "notice_board",
            "published_on": "2026-02-03",
            "evidence": SimpleUploadedFile("foto.pdf", PDF),
        },
    )
    assert response.status_code == 302
    record = Publication.objects.get()
    evidence = client.get(reverse("standards:publication-evidence", args=[unit_a.slug, record.pk]))
    assert b"".join(evidence.streaming_content) == PDF


def test_officer_of_other_unit_gets_404_on_evidence(
    client_for, officer_a, officer_b, unit_a, published_a
):
    record = services.record_publication(
        actor=officer_a,
        unit=unit_a,
        subject="standard",
        target=published_a,
        medium="notice_board",
        published_on=date(2026, 2, 2),
        evidence=pdf_upload(),
    )
    url = reverse("standards:publication-evidence", args=[unit_a.slug, record.pk])
    assert client_for(officer_b).get(url).status_code == 404


def test_indicator_scores_read_the_records(unit_a, officer_a, unit_head_a, published_a):
    for medium in ["notice_board", "website", "leaflet", "sippn"]:
        services.record_publication(
            actor=officer_a,
            unit=unit_a,
            subject="standard",
            target=published_a,
            medium=medium,
            published_on=date(2026, 2, 2),
            url="https://example.go.id/sp",
        )
    scores = {
        item.code: item.score for item in selectors.indicator_scores(unit_a, today=date(2026, 3, 1))
    }
    # Every service has a complete standard, set, drafted in a forum and not overdue.
    assert scores["1.a.Ak"] == 5
    assert scores["2.a.P"] == 2  # a service user and an expert attended
    assert scores["3.a.T"] == 4  # three media besides SIPPN
    assert scores["4.a.K"] == 5
    assert scores["5.a.K"] == 0
    assert scores["7.a.T"] == 0
    late = {
        item.code: item.score for item in selectors.indicator_scores(unit_a, today=date(2027, 3, 1))
    }
    assert late["1.a.Ak"] == 4 and late["4.a.K"] == 3


def test_editing_a_forum_keeps_its_date_in_the_form(client_for, unit_head_a, forum_a):
    response = client_for(unit_head_a).get(
        reverse("standards:forum-edit", args=[forum_a.unit.slug, forum_a.pk])
    )
    assert 'value="2026-01-15"' in response.content.decode()


def test_skm_media_count_the_records_and_the_media_ticked_at_publication(
    unit_a, unit_head_a, service_a
):
    from django.utils import timezone

    from pantau.satisfaction import services as skm

    period = skm.create_period(
        actor=unit_head_a,
        unit=unit_a,
        kind="quarter",
        year=2025,
        number=1,
        population=100,
        services=[service_a],
    )
    # Published as the satisfaction module records it (the IKM needs answers; set directly here).
    period.published_at = timezone.now()
    period.published_media = ["electronic", "billboard"]
    period.save()
    services.record_publication(
        actor=unit_head_a,
        unit=unit_a,
        subject="skm",
        target=period,
        medium="website",
        published_on=date(2025, 4, 10),
        url="https://example.go.id/skm",
    )
    inputs = selectors.indicator_inputs(unit_a, today=date(2025, 5, 1))
    assert inputs.skm_media == {"electronic", "billboard", "website"}
