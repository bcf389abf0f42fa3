from datetime import date

import pytest

from pantau.standards import services
from pantau.standards.models import Agreement, Forum, Publication

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

UNIT = "/api/v1/units/unit-a"


@pytest.fixture
def maklumat_a(unit_a, unit_head_a):
    draft = services.save_maklumat_draft(
        actor=unit_head_a,
        unit=unit_a,
        data={
            "promise": "Kami sanggup melayani sesuai standar pelayanan.",
            "improvement": "Kami terus memperbaiki pelayanan.",
            "sanction": "Kami siap menerima sanksi bila tidak menepati janji.",
            "signatory_name": "Ibu Kepala",
            "signatory_title": "Kepala Dinas Sosial",
        },
    )
    return services.publish_maklumat(actor=unit_head_a, maklumat=draft, set_on=date(2026, 2, 2))


@pytest.fixture
def record_a(published_a, unit_a, officer_a):
    return services.record_publication(
        actor=officer_a,
        unit=unit_a,
        subject=Publication.Subject.STANDARD,
        target=published_a,
        medium="notice_board",
        published_on=date(2026, 2, 3),
    )


@pytest.mark.covers("GET /api/v1/units/{slug}/standards/")
def test_services_with_their_standard_in_force_are_public(api, published_a, unit_a):
    from pantau.organisations.tests.factories import ServiceFactory

    ServiceFactory(unit=unit_a, name="Tanpa standar", slug="tanpa-standar")
    ServiceFactory(unit=unit_a, name="Nonaktif", slug="nonaktif", is_active=False)
    response = api.get(f"{UNIT}/standards/")
    assert_conforms(response, "GET", "/api/v1/units/{slug}/standards/")
    body = response.json()
    by_slug = {row["slug"]: row for row in body["results"]}
    assert set(by_slug) == {"rekomendasi-pbi", "tanpa-standar"}
    standard = by_slug["rekomendasi-pbi"]["standard"]
    assert standard["number"] == 1 and standard["time_limit"]["value"] == 3
    assert standard["free"] is True
    assert by_slug["tanpa-standar"]["standard"] is None


@pytest.mark.covers("GET /api/v1/units/{slug}/services/{service_slug}/standard/")
def test_standard_in_force_shows_the_six_components_only(api, published_a):
    response = api.get(f"{UNIT}/services/rekomendasi-pbi/standard/")
    assert_conforms(response, "GET", "/api/v1/units/{slug}/services/{service_slug}/standard/")
    body = response.json()
    assert body["number"] == 1 and body["status"] == "published"
    assert [r["text"] for r in body["requirements"]] == ["Fotokopi KTP", "Fotokopi Kartu Keluarga"]
    assert body["steps"][1]["actor"] == "petugas loket"
    assert body["product"] == "Surat rekomendasi PBI-JKN"
    assert body["decree_number"] == "188/12/SK/2026"
    assert "facilities" not in body and "legal_basis" not in body  # internal components


def test_a_draft_is_not_public(api, draft_a):
    response = api.get(f"{UNIT}/services/rekomendasi-pbi/standard/")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"
    history = api.get(f"{UNIT}/services/rekomendasi-pbi/standard/versions/").json()
    assert history == []


@pytest.mark.covers(
    "GET /api/v1/units/{slug}/services/{service_slug}/standard/versions/",
    "GET /api/v1/units/{slug}/services/{service_slug}/standard/versions/{number}/",
)
def test_version_history_and_a_replaced_version_are_public(
    api, published_a, forum_a, officer_a, unit_head_a
):
    from pantau.standards.tests.conftest import CONTENT, REQUIREMENTS, STEPS, pdf_upload

    second = services.start_version(actor=officer_a, service=published_a.service)
    second = services.update_version(
        actor=officer_a,
        version=second,
        data={**CONTENT, "time_limit_value": 2, "change_note": "Lebih cepat"},
        requirements=REQUIREMENTS,
        steps=STEPS,
    )
    second = services.record_discussion(actor=unit_head_a, version=second, forum=forum_a)
    second = services.set_version(
        actor=unit_head_a,
        version=second,
        decree_number="188/20/SK/2026",
        decree_date=date(2026, 3, 1),
        decree_file=pdf_upload(),
    )
    services.publish_version(actor=unit_head_a, version=second)
    base = f"{UNIT}/services/rekomendasi-pbi/standard/versions/"
    history = api.get(base).json()
    assert_conforms(
        api.get(base), "GET", "/api/v1/units/{slug}/services/{service_slug}/standard/versions/"
    )
    assert [(v["number"], v["status"]) for v in history] == [(2, "published"), (1, "superseded")]
    old = api.get(f"{base}1/").json()
    assert old["status"] == "superseded" and old["time_limit"]["value"] == 3
    assert api.get(f"{base}9/").status_code == 404


@pytest.mark.covers("GET /api/v1/units/{slug}/maklumat/")
def test_pledge_in_force_is_public(api, unit_a, maklumat_a):
    response = api.get(f"{UNIT}/maklumat/")
    assert_conforms(response, "GET", "/api/v1/units/{slug}/maklumat/")
    body = response.json()
    assert body["number"] == 1 and body["status"] == "published"
    assert body["signatory_title"] == "Kepala Dinas Sosial"


def test_no_pledge_answers_404(api, unit_a):
    assert api.get(f"{UNIT}/maklumat/").status_code == 404


