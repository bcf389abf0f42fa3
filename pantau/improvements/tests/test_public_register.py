"""The public sees "you said, we did": the unit's public actions not dropped, on its page and on
a page of their own, with their source in public words (a single complaint only by its category)
and figures only from published results; the pages renew when an action changes."""

import pytest
from django.urls import reverse

from pantau.complaints.models import Category, Complaint
from pantau.complaints.tests.factories import ComplaintFactory
from pantau.improvements import services
from pantau.improvements.models import Source
from pantau.improvements.services import SourceRef

from .factories import answered_period, make_action, skm_action

pytestmark = pytest.mark.django_db


def _unit_page(client, unit):
    return client.get(reverse("portal:unit-detail", args=[unit.slug])).content.decode()


def _register_page(client, unit):
    return client.get(reverse("public_improvements:unit-actions", args=[unit.slug]))


def test_the_unit_page_and_the_register_page_show_public_actions(client, unit_a, unit_head_a):
    period = answered_period(unit_a, actor=unit_head_a, number=1, scores={"waktu": 2})
    skm_action(period, "waktu", title="Loket tambahan pada jam sibuk")
    make_action(unit_a, title="Rapat internal anggaran")  # an own initiative: staff only
    dropped = skm_action(period, "biaya", title="Papan tarif lama")
    services.drop_action(actor=unit_head_a, action=dropped, reason="Diganti papan digital.")
    for body in (_unit_page(client, unit_a), _register_page(client, unit_a).content.decode()):
        assert "Loket tambahan pada jam sibuk" in body
        assert "Rapat internal anggaran" not in body and "Papan tarif lama" not in body
    page = _register_page(client, unit_a)
    action = page.context["open_actions"][0]
    assert action.figure.before.value == 2.0  # the published first quarter


def test_a_single_complaints_action_shows_only_its_category(client, unit_a, unit_head_a):
    category = Category.objects.filter(agency__isnull=True).first()
    complaint = ComplaintFactory(unit=unit_a)
    Complaint.objects.filter(pk=complaint.pk).update(category=category)
    complaint.refresh_from_db()
    make_action(
        unit_a,
        source=SourceRef(Source.COMPLAINT, complaint=complaint),
        title="Jadwal piket petugas informasi",
        is_public=True,
    )
    body = _register_page(client, unit_a).content.decode()
    assert "Jadwal piket petugas informasi" in body and category.name in body
    assert complaint.tracking_number not in body and complaint.subject not in body
    assert complaint.reporter_name not in body


def test_a_figure_from_results_never_published_is_not_shown(client, unit_a, unit_head_a):
    unpublished = answered_period(unit_a, actor=unit_head_a, number=1, publish=False)
    skm_action(unpublished, "waktu", title="Loket tambahan")
    page = _register_page(client, unit_a)
    action = page.context["open_actions"][0]
    assert action.figure is None or action.figure.before is None
    assert "NRR" not in page.content.decode()


def test_a_changed_action_renews_the_public_pages(
    client, unit_a, unit_head_a, settings, django_capture_on_commit_callbacks
):
    settings.PANTAU_PAGE_CACHE = True
    period = answered_period(unit_a, actor=unit_head_a, number=1)
    before = (
        client.get(reverse("portal:unit-detail", args=[unit_a.slug]))["ETag"],
        _register_page(client, unit_a)["ETag"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        skm_action(period, "waktu")
    after = (
        client.get(reverse("portal:unit-detail", args=[unit_a.slug]))["ETag"],
        _register_page(client, unit_a)["ETag"],
    )
    assert after[0] != before[0] and after[1] != before[1]


def test_an_inactive_or_unknown_unit_has_no_public_register(client, unit_a):
    unit_a.is_active = False
    unit_a.save()
    assert _register_page(client, unit_a).status_code == 404
    assert client.get("/units/nowhere/perbaikan/").status_code == 404
