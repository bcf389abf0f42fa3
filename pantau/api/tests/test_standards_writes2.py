"""A standard draft's content through the API (standards.forms.VersionForm and
standards.services.update_version, as the web's edit page), the service pledge and the
consultation forums; refused to anyone the web page refuses."""

import pytest

from pantau.standards.models import Forum, Maklumat

from .schema_check import assert_conforms

pytestmark = pytest.mark.django_db

SERVICE = "/api/v1/units/unit-a/services/rekomendasi-pbi/standard"
CONTENT = "/api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/content/"


def _content(version):
    version.refresh_from_db()
    return (
        [(r.text, r.note) for r in version.requirements.all()],
        [(s.text, s.actor) for s in version.steps.all()],
        version.time_limit_value,
        version.time_limit_unit,
        version.fee_is_free,
        version.fee_amount,
        version.fee_legal_basis,
        version.product,
        version.legal_basis,
        version.review_months,
    )


@pytest.mark.covers("GET " + CONTENT, "PATCH " + CONTENT)
def test_an_officer_edits_the_draft_content(token_for, draft_a, officer_a):
    client = token_for(officer_a, write=True)
    response = client.get(f"{SERVICE}/versions/1/content/")
    assert response.status_code == 200, response.json()
    assert_conforms(response, "GET", CONTENT)
    assert response.json()["status"] == "draft"
    assert response.json()["staff_count"] == "3 orang"
    response = client.patch(
        f"{SERVICE}/versions/1/content/",
        {
            "requirements": [
                {"text": "Fotokopi KTP", "note": "1 lembar"},
                {"text": "Surat pengantar RT/RW"},
                {"text": "Fotokopi Kartu Keluarga"},
            ],
            "steps": [{"text": "Petugas memeriksa berkas", "actor": "petugas loket"}],
            "time_limit": {"value": 5, "unit": "days"},
            "fee": {"free": False, "amount": 25000, "legal_basis": "Perda 3/2024"},
            "legal_basis": "UU 25/2009; Permensos 5/2016",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "PATCH", CONTENT)
    body = response.json()
    assert [r["text"] for r in body["requirements"]][1] == "Surat pengantar RT/RW"
    assert body["fee"] == {
        "free": False,
        "amount": 25000,
        "legal_basis": "Perda 3/2024",
        "note": "",
    }
    assert _content(draft_a) == (
        [
            ("Fotokopi KTP", "1 lembar"),
            ("Surat pengantar RT/RW", ""),
            ("Fotokopi Kartu Keluarga", ""),
        ],
        [("Petugas memeriksa berkas", "petugas loket")],
        5,
        "days",
        False,
        25000,
        "Perda 3/2024",
        "Surat rekomendasi PBI-JKN",  # left out: kept
        "UU 25/2009; Permensos 5/2016",
        12,
    )
    # Free again: the amount is cleared.
    response = client.patch(
        f"{SERVICE}/versions/1/content/", {"fee": {"free": True}}, format="json"
    )
    assert response.status_code == 200, response.json()
    draft_a.refresh_from_db()
    assert draft_a.fee_is_free and draft_a.fee_amount is None


def test_draft_content_refuses_bad_input_and_changes_nothing(token_for, draft_a, officer_a):
    client = token_for(officer_a, write=True)
    before = _content(draft_a)
    cases = [
        ({"fee": {"free": False}}, "fee.amount"),
        ({"fee": {"free": True, "amount": 1000}}, "fee.amount"),
        ({"time_limit": {"value": 3, "unit": ""}}, "time_limit.unit"),
        ({"time_limit": {"value": 3, "unit": "weeks"}}, "time_limit.unit"),
        ({"review_months": 0}, "review_months"),
        ({"requirements": [{"text": "KTP\nasli"}]}, "requirements"),
        ({"requirements": [{"text": "  "}]}, "requirements.0.text"),
        ({"steps": [{"text": "x" * 301}]}, "steps.0.text"),
        ({"change_note": "x" * 301}, "change_note"),
    ]
    for body, field in cases:
        response = client.patch(f"{SERVICE}/versions/1/content/", body, format="json")
        assert response.status_code == 400, body
        error = response.json()["errors"][0]
        assert error["field"] == field, (body, response.json())
        assert error["code"] and error["message"]
    assert _content(draft_a) == before


def test_a_vertical_bar_is_kept_as_written(token_for, draft_a, officer_a):
    """The API hands its lists to the service as they are: no text is re-encoded into the web
    form's "text | note" lines, so a bar is an ordinary character."""
    client = token_for(officer_a, write=True)
    body = {
        "requirements": [{"text": "KTP | KK", "note": "asli | fotokopi"}],
        "steps": [{"text": "Periksa", "actor": "petugas | loket 2"}],
    }
    response = client.patch(f"{SERVICE}/versions/1/content/", body, format="json")
    assert response.status_code == 200, response.json()
    assert [(r.text, r.note) for r in draft_a.requirements.all()] == [
        ("KTP | KK", "asli | fotokopi")
    ]
    assert [(s.text, s.actor) for s in draft_a.steps.all()] == [("Periksa", "petugas | loket 2")]


def test_a_published_version_cannot_change(token_for, published_a, unit_head_a):
    client = token_for(unit_head_a, write=True)
    before = _content(published_a)
    response = client.patch(
        f"{SERVICE}/versions/1/content/", {"product": "Surat lain"}, format="json"
    )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] is None and error["message"]  # can no longer change
    assert _content(published_a) == before


