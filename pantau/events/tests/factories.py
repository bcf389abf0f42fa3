"""Webhook endpoints of a unit (the domain emits, these receive)."""

import factory

from pantau.accounts.tests.factories import UserFactory
from pantau.events.models import WebhookEndpoint, WebhookEvent
from pantau.organisations.tests.factories import ServiceUnitFactory


class WebhookEndpointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebhookEndpoint

    unit = factory.SubFactory(ServiceUnitFactory)
    url = factory.Sequence(lambda n: f"https://sistem-{n}.example.id/pantau")
    secret = factory.Sequence(lambda n: f"rahasia-{n:056d}")
    events = factory.LazyFunction(lambda: list(WebhookEvent.values))
    created_by = factory.SubFactory(UserFactory)
