"""No real answer is lost (issue 19): a family phone's different answers are all counted; the
same answers again are held for the unit's review, not refused, and counted once confirmed; an
officer helping several citizens on one device uses the assisted mode, where every answer counts."""

import uuid

from django.urls import reverse

from pantau.satisfaction.selectors import period_results
from pantau.satisfaction.tests.conftest import answers_post
from pantau.satisfaction.views import assisted_signature
from pantau.surveys.models import HeldResponse, RefusedSubmission, Response


def _url(period):
    return reverse("survey:form", args=[period.collection.token])


def _send(client, period, service, scores=(4, 4, 3, 4, 3, 4, 4, 3, 3), token=None, url=None):
    return client.post(
        url or _url(period), answers_post(period, service=service, scores=scores, token=token)
    )


def test_a_family_phone_sending_three_different_answers_in_an_hour_is_accepted(
    client, period_a, service_a
):
    for first in (1, 2, 3):
        assert (
            _send(client, period_a, service_a, scores=(first, 4, 4, 4, 4, 4, 4, 4, 4)).status_code
            == 302
        )
    assert period_results(period_a).respondents == 3
    assert not RefusedSubmission.objects.exists() and not HeldResponse.objects.exists()


def test_a_repeat_is_held_apart_then_counted_when_the_unit_confirms(
    client, client_for, officer_a, period_a, service_a
):
    _send(client, period_a, service_a)
    thanks = client.get(_send(client, period_a, service_a)["Location"])
    held = HeldResponse.objects.get()
    assert held.number in thanks.content.decode()
    assert "Jawaban Anda disimpan untuk diperiksa" in thanks.content.decode()
    assert period_results(period_a).respondents == 1  # not counted yet
    staff = client_for(officer_a)
    detail = staff.get(
        reverse("satisfaction:period-detail", args=[period_a.unit.slug, period_a.pk])
    )
    assert "ditahan untuk diperiksa" in detail.content.decode()
    page = reverse("satisfaction:held", args=[period_a.unit.slug, period_a.pk])
    assert held.number in staff.get(page).content.decode()
    assert staff.post(page, {"held": held.pk, "decision": "confirm"}).status_code == 302
    held.refresh_from_db()
    assert held.status == "confirmed" and held.reviewed_by == officer_a
    counted = Response.objects.get(number=held.number)
    assert counted.submitted_at == held.submitted_at and counted.answers.count() == len(
        held.answers
    )
    assert period_results(period_a).respondents == 2


def test_a_repeat_set_aside_is_never_counted_but_stays_recorded(
    client, client_for, officer_a, period_a, service_a
):
    _send(client, period_a, service_a)
    _send(client, period_a, service_a)
    held = HeldResponse.objects.get()
    page = reverse("satisfaction:held", args=[period_a.unit.slug, period_a.pk])
    client_for(officer_a).post(page, {"held": held.pk, "decision": "discard"})
    held.refresh_from_db()
    assert held.status == "discarded" and held.response is None
    assert period_results(period_a).respondents == 1
    # a second decision is refused: the first one stands
    client_for(officer_a).post(page, {"held": held.pk, "decision": "confirm"})
    held.refresh_from_db()
    assert held.status == "discarded"


def test_the_same_held_submission_sent_again_gets_the_same_receipt(client, period_a, service_a):
    _send(client, period_a, service_a)
    token = uuid.uuid4()
    first = _send(client, period_a, service_a, token=token)
    again = _send(client, period_a, service_a, token=token)
    assert first["Location"] == again["Location"] and HeldResponse.objects.count() == 1


def test_officer_of_other_unit_cannot_see_or_decide_held_answers(
    client, client_for, officer_b, period_a, service_a
):
    _send(client, period_a, service_a)
    _send(client, period_a, service_a)
    held = HeldResponse.objects.get()
    page = reverse("satisfaction:held", args=[period_a.unit.slug, period_a.pk])
    other = client_for(officer_b)
    assert other.get(page).status_code == 404
    assert other.post(page, {"held": held.pk, "decision": "confirm"}).status_code == 404
    held.refresh_from_db()
    assert held.status == "pending"


def test_in_assisted_mode_every_answer_counts_and_is_marked(client, period_a, service_a):
    url = reverse("survey:assisted", args=[period_a.collection.token, assisted_signature(period_a)])
    page = client.get(url)
    assert page.status_code == 200 and "Mode dibantu" in page.content.decode()
    for _ in range(2):  # two citizens who answer alike
        sent = _send(client, period_a, service_a, url=url)
        assert sent.status_code == 302 and "dibantu=" in sent["Location"]
    assert Response.objects.filter(source="assisted").count() == 2
    assert not HeldResponse.objects.exists()
    thanks = client.get(sent["Location"])
    assert url in thanks.content.decode()  # the next citizen's questionnaire
    forged = reverse("survey:assisted", args=[period_a.collection.token, "forged"])
    assert client.get(forged).status_code == 404
