"""Staff pages of standards (access, workflow through forms) and the public service page and guide."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from pantau.common.pdf import fonts_not_embedded
from pantau.standards.models import StandardVersion

from .conftest import PDF


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(BytesIO(content))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


@pytest.mark.parametrize(
    "name",
    ["standards:unit-standards", "standards:maklumat", "standards:publications"],
)
def test_officer_of_other_unit_gets_404_on_unit_pages(client_for, officer_b, unit_a, name):
    response = client_for(officer_b).get(reverse(name, args=[unit_a.slug]))
    assert response.status_code == 404


def test_officer_of_other_unit_gets_404_on_a_version(client_for, officer_b, draft_a):
    url = reverse("standards:version", args=[draft_a.service.unit.slug, draft_a.service.pk, 1])
    assert client_for(officer_b).get(url).status_code == 404
    edit = reverse(
        "standards:version-edit", args=[draft_a.service.unit.slug, draft_a.service.pk, 1]
    )
    assert client_for(officer_b).post(edit, {}).status_code == 404


def test_officer_of_other_unit_gets_404_on_the_decree(client_for, officer_b, published_a):
    unit = published_a.service.unit
    url = reverse("standards:decree", args=[unit.slug, published_a.service.pk, 1])
    assert client_for(officer_b).get(url).status_code == 404


def test_signed_out_visitor_is_sent_to_sign_in(client, unit_a):
    response = client.get(reverse("standards:unit-standards", args=[unit_a.slug]))
    assert response.status_code == 302


def test_evaluator_reads_but_cannot_edit(client_for, evaluator_a, draft_a):
    unit = draft_a.service.unit
    client = client_for(evaluator_a)
    assert client.get(reverse("standards:unit-standards", args=[unit.slug])).status_code == 200
    edit = reverse("standards:version-edit", args=[unit.slug, draft_a.service.pk, 1])
    assert client.get(edit).status_code == 403


def test_officer_drafts_a_standard_through_the_form(client_for, officer_a, service_a):
    client = client_for(officer_a)
    unit = service_a.unit
    response = client.post(reverse("standards:version-start", args=[unit.slug, service_a.pk]))
    assert response.status_code == 302
    edit = reverse("standards:version-edit", args=[unit.slug, service_a.pk, 1])
    form = {
        "requirements_text": "Fotokopi KTP | 1 lembar\n\nSurat pengantar RT/RW",
        "steps_text": "Ambil nomor antrean\nSerahkan berkas | petugas loket",
        "time_limit_value": "2",
        "time_limit_unit": "hours",
        "fee_is_free": "on",
        "product": "Surat keterangan",
        "complaint_handling": "Melalui loket pengaduan",
        "review_months": "12",
    }
    response = client.post(edit, form)
    assert response.status_code == 302, response.context["form"].errors
    version = StandardVersion.objects.get(service=service_a)
    assert [(r.text, r.note) for r in version.requirements.all()] == [
        ("Fotokopi KTP", "1 lembar"),
        ("Surat pengantar RT/RW", ""),
    ]
    assert version.steps.last().actor == "petugas loket"


def test_a_refused_form_changes_nothing(client_for, officer_a, draft_a):
    unit = draft_a.service.unit
    edit = reverse("standards:version-edit", args=[unit.slug, draft_a.service.pk, 1])
    response = client_for(officer_a).post(
        edit,
        {"requirements_text": "Baru", "fee_amount": "", "product": "X", "review_months": "12"},
    )
    assert response.status_code == 200
    assert "Isi biaya dalam rupiah" in response.content.decode()
    draft_a.refresh_from_db()
    assert draft_a.requirements.count() == 2 and draft_a.product == "Surat rekomendasi PBI-JKN"


def test_a_long_note_is_refused_on_its_field_not_cut(client_for, officer_a, draft_a):
    unit = draft_a.service.unit
    edit = reverse("standards:version-edit", args=[unit.slug, draft_a.service.pk, 1])
    response = client_for(officer_a).post(
        edit,
        {
            "requirements_text": "KTP | " + "n" * 121,
            "fee_is_free": "on",
            "product": "X",
            "review_months": "12",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["requirements_text"]
    draft_a.refresh_from_db()
    assert draft_a.requirements.count() == 2 and draft_a.product == "Surat rekomendasi PBI-JKN"


def test_unit_head_sets_and_publishes_through_the_pages(client_for, unit_head_a, draft_a, forum_a):
    client = client_for(unit_head_a)
    unit, service = draft_a.service.unit, draft_a.service
    act = lambda action: reverse(  # noqa: E731
        "standards:version-action", args=[unit.slug, service.pk, 1, action]
    )
    client.post(act("discuss"), {"forum": forum_a.pk})
    response = client.post(
        act("set"),
        {
            "decree_number": "188/1/2026",
            "decree_date": "2026-02-01",
            "decree_file": SimpleUploadedFile("sk.pdf", PDF, content_type="application/pdf"),
            "understood": "on",
        },
    )
    assert response.status_code == 302
    page = client.post(act("publish"))
    assert page.status_code == 200  # the confirmation page
    assert StandardVersion.objects.get(pk=draft_a.pk).status == "set"
    client.post(act("publish"), {"confirmed": "yes"})
    version = StandardVersion.objects.get(pk=draft_a.pk)
    assert version.status == "published" and version.decree_number == "188/1/2026"
    decree = client.get(reverse("standards:decree", args=[unit.slug, service.pk, 1]))
    assert b"".join(decree.streaming_content).startswith(b"%PDF")


def test_a_decree_that_is_not_a_pdf_is_refused(client_for, unit_head_a, draft_a, forum_a):
    client = client_for(unit_head_a)
    unit, service = draft_a.service.unit, draft_a.service
    client.post(
        reverse("standards:version-action", args=[unit.slug, service.pk, 1, "discuss"]),
        {"forum": forum_a.pk},
    )
    response = client.post(
        reverse("standards:version-action", args=[unit.slug, service.pk, 1, "set"]),
        {
            "decree_number": "188/1/2026",
            "decree_date": "2026-02-01",
            "decree_file": SimpleUploadedFile(
                "sk.pdf", b"not a pdf", content_type="application/pdf"
            ),
        },
    )
    assert response.status_code == 400
    assert StandardVersion.objects.get(pk=draft_a.pk).status == "discussed"


# --- Public -----------------------------------------------------------------------------------


def test_public_service_page_shows_the_version_in_force(client, published_a):
    unit, service = published_a.service.unit, published_a.service
    response = client.get(reverse("public_standards:service", args=[unit.slug, service.slug]))
    html = response.content.decode()
    assert "Fotokopi Kartu Keluarga" in html
    assert "Petugas memeriksa berkas" in html
    assert f"/lapor/?unit={unit.slug}" in html
    assert "188/12/SK/2026" in html


def test_public_does_not_see_a_draft(client, draft_a):
    unit, service = draft_a.service.unit, draft_a.service
    response = client.get(reverse("public_standards:service", args=[unit.slug, service.slug]))
    assert "Fotokopi KTP" not in response.content.decode()
    version = reverse("public_standards:service-version", args=[unit.slug, service.slug, 1])
    assert client.get(version).status_code == 404
    guide = reverse("public_standards:service-guide", args=[unit.slug, service.slug])
    assert client.get(guide).status_code == 404


def test_the_one_page_guide_contains_what_the_standard_says(client, published_a):
    from pantau.organisations.tests.factories import OpeningHoursFactory

    unit, service = published_a.service.unit, published_a.service
    OpeningHoursFactory(unit=unit, weekday=1)
    response = client.get(reverse("public_standards:service-guide", args=[unit.slug, service.slug]))
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    for expected in [
        "Surat rekomendasi PBI-JKN",
        "Fotokopi KTP (1 lembar)",
        "Fotokopi Kartu Keluarga",
        "Pemohon mengambil nomor antrean",
        "Petugas memeriksa berkas (petugas loket)",
        "Rp0",
        "188/12/SK/2026",
        f"/lapor/?unit={unit.slug}",
        "0812 3456 7890",
        "08.00–16.00 WIB",
        f"/units/{unit.slug}/services/{service.slug}/",
    ]:
        assert expected in text, expected
    assert "3" in text


def test_the_guide_states_a_fee_and_its_legal_basis(client, published_a, officer_a, unit_head_a):
    from pantau.standards import services

    from .conftest import CONTENT, REQUIREMENTS, STEPS, pdf_upload

    version = services.start_version(actor=officer_a, service=published_a.service)
    services.update_version(
        actor=officer_a,
        version=version,
        data=CONTENT
        | {"fee_is_free": False, "fee_amount": 150000, "fee_legal_basis": "Perda 5/2023"},
        requirements=REQUIREMENTS,
        steps=STEPS,
    )
    services.record_discussion(actor=officer_a, version=version, forum=published_a.forum)
    services.set_version(
        actor=unit_head_a,
        version=version,
        decree_number="2",
        decree_date=date(2026, 3, 1),
        decree_file=pdf_upload(),
    )
    services.publish_version(actor=unit_head_a, version=version)
    unit, service = published_a.service.unit, published_a.service
    text = _pdf_text(
        client.get(
            reverse("public_standards:service-guide", args=[unit.slug, service.slug])
        ).content
    )
    assert "Rp150.000" in text and "Perda 5/2023" in text
    # The page says the same, and the PDF prints the same everywhere (issue 17).
    live = client.get(reverse("public_standards:service", args=[unit.slug, service.slug]))
    assert "Rp150.000" in live.content.decode()
    guide = client.get(reverse("public_standards:service-guide", args=[unit.slug, service.slug]))
    assert fonts_not_embedded(guide.content) == set()
    history = client.get(
        reverse("public_standards:service-history", args=[unit.slug, service.slug])
    )
    assert "Versi 1" in history.content.decode()
    old = client.get(reverse("public_standards:service-version", args=[unit.slug, service.slug, 1]))
    assert old.status_code == 200 and "Rp0" in old.content.decode()


def test_the_unit_audit_trail_shows_standard_changes(client_for, unit_head_a, published_a):
    from pantau.common import audit

    unit = published_a.service.unit
    entries = audit.unit_history(unit.pk)
    assert any("v1" in entry.object_repr for entry in entries)


def test_public_unit_page_query_count_does_not_grow_with_services(
    client, published_a, officer_a, django_assert_max_num_queries
):
    from pantau.organisations.tests.factories import ServiceFactory

    unit = published_a.service.unit
    client.get(reverse("portal:unit-detail", args=[unit.slug]))  # warm the cache
    # 12, and 3 for what a citizen can answer today: the SKM, the studies and F-03 (issue 19),
    # and 1 for what the unit does about what it was told (the improvement register, issue 21).
    with django_assert_max_num_queries(16) as few:
        client.get(reverse("portal:unit-detail", args=[unit.slug]))
    ServiceFactory.create_batch(10, unit=unit)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("portal:unit-detail", args=[unit.slug]))
    assert response.status_code == 200
    assert reverse(
        "public_standards:service-guide", args=[unit.slug, published_a.service.slug]
    ) in (response.content.decode())


def test_overview_lists_only_units_in_scope_with_their_counts(
    client_for, officer_b, agency_head_a, published_a, unit_b
):
    body = client_for(agency_head_a).get(reverse("standards:overview")).content.decode()
    assert published_a.service.unit.name in body and unit_b.name not in body
    client_for(officer_b).logout()
    body = client_for(officer_b).get(reverse("standards:overview")).content.decode()
    assert published_a.service.unit.name not in body


def test_overview_counts_due_reviews(published_a):
    from pantau.standards import selectors

    unit = published_a.service.unit
    (row,) = selectors.overview_rows([unit], today=date(2027, 3, 1))
    assert row["in_force"] == 1 and row["due"] == 1 and row["in_progress"] == 0
    assert row["pledge"] is False


def test_staff_list_pages_keep_a_flat_query_count(
    client_for, admin_user, published_a, django_assert_max_num_queries
):
    from pantau.organisations.tests.factories import ServiceFactory, ServiceUnitFactory

    client = client_for(admin_user)
    unit = published_a.service.unit
    pages = [reverse("standards:overview"), reverse("standards:unit-standards", args=[unit.slug])]
    counts = []
    for url in pages:
        with django_assert_max_num_queries(30) as captured:
            client.get(url)
        counts.append(len(captured.captured_queries))
    for _ in range(5):
        ServiceFactory(unit=ServiceUnitFactory())
        ServiceFactory(unit=unit)
    for url, before in zip(pages, counts, strict=True):
        with django_assert_max_num_queries(before):
            assert client.get(url).status_code == 200
