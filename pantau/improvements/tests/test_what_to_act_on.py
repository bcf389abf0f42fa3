"""Beside the register, the unit head sees what to act on, each with a link that starts the plan
from it: the weakest elements of the latest published SKM results (not of a survey still open),
the complaint categories with most reports lately, and the forum agreements still waiting."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pantau.complaints.models import Category, Complaint
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.improvements import suggestions
from pantau.improvements.models import Source
from pantau.improvements.services import SourceRef
from pantau.satisfaction.tests.factories import SurveyPeriodFactory
from pantau.standards import services as standards
from pantau.standards.tests.factories import ForumFactory

from .factories import answered_period, make_action, skm_action

pytestmark = pytest.mark.django_db


def test_the_weakest_elements_of_the_latest_published_results(unit_a, unit_head_a):
    period = answered_period(
        unit_a, actor=unit_head_a, number=1, scores={"waktu": 1, "biaya": 2, "sarana": 2}
    )
    SurveyPeriodFactory(unit=unit_a, actor=unit_head_a, number=2, opened=True)  # no answers yet
    skm_action(period, "waktu")
    found = suggestions.for_unit(unit_a, today=date(2025, 5, 14))["skm"]
    assert [item.link.element for item in found] == ["waktu", "biaya", "sarana"]
    assert found[0].planned == 1 and found[0].link.ref == str(period.pk)
    assert found[0].link.query() == f"?source=skm_element&ref={period.pk}&element=waktu"


def test_the_categories_with_most_reports_lately(unit_a):
    first, second = Category.objects.filter(agency__isnull=True)[:2]
    recent = timezone.now() - timedelta(days=10)
    for category, count in ((first, 1), (second, 3)):
        for _n in range(count):
            complaint = ComplaintFactory(unit=unit_a)
            Complaint.objects.filter(pk=complaint.pk).update(category=category, created_at=recent)
    make_action(unit_a, source=SourceRef(Source.COMPLAINT_PATTERN, category=second))
    found = suggestions.for_unit(unit_a, today=timezone.localdate())["complaints"]
    assert [(item.link.ref, item.planned) for item in found] == [(second.code, 1), (first.code, 0)]


def test_agreements_waiting_for_an_action(client_for, unit_a, unit_head_a):
    forum = ForumFactory(unit=unit_a, actor=unit_head_a, held_on=date(2025, 3, 10))
    waiting = standards.save_agreement(actor=unit_head_a, forum=forum, data={"text": "Kursi."})
    acted = standards.save_agreement(actor=unit_head_a, forum=forum, data={"text": "Papan."})
    make_action(unit_a, source=SourceRef(Source.AGREEMENT, agreement=acted))
    found = suggestions.for_unit(unit_a, today=date(2025, 5, 14))["agreements"]
    assert [item.link.ref for item in found] == [str(waiting.pk)]
    page = client_for(unit_head_a).get(reverse("improvements:action-list", args=[unit_a.slug]))
    assert f"?source=agreement&amp;ref={waiting.pk}" in page.content.decode()
