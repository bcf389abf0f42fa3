"""The staff pages of observation visits: who sees what, the observer's entry page on the
engine's form, and "plan an action" from a failed item."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from pantau.improvements.models import Action, Source
from pantau.observations.models import ItemNote, Visit
from pantau.surveys.selectors import version_items

from .factories import schedule, submit

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _pages_in_english(client, settings):
    """The pages' words are checked in English (Indonesian is the default)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def visit(evaluator_a, unit_a, observer):
    return schedule(
        actor=evaluator_a, unit=unit_a, observer=observer, planned_on=timezone.localdate()
    )


@pytest.fixture
def submitted(visit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pantau.common.files import CheckedUpload
    from pantau.observations.services import Evidence

    photo = CheckedUpload(SimpleUploadedFile("a.png", PNG), "image/png", "ab" * 32)
    return submit(
        visit,
        no=["setia-t2", "setia-s1"],
        evidence={"setia-t2": Evidence(note="Diminta uang rokok", photo=photo)},
    )


def _urls(visit):
    note = ItemNote.objects.filter(visit=visit).first()
    urls = [
        reverse("observations:visit-detail", args=[visit.pk]),
        reverse("observations:visit-enter", args=[visit.pk]),
        reverse("observations:plan-action", args=[visit.pk, "setia-t2"]),
        reverse("observations:unit-results", args=[visit.unit.slug]),
    ]
    if note is not None:
        urls.append(reverse("observations:photo", args=[visit.pk, note.pk]))
    return urls


def test_other_unit_head_and_other_agency_evaluator_get_404_everywhere(
    client_for, submitted, unit_head_b, evaluator_b
):
    for user in (unit_head_b, evaluator_b):
        client = client_for(user)
        for url in _urls(submitted):
            assert client.get(url).status_code == 404, url
        assert (
            client.post(reverse("observations:visit-cancel", args=[submitted.pk])).status_code
            == 404
        )
        for name in ("programme", "visit-create", "comparison"):
            page = client.get(reverse(f"observations:{name}"))
            if user == unit_head_b:  # runs no programme
                assert page.status_code == 404
            else:  # runs agency B's programme, which never shows unit A
                assert page.status_code == 200
                assert submitted.unit.name not in page.content.decode()
        page = client.get(reverse("observations:assigned"))
        assert page.status_code == 200
        assert submitted.unit.name not in page.content.decode()


def test_officer_of_the_unit_is_an_outsider_to_its_visits(client_for, submitted, officer_a):
    client = client_for(officer_a)
    for url in _urls(submitted):
        assert client.get(url).status_code == 404, url


def test_unit_head_sees_only_own_submitted_results_without_the_observer(
    client_for, visit, unit_head_a, observer
):
    client = client_for(unit_head_a)
    detail = reverse("observations:visit-detail", args=[visit.pk])
    assert client.get(detail).status_code == 404  # a visit to come stays a mystery
    submit(visit, no=["setia-t2"])
    with override("en"):
        page = client.get(detail)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Rina" not in text and "pengamat" not in text
    assert "Plan an action for T2" in text
    results = client.get(reverse("observations:unit-results", args=[visit.unit.slug]))
    assert results.status_code == 200
    assert "Rina" not in results.content.decode()


def test_coordinator_sees_the_observer(client_for, submitted, evaluator_a):
    page = client_for(evaluator_a).get(reverse("observations:visit-detail", args=[submitted.pk]))
    assert "Rina Pengamat" in page.content.decode()


def test_observer_enters_the_visit_on_the_engine_form(client_for, visit, observer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(observer)
    url = reverse("observations:visit-enter", args=[visit.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    data = {"submission_token": page.context["form"].initial["submission_token"]}
    for item in version_items(visit.collection.version):
        data[item.key] = "0" if item.key == "setia-e2" else "1"
    data["setia-e2__note"] = "Warga lansia tidak dibantu mengisi formulir daring"
    data["setia-e2__photo"] = SimpleUploadedFile("kios.png", PNG, content_type="image/png")
    answer = client.post(url, data)
    assert answer.status_code == 302
    visit.refresh_from_db()
    assert visit.status == Visit.Status.SUBMITTED
    assert visit.failed_items == 1
    note = ItemNote.objects.get(visit=visit)
    assert note.note.startswith("Warga lansia") and note.size == len(PNG)
    # locked: the entry page sends the observer to the result
    assert client.get(url).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Visit.objects.get(pk=visit.pk).response_id == visit.response_id


def test_a_missing_answer_shows_the_error_and_saves_nothing(client_for, visit, observer):
    client = client_for(observer)
    url = reverse("observations:visit-enter", args=[visit.pk])
    page = client.get(url)
    data = {"submission_token": page.context["form"].initial["submission_token"]}
    with override("en"):
        answer = client.post(url, data)
    assert answer.status_code == 400
    assert "Answer yes, no or not applicable." in answer.content.decode()
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.SCHEDULED


def test_a_file_that_is_not_a_photo_is_refused(client_for, visit, observer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(observer)
    url = reverse("observations:visit-enter", args=[visit.pk])
    page = client.get(url)
    data = {"submission_token": page.context["form"].initial["submission_token"]}
    for item in version_items(visit.collection.version):
        data[item.key] = "1"
    data["setia-s1__photo"] = SimpleUploadedFile("x.png", b"MZ not an image")
    with override("en"):
        answer = client.post(url, data)
    assert answer.status_code == 400
    assert "is not a JPEG, PNG or WebP photo" in answer.content.decode()


def test_photo_is_served_to_the_unit_head_only_own_unit(
    client_for, submitted, unit_head_a, unit_head_b
):
    note = ItemNote.objects.get(visit=submitted)
    url = reverse("observations:photo", args=[submitted.pk, note.pk])
    served = client_for(unit_head_a).get(url)
    assert served.status_code == 200
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == PNG
    assert client_for(unit_head_b).get(url).status_code == 404


def test_plan_an_action_prefills_the_register_form_and_the_register_saves_it(
    client_for, submitted, unit_head_a
):
    client = client_for(unit_head_a)
    with override("en"):
        page = client.get(reverse("observations:plan-action", args=[submitted.pk, "setia-t2"]))
    assert page.status_code == 200
    form = page.context["form"]
    note = form.initial["source_note"]
    assert "T2" in note and "Diminta uang rokok" in note
    create = reverse("improvements:action-create", args=[submitted.unit.slug])
    assert f'action="{create}?source=mystery_shopping"' in page.content.decode()
    answer = client.post(
        f"{create}?source=mystery_shopping",
        {
            "source_note": note,
            "title": form.initial["title"],
            "owner": unit_head_a.pk,
            "due_on": "2026-12-31",
        },
    )
    assert answer.status_code == 302, page.context
    action = Action.objects.get()
    assert action.source == Source.MYSTERY_SHOPPING
    assert action.source_note == note


def test_plan_an_action_is_only_for_failed_items(client_for, submitted, unit_head_a):
    url = reverse("observations:plan-action", args=[submitted.pk, "setia-e1"])  # answered yes
    assert client_for(unit_head_a).get(url).status_code == 404


def test_coordinator_schedules_through_the_page_and_a_member_of_the_unit_is_refused(
    client_for, evaluator_a, unit_a, officer_a, observer
):
    client = client_for(evaluator_a)
    url = reverse("observations:visit-create")
    day = timezone.localdate().isoformat()
    base = {"unit": unit_a.pk, "kind": "behaviour", "planned_on": day}
    with override("en"):
        refused = client.post(url, {**base, "observer": officer_a.pk})
    assert refused.status_code == 400
    assert "cannot observe it" in refused.content.decode()
    assert not Visit.objects.exists()
    done = client.post(url, {**base, "observer": observer.pk})
    assert done.status_code == 302
    visit = Visit.objects.get()
    assert visit.observer == observer and visit.scheduled_by == evaluator_a


def test_observer_sees_only_own_assigned_visits(client_for, visit, observer, evaluator_a, unit_a):
    other = schedule(actor=evaluator_a, unit=unit_a, observer=evaluator_a)
    page = client_for(observer).get(reverse("observations:assigned"))
    entries = [v.pk for v in page.context["to_enter"]]
    assert entries == [visit.pk]
    assert (
        client_for(observer).get(reverse("observations:visit-detail", args=[other.pk])).status_code
        == 404
    )
    assert client_for(observer).get(reverse("observations:programme")).status_code == 404


def test_cancel_through_the_page(client_for, visit, evaluator_a):
    client = client_for(evaluator_a)
    client.post(reverse("observations:visit-cancel", args=[visit.pk]), {"reason": "Hujan deras"})
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.CANCELLED


def test_comparison_and_programme_list_the_units(
    client_for, submitted, evaluator_a, django_assert_max_num_queries
):
    client = client_for(evaluator_a)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("observations:comparison"))
    rows = page.context["rows"]
    assert [(r.unit.slug, r.kind, r.latest) for r in rows] == [
        ("unit-a", "behaviour", float(submitted.score))
    ]
    with django_assert_max_num_queries(15):
        programme = client.get(reverse("observations:programme"))
    assert programme.status_code == 200
    assert "Rina" in programme.content.decode()


def test_administrator_lists_and_opens_visits_in_the_admin(client_for, submitted, admin_user):
    from django.test import override_settings

    with override_settings(PANTAU_TWO_FACTOR_ROLES=[]):
        client = client_for(admin_user)
        listed = client.get(reverse("admin:observations_visit_changelist"))
        assert listed.status_code == 200
        opened = client.get(reverse("admin:observations_visit_change", args=[submitted.pk]))
        assert opened.status_code == 200
