"""Paper questionnaires typed in by an officer, and files imported all-or-nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.studies.models import RespondentGroup
from pantau.studies.selectors import scored_items
from pantau.surveys.models import Response
from pantau.surveys.selectors import version_items

from .conftest import fill, form_post, group

RECIPIENT = RespondentGroup.Role.RECIPIENT
PROVIDER = RespondentGroup.Role.PROVIDER


def test_officer_enters_a_paper_questionnaire_on_behalf_of_a_recipient(
    client_for, officer_a, study_a
):
    g = group(study_a, RECIPIENT)
    response = client_for(officer_a).post(
        reverse("studies:paper-entry", args=[study_a.pk]),
        form_post(version_items(g.collection.version), 3),
    )
    assert response.status_code == 302
    saved = Response.objects.get(collection=g.collection)
    assert saved.source == "paper" and saved.entered_by == officer_a


def test_officer_of_other_unit_cannot_enter_or_import(client_for, officer_b, study_a):
    client = client_for(officer_b)
    assert client.get(reverse("studies:paper-entry", args=[study_a.pk])).status_code == 404
    assert client.get(reverse("studies:import", args=[study_a.pk])).status_code == 404


def _upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("jawaban.csv", text.encode(), content_type="text/csv")


def test_a_clean_file_is_imported(client_for, officer_a, study_a):
    g = group(study_a, PROVIDER)
    codes = [item.code for item in scored_items(g.collection.version_id)]
    lines = [",".join(["nama", *codes, "masa-kerja"])]
    lines += [",".join(["x", *["4"] * len(codes), "2"]), ",".join(["y", *["5"] * len(codes), ""])]
    response = client_for(officer_a).post(
        reverse("studies:import", args=[study_a.pk]),
        {"group": group(study_a, PROVIDER).pk, "file": _upload("\n".join(lines) + "\n")},
    )
    assert response.status_code == 302
    saved = Response.objects.filter(collection=g.collection)
    assert saved.count() == 2 and {r.source for r in saved} == {"import"}
    assert {r.entered_by for r in saved} == {officer_a}


def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row(client_for, officer_a, study_a):
    g = group(study_a, PROVIDER)
    codes = [item.code for item in scored_items(g.collection.version_id)]
    good = ",".join(["4"] * len(codes))
    bad = ",".join(["7"] + ["4"] * (len(codes) - 1))
    response = client_for(officer_a).post(
        reverse("studies:import", args=[study_a.pk]),
        {
            "group": group(study_a, PROVIDER).pk,
            "file": _upload("\n".join([",".join(codes), good, bad]) + "\n"),
        },
    )
    assert response.status_code == 200
    errors = response.context["report"].errors
    assert len(errors) == 1 and errors[0].startswith(("Baris 3, SNS_1", "Row 3, SNS_1"))
    assert not Response.objects.exists()


def test_a_file_without_the_item_columns_is_refused(client_for, officer_a, study_a):
    response = client_for(officer_a).post(
        reverse("studies:import", args=[study_a.pk]),
        {"group": group(study_a, RECIPIENT).pk, "file": _upload("a,b\n1,2\n")},
    )
    assert response.status_code == 200
    assert response.context["report"].errors
    assert not Response.objects.exists()


def test_the_raw_export_reads_back_in(client_for, unit_head_a, study_a, unit_a):
    from datetime import date

    from pantau.studies import services

    fill(study_a, recipients=5, providers=3)
    client = client_for(unit_head_a)
    exported = client.get(reverse("studies:raw-csv", args=[study_a.pk])).content.decode()
    lines = exported.strip().splitlines()
    recipients_only = [lines[0]] + [
        line for line in lines[1:] if line.startswith("Penerima layanan,")
    ]
    other = services.create_study(
        actor=unit_head_a,
        unit=unit_a,
        title="Salinan",
        starts_on=date(2025, 1, 1),
        ends_on=date(2025, 2, 1),
        recipient_target=5,
        provider_target=3,
    )
    response = client.post(
        reverse("studies:import", args=[other.pk]),
        {"group": group(other, RECIPIENT).pk, "file": _upload("\n".join(recipients_only) + "\n")},
    )
    assert response.status_code == 302
    assert Response.objects.filter(collection=group(other, RECIPIENT).collection).count() == 5
