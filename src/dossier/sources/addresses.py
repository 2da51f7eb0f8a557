"""Which addresses a fetch may reach, and a transport that connects only to checked ones.

A URL from a stranger (a link in a feed, a redirect) can name a host that resolves to this
machine (127.0.0.1), its network (10.0.0.0/8) or a cloud metadata service (169.254.169.254):
fetching it would let the stranger read what only we can reach (SSRF). So the fetcher resolves
every host, refuses it if any address is not public, and then connects to those very addresses:
resolving the name again at connect time would let a DNS answer that changes in between
(rebinding) slip past the check.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Checked in this order, so that 127.0.0.1 is called loopback rather than private.
_ADDRESS_KINDS = (("is_unspecified", "unspecified"), ("is_loopback", "loopback"),
                  ("is_link_local", "link-local"), ("is_multicast", "multicast"),
                  ("is_reserved", "reserved"), ("is_private", "private"))


def address_problem(ip: IPAddress) -> str | None:
    """Why connecting to `ip` could reach a private machine ("a loopback address"), or None."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (
            ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
        if embedded is not None:
            return address_problem(embedded)
    for attribute, name in _ADDRESS_KINDS:
        if getattr(ip, attribute):
            return f"a {name} address"
    return None if ip.is_global else "not a public address"


# Cloud instance metadata services hand out credentials to whoever asks from the machine: never
# fetched, even with --allow-private (which is for a feed on this machine or its network).
CLOUD_METADATA = frozenset(map(ipaddress.ip_address, (
    "169.254.169.254",   # AWS, GCP, Azure, OpenStack, DigitalOcean ...
    "169.254.170.2",     # AWS ECS task metadata
    "100.100.100.200",   # Alibaba Cloud
    "fd00:ec2::254",     # AWS over IPv6
)))


def is_cloud_metadata(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip in CLOUD_METADATA


def is_public(ip: IPAddress) -> bool:
    return address_problem(ip) is None


class PinnedBackend(httpcore.SyncBackend):
    """Connects a host name only to the addresses the Fetcher checked for it, without resolving
    the name again: a DNS answer that changes between check and connect (rebinding) is never
    used. A host that was not checked is not connected to at all."""

    def __init__(self, pins: dict[str, list[str]]) -> None:
        self._pins = pins

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[tuple] | None = None) -> httpcore.NetworkStream:
        addresses = self._pins.get(host)
        if not addresses:
            raise httpcore.ConnectError(f"{host} was not checked before connecting")
        error: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error  # type: ignore[misc]  # addresses is not empty


class PinnedTransport(httpx.HTTPTransport):
    """httpx's transport with the pinned backend. TLS still verifies the certificate against the
    host name (httpcore passes the URL's host as server name), only the address is fixed."""

    def __init__(self, pins: dict[str, list[str]]) -> None:
        ssl_context = httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=ssl_context, trust_env=False)
        # httpx offers no public way to give HTTPTransport a network backend, so its pool is
        # replaced right after construction; test_fetch's DNS-rebinding test fails if this breaks.
        self._pool = httpcore.ConnectionPool(ssl_context=ssl_context,
                                             network_backend=PinnedBackend(pins))
