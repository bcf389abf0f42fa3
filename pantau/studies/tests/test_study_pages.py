"""Setting up a study, answering it (recipients in public, providers signed in), results, exports."""

import csv
import io
import uuid

import numpy as np
import pytest
import scipy.stats as ss
from django.urls import reverse
from openpyxl import load_workbook

from pantau.studies import services
from pantau.studies.models import ProviderParticipation, RespondentGroup, Study
from pantau.studies.selectors import scored_items, study_results
from pantau.surveys.models import Answer, Response
from pantau.surveys.selectors import version_items

from .conftest import fill, form_post, group

RECIPIENT = RespondentGroup.Role.RECIPIENT
PROVIDER = RespondentGroup.Role.PROVIDER


def test_unit_head_sets_up_a_study_with_two_groups(client_for, unit_head_a, unit_a):
    client = client_for(unit_head_a)
    response = client.post(
        reverse("studies:study-create", args=[unit_a.slug]),
        {
            "title": "Studi NPS",
            "form_set": "nps5",
            "starts_on": "2025-01-01",
            "ends_on": "2025-06-30",
            "recipient_target": "30",
            "provider_target": "5",
        },
    )
    study = Study.objects.get()
    assert response.status_code == 302
    assert {g.role: g.target_sample for g in study.groups.all()} == {RECIPIENT: 30, PROVIDER: 5}
    assert all(g.collection.status == "draft" for g in study.groups.all())


def test_a_study_ending_before_it_starts_is_refused_and_nothing_is_saved(
    client_for, unit_head_a, unit_a
):
    response = client_for(unit_head_a).post(
        reverse("studies:study-create", args=[unit_a.slug]),
        {
            "title": "Studi",
            "form_set": "nps5",
            "starts_on": "2025-06-30",
            "ends_on": "2025-01-01",
            "recipient_target": "30",
            "provider_target": "5",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "Studi tidak dapat berakhir sebelum dimulai."
    ]
    assert not Study.objects.exists()


def test_officer_cannot_set_up_a_study_and_head_of_other_unit_gets_404(
    client_for, officer_a, unit_head_b, unit_a
):
    url = reverse("studies:study-create", args=[unit_a.slug])
    assert client_for(officer_a).get(url).status_code == 404
    assert client_for(unit_head_b).get(url).status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "study-detail",
        "study-results",
        "raw-csv",
        "raw-xlsx",
        "raw-sav",
        "results-xlsx",
        "results-csv",
        "report-pdf",
        "paper-entry",
        "import",
        "invitations",
        "provider-answer",
    ],
)
def test_officer_of_other_unit_gets_404(client_for, officer_b, study_a, name):
    url = reverse(f"studies:{name}", args=[study_a.pk])
    assert client_for(officer_b).get(url).status_code == 404


def test_head_of_other_unit_cannot_open_or_close_the_study(client_for, unit_head_b, study_a):
    client = client_for(unit_head_b)
    for action in ("close", "open"):
        url = reverse("studies:study-status", args=[study_a.pk, action])
        assert client.post(url).status_code == 404
    assert group(study_a, RECIPIENT).collection.status == "open"


def test_other_unit_does_not_list_the_study(client_for, officer_b, study_a):
    assert (
        "Studi NPS A"
        not in client_for(officer_b).get(reverse("studies:study-list")).content.decode()
    )


def test_recipient_answers_in_public_and_gets_a_receipt(client, study_a):
    g = group(study_a, RECIPIENT)
    url = reverse("study:form", args=[g.collection.token])
    page = client.get(url)
    assert page.status_code == 200
    items = version_items(g.collection.version)
    response = client.post(url, form_post(items, 5))
    assert response.status_code == 302
    saved = Response.objects.get(collection=g.collection)
    assert saved.source == "web"
    assert Answer.objects.filter(response=saved).count() == len(
        scored_items(g.collection.version_id)
    )
    assert client.get(response["Location"]).status_code == 200


def test_an_incomplete_public_answer_is_refused_and_nothing_is_saved(client, study_a):
    g = group(study_a, RECIPIENT)
    data = form_post(version_items(g.collection.version))
    data.pop("sns-1")
    response = client.post(reverse("study:form", args=[g.collection.token]), data)
    assert response.status_code == 200
    assert not Response.objects.exists()


def test_closed_study_takes_no_public_answers(client, study_a, unit_head_a):
    services.change_study_status(actor=unit_head_a, study=study_a, action="close")
    g = group(study_a, RECIPIENT)
    url = reverse("study:form", args=[g.collection.token])
    assert "studies/public/closed.html" in [t.name for t in client.get(url).templates]
    response = client.post(url, form_post(version_items(g.collection.version)))
    assert response.status_code == 409
    assert not Response.objects.exists()


