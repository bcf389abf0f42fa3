"""A study's imports go through the engine's pipeline: recorded with their fingerprint, the same
file refused again, undone as a whole, and a template to fill in."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.studies.models import RespondentGroup
from pantau.studies.selectors import scored_items
from pantau.surveys.models import ImportBatch, Response

from .conftest import group

PROVIDER = RespondentGroup.Role.PROVIDER


def _file(study) -> tuple[RespondentGroup, bytes]:
    g = group(study, PROVIDER)
    codes = [item.code for item in scored_items(g.collection.version_id)]
    lines = [",".join(codes), ",".join(["4"] * len(codes)), ",".join(["5"] * len(codes))]
    return g, ("\n".join(lines) + "\n").encode()


def _post(client, study, g, content: bytes):
    return client.post(
        reverse("studies:import", args=[study.pk]),
        {"group": g.pk, "file": SimpleUploadedFile("jawaban.csv", content, "text/csv")},
    )


def test_an_import_is_recorded_and_the_same_file_is_refused_again(client_for, officer_a, study_a):
    client = client_for(officer_a)
    g, content = _file(study_a)
    assert _post(client, study_a, g, content).status_code == 302
    batch = ImportBatch.objects.get(collection=g.collection)
    assert (batch.rows, batch.file_name, batch.created_by) == (2, "jawaban.csv", officer_a)
    again = _post(client, study_a, g, content)
    assert again.status_code == 200
    assert "Berkas ini sudah diimpor" in again.content.decode()
    assert Response.objects.filter(collection=g.collection).count() == 2
    page = client.get(reverse("studies:import", args=[study_a.pk])).content.decode()
    assert "jawaban.csv" in page and batch.sha256[:12] in page


def test_an_import_is_undone_after_confirmation(client_for, officer_a, study_a):
    client = client_for(officer_a)
    g, content = _file(study_a)
    _post(client, study_a, g, content)
    batch = ImportBatch.objects.get(collection=g.collection)
    url = reverse("studies:import-undo", args=[study_a.pk, batch.pk])
    asked = client.post(url)
    assert asked.status_code == 200 and "jawaban.csv" in asked.content.decode()
    assert Response.objects.filter(collection=g.collection).count() == 2
    done = client.post(url, {"confirmed": "yes"})
    assert done.status_code == 302
    batch.refresh_from_db()
    assert batch.undone_by == officer_a
    assert not Response.objects.filter(collection=g.collection).exists()
    assert _post(client, study_a, g, content).status_code == 302  # the file may come again


def test_officer_of_other_unit_cannot_undo_or_download_a_template(
    client_for, officer_a, officer_b, study_a
):
    g, content = _file(study_a)
    _post(client_for(officer_a), study_a, g, content)
    batch = ImportBatch.objects.get(collection=g.collection)
    other = client_for(officer_b)
    undo = reverse("studies:import-undo", args=[study_a.pk, batch.pk])
    assert other.post(undo, {"confirmed": "yes"}).status_code == 404
    template = reverse("studies:import-template", args=[study_a.pk, g.pk])
    assert other.get(template).status_code == 404
    assert Response.objects.filter(collection=g.collection).count() == 2


def test_the_template_has_the_columns_the_import_reads(client_for, officer_a, study_a):
    client = client_for(officer_a)
    g = group(study_a, PROVIDER)
    reply = client.get(reverse("studies:import-template", args=[study_a.pk, g.pk]))
    assert reply.status_code == 200 and reply["Content-Type"].startswith("text/csv")
    text = reply.content.decode("utf-8-sig")
    header, example = list(csv.reader(io.StringIO(text)))
    codes = [item.code for item in scored_items(g.collection.version_id)]
    assert header[: len(codes)] == codes
    # the template, filled as it comes, imports
    response = _post(client, study_a, g, reply.content)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Response.objects.filter(collection=g.collection).count() == 1


def test_a_recipients_repeat_is_held_and_reviewed_by_the_unit_not_another_unit(
    client, client_for, officer_a, officer_b, study_a
):
    from pantau.studies.selectors import scored_items
    from pantau.studies.tests.conftest import form_post
    from pantau.surveys.models import HeldResponse
    from pantau.surveys.selectors import version_items

    g = group(study_a, RespondentGroup.Role.RECIPIENT)
    url = reverse("study:form", args=[g.collection.token])
    data = form_post(version_items(g.collection.version))
    assert scored_items(g.collection.version_id)
    client.post(url, data)
    client.post(url, {**data, "submission_token": "2c1f6b1e-8a44-4b7a-9a55-2d1f0c3e4b5a"})
    held = HeldResponse.objects.get(collection=g.collection)
    page = reverse("studies:held", args=[study_a.pk, g.pk])
    assert client_for(officer_b).get(page).status_code == 404
    assert held.number in client_for(officer_a).get(page).content.decode()
    client_for(officer_a).post(page, {"held": held.pk, "decision": "confirm"})
    assert Response.objects.filter(collection=g.collection).count() == 2
