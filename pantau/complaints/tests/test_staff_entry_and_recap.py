"""A report recorded by staff stays visible to them; the recap covers a coordinator's region."""

import uuid

from django.urls import reverse

from pantau.complaints.models import Complaint, Queue
from pantau.complaints.tests.conftest import report
from pantau.organisations.models import Agency
from pantau.organisations.tests.factories import AgencyFactory


def _entry(client, **overrides):
    data = {
        "submission_token": str(uuid.uuid4()),
        "kind": "complaint",
        "unit": "",
        "subject": "Lewat telepon",
        "description": "Warga menelepon.",
        "channel": "phone",
        "original_message": "Catatan telepon",
    }
    data.update(overrides)
    return client.post(reverse("complaints:entry"), data, follow=True)


def test_a_coordinator_recording_a_phone_report_for_another_province_keeps_it_and_its_code(
    client_for, coordinator_a
):
    elsewhere = AgencyFactory(name="Provinsi Lain", slug="prov-lain", kind=Agency.Kind.PROVINCE)
    below = AgencyFactory(name="Dinas Lain", slug="dinas-lain", parent=elsewhere)
    client = client_for(coordinator_a)
    form = client.get(reverse("complaints:entry")).context["form"]
    assert below in form.fields["agency"].queryset  # not only top-level bodies
    response = _entry(client, agency=str(below.pk))
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert response.request["PATH_INFO"] == reverse(
        "complaints:detail", args=[complaint.tracking_number]
    )
    assert complaint.entered_by == coordinator_a and complaint.queue == Queue.NATIONAL
    shown = [str(m) for m in response.context["messages"]]
    assert any("kode akses" in m.lower() for m in shown)


def test_the_recap_covers_the_coordinators_region_including_unknown_units(
    client_for, coordinator_a, unit_a, agency_a
):
    report(unit_a)
    report(None, agency=agency_a)
    page = client_for(coordinator_a).get(reverse("complaints:recap"))
    assert page.context["unit"] is None and page.context["data"]["total"] == 2
    pdf = client_for(coordinator_a).get(reverse("complaints:recap"), {"unit": "*", "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")


def test_an_officer_of_another_unit_gets_no_region_recap(client_for, officer_b, unit_a, unit_b):
    report(unit_a)
    page = client_for(officer_b).get(reverse("complaints:recap"), {"unit": "*"})
    assert page.context["unit"] == unit_b and page.context["data"]["total"] == 0


def test_the_queue_links_to_the_recap(client_for, officer_a):
    body = client_for(officer_a).get(reverse("complaints:queue")).content.decode()
    assert reverse("complaints:recap") in body


def test_the_recap_year_is_written_without_a_thousands_separator(client_for, officer_a):
    body = client_for(officer_a).get(reverse("complaints:recap"), {"year": "2021"}).content.decode()
    assert 'value="2021"' in body and "year=2021" in body and "2.021" not in body


def test_the_public_statistics_write_the_year_as_a_year(client, unit_a):
    body = client.get(
        reverse("complaints:statistics", args=[unit_a.slug]), {"year": "2021"}
    ).content.decode()
    assert "2021" in body and "2.021" not in body and 'value="2021"' in body
