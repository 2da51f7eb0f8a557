"""Fetching web pages politely and safely, for `dossier ingest URL` and the feed watcher.

The URLs come from people and from feeds, that is from strangers, so a fetch must not become a
way into the machine or network it runs on (SSRF), nor hammer a site, nor swallow a 2 GB file:

- Every host, on the first URL and on every redirect target, is resolved once and each of its
  addresses is checked before a connection is made; loopback, private, link-local, multicast,
  reserved and unspecified addresses (also inside IPv4-mapped, 6to4 and NAT64 IPv6 addresses)
  are refused unless the policy allows private addresses. Redirects are followed here, not by
  httpx, so that no hop escapes the check.
- The default client connects only to the addresses that were checked (`addresses.py`), never
  resolving the name a second time, so DNS rebinding between check and connect cannot work.
- Bodies are streamed and counted; nothing beyond `max_bytes` is read.
- Connect errors, timeouts, 429 and 503 are retried with exponential backoff, honouring
  Retry-After up to a cap; requests to one host are spaced by `per_host_interval`; robots.txt is
  read once per site and obeyed.
"""
from __future__ import annotations

import email.utils
import ipaddress
import re
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone

import httpx

from dossier import __version__
from dossier.sources.addresses import (IPAddress, PinnedTransport, address_problem,
                                       is_cloud_metadata, is_public)
from dossier.sources.errors import format_size, too_large

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 503})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ROBOTS_MAX_BYTES = 512_000
"""RFC 9309 asks crawlers to parse at least 500 KiB of a robots.txt; the rest is ignored."""

_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class FetchPolicy:
    """How a `Fetcher` behaves; the defaults suit fetching a few news pages from the internet."""

    connect_timeout: float = 5.0
    read_timeout: float = 20.0        # per read from the socket, not for the whole body
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    retries: int = 3                  # after the first attempt
    backoff: float = 0.5              # seconds before the first retry, doubled for each next one
    max_retry_after: float = 60.0     # longest Retry-After waited for
    user_agent: str = f"dossier/{__version__} (+https://example.invalid/dossier)"
    allow_private: bool = False
    per_host_interval: float = 1.0
    respect_robots: bool = True


class FetchError(Exception):
    """A URL that gave no page. `kind` is for programs, `reason` for the person who gave the URL.

    Kinds: "blocked" (a private address, or robots.txt), "timeout", "too_large", "rate_limited",
    "not_html", "http" (4xx/5xx, bad redirects; `status` says which), "network", "bad_url".
    """

    def __init__(self, kind: str, url: str, reason: str, status: int | None = None) -> None:
        reason = " ".join(reason.split())   # one line, whatever an exception's text held
        super().__init__(kind, url, reason, status)  # args filled: pickles to a worker and back
        self.kind, self.url, self.reason, self.status = kind, url, reason, status

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


@dataclass
class Fetched:
    """A page as received: the final URL after redirects, and what a later conditional GET needs."""

    url: str
    status: int
    headers: dict[str, str]           # lower-case names; repeated headers joined by ", "
    content: bytes
    content_type: str | None          # the media type alone, lower case ("text/html")
    charset: str | None               # as declared in Content-Type, else None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime              # UTC


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (seconds, or an HTTP date) as seconds from now; None if absent or bad."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


@dataclass
class _Robots:
    """One site's robots.txt: its rules, or why the whole site counts as disallowed."""

    rules: urllib.robotparser.RobotFileParser | None
    unreachable: str | None = None