def test_draft_content_needs_a_token_with_the_write_scope(client, token_for, draft_a, officer_a):
    before = _content(draft_a)
    assert client.patch(f"{SERVICE}/versions/1/content/", {"product": "x"}).status_code == 401
    assert client.get(f"{SERVICE}/versions/1/content/").status_code == 401
    read_only = token_for(officer_a)
    response = read_only.patch(f"{SERVICE}/versions/1/content/", {"product": "x"}, format="json")
    assert response.status_code == 403
    assert _content(draft_a) == before


def test_draft_content_with_a_token_of_other_unit_gets_404(
    token_for, draft_a, unit_head_b, officer_b, evaluator_a
):
    before = _content(draft_a)
    for user in (unit_head_b, officer_b, evaluator_a):
        client = token_for(user, write=True)
        assert client.get(f"{SERVICE}/versions/1/content/").status_code == 404, user
        response = client.patch(f"{SERVICE}/versions/1/content/", {"product": "x"}, format="json")
        assert response.status_code == 404, user
    assert _content(draft_a) == before


# --- The service pledge ---------------------------------------------------------------------

MAKLUMAT = "/api/v1/units/unit-a/maklumat"


def _pledges(unit):
    return list(
        Maklumat.objects.filter(unit=unit)
        .order_by("number")
        .values_list("number", "status", "signatory_name")
    )


