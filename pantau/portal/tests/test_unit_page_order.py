"""On a unit's page the opening hours and the ways to reach the unit come before the figures and
the documents (issue 19: on a phone they came last)."""

from django.urls import reverse


def test_hours_and_contacts_come_first(client, unit_a):
    body = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert body.index('id="hours-title"') < body.index('id="skm-title"')
    assert body.index('id="channels-title"') < body.index('id="services-title"')
