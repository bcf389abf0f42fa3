"""The staff pages: my tokens; a unit's tokens, webhooks and delivery log."""

import pytest

from pantau.accounts.tests.factories import PASSWORD
from pantau.api.models import ApiToken
from pantau.api.tokens import hash_token
from pantau.events.models import WebhookEndpoint

pytestmark = pytest.mark.django_db


def test_user_creates_a_token_and_sees_it_once(client_for, officer_a, unit_a):
    client = client_for(officer_a)
    response = client.post(
        "/manage/api/tokens/",
        {"name": "Dasbor", "write": "on", "units": [unit_a.pk], "password": PASSWORD},
        follow=True,
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    token = ApiToken.objects.get()
    assert token.key_hash == hash_token(secret) and token.can_write
    assert list(token.units.all()) == [unit_a]
    again = client.get("/manage/api/tokens/")
    assert secret not in again.content.decode()


def test_token_without_name_is_refused(client_for, officer_a):
    response = client_for(officer_a).post("/manage/api/tokens/", {"name": ""})
    assert response.status_code == 200 and response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_user_revokes_only_own_token(client_for, officer_a, officer_b):
    from pantau.api import services

    mine, _s = services.create_token(actor=officer_a, name="a", can_write=False)
    theirs, _s = services.create_token(actor=officer_b, name="b", can_write=False)
    client = client_for(officer_a)
    assert client.post(f"/manage/api/tokens/{theirs.pk}/revoke/").status_code == 404
    assert client.post(f"/manage/api/tokens/{mine.pk}/revoke/").status_code == 302
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.revoked_at and theirs.revoked_at is None


def test_unit_head_registers_a_webhook_on_the_unit_page(client_for, unit_head_a, unit_a):
    client = client_for(unit_head_a)
    response = client.post(
        "/manage/units/unit-a/api/webhooks/",
        {"url": "https://sistem.example.go.id/hook", "events": ["complaint.created"]},
        follow=True,
    )
    assert response.status_code == 200
    endpoint = WebhookEndpoint.objects.get()
    assert response.context["secret"] == endpoint.secret
    refused = client.post(
        "/manage/units/unit-a/api/webhooks/", {"url": "http://plain.example", "events": []}
    )
    assert refused.status_code == 400 and WebhookEndpoint.objects.count() == 1
    client.post(f"/manage/units/unit-a/api/webhooks/{endpoint.pk}/delete/")
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize("who", ["officer_a", "unit_head_b"])
def test_officer_and_head_of_another_unit_get_404(client_for, request, who, unit_a, unit_head_a):
    from pantau.api import services

    hook = services.register_webhook(
        actor=unit_head_a, unit=unit_a, url="https://a.example/hook", events=["complaint.created"]
    )
    client = client_for(request.getfixturevalue(who))
    assert client.get("/manage/units/unit-a/api/").status_code == 404
    assert client.post(f"/manage/units/unit-a/api/webhooks/{hook.pk}/delete/").status_code == 404
    assert WebhookEndpoint.objects.filter(pk=hook.pk).exists()
    WebhookEndpoint.objects.filter(pk=hook.pk).delete()
    assert (
        client.post(
            "/manage/units/unit-a/api/webhooks/",
            {"url": "https://evil.example/hook", "events": ["complaint.created"]},
        ).status_code
        == 404
    )
    assert not WebhookEndpoint.objects.exists()


def test_unit_page_lists_the_tokens_that_reach_it(client_for, unit_head_a, officer_a, unit_a):
    from pantau.api import services

    services.create_token(actor=officer_a, name="Aplikasi loket", can_write=False)
    page = client_for(unit_head_a).get("/manage/units/unit-a/api/")
    assert page.status_code == 200 and "Aplikasi loket" in page.content.decode()


def test_pages_need_sign_in(client, unit_a):
    assert client.get("/manage/api/tokens/").status_code == 302
    assert client.get("/manage/units/unit-a/api/").status_code == 302


def test_national_evaluator_types_unit_slugs_instead_of_thousands_of_boxes(
    client_for, national_evaluator, unit_a, unit_b, monkeypatch
):
    from pantau.api import forms_web

    monkeypatch.setattr(forms_web, "MAX_CHECKBOXES", 1)
    client = client_for(national_evaluator)
    assert 'name="units"' in client.get("/manage/api/tokens/").content.decode()
    client.post(
        "/manage/api/tokens/", {"name": "Dasbor", "units": "unit-b, unit-a", "password": PASSWORD}
    )
    assert sorted(u.slug for u in ApiToken.objects.get().units.all()) == ["unit-a", "unit-b"]
    refused = client.post(
        "/manage/api/tokens/", {"name": "X", "units": "no-such-unit", "password": PASSWORD}
    )
    assert refused.status_code == 200 and refused.context["form"].errors["units"]
    assert ApiToken.objects.count() == 1


def test_token_list_shows_only_own_tokens(client_for, officer_a, officer_b):
    from pantau.api import services

    services.create_token(actor=officer_a, name="Milik A", can_write=False)
    page = client_for(officer_b).get("/manage/api/tokens/")
    assert page.status_code == 200 and "Milik A" not in page.content.decode()