def test_providers_form_is_not_public(client, study_a):
    g = group(study_a, PROVIDER)
    assert client.get(reverse("study:form", args=[g.collection.token])).status_code == 404


def test_kiosk_needs_a_valid_signature(client, study_a, client_for, unit_head_a):
    g = group(study_a, RECIPIENT)
    assert (
        client.get(reverse("study:kiosk", args=[g.collection.token, "forged"])).status_code == 404
    )
    detail = client_for(unit_head_a).get(reverse("studies:study-detail", args=[study_a.pk]))
    kiosk = next(g for g in detail.context["groups"] if g.role == RECIPIENT).kiosk_url
    assert client.get(kiosk).status_code == 200


def test_qr_code_is_an_svg(client, study_a):
    g = group(study_a, RECIPIENT)
    response = client.get(reverse("study:qr", args=[g.collection.token]))
    assert response["Content-Type"] == "image/svg+xml"


def test_officer_answers_as_provider_once_and_anonymously(client_for, officer_a, study_a):
    client = client_for(officer_a)
    g = group(study_a, PROVIDER)
    url = reverse("studies:provider-answer", args=[study_a.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, form_post(version_items(g.collection.version), 4))
    assert response.status_code == 302
    saved = Response.objects.get(collection=g.collection)
    assert saved.entered_by is None
    assert ProviderParticipation.objects.filter(group=g, user=officer_a).exists()
    again = client.post(url, form_post(version_items(g.collection.version), 2))
    assert again.status_code == 302
    assert Response.objects.filter(collection=g.collection).count() == 1


def test_officer_of_other_unit_cannot_answer_as_provider(client_for, officer_b, study_a):
    url = reverse("studies:provider-answer", args=[study_a.pk])
    assert client_for(officer_b).get(url).status_code == 404


def test_provider_answer_to_a_closed_study_is_refused(client_for, officer_a, unit_head_a, study_a):
    services.change_study_status(actor=unit_head_a, study=study_a, action="close")
    g = group(study_a, PROVIDER)
    response = client_for(officer_a).post(
        reverse("studies:provider-answer", args=[study_a.pk]),
        form_post(version_items(g.collection.version)),
    )
    assert response.status_code == 200
    assert not Response.objects.exists()
    assert not ProviderParticipation.objects.exists()


def test_results_equal_an_independent_computation_from_the_answers(study_a):
    fill(study_a)
    results = study_results(study_a)

    # Independent: recipients' and providers' SNS scores straight from the answer table.
    def scores(role, prefix):
        g = group(study_a, role)
        per_response = {}
        for response_id, value, turned in Answer.objects.filter(
            collection=g.collection, item__code__startswith=prefix
        ).values_list("response_id", "value_int", "item__reverse_scored"):
            per_response.setdefault(response_id, []).append(6 - value if turned else value)
        return np.array([np.mean(v) for v in per_response.values()])

    rec, prov = scores(RECIPIENT, "SNS_"), scores(PROVIDER, "SNS_")
    gap = results.overall["dimensions"]["SNS"]["gap"]
    assert gap["groups"] == [PROVIDER.value, RECIPIENT.value]
    assert gap["mean_diff"] == pytest.approx(prov.mean() - rec.mean(), abs=1e-12)
    reference = ss.ttest_ind(prov, rec, equal_var=False)
    assert gap["welch_p"] == pytest.approx(reference.pvalue, abs=1e-9)
    assert results.regression is not None and len(results.regression.coefficients) == 6
    assert results.small_groups  # six providers
    assert results.descriptives[RECIPIENT]["SNS_1"].n == 30


def test_results_page_shows_every_table(client_for, unit_head_a, study_a):
    fill(study_a)
    page = client_for(unit_head_a).get(reverse("studies:study-results", args=[study_a.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    for table in (
        "summary",
        "dims",
        "items",
        "validity",
        "group-validity",
        "pairs",
        "quality",
        "regression",
    ):
        assert f'id="{table}-title"' in text
    assert len(page.context["summary"]) >= 3


def test_results_page_without_answers(client_for, unit_head_a, study_a):
    page = client_for(unit_head_a).get(reverse("studies:study-results", args=[study_a.pk]))
    assert page.status_code == 200
    assert len(page.context["summary"]) == 1
    assert 'id="validity-title"' not in page.content.decode()


def test_raw_export_has_one_row_per_respondent_with_item_codes(client_for, unit_head_a, study_a):
    fill(study_a, recipients=4, providers=3)
    response = client_for(unit_head_a).get(reverse("studies:raw-csv", args=[study_a.pk]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 7
    assert {r["group"] for r in rows} == {str(RECIPIENT.label), str(PROVIDER.label)}  # words
    assert rows[0]["SNS_1"] and "KPS_1" in rows[0]
    xlsx = client_for(unit_head_a).get(reverse("studies:raw-xlsx", args=[study_a.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 8


def test_result_tables_export(client_for, unit_head_a, study_a):
    fill(study_a)
    client = client_for(unit_head_a)
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("studies:results-xlsx", args=[study_a.pk])).content)
    )
    assert len(workbook.sheetnames) == 10  # with the profile and validity per group
    text = client.get(reverse("studies:results-csv", args=[study_a.pk])).content.decode()
    assert "rank_biserial" in text and "vif" in text


def test_opening_twice_is_refused(unit_head_a, study_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.change_study_status(actor=unit_head_a, study=study_a, action="open")


def test_submission_token_reused_saves_once(client, study_a):
    g = group(study_a, RECIPIENT)
    data = form_post(version_items(g.collection.version))
    data["submission_token"] = str(uuid.uuid4())
    url = reverse("study:form", args=[g.collection.token])
    client.post(url, data)
    client.post(url, data)
    assert Response.objects.filter(collection=g.collection).count() == 1


def test_spss_export_has_variable_and_value_labels(client_for, unit_head_a, study_a, tmp_path):
    import pyreadstat

    fill(study_a, recipients=4, providers=3)
    response = client_for(unit_head_a).get(reverse("studies:raw-sav", args=[study_a.pk]))
    path = tmp_path / "s.sav"
    path.write_bytes(response.content)
    frame, meta = pyreadstat.read_sav(str(path))
    assert len(frame) == 7
    assert sorted(frame["group"].unique()) == [1.0, 2.0]
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    # Each group's own statement: recipients' (Form A) and providers' (Form B) wording.
    assert "Petugas menanyakan kebutuhan saya" in labels["SNS_1"]
    assert "Penerima layanan:" in labels["SNS_1"] and "Pemberi layanan:" in labels["SNS_1"]
    assert meta.original_variable_types["SNS_1"] == "F1.0"  # "4", not "4.00"
    assert "Asia/Jakarta" in labels["submitted_at"] and labels["source"]
    assert set(frame["source"].dropna()) <= {
        "Daring",
        "Kios",
        "Kertas, dimasukkan oleh petugas",
        "",
    }
    assert "(" in labels["SNS_4"]  # reverse-scored, marked
    assert meta.variable_value_labels["SNS_1"][5] == "Sangat setuju"
    assert meta.variable_value_labels["group"] == {1: "Penerima layanan", 2: "Pemberi layanan"}
    csv_rows = list(
        csv.DictReader(
            io.StringIO(
                client_for(unit_head_a)
                .get(reverse("studies:raw-csv", args=[study_a.pk]))
                .content.decode()
            )
        )
    )
    assert [int(r["SNS_2"]) for r in csv_rows] == [int(v) for v in frame["SNS_2"]]


def test_pdf_report(client_for, unit_head_a, study_a):
    fill(study_a)
    response = client_for(unit_head_a).get(reverse("studies:report-pdf", args=[study_a.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 3000


def test_pdf_report_without_answers(client_for, unit_head_a, study_a):
    response = client_for(unit_head_a).get(reverse("studies:report-pdf", args=[study_a.pk]))
    assert response.content.startswith(b"%PDF")


def test_results_with_recipients_only(client_for, unit_head_a, study_a):
    fill(study_a, recipients=12, providers=0)
    client = client_for(unit_head_a)
    page = client.get(reverse("studies:study-results", args=[study_a.pk]))
    assert page.status_code == 200
    results = page.context["results"]
    assert results.n == {RECIPIENT: 12, PROVIDER: 0}
    assert results.regression is not None and results.item_gaps == []
    for name in ("results-xlsx", "results-csv", "report-pdf", "raw-sav"):
        assert client.get(reverse(f"studies:{name}", args=[study_a.pk])).status_code == 200


def test_summary_rounds_as_the_tables_do():
    from django.utils import translation

    from pantau.studies.summary import _num

    with translation.override("id"):
        assert _num(0.0715, 3) == "0,072"
        assert _num(0.80499, 2) == "0,80"


def test_the_raw_export_through_pantau_stats_gives_the_pages_figures(
    client_for, unit_head_a, study_a, tmp_path, capsys
):
    import json

    from django.core.management import call_command

    fill(study_a)
    path = tmp_path / "export.csv"
    path.write_bytes(
        client_for(unit_head_a).get(reverse("studies:raw-csv", args=[study_a.pk])).content
    )
    # No --reverse typed: the file names the turned-round items SNS_4R and SDA_4R (issue 17).
    call_command("stats", str(path), "--json")
    cli = json.loads(capsys.readouterr().out)
    assert cli["reversed"] == ["SNS_4R", "SDA_4R"]
    page = study_results(study_a).overall["dimensions"]
    for code in ("SNS", "NPL", "WRG", "SDA", "AKT"):
        assert cli["dimensions"][code]["alpha"] == pytest.approx(page[code]["alpha"], abs=1e-12)
        assert cli["dimensions"][code]["mean"] == pytest.approx(page[code]["mean"], abs=1e-12)
        # The file lists providers first, so its gap reads providers − recipients, as the page.
        assert cli["dimensions"][code]["gap"]["welch_t"] == pytest.approx(
            page[code]["gap"]["welch_t"], abs=1e-9
        )


def test_respondent_profile_counts_the_answers_about_the_respondent(
    client_for, officer_a, unit_head_a, study_a
):
    g = group(study_a, RECIPIENT)
    items = version_items(g.collection.version)
    for gender in ("1", "2", "2"):
        data = form_post(items)
        data["jenis-kelamin"] = gender
        client_for(officer_a).post(reverse("studies:paper-entry", args=[study_a.pk]), data)
    results = study_results(study_a)
    gender = next(q for q in results.profile[RECIPIENT] if q["item"].key == "jenis-kelamin")
    assert gender["total"] == 3
    assert [(row["n"], round(row["share"], 1)) for row in gender["options"]] == [
        (1, 33.3),
        (2, 66.7),
    ]
    page = client_for(unit_head_a).get(reverse("studies:study-results", args=[study_a.pk]))
    assert 'id="profile-title-recipient"' in page.content.decode()


def test_result_tables_speak_words_not_codes(study_a):
    from django.utils import translation

    from pantau.studies import exporters, selectors

    fill(study_a)
    with translation.override("id"):
        tables = exporters.result_tables(selectors.study_results(study_a))
        descriptives = tables[0][2]
        assert {row[0] for row in descriptives} == {"Penerima layanan", "Pemberi layanan"}
        assert not {row[5] for row in descriptives} & {"high", "very_high", "moderate", "low"}
        constants = [row[0] for _t, _h, rows in tables for row in rows if row and row[0] == "const"]
        assert constants == []


def test_a_study_with_groups_out_of_step_still_opens_and_closes(unit_head_a, study_a):
    """A unit's group added later starts as a draft: the study is never stuck (issue 16)."""
    from pantau.surveys.models import Collection

    first, second = [g.collection for g in study_a.groups.order_by("pk")[:2]]
    Collection.objects.filter(pk=first.pk).update(status="open")
    Collection.objects.filter(pk=second.pk).update(status="draft")
    services.change_study_status(actor=unit_head_a, study=study_a, action="open")
    second.refresh_from_db()
    assert second.status == "open"
    Collection.objects.filter(pk=second.pk).update(status="draft")
    services.change_study_status(actor=unit_head_a, study=study_a, action="close")
    first.refresh_from_db()
    assert first.status == "closed"


def test_the_public_questionnaire_shows_statements_not_internal_codes(client, study_a):
    """Issue 19: "SNS_1." before each statement meant nothing to a respondent."""
    g = group(study_a, RECIPIENT)
    body = client.get(reverse("study:form", args=[g.collection.token])).content.decode()
    assert body.count("<legend>") >= 5  # the first page's statements are there
    assert "SNS_1." not in body and "SDA_4." not in body


def test_a_closed_study_shows_a_way_forward(client, study_a, unit_head_a, unit_a):
    """Issue 19: "Kuesioner ini sedang tidak dibuka" with no way forward."""
    services.change_study_status(actor=unit_head_a, study=study_a, action="close")
    g = group(study_a, RECIPIENT)
    body = client.get(reverse("study:form", args=[g.collection.token])).content.decode()
    assert reverse("portal:unit-detail", args=[unit_a.slug]) in body
    assert f"{reverse('complaints:new')}?unit={unit_a.slug}" in body
    assert "Studi ini berlangsung" in body
