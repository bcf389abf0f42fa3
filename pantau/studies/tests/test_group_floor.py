"""A perception study shows and exports a group only from five answers on, and never says when
or how a provider answered more precisely than the day (issue 15: officers are few)."""

import csv
import io

import pytest
from django.urls import reverse

from pantau.studies.models import RespondentGroup
from pantau.studies.selectors import study_results

from .conftest import fill


@pytest.fixture(autouse=True)
def _floor_of_five(settings):
    settings.PANTAU_STUDY_MIN_GROUP = 5


def _raw_rows(client, user, study):
    client.force_login(user)
    body = client.get(reverse("studies:raw-csv", args=[study.pk])).content.decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_four_providers_are_withheld_from_the_results(study_a):
    fill(study_a, recipients=30, providers=4)
    results = study_results(study_a)
    assert results.withheld == [RespondentGroup.Role.PROVIDER]
    assert RespondentGroup.Role.PROVIDER not in results.descriptives
    assert RespondentGroup.Role.PROVIDER not in results.by_group
    assert not results.item_gaps and not results.overall
    assert RespondentGroup.Role.RECIPIENT in results.by_group  # the other group still shown


def test_five_providers_are_shown(study_a):
    fill(study_a, recipients=30, providers=5)
    results = study_results(study_a)
    assert results.withheld == []
    assert RespondentGroup.Role.PROVIDER in results.by_group and results.item_gaps


def test_results_page_says_why_a_group_is_missing(client, study_a, unit_head_a):
    fill(study_a, recipients=30, providers=4)
    client.force_login(unit_head_a)
    body = client.get(reverse("studies:study-results", args=[study_a.pk])).content.decode()
    assert "kurang dari 5 jawaban" in body


def test_raw_export_leaves_out_a_group_of_four(client, study_a, unit_head_a):
    fill(study_a, recipients=30, providers=4)
    rows = _raw_rows(client, unit_head_a, study_a)
    assert {row["group"] for row in rows} == {str(RespondentGroup.Role.RECIPIENT.label)}


def test_raw_export_gives_providers_only_the_date(client, study_a, unit_head_a):
    fill(study_a, recipients=30, providers=5)
    rows = _raw_rows(client, unit_head_a, study_a)
    providers = [row for row in rows if row["group"] == RespondentGroup.Role.PROVIDER.label]
    recipients = [row for row in rows if row["group"] == RespondentGroup.Role.RECIPIENT.label]
    assert len(providers) == 5
    assert all(row["submitted_on"] and not row["submitted_at"] for row in providers)
    assert all(not row["source"] for row in providers)
    assert all(row["submitted_at"] and row["source"] for row in recipients)
