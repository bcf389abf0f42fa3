"""A unit's WhatsApp number can be tapped on a phone (issue 19): it links to a chat through
wa.me, with the number in international form."""

import pytest
from django.urls import reverse

from pantau.organisations.models import ContactChannel
from pantau.organisations.tests.factories import ContactChannelFactory


@pytest.mark.parametrize(
    ("written", "url"),
    [
        ("0812 3456 7890", "https://wa.me/6281234567890"),
        ("+62 812-3456-7890", "https://wa.me/6281234567890"),
        ("tanya petugas", ""),
    ],
)
def test_the_number_becomes_a_chat_link(written, url):
    assert ContactChannel(kind=ContactChannel.Kind.WHATSAPP, value=written).whatsapp_url == url


def test_the_unit_page_links_the_whatsapp_number(client, unit_a):
    ContactChannelFactory(unit=unit_a, kind=ContactChannel.Kind.WHATSAPP, value="0812 3456 7890")
    body = client.get(reverse("portal:unit-detail", args=[unit_a.slug])).content.decode()
    assert '<a href="https://wa.me/6281234567890" rel="noopener">0812 3456 7890</a>' in body
