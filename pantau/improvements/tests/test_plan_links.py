""" "Plan an improvement action" from where a problem is seen (issue 21): a complaint's staff page,
the complaints recap by category and a perception study's gap results open the register's form
with the source fixed, for the unit's head only; an officer or another unit's head sees no link."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from pantau.complaints.models import Category
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.studies.tests.conftest import fill
from pantau.studies.tests.factories import StudyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def category():
    return Category.objects.filter(agency__isnull=True).order_by("position", "pk").first()


@pytest.fixture
def complaint_a(unit_a, category):
    complaint = ComplaintFactory(unit=unit_a)
    complaint.category = category
    complaint.save(update_fields=["category"])
    return complaint


def _query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def _plan_links(page) -> list[str]:
    """The planning links of a page, as its HTML has them (the page's template adds them)."""
    create = reverse("improvements:action-create", args=["x"]).rsplit("x/", 1)[0]
    found = re.findall(r'href="([^"]+)"', page.content.decode())
    return [html.unescape(url) for url in found if url.startswith(create) and "source=" in url]


def test_head_plans_from_a_complaint_with_its_source_fixed(
    client_for, unit_head_a, unit_a, complaint_a, category
):
    client = client_for(unit_head_a)
    page = client.get(reverse("complaints:detail", args=[complaint_a.tracking_number]))
    links = page.context["plan_links"]
    assert _query(links["complaint"]) == {
        "source": "complaint",
        "ref": complaint_a.tracking_number,
    }
    assert _query(links["category"]) == {"source": "complaint_pattern", "ref": category.code}
    assert "Plan an improvement action" in page.content.decode()
    form = client.get(links["complaint"])
    assert form.status_code == 200
    assert form.context["fixed"] == f"Report {complaint_a.tracking_number}"
    pattern = client.get(links["category"])
    assert pattern.context["form"].initial["metric_key"] == f"complaints.category:{category.code}"


def test_officer_sees_no_plan_link_on_a_complaint(client_for, officer_a, complaint_a):
    page = client_for(officer_a).get(
        reverse("complaints:detail", args=[complaint_a.tracking_number])
    )
    assert page.status_code == 200
    assert not page.context["plan_links"]["complaint"]
    assert "Plan an improvement action" not in page.content.decode()


def test_recap_by_category_offers_the_head_a_plan_per_category(
    client_for, unit_head_a, officer_a, unit_a, complaint_a, category
):
    url = reverse("complaints:recap") + f"?unit={unit_a.slug}&year=2025"
    page = client_for(unit_head_a).get(url)
    rows = page.context["by_category"]
    assert [(row["category"], row["received"]) for row in rows] == [(category, 1)]
    (link,) = _plan_links(page)
    assert _query(link) == {"source": "complaint_pattern", "ref": category.code}
    page = client_for(officer_a).get(url)
    assert _plan_links(page) == []
    assert "Plan an improvement action" not in page.content.decode()


def test_study_gap_offers_a_plan_per_dimension_to_the_head(
    client_for, unit_head_a, officer_a, unit_a, settings
):
    settings.PANTAU_STUDY_MIN_GROUP = 5
    study = StudyFactory(unit=unit_a, actor=unit_head_a, title="Studi NPS A", opened=True)
    fill(study, recipients=30, providers=6)
    url = reverse("studies:study-results", args=[study.pk])
    page = client_for(unit_head_a).get(url)
    dimensions = page.context["dimensions"]
    links = _plan_links(page)
    assert dimensions and len(links) == len(dimensions)
    first = dimensions[0]
    assert _query(links[0]) == {
        "source": "study_gap",
        "ref": str(study.pk),
        "element": first["code"].lower(),
    }
    form = client_for(unit_head_a).get(links[0])
    assert form.status_code == 200
    assert form.context["fixed"] == "Perception study “Studi NPS A”"
    assert _plan_links(client_for(officer_a).get(url)) == []


def test_head_of_another_unit_following_a_plan_link_gets_404(
    client_for, unit_head_b, unit_a, complaint_a
):
    url = (
        reverse("improvements:action-create", args=[unit_a.slug])
        + f"?source=complaint&ref={complaint_a.tracking_number}"
    )
    assert client_for(unit_head_b).get(url).status_code == 404
