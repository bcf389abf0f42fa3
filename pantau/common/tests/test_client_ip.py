"""The client's address: the socket's, or behind a trusted proxy the one the proxy appended."""

import pytest
from django.test import RequestFactory

from pantau.common.client_ip import UNKNOWN, client_ip


def _request(remote="127.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxy_the_forwarded_header_is_ignored(settings):
    settings.BEHIND_PROXY = False
    assert client_ip(_request("203.0.113.7", forwarded="198.51.100.1")) == "203.0.113.7"


def test_behind_proxy_the_address_the_proxy_appended_is_the_client(settings):
    settings.BEHIND_PROXY = True
    # nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the address it saw.
    request = _request("127.0.0.1", forwarded="10.9.9.9, 1.2.3.4, 198.51.100.23")
    assert client_ip(request) == "198.51.100.23"


def test_behind_proxy_two_forwarded_addresses_are_two_clients(settings):
    settings.BEHIND_PROXY = True
    first = client_ip(_request(forwarded="198.51.100.1"))
    second = client_ip(_request(forwarded="198.51.100.2"))
    assert first != second


def test_further_trusted_proxies_are_skipped_from_the_right(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = _request(forwarded="6.6.6.6, 198.51.100.23, 10.0.0.5")
    assert client_ip(request) == "198.51.100.23"


def test_behind_proxy_without_the_header_the_socket_address_is_used(settings):
    settings.BEHIND_PROXY = True
    assert client_ip(_request("203.0.113.7")) == "203.0.113.7"


@pytest.mark.parametrize("garbage", ["not-an-address", "", "1.2.3.4<script>", "999.1.1.1"])
def test_a_forwarded_value_that_is_not_an_address_is_not_used(settings, garbage):
    settings.BEHIND_PROXY = True
    assert client_ip(_request("203.0.113.7", forwarded=f"198.51.100.1, {garbage}")) == "203.0.113.7"


def test_ipv6_and_ipv4_mapped_addresses_are_normalised(settings):
    settings.BEHIND_PROXY = True
    assert client_ip(_request(forwarded="2001:DB8::1")) == "2001:db8::1"
    assert client_ip(_request(forwarded="::ffff:198.51.100.9")) == "198.51.100.9"
    assert client_ip(_request(forwarded="198.51.100.9:51234")) == "198.51.100.9"


def test_a_request_without_any_usable_address_has_a_fixed_key(settings):
    settings.BEHIND_PROXY = False
    assert client_ip(_request("")) == UNKNOWN


def test_sign_in_lockouts_count_on_the_same_address(settings):
    from axes.helpers import get_client_ip_address

    settings.BEHIND_PROXY = True
    request = _request("127.0.0.1", forwarded="6.6.6.6, 198.51.100.23")
    assert get_client_ip_address(request) == "198.51.100.23"
