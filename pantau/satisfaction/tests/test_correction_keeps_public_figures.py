"""While a published SKM result is being corrected, every public reader (the unit's page and its
trend, open data in JSON and CSV, the public API's list and detail) shows the figures published
last, never the answers being corrected; staff see the answers as they stand (issue 17)."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pantau.satisfaction import selectors, services
from pantau.satisfaction.models import PublishedResult

from .test_published_means_final import _answer, _paper_answers, _publish


@pytest.fixture
def published(client, period_a, service_a, unit_head_a):
    _answer(client, period_a, service_a)
    _answer(client, period_a, service_a, scores=(3, 3, 3, 3, 3, 3, 3, 3, 3))
    return _publish(period_a, unit_head_a)


def _correct(period, head, officer, service):
    services.start_correction(actor=head, period=period, reason="Kuesioner kertas tertinggal.")
    for _ in range(3):
        services.enter_paper_response(
            actor=officer,
            period=period,
            answers=_paper_answers(period, 1),
            service=service,
            submission_token=uuid.uuid4(),
            answered_on=date(2025, 3, 3),
        )


def test_public_readers_keep_the_published_figures_during_a_correction(
    client,
    published,
    unit_head_a,
    officer_a,
    service_a,
):
    kept = PublishedResult.objects.get(period=published)
    _correct(published, unit_head_a, officer_a, service_a)
    live = selectors.period_results(published)
    assert live.respondents == 5 and live.ikm.ikm != kept.ikm  # the answers being corrected
    shown = str(kept.ikm)

    api = client.get("/api/v1/skm/results/").json()["results"]
    row = next(r for r in api if r["id"] == published.pk)
    assert Decimal(str(row["result"]["ikm"])) == kept.ikm and row["result"]["respondents"] == 2

    detail = client.get(f"/api/v1/skm/results/{published.pk}/").json()["results"]
    assert Decimal(str(detail["ikm"])) == kept.ikm and detail["respondents"] == 2
    assert detail["elements"] == []  # element figures of the correction are not shown

    data = client.get(reverse("portal:open-data-skm", args=[published.unit.slug, "json"])).json()
    period = data["periods"][-1]
    assert period["ikm"] == shown and period["respondents"] == 2
    assert not any(key.startswith("nrr_") for key in period)
    csv = client.get(reverse("portal:open-data-skm", args=[published.unit.slug, "csv"]))
    assert shown in csv.content.decode() and str(live.ikm.ikm) not in csv.content.decode()

    page = client.get(reverse("portal:unit-skm", args=[published.unit.slug]))
    assert [point.ikm.ikm for point in page.context["trend"]] == [kept.ikm]
    assert selectors.latest_per_unit([published.unit])[published.unit.pk].ikm.ikm == kept.ikm


def test_staff_read_the_answers_as_they_stand(
    client_for,
    published,
    unit_head_a,
    officer_a,
    service_a,
):
    _correct(published, unit_head_a, officer_a, service_a)
    body = client_for(unit_head_a).get(f"/api/v1/skm/periods/{published.pk}/")
    if body.status_code == 200:  # the staff API reads live figures
        assert body.json()["results"]["respondents"] == 5
    assert selectors.trend([published])[0].respondents == 5
