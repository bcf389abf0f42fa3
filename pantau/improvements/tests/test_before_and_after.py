"""Each action shows the figure it should move before and after it: an SKM element's NRR in the
source period and in the unit's next published period; a complaint category's reports per month
before it was planned and after it was done."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from pantau.complaints.models import Category, Complaint
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.improvements import figures, services
from pantau.improvements.models import Source
from pantau.improvements.services import SourceRef
from pantau.satisfaction.selectors import period_results

from .factories import answered_period, make_action, skm_action

pytestmark = pytest.mark.django_db


def _nrr(period, key):
    return next(row.nrr for row in period_results(period).elements if row.item.key == key)


def test_an_skm_element_before_and_after_the_next_published_period(unit_a, unit_head_a):
    first = answered_period(unit_a, actor=unit_head_a, number=1, scores={"waktu": 2})
    action = skm_action(first, "waktu")
    figures.attach([action], today=date(2025, 5, 14))
    assert action.figure.before.value == pytest.approx(_nrr(first, "waktu")) == 2.0
    assert action.figure.after is None and action.figure.waiting
    assert action.figure.name.startswith("NRR U3")
    # A second period, still collecting answers, is not the "after".
    answered_period(unit_a, actor=unit_head_a, number=2, scores={"waktu": 4}, publish=False)
    figures.attach([action], today=date(2025, 5, 14))
    assert action.figure.after is None
    third = answered_period(unit_a, actor=unit_head_a, number=3, scores={"waktu": 4})
    figures.attach([action], today=date(2025, 10, 14))
    assert (action.figure.after.value, action.figure.after.label) == (4.0, third.label)
    assert action.figure.change == 2.0 and action.figure.improved is True


def test_the_ikm_of_the_source_period_and_the_next(unit_a, unit_head_a):
    first = answered_period(unit_a, actor=unit_head_a, number=1, scores={"waktu": 2})
    second = answered_period(unit_a, actor=unit_head_a, number=2)
    action = skm_action(first, "waktu", metric_key="skm.ikm")
    figures.attach([action], today=date(2025, 8, 1))
    assert action.figure.before.value == float(period_results(first).ikm.ikm)
    assert action.figure.after.value == float(period_results(second).ikm.ikm) == 75.0
    assert action.figure.improved is True


def test_a_page_of_actions_reads_its_figures_in_a_fixed_number_of_queries(
    unit_a, unit_head_a, django_assert_max_num_queries
):
    first = answered_period(unit_a, actor=unit_head_a, number=1)
    answered_period(unit_a, actor=unit_head_a, number=2)
    category = Category.objects.filter(agency__isnull=True).first()
    actions = [skm_action(first, key) for key in ("waktu", "biaya", "prosedur", "sarana")]
    actions += [
        make_action(unit_a, source=SourceRef(Source.COMPLAINT_PATTERN, category=category))
        for _n in range(3)
    ]
    with django_assert_max_num_queries(8):
        figures.attach(actions, today=date(2025, 8, 1))
    assert all(action.figure is not None for action in actions)


def _report(unit, category, when):
    complaint = ComplaintFactory(unit=unit)
    Complaint.objects.filter(pk=complaint.pk).update(
        category=category, created_at=datetime(*when, 10, tzinfo=ZoneInfo("Asia/Jakarta"))
    )


def test_a_complaint_category_per_month_before_and_after(unit_a, unit_head_a):
    category = Category.objects.filter(agency__isnull=True).first()
    other = Category.objects.filter(agency__isnull=True).exclude(pk=category.pk).first()
    for when in [
        (2025, 2, 3),
        (2025, 3, 4),
        (2025, 4, 1),
        (2025, 4, 9),
        (2025, 4, 20),
        (2025, 4, 25),
    ]:
        _report(unit_a, category, when)
    _report(unit_a, other, (2025, 4, 2))  # another category does not count
    action = make_action(unit_a, source=SourceRef(Source.COMPLAINT_PATTERN, category=category))
    # planned in May 2025: before = February to April (6 reports in 3 months)
    figures.attach([action], today=date(2025, 5, 20))
    assert (action.figure.before.value, action.figure.after) == (2.0, None)
    assert action.figure.lower_is_better
    services.record_progress(
        actor=unit_head_a, action=action, status="done", completed_on=date(2025, 5, 31)
    )
    action.refresh_from_db()
    _report(unit_a, category, (2025, 6, 10))
    _report(unit_a, category, (2025, 7, 10))
    figures.attach([action], today=date(2025, 6, 20))
    assert action.figure.after is None  # no whole month since it was done
    figures.attach([action], today=date(2025, 8, 2))  # June and July have passed
    assert action.figure.after.value == 1.0 and action.figure.improved is True


def test_the_register_and_the_action_page_show_the_figures(
    client_for, officer_a, unit_a, unit_head_a
):
    first = answered_period(unit_a, actor=unit_head_a, number=1, scores={"waktu": 2})
    action = skm_action(first, "waktu", title="Loket tambahan")
    client = client_for(officer_a)
    listed = client.get(reverse("improvements:action-list", args=[unit_a.slug]))
    assert listed.context["actions"][0].figure.before.value == 2.0
    page = client.get(reverse("improvements:action-detail", args=[unit_a.slug, action.pk]))
    assert page.context["action"].figure.before.label == first.label


def test_planning_from_an_element_offers_its_figure_now_as_the_baseline(
    client_for, unit_head_a, unit_a
):
    first = answered_period(unit_a, actor=unit_head_a, number=1, scores={"waktu": 2})
    url = reverse("improvements:action-create", args=[unit_a.slug])
    page = client_for(unit_head_a).get(f"{url}?source=skm_element&ref={first.pk}&element=waktu")
    assert page.context["form"].initial["baseline"] == 2
