"""F-03 answers sent twice alike from one device are held for the round's managers to review."""

from django.urls import reverse

from pantau.evaluations.tests.conftest import advance
from pantau.surveys.models import HeldResponse, Response
from pantau.surveys.selectors import version_items


def _answers(collection, token):
    data = {"submission_token": token}
    for item in version_items(collection.version):
        data[item.key] = "4"
    return data


def test_a_repeated_citizen_form_is_held_and_counted_when_confirmed_not_by_other_unit(
    client, client_for, lokus_a, evaluator_a, officer_b
):
    advance(lokus_a.round, evaluator_a, "open_self_assessment")
    lokus_a.refresh_from_db()
    collection = lokus_a.citizen_collection
    url = reverse("evaluations:citizen-form", args=[collection.token])
    client.post(url, _answers(collection, "3c1f6b1e-8a44-4b7a-9a55-2d1f0c3e4b5a"))
    client.post(url, _answers(collection, "4c1f6b1e-8a44-4b7a-9a55-2d1f0c3e4b5a"))
    held = HeldResponse.objects.get(collection=collection)
    page = reverse("evaluations:citizen-held", args=[lokus_a.round_id, lokus_a.pk])
    assert client_for(officer_b).get(page).status_code == 404
    manager = client_for(evaluator_a)
    detail = manager.get(reverse("evaluations:lokus-detail", args=[lokus_a.round_id, lokus_a.pk]))
    assert page in detail.content.decode()
    manager.post(page, {"held": held.pk, "decision": "confirm"})
    assert Response.objects.filter(collection=collection).count() == 2
