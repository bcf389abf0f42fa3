"""A study of several units: a link, QR code and officers' questionnaire per unit; results pooled
or per unit."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.organisations.tests.factories import ServiceUnitFactory
from pantau.studies import services
from pantau.studies.models import RespondentGroup
from pantau.studies.selectors import study_results
from pantau.surveys.selectors import version_items

from .conftest import form_post

PROVIDER = RespondentGroup.Role.PROVIDER
RECIPIENT = RespondentGroup.Role.RECIPIENT


@pytest.fixture
def unit_a2(agency_a):
    return ServiceUnitFactory(agency=agency_a, name="Loket Dinas Sosial A2", slug="unit-a2")


@pytest.fixture
def officer_a2(unit_a2):
    user = UserFactory(username="petugas_a2")
    MembershipFactory(user=user, role=Role.UNIT_OFFICER, unit=unit_a2)
    return user


@pytest.fixture
def joint_study(agency_head_a, unit_a, unit_a2):
    study = services.create_study(
        actor=agency_head_a,
        unit=unit_a,
        title="Studi bersama",
        starts_on=date(2025, 1, 1),
        ends_on=date(2025, 6, 30),
        recipient_target=20,
        provider_target=4,
        other_units=[unit_a2],
    )
    services.change_study_status(actor=agency_head_a, study=study, action="open")
    return study


def test_each_unit_gets_its_own_groups_and_links(joint_study, unit_a, unit_a2):
    groups = {(g.role, g.unit_id): g for g in joint_study.groups.all()}
    assert set(groups) == {(r, u.pk) for r in (RECIPIENT, PROVIDER) for u in (unit_a, unit_a2)}
    assert len({g.collection.token for g in groups.values()}) == 4
    assert all(g.collection.unit_id == unit for (_r, unit), g in groups.items())


def test_a_unit_head_cannot_include_a_unit_they_do_not_manage(unit_head_a, unit_a, unit_b):
    with pytest.raises(ValidationError):
        services.create_study(
            actor=unit_head_a,
            unit=unit_a,
            title="x",
            starts_on=date(2025, 1, 1),
            ends_on=date(2025, 2, 1),
            recipient_target=1,
            provider_target=1,
            other_units=[unit_b],
        )


def test_officers_answer_into_their_own_units_group_and_results_pool_or_split(
    client_for, officer_a, officer_a2, joint_study, unit_a2
):
    for officer in (officer_a, officer_a2):
        client = client_for(officer)
        page = client.get(reverse("studies:provider-answer", args=[joint_study.pk]))
        assert page.status_code == 200
        group = page.context["group"]
        client.post(
            reverse("studies:provider-answer", args=[joint_study.pk]),
            form_post(version_items(group.collection.version), 4),
        )
    by_unit = {
        g.unit_id: g.collection.responses.count() for g in joint_study.groups.filter(role=PROVIDER)
    }
    assert sorted(by_unit.values()) == [1, 1]
    assert study_results(joint_study).n[PROVIDER] == 2
    assert study_results(joint_study, unit=unit_a2).n[PROVIDER] == 1


def test_officer_of_an_included_unit_sees_the_study_and_another_unit_does_not(
    client_for, officer_a2, officer_b, joint_study
):
    url = reverse("studies:study-detail", args=[joint_study.pk])
    assert client_for(officer_a2).get(url).status_code == 200
    assert client_for(officer_b).get(url).status_code == 404


def test_results_page_filters_by_unit_and_refuses_a_foreign_unit(
    client_for, agency_head_a, joint_study, unit_a2, unit_b
):
    client = client_for(agency_head_a)
    url = reverse("studies:study-results", args=[joint_study.pk])
    page = client.get(url + f"?unit={unit_a2.slug}")
    assert page.status_code == 200 and page.context["results"].unit == unit_a2
    assert client.get(url + f"?unit={unit_b.slug}").status_code == 404


def test_raw_export_names_the_unit_of_each_respondent(
    client_for, agency_head_a, officer_a2, joint_study, unit_a2
):
    group = joint_study.groups.get(role=RECIPIENT, unit=unit_a2)
    client_for(officer_a2).post(
        reverse("studies:paper-entry", args=[joint_study.pk]) + f"?unit={unit_a2.slug}",
        form_post(version_items(group.collection.version), 3),
    )
    rows = list(
        csv.DictReader(
            io.StringIO(
                client_for(agency_head_a)
                .get(reverse("studies:raw-csv", args=[joint_study.pk]))
                .content.decode()
            )
        )
    )
    assert [(r["group"], r["unit"]) for r in rows] == [(str(RECIPIENT.label), unit_a2.slug)]