@pytest.mark.covers(
    "GET /api/v1/units/{slug}/maklumat/draft/",
    "PUT /api/v1/units/{slug}/maklumat/draft/",
    "POST /api/v1/units/{slug}/maklumat/draft/publish/",
)
def test_a_pledge_is_drafted_then_set_and_published(token_for, unit_a, officer_a, unit_head_a):
    officer = token_for(officer_a, write=True)
    assert officer.get(f"{MAKLUMAT}/draft/").status_code == 404
    response = officer.put(
        f"{MAKLUMAT}/draft/",
        {"signatory_name": "Drs. Lalu Ahmad", "signatory_title": "Kepala Dinas Sosial"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "PUT", "/api/v1/units/{slug}/maklumat/draft/")
    body = response.json()
    # A first draft starts from the standard wording of the three promises.
    assert body["status"] == "draft" and body["number"] == 1
    assert body["promise"].startswith("Dengan ini, kami menyatakan sanggup")
    response = officer.put(
        f"{MAKLUMAT}/draft/", {"sanction": "Kami siap menerima sanksi."}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["signatory_name"] == "Drs. Lalu Ahmad"  # kept
    response = officer.get(f"{MAKLUMAT}/draft/")
    assert response.status_code == 200
    assert_conforms(response, "GET", "/api/v1/units/{slug}/maklumat/draft/")
    assert response.json()["sanction"] == "Kami siap menerima sanksi."
    # The officer drafts; the head sets and publishes.
    refused = officer.post(f"{MAKLUMAT}/draft/publish/", {"set_on": "2026-03-01"}, format="json")
    assert refused.status_code == 403
    head = token_for(unit_head_a, write=True)
    response = head.post(f"{MAKLUMAT}/draft/publish/", {"set_on": "2026-03-01"}, format="json")
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/units/{slug}/maklumat/draft/publish/")
    assert response.json()["status"] == "published" and response.json()["set_on"] == "2026-03-01"
    assert token_for(officer_a).get(f"{MAKLUMAT}/").json()["number"] == 1
    # A second draft starts from the pledge in force; publishing it replaces that one.
    response = head.put(f"{MAKLUMAT}/draft/", {"signatory_name": "Hj. Baiq Sri"}, format="json")
    assert response.json()["number"] == 2
    assert response.json()["sanction"] == "Kami siap menerima sanksi."
    head.post(f"{MAKLUMAT}/draft/publish/", {"set_on": "2026-04-01"}, format="json")
    assert _pledges(unit_a) == [
        (1, "superseded", "Drs. Lalu Ahmad"),
        (2, "published", "Hj. Baiq Sri"),
    ]
    assert head.post(f"{MAKLUMAT}/draft/publish/", {"set_on": "2026-04-01"}).status_code == 404


def test_pledge_refuses_bad_input_and_changes_nothing(token_for, unit_a, unit_head_a):
    head = token_for(unit_head_a, write=True)
    head.put(
        f"{MAKLUMAT}/draft/",
        {"signatory_name": "Drs. Lalu Ahmad", "signatory_title": "Kepala Dinas"},
        format="json",
    )
    cases = [
        ({"promise": ""}, "promise"),
        ({"signatory_name": "x" * 121}, "signatory_name"),
        ({"signatory_title": None}, "signatory_title"),
    ]
    for body, field in cases:
        response = head.put(f"{MAKLUMAT}/draft/", body, format="json")
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["field"] == field, response.json()
    for body, field in [({"set_on": "2999-01-01"}, "set_on"), ({}, "set_on")]:
        response = head.post(f"{MAKLUMAT}/draft/publish/", body, format="json")
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["field"] == field, response.json()
    assert _pledges(unit_a) == [(1, "draft", "Drs. Lalu Ahmad")]
    # A new draft without a signatory (none in force to start from) is refused.
    Maklumat.objects.filter(unit=unit_a).delete()
    response = head.put(f"{MAKLUMAT}/draft/", {"promise": "Kami sanggup."}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] in ("signatory_name", "signatory_title")
    assert _pledges(unit_a) == []


def test_pledge_needs_the_write_scope_and_an_editor(
    client, token_for, unit_a, unit_head_a, evaluator_a
):
    body = {"signatory_name": "A", "signatory_title": "B"}
    assert client.put(f"{MAKLUMAT}/draft/", body).status_code == 401
    assert client.post(f"{MAKLUMAT}/draft/publish/", {"set_on": "2026-03-01"}).status_code == 401
    read_only = token_for(unit_head_a)
    assert read_only.put(f"{MAKLUMAT}/draft/", body, format="json").status_code == 403
    # An evaluator sees the unit but does not write its pledge (403, as on the web page).
    evaluator = token_for(evaluator_a, write=True)
    assert evaluator.put(f"{MAKLUMAT}/draft/", body, format="json").status_code == 403
    assert evaluator.get(f"{MAKLUMAT}/draft/").status_code == 403
    assert _pledges(unit_a) == []
    token_for(unit_head_a, write=True).put(f"{MAKLUMAT}/draft/", body, format="json")
    response = evaluator.post(f"{MAKLUMAT}/draft/publish/", {"set_on": "2026-03-01"})
    assert response.status_code == 403
    assert _pledges(unit_a) == [(1, "draft", "A")]


def test_pledge_with_a_token_of_other_unit_gets_404_and_changes_nothing(
    token_for, unit_a, unit_head_a, unit_head_b, officer_b
):
    body = {"signatory_name": "A", "signatory_title": "B"}
    token_for(unit_head_a, write=True).put(f"{MAKLUMAT}/draft/", body, format="json")
    for user in (unit_head_b, officer_b):
        client = token_for(user, write=True)
        assert client.get(f"{MAKLUMAT}/draft/").status_code == 404, user
        response = client.put(f"{MAKLUMAT}/draft/", {"signatory_name": "X"}, format="json")
        assert response.status_code == 404, user
        response = client.post(f"{MAKLUMAT}/draft/publish/", {"set_on": "2026-03-01"})
        assert response.status_code == 404, user
    assert _pledges(unit_a) == [(1, "draft", "A")]


# --- Consultation forums --------------------------------------------------------------------

FORUMS = "/api/v1/units/unit-a/forums"
PLAN = {
    "topic": "reviewing",
    "title": "FKP evaluasi standar pelayanan PBI-JKN",
    "held_on": "2026-02-10",
    "place": "Aula Dinas Sosial",
}


def _forums(unit):
    return [
        (
            forum.title,
            forum.status,
            forum.minutes,
            sorted((p.name, p.kind, p.attended) for p in forum.participants.all()),
            [(a.text, a.standard_id, a.outcome) for a in forum.agreements.order_by("position")],
        )
        for forum in Forum.objects.filter(unit=unit).order_by("pk")
    ]


@pytest.mark.covers(
    "POST /api/v1/units/{slug}/forums/",
    "PATCH /api/v1/units/{slug}/forums/{id}/",
    "POST /api/v1/units/{slug}/forums/{id}/participants/",
    "PUT /api/v1/units/{slug}/forums/{id}/attendance/",
    "POST /api/v1/units/{slug}/forums/{id}/held/",
    "POST /api/v1/units/{slug}/forums/{id}/agreements/",
    "PATCH /api/v1/units/{slug}/forums/{id}/agreements/{agreement}/",
)
def test_a_forum_is_planned_held_and_its_agreements_recorded(
    token_for, unit_a, published_a, officer_a
):
    client = token_for(officer_a, write=True)
    response = client.post(f"{FORUMS}/", PLAN, format="json")
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/units/{slug}/forums/")
    forum = response.json()
    assert forum["status"] == "planned"
    url = f"{FORUMS}/{forum['id']}"
    # Not public while planned.
    assert token_for(officer_a).get(f"{url}/").status_code == 404
    people = [("Ibu Sari", "service_user"), ("Dr. Hadi", "expert"), ("Pak Budi", "provider")]
    for name, kind in people:
        response = client.post(f"{url}/participants/", {"name": name, "kind": kind}, format="json")
        assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/units/{slug}/forums/{id}/participants/")
    ids = {p["name"]: p["id"] for p in response.json()["participants"]}
    response = client.put(
        f"{url}/attendance/", {"attended": [ids["Ibu Sari"], ids["Dr. Hadi"]]}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "PUT", "/api/v1/units/{slug}/forums/{id}/attendance/")
    response = client.patch(
        f"{url}/", {"minutes": "Peserta meminta waktu layanan dipersingkat."}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "PATCH", "/api/v1/units/{slug}/forums/{id}/")
    response = client.post(f"{url}/held/")
    assert response.status_code == 200, response.json()
    assert_conforms(response, "POST", "/api/v1/units/{slug}/forums/{id}/held/")
    assert response.json()["status"] == "held"
    response = client.post(
        f"{url}/agreements/",
        {
            "text": "Waktu layanan menjadi 2 hari kerja.",
            "standard": {"service": "rekomendasi-pbi", "number": 1},
            "action": "Revisi standar pelayanan",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert_conforms(response, "POST", "/api/v1/units/{slug}/forums/{id}/agreements/")
    agreement = response.json()["agreements"][0]
    response = client.patch(
        f"{url}/agreements/{agreement['id']}/",
        {"outcome": "done", "outcome_note": "Versi 2 ditetapkan."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert_conforms(response, "PATCH", "/api/v1/units/{slug}/forums/{id}/agreements/{agreement}/")
    assert _forums(unit_a)[-1] == (
        "FKP evaluasi standar pelayanan PBI-JKN",
        "held",
        "Peserta meminta waktu layanan dipersingkat.",
        [
            ("Dr. Hadi", "expert", True),
            ("Ibu Sari", "service_user", True),
            ("Pak Budi", "provider", False),
        ],
        [("Waktu layanan menjadi 2 hari kerja.", published_a.pk, "done")],
    )
    # The public now reads its outcome.
    public = token_for(officer_a).get(f"{url}/").json()
    assert public["agreements"][0]["outcome"] == "done"
    assert public["agreements"][0]["standard"] == {"service": "rekomendasi-pbi", "number": 1}


def test_forum_writes_refuse_bad_input_and_change_nothing(
    token_for, unit_a, service_a, forum_a, officer_a
):
    client = token_for(officer_a, write=True)
    before = _forums(unit_a)
    cases = [
        ({**PLAN, "place": ""}, "place"),
        ({**PLAN, "topic": "party"}, "topic"),
        ({**PLAN, "held_on": "soon"}, "held_on"),
        ({"topic": "drafting", "place": "Aula"}, "title"),
    ]
    for body, field in cases:
        response = client.post(f"{FORUMS}/", body, format="json")
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["field"] == field, response.json()
    url = f"{FORUMS}/{forum_a.pk}"
    assert client.patch(f"{url}/", {"title": ""}, format="json").status_code == 400
    response = client.post(f"{url}/participants/", {"name": "X", "kind": "alien"}, format="json")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "kind"
    response = client.put(f"{url}/attendance/", {"attended": [999999]}, format="json")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "attended"
    cases = [
        ({"text": ""}, "text"),
        ({"text": "A", "standard": {"service": "rekomendasi-pbi", "number": 9}}, "standard"),
        ({"text": "A", "outcome": "maybe"}, "outcome"),
    ]
    for body, field in cases:
        response = client.post(f"{url}/agreements/", body, format="json")
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["field"] == field, response.json()
    assert _forums(unit_a) == before
    # Held needs attendance, and a date not in the future.
    planned = client.post(f"{FORUMS}/", {**PLAN, "held_on": "2999-01-01"}, format="json").json()
    response = client.post(f"{FORUMS}/{planned['id']}/held/")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] is None
    assert Forum.objects.get(pk=planned["id"]).status == "planned"


def test_forum_writes_need_the_write_scope_and_an_editor(
    client, token_for, unit_a, forum_a, officer_a, evaluator_a
):
    before = _forums(unit_a)
    url = f"{FORUMS}/{forum_a.pk}"
    assert client.post(f"{FORUMS}/", PLAN, format="json").status_code == 401
    assert client.patch(f"{url}/", {"title": "X"}, format="json").status_code == 401
    read_only = token_for(officer_a)
    assert read_only.post(f"{FORUMS}/", PLAN, format="json").status_code == 403
    assert read_only.post(f"{url}/held/").status_code == 403
    evaluator = token_for(evaluator_a, write=True)
    assert evaluator.post(f"{FORUMS}/", PLAN, format="json").status_code == 403
    assert evaluator.patch(f"{url}/", {"title": "X"}, format="json").status_code == 403
    response = evaluator.post(f"{url}/agreements/", {"text": "A"}, format="json")
    assert response.status_code == 403
    assert _forums(unit_a) == before


def test_forum_writes_with_a_token_of_other_unit_get_404_and_change_nothing(
    token_for, unit_a, forum_a, unit_head_b, officer_b
):
    agreement = forum_a.agreements.create(text="Loket dibuka lebih awal.", position=1)
    before = _forums(unit_a)
    url = f"{FORUMS}/{forum_a.pk}"
    for user in (unit_head_b, officer_b):
        client = token_for(user, write=True)
        assert client.post(f"{FORUMS}/", PLAN, format="json").status_code == 404
        assert client.patch(f"{url}/", {"title": "X"}, format="json").status_code == 404
        response = client.post(f"{url}/participants/", {"name": "X", "kind": "media"})
        assert response.status_code == 404
        assert client.put(f"{url}/attendance/", {"attended": []}, format="json").status_code == 404
        assert client.post(f"{url}/held/").status_code == 404
        assert client.post(f"{url}/agreements/", {"text": "A"}).status_code == 404
        response = client.patch(f"{url}/agreements/{agreement.pk}/", {"outcome": "done"})
        assert response.status_code == 404
        # Nor through their own unit.
        response = client.patch(
            f"/api/v1/units/unit-b/forums/{forum_a.pk}/", {"title": "X"}, format="json"
        )
        assert response.status_code == 404
    assert _forums(unit_a) == before
