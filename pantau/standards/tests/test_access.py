"""Every staff page of standards refuses a user of another unit with 404, for reading and writing,
and a refused write changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.standards import services
from pantau.standards.models import (
    Agreement,
    ComponentFile,
    Forum,
    ForumFile,
    Maklumat,
    Participant,
    Publication,
    StandardVersion,
)

from .conftest import PDF, pdf_upload


@pytest.fixture
def world_a(unit_a, unit_head_a, officer_a, published_a, forum_a):
    """One of everything in unit A."""
    draft = services.start_version(actor=officer_a, service=published_a.service)
    component = services.attach_component_file(
        actor=officer_a, version=draft, component="legal_basis", upload=pdf_upload()
    )
    record = services.record_publication(
        actor=officer_a,
        unit=unit_a,
        subject="standard",
        target=published_a,
        medium="notice_board",
        published_on=published_a.decree_date,
        evidence=pdf_upload(),
    )
    agreement = services.save_agreement(actor=officer_a, forum=forum_a, data={"text": "Sepakat"})
    forum_file = services.attach_forum_file(
        actor=officer_a, forum=forum_a, kind="photo", upload=pdf_upload()
    )
    return {
        "unit": unit_a.slug,
        "service": published_a.service.pk,
        "draft": draft.number,
        "published": published_a.number,
        "component": component.pk,
        "record": record.pk,
        "forum": forum_a.pk,
        "agreement": agreement.pk,
        "forum_file": forum_file.pk,
    }


def _urls(w):
    u, s, d, p, f = w["unit"], w["service"], w["draft"], w["published"], w["forum"]
    return [
        ("standards:unit-standards", [u]),
        ("standards:service", [u, s]),
        ("standards:version-start", [u, s]),
        ("standards:version", [u, s, d]),
        ("standards:version-edit", [u, s, d]),
        ("standards:file-add", [u, s, d]),
        ("standards:file", [u, s, d, w["component"]]),
        ("standards:file-remove", [u, s, d, w["component"]]),
        ("standards:decree", [u, s, p]),
        ("standards:version-action", [u, s, d, "discard"]),
        ("standards:version-action", [u, s, d, "discuss"]),
        ("standards:maklumat", [u]),
        ("standards:maklumat-publish", [u]),
        ("standards:publications", [u]),
        ("standards:publication-evidence", [u, w["record"]]),
        ("standards:publication-delete", [u, w["record"]]),
        ("standards:forum-list", [u]),
        ("standards:forum-create", [u]),
        ("standards:forum", [u, f]),
        ("standards:forum-edit", [u, f]),
        ("standards:participant-add", [u, f]),
        ("standards:attendance", [u, f]),
        ("standards:forum-held", [u, f]),
        ("standards:agreement-create", [u, f]),
        ("standards:agreement-edit", [u, f, w["agreement"]]),
        ("standards:forum-file-add", [u, f]),
        ("standards:forum-file", [u, f, w["forum_file"]]),
        ("standards:attendance-sheet", [u, f]),
        ("standards:berita-acara", [u, f]),
        ("standards:export-json", [u]),
        ("standards:export-csv", [u]),
        ("standards:import", [u]),
    ]


def _counts():
    return [
        model.objects.count()
        for model in (
            StandardVersion,
            ComponentFile,
            Publication,
            Maklumat,
            Forum,
            Participant,
            Agreement,
            ForumFile,
        )
    ]


def test_officer_of_other_unit_gets_404_on_every_standards_page(client_for, officer_b, world_a):
    client = client_for(officer_b)
    before = _counts()
    post = {
        "participant-name": "X",
        "participant-kind": "media",
        "text": "X",
        "promise": "X",
        "improvement": "X",
        "sanction": "X",
        "signatory_name": "X",
        "signatory_title": "X",
        "set_on": "2026-01-01",
        "topic": "other",
        "title": "X",
        "held_on": "2026-01-01",
        "place": "X",
        "file": SimpleUploadedFile("x.pdf", PDF),
    }
    for name, args in _urls(world_a):
        url = reverse(name, args=args)
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, post).status_code == 404, url
    assert _counts() == before


def test_unit_head_of_other_unit_gets_404_too(client_for, unit_head_b, world_a):
    client = client_for(unit_head_b)
    for name, args in _urls(world_a):
        url = reverse(name, args=args)
        assert client.get(url).status_code in (404, 405), url


def test_overview_hides_other_unit_standards(client_for, officer_b, world_a, unit_a):
    body = client_for(officer_b).get(reverse("standards:overview")).content.decode()
    assert unit_a.name not in body
