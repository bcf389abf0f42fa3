import uuid
from datetime import date, datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone

from pantau.analytics.ikm import ElementTotal, compute_ikm
from pantau.improvements.models import Action
from pantau.improvements.tests.factories import skm_action
from pantau.satisfaction import selectors, services
from pantau.satisfaction.models import SurveyPeriod
from pantau.satisfaction.tests.conftest import answers_post
from pantau.surveys.models import Response

PERIOD_VIEWS = ["period-detail", "paper-entry", "access-codes", "action-create"]


def _url(name, period, **extra):
    if name in ("period-list", "period-create"):
        return reverse(f"satisfaction:{name}", args=[period.unit.slug])
    return reverse(f"satisfaction:{name}", args=[period.unit.slug, period.pk, *extra.values()])


@pytest.mark.parametrize("name", ["period-list", "period-create", *PERIOD_VIEWS])
def test_officer_of_other_unit_gets_404(client_for, officer_b, period_a, name):
    assert client_for(officer_b).get(_url(name, period_a)).status_code == 404


@pytest.mark.parametrize("name", ["period-list", "period-create", *PERIOD_VIEWS])
def test_anonymous_is_sent_to_sign_in(client, period_a, name):
    assert client.get(_url(name, period_a)).status_code == 302


@pytest.mark.parametrize("name", ["period-create", "action-create"])
def test_officer_cannot_manage_the_survey(client_for, officer_a, period_a, name):
    assert client_for(officer_a).get(_url(name, period_a)).status_code == 404


@pytest.mark.parametrize("action", ["open", "close"])
def test_officer_and_head_of_other_unit_cannot_change_status(
    client_for, officer_a, unit_head_b, period_a, action
):
    url = reverse("satisfaction:period-status", args=[period_a.unit.slug, period_a.pk, action])
    assert client_for(officer_a).post(url).status_code == 404
    assert client_for(unit_head_b).post(url).status_code == 404


def test_head_of_other_unit_cannot_publish(client_for, unit_head_b, period_a):
    url = reverse("satisfaction:period-publish", args=[period_a.unit.slug, period_a.pk])
    assert client_for(unit_head_b).post(url, {"media": ["website"]}).status_code == 404


def test_evaluator_reads_results_but_cannot_enter_or_manage(client_for, evaluator_a, period_a):
    client = client_for(evaluator_a)
    assert client.get(_url("period-detail", period_a)).status_code == 200
    assert client.get(_url("paper-entry", period_a)).status_code == 404
    assert client.get(_url("period-create", period_a)).status_code == 404


def test_period_of_other_unit_through_own_unit_slug_is_404(
    client_for, unit_head_b, unit_b, period_a
):
    url = reverse("satisfaction:period-detail", args=[unit_b.slug, period_a.pk])
    assert client_for(unit_head_b).get(url).status_code == 404


def test_unit_head_sets_up_a_period_with_required_sample(
    client_for, unit_head_a, unit_a, service_a
):
    client = client_for(unit_head_a)
    response = client.post(
        reverse("satisfaction:period-create", args=[unit_a.slug]),
        {
            "kind": "semester",
            "year": 2025,
            "number": 2,
            "population": 1000,
            "services": [service_a.pk],
            "weight_mode": "exact",
        },
    )
    period = SurveyPeriod.objects.get(kind="semester")
    assert response.status_code == 302
    assert (period.starts_on, period.ends_on) == (date(2025, 7, 1), date(2025, 12, 31))
    assert period.collection.status == "draft"
    page = client.get(
        reverse("satisfaction:period-detail", args=[unit_a.slug, period.pk])
    ).content.decode()
    assert "278" in page  # Krejcie & Morgan for 1.000


def test_impossible_period_number_is_refused(client_for, unit_head_a, unit_a, service_a):
    response = client_for(unit_head_a).post(
        reverse("satisfaction:period-create", args=[unit_a.slug]),
        {
            "kind": "quarter",
            "year": 2025,
            "number": 5,
            "population": 10,
            "services": [service_a.pk],
            "weight_mode": "exact",
        },
    )
    assert response.status_code == 200 and not SurveyPeriod.objects.exists()


def test_officer_enters_a_paper_questionnaire(client_for, officer_a, period_a, service_a):
    client = client_for(officer_a)
    response = client.post(
        _url("paper-entry", period_a),
        answers_post(period_a, service=service_a, answered_on="2025-01-20"),
    )
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.source == "paper" and saved.entered_by == officer_a
    assert timezone.localtime(saved.submitted_at).date() == date(2025, 1, 20)


