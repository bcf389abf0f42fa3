"""The innovation register through the API: anyone reads the public catalogue; a token reads the
innovations of the units it reaches; with the write scope the unit's people register, change and
move them on with the web pages' rules; bad input is refused by field and changes nothing."""

from datetime import date

import pytest

from pantau.innovations import services
from pantau.innovations.models import Innovation
from pantau.innovations.tests.factories import institutionalised, make_innovation

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

CATALOGUE = "/api/v1/innovations/catalogue/"
REGISTER = "/api/v1/innovations/"


@pytest.fixture(autouse=True)
def _in_2025(time_machine):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    time_machine.move_to(datetime(2025, 5, 14, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=True)


@pytest.fixture
def catalogue(unit_a, unit_b, officer_b):
    original = institutionalised(unit_a, is_public=True, team="Siti Aminah")
    copy = services.replicate_innovation(
        actor=officer_b, original=original, unit=unit_b, owner=officer_b, modification="Lewat RT."
    )
    hidden = make_innovation(unit_a, title="Kotak saran digital")
    return original, copy, hidden


@pytest.mark.covers("GET /api/v1/innovations/catalogue/", "GET /api/v1/innovations/catalogue/{id}/")
def test_anyone_reads_the_catalogue(api, catalogue, province_a):
    original, copy, hidden = catalogue
    listed = api.get(CATALOGUE)
    assert listed.status_code == 200, listed.json()
    assert_conforms(listed, "GET", CATALOGUE)
    [item] = listed.json()["results"]
    assert (item["id"], item["stage"], item["unit"], item["replication_count"]) == (
        original.pk,
        "institutionalised",
        "unit-a",
        1,
    )
    assert item["legal_basis"]["number"] == "12/2025" and "team" not in item
    assert [r["id"] for r in api.get(CATALOGUE, {"agency": province_a.slug}).json()["results"]] == [
        original.pk
    ]
    assert api.get(CATALOGUE, {"q": "lansia helikopter"}).json()["results"] == []
    assert api.get(CATALOGUE, {"stage": "idea"}).json()["results"] == []
    unknown = api.get(CATALOGUE, {"agency": "no-such-agency"})
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "agency"
    entry = api.get(f"{CATALOGUE}{original.pk}/")
    assert entry.status_code == 200
    assert_conforms(entry, "GET", "/api/v1/innovations/catalogue/{id}/")
    assert api.get(f"{CATALOGUE}{hidden.pk}/").status_code == 404
    assert api.get(f"{CATALOGUE}{copy.pk}/").status_code == 404  # not published


@pytest.mark.covers("GET /api/v1/innovations/", "GET /api/v1/innovations/{id}/")
def test_a_token_reads_the_units_it_reaches(token_for, catalogue, evaluator_a, officer_b, unit_a):
    original, copy, hidden = catalogue
    evaluator = token_for(evaluator_a)
    listed = evaluator.get(REGISTER)
    assert listed.status_code == 200
    assert_conforms(listed, "GET", REGISTER)
    assert {row["id"] for row in listed.json()["results"]} == {original.pk, hidden.pk}
    one = evaluator.get(f"{REGISTER}{original.pk}/")
    assert_conforms(one, "GET", "/api/v1/innovations/{id}/")
    assert one.json()["team"] == "Siti Aminah"
    outsider = token_for(officer_b)
    assert {row["id"] for row in outsider.get(REGISTER).json()["results"]} == {copy.pk}
    assert outsider.get(f"{REGISTER}{hidden.pk}/").status_code == 404
    assert outsider.get(f"{REGISTER}{copy.pk}/").json()["replicates"] == original.pk
    narrowed = token_for(evaluator_a, units=[unit_a])
    assert narrowed.get(REGISTER, {"stage": "idea"}).json()["results"][0]["id"] == hidden.pk
    from rest_framework.test import APIClient

    assert APIClient().get(REGISTER).status_code == 401


def _body(owner, **overrides):
    body = {
        "unit": "unit-a",
        "title": "Antrean daring",
        "problem": "Warga menunggu lama.",
        "before": "Tiga jam menunggu.",
        "owner": owner.username,
        "stage": "trial",
        "stage_on": "2025-03-01",
        "budget": 2500000,
        "budget_source": "apbd",
    }
    body.update(overrides)
    return body


@pytest.mark.covers("POST /api/v1/innovations/")
def test_officer_registers_with_the_web_rules(token_for, officer_a, officer_b, evaluator_a, unit_a):
    client = token_for(officer_a, write=True)
    created = client.post(REGISTER, _body(officer_a), format="json")
    assert created.status_code == 201, created.json()
    assert_conforms(created, "POST", REGISTER)
    assert (created.json()["stage"], created.json()["trial_on"]) == ("trial", "2025-03-01")
    for field, change in (
        ("budget", {"budget": -1}),
        ("stage", {"stage": "institutionalised"}),
        ("stage_on", {"stage_on": "2031-01-01"}),
        ("competition", {"competition_result": "won"}),
    ):
        bad = client.post(REGISTER, _body(officer_a, **change), format="json")
        assert bad.status_code == 400, field
        assert field in {error["field"] for error in bad.json()["errors"]}, bad.json()
    wrong_owner = client.post(REGISTER, _body(officer_b), format="json")
    assert wrong_owner.status_code == 400 and wrong_owner.json()["errors"][0]["field"] == "owner"
    no_after = client.post(REGISTER, _body(officer_a, stage="implemented"), format="json")
    assert no_after.status_code == 400 and no_after.json()["errors"][0]["field"] == "after"
    publish = client.post(REGISTER, _body(officer_a, is_public=True), format="json")
    assert publish.status_code == 403
    reader = token_for(officer_a)
    assert reader.post(REGISTER, _body(officer_a), format="json").status_code == 403
    evaluator = token_for(evaluator_a, write=True)
    assert evaluator.post(REGISTER, _body(officer_a), format="json").status_code == 403
    outsider = token_for(officer_b, write=True)
    assert outsider.post(REGISTER, _body(officer_a), format="json").status_code == 404
    assert Innovation.objects.count() == 1


@pytest.mark.covers("PATCH /api/v1/innovations/{id}/", "POST /api/v1/innovations/{id}/stage/")
def test_update_and_stage(token_for, officer_a, unit_head_a, officer_b, unit_a):
    innovation = make_innovation(unit_a, actor=officer_a)
    officer = token_for(officer_a, write=True)
    url = f"{REGISTER}{innovation.pk}/"
    changed = officer.patch(url, {"after": "Satu kali datang.", "team": "Siti"}, format="json")
    assert changed.status_code == 200, changed.json()
    assert_conforms(changed, "PATCH", "/api/v1/innovations/{id}/")
    assert (changed.json()["after"], changed.json()["title"]) == (
        "Satu kali datang.",
        "Jemput bola lansia",
    )
    assert officer.patch(url, {"title": ""}, format="json").status_code == 400
    assert officer.patch(url, {"is_public": True}, format="json").status_code == 403
    moved = officer.post(f"{url}stage/", {"stage": "implemented", "on": "2025-02-01"})
    assert moved.status_code == 200, moved.json()
    assert_conforms(moved, "POST", "/api/v1/innovations/{id}/stage/")
    assert moved.json()["implemented_on"] == "2025-02-01"
    head = token_for(unit_head_a, write=True)
    basis = {"stage": "institutionalised", "on": "2025-04-01"}
    refused = head.post(f"{url}stage/", basis, format="json")
    assert refused.status_code == 400
    assert officer.post(f"{url}stage/", basis, format="json").status_code == 403
    done = head.post(
        f"{url}stage/",
        {
            **basis,
            "legal_basis_kind": "perkada",
            "legal_basis_title": "Perbup Jemput Bola",
            "decree_number": "7/2025",
            "decree_date": "2025-04-01",
        },
        format="json",
    )
    assert done.status_code == 200, done.json()
    assert done.json()["legal_basis"]["number"] == "7/2025"
    assert head.patch(url, {"is_public": True}, format="json").json()["is_public"] is True
    outsider = token_for(officer_b, write=True)
    assert outsider.patch(url, {"title": "X"}, format="json").status_code == 404
    assert outsider.post(f"{url}stage/", basis, format="json").status_code == 404
    innovation.refresh_from_db()
    assert (innovation.title, innovation.stage, innovation.implemented_on) == (
        "Jemput bola lansia",
        "institutionalised",
        date(2025, 2, 1),
    )