@pytest.mark.covers("GET /api/v1/units/{slug}/forums/", "GET /api/v1/units/{slug}/forums/{id}/")
def test_held_forums_show_their_public_outcome(api, forum_a, published_a, unit_a, unit_head_a):
    services.save_agreement(
        actor=unit_head_a,
        forum=forum_a,
        data={
            "text": "Persyaratan dikurangi",
            "standard": published_a,
            "action": "Revisi",
            "outcome": Agreement.Outcome.DONE,
            "outcome_note": "Sudah",
        },
    )
    planned = services.save_forum(
        actor=unit_head_a,
        unit=unit_a,
        data={
            "topic": Forum.Topic.DRAFTING,
            "title": "Belum diadakan",
            "held_on": date(2026, 12, 1),
            "place": "Aula",
            "online_link": "",
            "minutes": "",
        },
    )
    forums = api.get(f"{UNIT}/forums/").json()
    assert [f["id"] for f in forums["results"]] == [forum_a.pk]
    assert forums["results"][0]["agreements"] == 1
    assert forums["results"][0]["carried_out"] == 1
    assert_conforms(api.get(f"{UNIT}/forums/"), "GET", "/api/v1/units/{slug}/forums/")
    response = api.get(f"{UNIT}/forums/{forum_a.pk}/")
    assert_conforms(response, "GET", "/api/v1/units/{slug}/forums/{id}/")
    detail = response.json()
    counts = {row["kind"]: row["attended"] for row in detail["participants"]}
    assert counts["service_user"] == 1 and counts["expert"] == 1
    assert detail["agreements"][0]["standard"] == {"service": "rekomendasi-pbi", "number": 1}
    assert "minutes" not in detail
    assert "Ibu Sari" not in str(detail)  # participants are counted, not named
    assert api.get(f"{UNIT}/forums/{planned.pk}/").status_code == 404


@pytest.mark.covers("GET /api/v1/units/{slug}/publications/")
def test_publication_records_need_a_token_of_the_unit(
    api, token_for, record_a, officer_a, officer_b
):
    assert api.get(f"{UNIT}/publications/").status_code == 401
    response = token_for(officer_a).get(f"{UNIT}/publications/")
    assert_conforms(response, "GET", "/api/v1/units/{slug}/publications/")
    body = response.json()
    assert [(r["target"], r["medium"]) for r in body["results"]] == [
        (f"standard-{record_a.standard_id}", "notice_board")
    ]


def test_publication_records_of_other_unit_answer_404(token_for, record_a, officer_b):
    assert token_for(officer_b).get(f"{UNIT}/publications/").status_code == 404


@pytest.mark.covers("POST /api/v1/units/{slug}/publications/")
def test_officer_records_a_publication(token_for, published_a, officer_a):
    client = token_for(officer_a, write=True)
    response = client.post(
        f"{UNIT}/publications/",
        {
            "target": f"standard-{published_a.pk}",
            "medium": "website",
            "published_on": "2026-02-05",
            "url": "https://dinsos.example.id/standar",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/units/{slug}/publications/")
    record = Publication.objects.get()
    assert record.standard == published_a and record.recorded_by == officer_a
    assert response.json()["target"] == f"standard-{published_a.pk}"


def test_publication_refused_as_on_the_web_form(token_for, published_a, officer_a):
    client = token_for(officer_a, write=True)
    no_link = client.post(
        f"{UNIT}/publications/",
        {"target": f"standard-{published_a.pk}", "medium": "website", "published_on": "2026-02-05"},
        format="json",
    )
    assert no_link.status_code == 400
    assert no_link.json()["errors"][0]["field"] == "url"
    future = client.post(
        f"{UNIT}/publications/",
        {
            "target": f"standard-{published_a.pk}",
            "medium": "notice_board",
            "published_on": "2099-01-01",
        },
        format="json",
    )
    assert future.status_code == 400 and future.json()["errors"][0]["field"] == "published_on"
    unknown = client.post(
        f"{UNIT}/publications/",
        {"target": "standard-999999", "medium": "notice_board", "published_on": "2026-02-05"},
        format="json",
    )
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "target"
    assert not Publication.objects.exists()


def test_read_only_token_may_not_record(token_for, published_a, officer_a):
    response = token_for(officer_a).post(
        f"{UNIT}/publications/",
        {
            "target": f"standard-{published_a.pk}",
            "medium": "notice_board",
            "published_on": "2026-02-05",
        },
        format="json",
    )
    assert response.status_code == 403
    assert not Publication.objects.exists()


def test_publication_writes_with_a_token_of_other_unit_get_404_and_change_nothing(
    token_for, record_a, published_a, unit_head_b
):
    client = token_for(unit_head_b, write=True)
    created = client.post(
        f"{UNIT}/publications/",
        {
            "target": f"standard-{published_a.pk}",
            "medium": "notice_board",
            "published_on": "2026-02-05",
        },
        format="json",
    )
    assert created.status_code == 404
    assert client.delete(f"{UNIT}/publications/{record_a.pk}/").status_code == 404
    assert list(Publication.objects.all()) == [record_a]


@pytest.mark.covers("DELETE /api/v1/units/{slug}/publications/{id}/")
def test_officer_deletes_a_publication_record(token_for, record_a, officer_a):
    client = token_for(officer_a, write=True)
    assert client.delete(f"{UNIT}/publications/{record_a.pk}/").status_code == 204
    assert not Publication.objects.exists()
    assert client.delete(f"{UNIT}/publications/{record_a.pk}/").status_code == 404
