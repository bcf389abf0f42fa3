"""Aspect 6 (Inovasi) shows the unit's innovation register and, for 29.f.B and 30.f.B, the score it
suggests (analytics.innovation); the suggestion is never saved as a score, and another unit's
innovations never count."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from pantau.evaluations.models import Score, SelfAssessment
from pantau.innovations import services
from pantau.innovations.tests.factories import make_innovation

from .conftest import advance, indicator

pytestmark = pytest.mark.django_db


def _suggested(page: str) -> int | None:
    found = re.search(r'data-suggested-score="(\d)"', page)
    return int(found.group(1)) if found else None


def _page(client, lokus, code, form="f02"):
    ind = indicator(lokus.round.instrument, code)
    return client.get(f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/{form}/{ind.pk}/")


@pytest.fixture
def scoring(lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    return lokus_a


@pytest.fixture
def innovations_a(unit_a, unit_head_a):
    """An innovation running for two years with a regent's regulation, a budget and a team, and
    a new idea."""
    today = timezone.localdate()
    running = make_innovation(
        unit_a,
        actor=unit_head_a,
        stage="implemented",
        stage_on=today - timedelta(days=730),
        budget=25_000_000,
        budget_source="apbd",
        team="Tim jemput bola",
    )
    running = services.advance_stage(
        actor=unit_head_a,
        innovation=running,
        stage="institutionalised",
        on=today - timedelta(days=30),
        basis=services.LegalBasis(
            title="Perbup Jemput Bola", number="9/2025", dated=today - timedelta(days=30)
        ),
    )
    idea = make_innovation(unit_a, actor=unit_head_a, title="Kios antrean", stage_on=today)
    return running, idea


@pytest.fixture
def innovation_b(unit_b, unit_head_b):
    return make_innovation(
        unit_b,
        actor=unit_head_b,
        title="Inovasi unit B",
        stage="implemented",
        stage_on=timezone.localdate() - timedelta(days=900),
        competition="KIPP 2024",
        competition_result="won",
    )


def test_scoring_page_shows_the_register_and_suggests_a_score(
    client_for, evaluator_a, scoring, innovations_a, innovation_b
):
    client = client_for(evaluator_a)
    creation = _page(client, scoring, "29.f.B").content.decode()
    assert 'id="innovation-evidence"' in creation
    assert _suggested(creation) == 3  # running for more than a year, not entered anywhere
    assert "Jemput bola lansia" in creation and "Kios antrean" in creation
    assert "Inovasi unit B" not in creation  # unit B's winner does not count for unit A
    sustainability = _page(client, scoring, "30.f.B").content.decode()
    assert _suggested(sustainability) == 4  # legal basis + budget + team
    assert "9/2025" in sustainability
    assert not Score.objects.exists()
    other = _page(client, scoring, "1.a.Ak").content.decode()
    assert 'id="innovation-evidence"' not in other


def test_a_unit_without_innovations_is_suggested_zero(client_for, evaluator_a, scoring):
    client = client_for(evaluator_a)
    for code in ("29.f.B", "30.f.B"):
        assert _suggested(_page(client, scoring, code).content.decode()) == 0


def test_self_assessment_page_shows_the_register_and_saves_only_the_claim(
    client_for, officer_a, evaluator_a, lokus_a, innovations_a
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    page = _page(client_for(officer_a), lokus_a, "30.f.B", form="f01").content.decode()
    assert _suggested(page) == 4 and "Perbup Jemput Bola" in page
    assert not SelfAssessment.objects.exists()


def test_links_open_pages_the_evaluator_may_see(client_for, evaluator_a, scoring, innovations_a):
    client = client_for(evaluator_a)
    page = _page(client, scoring, "29.f.B").content.decode()
    section = page.split('id="innovation-evidence"')[1].split("</section>")[0]
    links = re.findall(r'<a href="([^"]+)"', section)
    assert len(links) == 3  # the two innovations and the register
    for link in links:
        assert client.get(link).status_code == 200, link


def test_queries_do_not_grow_with_the_number_of_innovations(
    client_for, evaluator_a, scoring, unit_a, unit_head_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(evaluator_a)
    make_innovation(unit_a, actor=unit_head_a)
    _page(client, scoring, "29.f.B")
    with CaptureQueriesContext(connection) as first:
        _page(client, scoring, "29.f.B")
    for n in range(4):
        make_innovation(unit_a, actor=unit_head_a, title=f"Inovasi {n}")
    with CaptureQueriesContext(connection) as later:
        _page(client, scoring, "29.f.B")
    assert len(later) == len(first)
