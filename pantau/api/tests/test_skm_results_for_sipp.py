"""The SKM results a SIPP portal reads (issue 20): filtered by publication date, and the figures
named ``results`` in the list as in the detail (``result`` kept one release)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pantau.satisfaction.models import SurveyPeriod
from pantau.satisfaction.tests.factories import SurveyPeriodFactory

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def published(unit_a):
    periods = []
    for number, day in ((1, 10), (2, 20)):
        period = SurveyPeriodFactory(unit=unit_a, number=number, opened=True)
        SurveyPeriod.objects.filter(pk=period.pk).update(
            published_at=datetime(2025, 7, day, 9, tzinfo=WIB)
        )
        periods.append(period)
    return periods


def _ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_results_filtered_by_publication_date(api, published):
    first, second = published
    url = "/api/v1/skm/results/"
    assert _ids(api.get(url, {"published_after": "2025-07-15T00:00:00+07:00"})) == [second.pk]
    assert _ids(api.get(url, {"published_before": "2025-07-15T00:00:00+07:00"})) == [first.pk]
    # From the moment itself, up to (not including) the end.
    assert _ids(
        api.get(
            url,
            {
                "published_after": "2025-07-10T09:00:00+07:00",
                "published_before": "2025-07-20T09:00:00+07:00",
            },
        )
    ) == [first.pk]
    bad = api.get(url, {"published_after": "pertengahan Juli"})
    assert bad.status_code == 400 and _fields(bad) == {"published_after"}


def test_list_and_detail_name_the_figures_results(api, published):
    row = api.get("/api/v1/skm/results/").json()["results"][0]
    assert row["results"] == row["result"]  # the old name, kept one release
    assert set(row["results"]) == {"respondents", "ikm", "grade", "performance"}
    detail = api.get(f"/api/v1/skm/results/{row['id']}/").json()
    assert "result" not in detail
    assert set(row["results"]) <= set(detail["results"])


def test_period_list_of_a_unit_filters_by_publication_too(token_for, officer_a, published):
    since = (datetime(2025, 7, 15, tzinfo=WIB) + timedelta(hours=1)).isoformat()
    assert _ids(token_for(officer_a).get("/api/v1/skm/periods/", {"published_after": since})) == [
        published[1].pk
    ]


def _fields(response) -> set[str]:
    return {error.get("field") for error in response.json()["errors"]}
