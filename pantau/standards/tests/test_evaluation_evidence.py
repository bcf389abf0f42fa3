"""``evaluation_evidence``: one unit's records and suggested scores, in a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pantau.standards import selectors, services
from pantau.standards.models import Participant

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 1)


def test_evidence_holds_the_units_own_records_only(unit_a, unit_b, officer_a, published_a):
    services.record_publication(
        actor=officer_a, unit=unit_a, subject="standard", target=published_a,
        medium="notice_board", published_on=date(2026, 2, 2),
    )  # fmt: skip
    evidence = selectors.evaluation_evidence(unit_a, today=TODAY)
    assert [v.pk for v in evidence.in_force] == [published_a.pk]
    assert evidence.in_force[0].decree_number == "188/12/SK/2026"
    assert [f.title for f in evidence.forums] == ["FKP penyusunan standar pelayanan"]
    labels = dict(evidence.forums[0].type_counts)
    kind = Participant.Kind
    assert labels == {
        str(kind.SERVICE_USER.label): 1,
        str(kind.EXPERT.label): 1,
        str(kind.PROVIDER.label): 1,
    }
    assert [(p.medium, p.published_on) for p in evidence.standard_publications] == [
        ("notice_board", date(2026, 2, 2))
    ]
    scores = {s.code: s.score for s in selectors.indicator_scores(unit_a, today=TODAY)}
    assert {code: s.score for code, s in evidence.scores.items()} == scores
    assert set(evidence.scores) == set(selectors.EVIDENCE_CODES)

    other = selectors.evaluation_evidence(unit_b, today=TODAY)
    assert other.in_force == [] and other.forums == [] and other.standard_publications == []
    assert all(s.score == 0 for s in other.scores.values())


def test_evidence_queries_do_not_grow_with_the_records(unit_a, officer_a, unit_head_a, published_a):
    with CaptureQueriesContext(connection) as one:
        selectors.evaluation_evidence(unit_a, today=TODAY)
    for medium in ["website", "leaflet", "sippn"]:
        services.record_publication(
            actor=officer_a, unit=unit_a, subject="standard", target=published_a,
            medium=medium, published_on=date(2026, 2, 3), url="https://example.go.id/sp",
        )  # fmt: skip
    forum = services.save_forum(
        actor=unit_head_a, unit=unit_a,
        data={"topic": "reviewing", "title": "FKP peninjauan", "held_on": date(2026, 2, 20),
              "place": "Aula", "online_link": "", "minutes": ""},
    )  # fmt: skip
    for kind in ["media", "civil_society", "related_agency"]:
        services.add_participant(
            actor=unit_head_a, forum=forum, data={"name": kind, "organisation": "", "kind": kind}
        )
    forum.participants.update(attended=True)
    services.mark_forum_held(actor=unit_head_a, forum=forum)
    with CaptureQueriesContext(connection) as many:
        evidence = selectors.evaluation_evidence(unit_a, today=TODAY)
    assert len(evidence.forums) == 2 and len(evidence.standard_publications) == 3
    assert evidence.scores["2.a.P"].score == 5
    assert len(many) == len(one)