class Fetcher:
    """Fetches pages under a `FetchPolicy`. Keeps per-run state (the last request time per host,
    robots.txt per site, checked addresses) in the object, so two fetchers never share it.

    `client` may be any httpx client (for example one with a mock transport); the addresses are
    still checked, but only the default client pins connections to them, so with another client
    a DNS answer that changes between check and connect is a residual risk. The default client
    ignores proxy settings from the environment: a proxy would resolve names itself, past the
    check. `is_allowed` replaces the public-address rule when private addresses are not allowed.
    One fetcher serves one thread at a time.
    """

    def __init__(self, policy: FetchPolicy = FetchPolicy(), client: httpx.Client | None = None,
                 *, is_allowed: Callable[[IPAddress], bool] = is_public) -> None:
        self.policy = policy
        self._given_client = client
        self._client: httpx.Client | None = client
        self._is_allowed = is_allowed
        self._pins: dict[str, list[str]] = {}
        self._last_request: dict[str, float] = {}
        self._robots: dict[tuple[str, str, int | None], _Robots] = {}

    @property
    def client(self) -> httpx.Client:
        """Created on first use, so that a Fetcher that is never used costs nothing."""
        if self._client is None:
            self._client = httpx.Client(transport=PinnedTransport(self._pins),
                                        follow_redirects=False, trust_env=False)
        return self._client

    def close(self) -> None:
        if self._client is not None and self._client is not self._given_client:
            self._client.close()
        self._client = self._given_client

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept_html_only: bool = True) -> Fetched | None:
        """The page at `url`, following redirects; None when a conditional GET (`etag`,
        `last_modified`) says it has not changed. Raises `FetchError`."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._follow(url, headers, for_robots=False)
        with closing(response):
            if response.status_code == 304:
                return None
            if response.status_code >= 400:
                raise FetchError("http", url, f"HTTP {response.status_code} "
                                 f"{response.reason_phrase}".strip(), response.status_code)
            media_type, charset = _content_type(response.headers.get("content-type"))
            if accept_html_only and media_type not in HTML_TYPES:
                raise FetchError("not_html", url, f"not an HTML page ({media_type or 'no content type'})")
            content = self._read_body(response, url, self.policy.max_bytes)
        return Fetched(url=str(response.url), status=response.status_code,
                       headers=dict(response.headers.items()), content=content,
                       content_type=media_type, charset=charset,
                       etag=response.headers.get("etag"),
                       last_modified=response.headers.get("last-modified"),
                       fetched_at=datetime.now(timezone.utc))

    def _follow(self, url: str, headers: dict[str, str], for_robots: bool) -> httpx.Response:
        """The first response that is not a redirect, still open, every hop checked on the way."""
        target = _parse_url(url, url)
        for hop in range(self.policy.max_redirects + 1):
            try:
                self._check_address(target, url)
                if self.policy.respect_robots and not for_robots:
                    self._check_robots(target, url)
                response = self._send(target, url, headers, polite=not for_robots)
            except FetchError as exc:
                if not hop:
                    raise
                raise FetchError(exc.kind, url, f"redirected to {target}: {exc.reason}",
                                 exc.status) from None
            if response.status_code not in REDIRECTS:
                return response
            response.close()
            location = response.headers.get("location")
            if not location:
                raise FetchError("http", url, f"HTTP {response.status_code} redirect without a "
                                 "Location", response.status_code)
            target = _parse_url(str(target.join(location)), url, redirect=location)
        raise FetchError("http", url, f"too many redirects (more than {self.policy.max_redirects})")

    def _send(self, target: httpx.URL, url: str, headers: dict[str, str],
              polite: bool = True) -> httpx.Response:
        """One GET of `target` (its address checked) with retries; the response is open."""
        policy = self.policy
        timeout = httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout)
        attempt = 0
        while True:
            if polite:
                self._wait_turn(target.raw_host.decode("ascii"))
            request = self.client.build_request(
                "GET", target, headers={"User-Agent": policy.user_agent, **headers}, timeout=timeout)
            delay = policy.backoff * 2 ** attempt
            try:
                response = self.client.send(request, stream=True, follow_redirects=False)
            except httpx.TimeoutException as exc:
                error = FetchError("timeout", url, _timeout_reason(exc, policy))
            except httpx.ConnectError as exc:
                error = FetchError("network", url, f"cannot connect to {target.host} ({exc})")
            except httpx.HTTPError as exc:
                raise FetchError("network", url, f"connection failed ({type(exc).__name__}: {exc})") from None
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response
                response.close()
                error = _retry_error(response, url, policy)
                wait = retry_after_seconds(response.headers.get("retry-after"))
                if wait is not None:
                    if wait > policy.max_retry_after:
                        raise error   # not worth waiting for; said in the reason
                    delay = wait
            if attempt == policy.retries:
                raise error
            time.sleep(delay)
            attempt += 1

    def _check_address(self, target: httpx.URL, url: str) -> None:
        """Resolve the host once, refuse it if any address is private, and pin the addresses."""
        host = target.raw_host.decode("ascii")
        try:
            infos = socket.getaddrinfo(host, target.port or (443 if target.scheme == "https" else 80),
                                       type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise FetchError("network", url, f"cannot resolve {host} "
                             f"({getattr(exc, 'strerror', None) or exc})") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if self.policy.allow_private:
            for address in addresses:
                if is_cloud_metadata(ip := ipaddress.ip_address(address.split("%")[0])):
                    raise FetchError("blocked", url, f"refused to connect to {host} ({ip}): a "
                                     "cloud metadata service, never fetched, even with "
                                     "--allow-private")
        else:
            for address in addresses:
                ip = ipaddress.ip_address(address.split("%")[0])
                if not self._is_allowed(ip):
                    named = host if host == str(ip) else f"{host} ({ip})"
                    raise FetchError("blocked", url, f"refused to connect to {named}: "
                                     f"{address_problem(ip) or 'not allowed'}; private and local "
                                     "addresses are not fetched unless allowed")
        self._pins[host] = addresses

    def _wait_turn(self, host: str) -> None:
        """Sleep until `per_host_interval` has passed since the last request to `host`."""
        last = self._last_request.get(host)
        if last is not None:
            wait = self.policy.per_host_interval - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _check_robots(self, target: httpx.URL, url: str) -> None:
        site = (target.scheme, target.raw_host.decode("ascii"), target.port)
        if site not in self._robots:
            self._robots[site] = self._load_robots(target)
        robots = self._robots[site]
        if robots.unreachable is not None:
            raise FetchError("blocked", url, f"robots.txt of {target.host} {robots.unreachable}; "
                             "the site counts as disallowed (RFC 9309)")
        if robots.rules is not None and not robots.rules.can_fetch(self.policy.user_agent, str(target)):
            raise FetchError("blocked", url, f"robots.txt of {target.host} disallows "
                             f"{target.raw_path.decode('ascii')} for this user agent")

    def _load_robots(self, target: httpx.URL) -> _Robots:
        """A site's robots.txt, fetched on the same checked path as pages. RFC 9309: a 4xx
        answer (no robots.txt) allows everything; a 5xx, 429 or a failed fetch disallows
        everything, since the site may be struggling and its rules are unknown."""
        robots_url = str(target.copy_with(path="/robots.txt", query=None, fragment=None))
        try:
            with closing(self._follow(robots_url, {}, for_robots=True)) as response:
                status = response.status_code
                if 400 <= status < 500 and status != 429:
                    return _Robots(rules=None)
                if status >= 400:
                    return _Robots(rules=None, unreachable=f"answered HTTP {status}")
                body = self._read_body(response, robots_url, ROBOTS_MAX_BYTES, truncate=True)
        except FetchError as exc:
            return _Robots(rules=None, unreachable=f"could not be fetched ({exc.reason})")
        rules = urllib.robotparser.RobotFileParser(robots_url)
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return _Robots(rules=rules)

    def _read_body(self, response: httpx.Response, url: str, limit: int,
                   truncate: bool = False) -> bytes:
        """The body, counted while it streams: the declared length is checked first, but a
        server may send none or lie, so reading stops as soon as the count passes `limit`."""
        declared = response.headers.get("content-length", "")
        if not truncate and declared.isdigit() and int(declared) > limit:
            raise FetchError("too_large", url, too_large("page", int(declared), limit))
        body = bytearray()
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    if truncate:
                        return bytes(body[:limit])
                    raise FetchError("too_large", url,
                                     f"page too large (more than the {format_size(limit)} limit)")
        except httpx.TimeoutException as exc:
            raise FetchError("timeout", url, _timeout_reason(exc, self.policy)) from None
        except httpx.HTTPError as exc:
            raise FetchError("network", url, f"connection failed while reading "
                             f"({type(exc).__name__}: {exc})") from None
        return bytes(body)


def _parse_url(url: str, original: str, redirect: str | None = None) -> httpx.URL:
    """An absolute http(s) URL with a host, or a `bad_url` error saying what is wrong;
    `redirect` is the Location a redirect gave, as the server wrote it."""
    what = f"redirect to {redirect}" if redirect else "URL"
    try:
        parsed = httpx.URL(url)
        port_ok = parsed.port is None or 0 < parsed.port < 65536
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError("bad_url", original, f"invalid {what} ({exc})") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError("bad_url", original, f"{what}: only http and https URLs are fetched")
    if not parsed.raw_host or not port_ok:
        raise FetchError("bad_url", original, f"{what}: no host or a bad port")
    return parsed


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"; Nones for what is not there."""
    if not header:
        return None, None
    media_type = header.split(";", 1)[0].strip().lower() or None
    match = _CHARSET.search(header)
    return media_type, match.group(1).lower() if match else None


def _timeout_reason(exc: httpx.TimeoutException, policy: FetchPolicy) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting (no connection within {policy.connect_timeout:g} s)"
    return f"timed out (no data for {policy.read_timeout:g} s)"


def _retry_error(response: httpx.Response, url: str, policy: FetchPolicy) -> FetchError:
    """What a 429 or 503 becomes if it is not (or no longer) worth retrying."""
    wait = retry_after_seconds(response.headers.get("retry-after"))
    later = f", retry after {wait:g} s" if wait is not None else ""
    cap = f" (more than the {policy.max_retry_after:g} s waited for)" if (
        wait is not None and wait > policy.max_retry_after) else ""
    if response.status_code == 429:
        return FetchError("rate_limited", url, f"rate limited (HTTP 429{later}){cap}", 429)
    return FetchError("http", url, f"HTTP 503 Service Unavailable{later}{cap}", 503)
