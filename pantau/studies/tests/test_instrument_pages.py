"""Administrators revise the shipped statements; answered versions are never changed."""

import uuid

from django.urls import reverse

from pantau.studies import instruments
from pantau.surveys.models import Collection, Item
from pantau.surveys.services import submit_response


def test_administrator_changes_an_unanswered_statement_in_place(client_for, admin_user):
    version = instruments.shipped_version(instruments.FORM_A)
    client = client_for(admin_user)
    assert client.get(reverse("studies:instrument-list")).status_code == 200
    url = reverse("studies:item-revise", args=[instruments.FORM_A, "sns-1"])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"text": "Petugas bertanya dulu.", "text_en": "", "reverse_scored": ""}
    )
    assert response.status_code == 302
    assert Item.objects.get(version=version, key="sns-1").text == "Petugas bertanya dulu."


def test_changing_an_answered_statement_makes_a_new_version(client_for, admin_user, unit_a):
    version = instruments.shipped_version(instruments.FORM_A)
    collection = Collection.objects.create(version=version, unit=unit_a, status="open")
    item = Item.objects.get(version=version, key="sns-1")
    submit_response(
        collection=collection, answers=[(item, 5, "")], submission_token=uuid.uuid4(), source="web"
    )
    client_for(admin_user).post(
        reverse("studies:item-revise", args=[instruments.FORM_A, "sns-1"]),
        {"text": "Baru.", "reverse_scored": "on"},
    )
    latest = instruments.shipped_version(instruments.FORM_A)
    assert latest.number == version.number + 1
    assert Item.objects.get(version=latest, key="sns-1").reverse_scored
    assert Item.objects.get(version=version, key="sns-1").text == item.text


def test_outsider_without_administration_rights_gets_404(client_for, unit_head_a):
    instruments.shipped_version(instruments.FORM_A)
    client = client_for(unit_head_a)
    assert client.get(reverse("studies:instrument-list")).status_code == 404
    url = reverse("studies:item-revise", args=[instruments.FORM_A, "sns-1"])
    assert client.get(url).status_code == 404


def test_an_empty_statement_is_refused(client_for, admin_user):
    version = instruments.shipped_version(instruments.FORM_A)
    before = Item.objects.get(version=version, key="sns-1").text
    response = client_for(admin_user).post(
        reverse("studies:item-revise", args=[instruments.FORM_A, "sns-1"]), {"text": "  "}
    )
    assert response.status_code == 200
    assert Item.objects.get(version=version, key="sns-1").text == before