def test_results_match_the_pure_computation(period_a, service_a):
    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.surveys.models import Item
    from pantau.surveys.services import submit_response

    items = {i.key: i for i in Item.objects.filter(version=period_a.collection.version)}
    rows = [
        (4, 4, 3, 4, 3, 4, 4, 3, 3),
        (3, 2, 3, 4, 3, 3, 4, 2, 1),
        (4, 4, 4, 4, 4, 4, 4, 4, None),
    ]
    for scores in rows:
        answers = [
            (items[k], s, "") for k, s in zip(ELEMENT_KEYS, scores, strict=True) if s is not None
        ]
        submit_response(
            collection=period_a.collection,
            answers=answers,
            submission_token=uuid.uuid4(),
            source="paper",
            service=service_a,
        )
    results = selectors.period_results(period_a)
    expected = compute_ikm(
        [
            ElementTotal(f"U{i + 1}", sum(1 for r in rows if r[i]), sum(r[i] or 0 for r in rows))
            for i in range(9)
        ],
        respondents=3,
    )
    assert results.respondents == 3
    assert results.ikm.ikm == expected.ikm and results.ikm.grade == expected.grade
    assert results.elements[8].answered == 2 and results.elements[8].total == 4
    assert results.elements[8].rank == 1  # weakest (U9: NRR 2.0)
    assert results.by_service == [{"service": service_a, "respondents": 3}]
    assert selectors.period_results(period_a, service=service_a).ikm.ikm == expected.ikm


def test_results_page_query_count_does_not_grow_with_answers(
    client_for, unit_head_a, period_a, service_a, django_assert_max_num_queries
):
    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.surveys.models import Item
    from pantau.surveys.services import ResponseRow, bulk_create_responses

    items = {i.key: i for i in Item.objects.filter(version=period_a.collection.version)}
    bulk_create_responses(
        collection=period_a.collection,
        source="import",
        rows=[
            ResponseRow(
                answers=[(items[k], 1 + (n + j) % 4, "") for j, k in enumerate(ELEMENT_KEYS)],
                service=service_a,
            )
            for n in range(60)
        ],
    )
    client = client_for(unit_head_a)
    with django_assert_max_num_queries(30):
        assert client.get(_url("period-detail", period_a)).status_code == 200


def test_publishing_needs_media_and_answers(client_for, unit_head_a, period_a, service_a):
    client = client_for(unit_head_a)
    url = reverse("satisfaction:period-publish", args=[period_a.unit.slug, period_a.pk])
    client.post(url, {"media": ["website"]})
    period_a.refresh_from_db()
    assert period_a.published_at is None  # no answers yet
    client.post(
        reverse("survey:form", args=[period_a.collection.token]),
        answers_post(period_a, service=service_a),
    )
    client.post(url, {})
    period_a.refresh_from_db()
    assert period_a.published_at is None  # no medium ticked
    client.post(url, {"media": ["website", "notice_board", "bogus"]})
    period_a.refresh_from_db()
    assert period_a.published_at is None  # the confirmation page comes first
    client.post(
        url,
        {
            "media": ["website", "notice_board", "bogus"],
            "confirmed": "yes",
            "reason": "Laporan triwulan harus terbit.",
        },
    )
    period_a.refresh_from_db()
    assert period_a.published_at is not None and period_a.published_media == [
        "notice_board",
        "website",
    ]
    assert period_a.published_by == unit_head_a


def test_thanks_page_shows_last_published_result_and_plan(client, unit_head_a, period_a, service_a):
    form_url = reverse("survey:form", args=[period_a.collection.token])
    first = client.post(form_url, answers_post(period_a, service=service_a))
    services.publish_period(
        actor=unit_head_a, period=period_a, media=["website"], reason="Laporan triwulan"
    )
    services.save_follow_up_action(
        actor=unit_head_a,
        period=period_a,
        data={
            "element_key": "waktu",
            "action": "Menambah loket pada jam sibuk.",
            "owner": "Kepala unit",
            "deadline": date(2025, 5, 1),
            "status": "planned",
            "completed_on": None,
            "report": "",
        },
    )
    body = client.get(first["Location"]).content.decode()
    assert "Menambah loket pada jam sibuk." in body and "Hasil terakhir" in body


