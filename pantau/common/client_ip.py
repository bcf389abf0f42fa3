"""The address of the client a request came from: the one thing every limit is keyed on.

Without a proxy it is the socket's address (``REMOTE_ADDR``). Behind a proxy (``BEHIND_PROXY=1``)
every request arrives from the proxy, so the client is the address the proxy appended to
``X-Forwarded-For`` (nginx: ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for``, see
docs/deployment.md). The header is read from the right: the right-most entry is the one our proxy
wrote; entries that are themselves trusted proxies (``TRUSTED_PROXIES``, e.g. a load balancer in
front of nginx) are skipped; whatever a client wrote itself stands further left and is never used.
Without ``BEHIND_PROXY`` the header is ignored, since anyone can send it.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNKNOWN = "0.0.0.0"  # noqa: S104  (a key for a request without a usable address, never a bind)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.7:51234"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


@lru_cache(maxsize=8)
def _networks(
    entries: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry)


def _trusted(address, networks) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_ip(request) -> str:
    """The client's address as text (``0.0.0.0`` when there is none that parses)."""
    meta = request.META
    remote = _address(meta.get("REMOTE_ADDR", "") or "")
    if getattr(settings, "BEHIND_PROXY", False):
        networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        for entry in reversed(forwarded.split(",")):
            address = _address(entry)
            if address is None:
                break  # garbage where our proxy writes: do not look further left
            if not _trusted(address, networks):
                return str(address)
    return str(remote) if remote is not None else UNKNOWN
