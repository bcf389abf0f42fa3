"""Indicators 1.a–5.a and 7.a show the unit's own standards records and the score they suggest."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pantau.evaluations.models import Score, SelfAssessment
from pantau.organisations.tests.factories import ServiceFactory
from pantau.standards import services as standards
from pantau.standards.models import Forum
from pantau.standards.tests.conftest import CONTENT, REQUIREMENTS, STEPS, pdf_upload

from .conftest import advance, indicator

pytestmark = pytest.mark.django_db


def _forum(unit, head, title, kinds, *, days_ago=60):
    forum = standards.save_forum(
        actor=head,
        unit=unit,
        data={
            "topic": Forum.Topic.DRAFTING,
            "title": title,
            "held_on": timezone.localdate() - timedelta(days=days_ago),
            "place": "Aula",
            "online_link": "",
            "minutes": "Peserta menyepakati persyaratan.",
        },
    )
    for n, kind in enumerate(kinds):
        standards.add_participant(
            actor=head, forum=forum, data={"name": f"Peserta {n}", "organisation": "", "kind": kind}
        )
    forum.participants.update(attended=True)
    return standards.mark_forum_held(actor=head, forum=forum)


def _standard(unit, officer, head, forum, *, name, decree, media=("notice_board", "website")):
    """A complete standard, discussed in ``forum``, set 30 days ago, published on ``media``."""
    service = ServiceFactory(unit=unit, name=name)
    version = standards.start_version(actor=officer, service=service)
    version = standards.update_version(
        actor=officer, version=version, data=CONTENT, requirements=REQUIREMENTS, steps=STEPS
    )
    version = standards.record_discussion(actor=head, version=version, forum=forum)
    version = standards.set_version(
        actor=head,
        version=version,
        decree_number=decree,
        decree_date=timezone.localdate() - timedelta(days=30),
        decree_file=pdf_upload(),
    )
    version = standards.publish_version(actor=head, version=version)
    for medium in media:
        standards.record_publication(
            actor=officer,
            unit=unit,
            subject="standard",
            target=version,
            medium=medium,
            published_on=timezone.localdate() - timedelta(days=20),
            url="https://example.go.id/sp",
        )
    return version


@pytest.fixture
def records_a(unit_a, officer_a, unit_head_a):
    forum = _forum(
        unit_a, unit_head_a, "FKP standar Dinas A", ["service_user", "expert", "provider"]
    )
    return _standard(unit_a, officer_a, unit_head_a, forum, name="Layanan A1", decree="SK-A/1/2026")


@pytest.fixture
def records_b(unit_b, officer_b, unit_head_b):
    forum = _forum(
        unit_b,
        unit_head_b,
        "FKP standar Dinas B",
        ["service_user", "expert", "media", "civil_society"],
    )
    return _standard(
        unit_b, officer_b, unit_head_b, forum, name="Layanan B1", decree="SK-B/9/2026",
        media=("leaflet", "sippn", "website", "social_media"),
    )  # fmt: skip


def _scoring_page(client, lokus, code):
    ind = indicator(lokus.round.instrument, code)
    return client.get(f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/f02/{ind.pk}/")


def _suggested(page: str) -> int | None:
    found = re.search(r'data-suggested-score="(\d)"', page)
    return int(found.group(1)) if found else None


@pytest.fixture
def scoring(lokus_a, evaluator_a):
    advance(lokus_a.round, evaluator_a, "open_self_assessment", "start_scoring")
    return lokus_a


def test_scoring_page_shows_the_units_standards_and_suggests_a_score(
    client_for, evaluator_a, scoring, records_a, records_b
):
    client = client_for(evaluator_a)
    page = _scoring_page(client, scoring, "1.a.Ak").content.decode()
    # Complete, set, drafted in a forum, not due for review: 5 (domain spec 2.4, indicator 1).
    assert _suggested(page) == 5
    assert "Layanan A1" in page and "SK-A/1/2026" in page and "FKP standar Dinas A" in page
    assert "Layanan B1" not in page and "SK-B/9/2026" not in page
    # The suggestion is only shown: no score is recorded by opening the page.
    assert not Score.objects.exists()

    forums = _scoring_page(client, scoring, "2.a.P").content.decode()
    assert _suggested(forums) == 2  # a service user and an expert; the provider does not count
    assert "FKP standar Dinas A" in forums and "FKP standar Dinas B" not in forums
    assert "Pengguna layanan 1" in forums

    media = _scoring_page(client, scoring, "3.a.T").content.decode()
    assert _suggested(media) == 2  # two media, not SIPPN
    assert "Papan pengumuman" in media and "Media sosial" not in media

    review = _scoring_page(client, scoring, "4.a.K").content.decode()
    assert _suggested(review) == 5  # set within the last 12 months
    pledge = _scoring_page(client, scoring, "5.a.K").content.decode()
    assert _suggested(pledge) == 0
    skm = _scoring_page(client, scoring, "7.a.T").content.decode()
    assert _suggested(skm) == 0 and 'id="figures-title"' in skm

    for code in ("6.a.B", "10.b.As", "25.e.P"):
        other = _scoring_page(client, scoring, code).content.decode()
        assert 'id="standards-evidence"' not in other and _suggested(other) is None


def test_the_other_units_records_give_it_its_own_suggestion(
    client_for, evaluator_a, scoring, records_b
):
    """Unit A has no records at all; unit B's richer ones never raise A's suggestion."""
    client = client_for(evaluator_a)
    assert _suggested(_scoring_page(client, scoring, "1.a.Ak").content.decode()) == 0
    assert _suggested(_scoring_page(client, scoring, "2.a.P").content.decode()) == 0
    assert _suggested(_scoring_page(client, scoring, "3.a.T").content.decode()) == 0


def test_links_open_pages_the_evaluator_may_see(client_for, evaluator_a, scoring, records_a):
    client = client_for(evaluator_a)
    page = _scoring_page(client, scoring, "1.a.Ak").content.decode()
    links = re.findall(r'<a href="([^"]+)"', page.split('id="standards-evidence"')[1])
    assert links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_self_assessment_page_shows_the_records_and_saves_only_the_claim(
    client_for, officer_a, evaluator_a, lokus_a, records_a
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    client = client_for(officer_a)
    ind = indicator(lokus_a.round.instrument, "1.a.Ak")
    url = f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/f01/{ind.pk}/"
    page = client.get(url).content.decode()
    assert _suggested(page) == 5 and "SK-A/1/2026" in page
    assert not SelfAssessment.objects.exists()
    other = indicator(lokus_a.round.instrument, "11.b.K")
    assert (
        'id="standards-evidence"'
        not in client.get(
            f"/manage/evaluasi/{lokus_a.round_id}/lokus/{lokus_a.pk}/f01/{other.pk}/"
        ).content.decode()
    )


def test_queries_do_not_grow_with_the_number_of_records(
    client_for, evaluator_a, scoring, unit_a, officer_a, unit_head_a, records_a
):
    client = client_for(evaluator_a)
    codes = ("1.a.Ak", "2.a.P", "3.a.T", "5.a.K", "7.a.T")
    for code in codes:
        _scoring_page(client, scoring, code)
    before = {}
    for code in codes:
        with CaptureQueriesContext(connection) as queries:
            assert _scoring_page(client, scoring, code).status_code == 200
        before[code] = len(queries)
    for n in range(3):
        forum = _forum(
            unit_a, unit_head_a, f"FKP tambahan {n}", ["service_user", "media"], days_ago=40 + n
        )
        _standard(unit_a, officer_a, unit_head_a, forum, name=f"Layanan A{n + 2}", decree=f"SK-{n}")
    for code in codes:
        with CaptureQueriesContext(connection) as queries:
            assert _scoring_page(client, scoring, code).status_code == 200
        assert len(queries) == before[code], code
    assert "SK-2" in _scoring_page(client, scoring, "1.a.Ak").content.decode()
    assert "FKP tambahan 2" in _scoring_page(client, scoring, "2.a.P").content.decode()


def _pledge(unit, officer, head, signatory, media):
    from pantau.standards.tests.test_forums_pledge_publications import PLEDGE

    pledge = standards.save_maklumat_draft(
        actor=officer, unit=unit, data=PLEDGE | {"signatory_name": signatory}
    )
    pledge = standards.publish_maklumat(
        actor=head, maklumat=pledge, set_on=timezone.localdate() - timedelta(days=10)
    )
    for medium in media:
        standards.record_publication(
            actor=officer, unit=unit, subject="maklumat", target=pledge, medium=medium,
            published_on=timezone.localdate() - timedelta(days=5), url="https://example.go.id/m",
        )  # fmt: skip
    return pledge


def test_pledge_indicator_shows_the_units_pledge_and_its_media(
    client_for, evaluator_a, scoring, unit_a, unit_b, officer_a, unit_head_a, officer_b, unit_head_b
):
    _pledge(unit_a, officer_a, unit_head_a, "Kepala A", ["notice_board"])
    _pledge(unit_b, officer_b, unit_head_b, "Kepala B", ["website"])
    page = _scoring_page(client_for(evaluator_a), scoring, "5.a.K").content.decode()
    # Set, taken as compliant, published on a non-electronic medium only: 4 (spec 2.4, indicator 5).
    assert _suggested(page) == 4
    section = page.split('id="standards-evidence"')[1]
    assert "Papan pengumuman" in section and "Situs web" not in section
    assert f"/manage/units/{unit_a.slug}/maklumat/" in section