def test_follow_up_action_done_needs_a_date(client_for, unit_head_a, period_a):
    client = client_for(unit_head_a)
    data = {
        "element_key": "prosedur",
        "action": "Alur bergambar",
        "owner": "Kepala unit",
        "deadline": "2025-05-01",
        "status": "done",
        "report": "",
    }
    response = client.post(_url("action-create", period_a), data)
    assert response.status_code == 200 and not Action.objects.exists()
    response = client.post(_url("action-create", period_a), {**data, "completed_on": "2025-04-20"})
    assert response.status_code == 302
    summary = selectors.follow_up_summary(period_a)
    assert (summary.total, summary.realised, summary.realisation_score, summary.speed_score) == (
        1,
        1,
        5,
        5,
    )


def test_access_codes_are_made_for_the_period(client_for, officer_a, period_a):
    client = client_for(officer_a)
    response = client.post(_url("access-codes", period_a), {"count": 5})
    assert response.status_code == 302
    assert period_a.collection.access_codes.count() == 5


def test_overview_compares_only_own_and_visible_units(
    client_for, evaluator_a, unit_b, period_a, service_a, unit_head_b
):
    from pantau.organisations.tests.factories import ServiceFactory

    other = services.create_period(
        actor=unit_head_b,
        unit=unit_b,
        kind="quarter",
        year=2025,
        number=1,
        population=10,
        services=[ServiceFactory(unit=unit_b)],
    )
    services.change_period_status(actor=unit_head_b, period=other, action="open")
    client = client_for(evaluator_a)
    client.post(
        reverse("survey:form", args=[period_a.collection.token]),
        answers_post(period_a, service=service_a),
    )
    page = client.get(reverse("satisfaction:overview"))
    rows = page.context["rows"]
    assert [unit.slug for unit, _point in rows] == [period_a.unit.slug]
    assert rows[0][1] is None  # answers are coming in, nothing is published yet
    services.publish_period(
        actor=period_a.unit.memberships.get(role="unit_head").user,
        period=period_a,
        media=["website"],
        reason="Uji",
    )
    rows = client.get(reverse("satisfaction:overview")).context["rows"]
    assert rows[0][1].ikm is not None and rows[0][1].period == period_a
    assert unit_b.name not in page.content.decode()


def test_overview_needs_sign_in(client):
    assert client.get(reverse("satisfaction:overview")).status_code == 302


def test_period_list_shows_ikm_per_period_and_a_trend_chart(
    client_for, unit_head_a, period_a, service_a, client, time_machine
):
    second = services.create_period(
        actor=unit_head_a,
        unit=period_a.unit,
        kind="quarter",
        year=2025,
        number=2,
        population=10,
        services=[service_a],
    )
    services.change_period_status(actor=unit_head_a, period=second, action="open")
    for period in (period_a, second):
        time_machine.move_to(datetime.combine(period.starts_on, time(10)), tick=True)
        client.post(
            reverse("survey:form", args=[period.collection.token]),
            answers_post(period, service=service_a),
        )
    page = client_for(unit_head_a).get(
        reverse("satisfaction:period-list", args=[period_a.unit.slug])
    )
    body = page.content.decode()
    assert [p.ikm.ikm for p in page.context["trend"]] == [page.context["trend"][0].ikm.ikm] * 2
    assert body.count("<rect") == 2 and "88,89" in body  # Σ NRR = 32 → 32/9 × 25 = 88,89


def test_head_of_other_unit_cannot_edit_a_follow_up_action(
    client_for, unit_head_a, unit_head_b, period_a
):
    action = skm_action(
        period_a,
        "prosedur",
        actor=unit_head_a,
        title="Alur bergambar",
        responsible="Kepala unit",
        due_on=date(2025, 5, 1),
    )
    url = reverse("satisfaction:action-edit", args=[period_a.unit.slug, period_a.pk, action.pk])
    data = {
        "element_key": "prosedur",
        "action": "Diubah orang lain",
        "owner": "X",
        "deadline": "2025-05-01",
        "status": "planned",
    }
    assert client_for(unit_head_b).get(url).status_code == 404
    assert client_for(unit_head_b).post(url, data).status_code == 404
    action.refresh_from_db()
    assert action.title == "Alur bergambar"
    assert client_for(unit_head_a).get(url).status_code == 200
