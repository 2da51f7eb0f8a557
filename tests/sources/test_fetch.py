"""The fetcher against a real HTTP server on 127.0.0.1: what a user fetching pages would notice.

Every request in these tests goes to 127.0.0.0/8; addresses outside it only ever reach the
address check, which refuses them before any connection (asserted where it matters).
"""
from __future__ import annotations

import dataclasses
import ipaddress
import socket
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from webserver import page, redirect, sequence, serve, slow

from dossier.sources.addresses import address_problem
from dossier.sources.fetch import Fetcher, FetchError, FetchPolicy, retry_after_seconds

NEWS = ("<html><head><title>Kenya and US hold talks</title></head><body><nav><p>Home</p></nav>"
        "<article><p>Kenyan President William Ruto met US Deputy Secretary of State Christopher "
        "Landau at State House, Nairobi, on 29 January 2026.</p></article></body></html>")
# Loopback allowed (the test server lives there), no waiting between requests, quick retries.
LOCAL = FetchPolicy(allow_private=True, per_host_interval=0.0, backoff=0.05, retries=1,
                    read_timeout=0.5, connect_timeout=0.5)


def local(**changes) -> FetchPolicy:
    return dataclasses.replace(LOCAL, **changes)


def fetch_error(fetcher: Fetcher, url: str, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url, **kwargs)
    return caught.value


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every address a socket connection is opened to, recorded before it is opened."""
    seen: list[str] = []
    real = socket.create_connection

    def record(address, *args, **kwargs):
        seen.append(address[0])
        assert ipaddress.ip_address(address[0]).is_loopback, f"test tried to reach {address[0]}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", record)
    yield seen


# ---------------------------------------------------------------- addresses


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.1", "169.254.169.254", "::1",
                                     "::ffff:127.0.0.1", "224.0.0.1", "0.0.0.0", "192.168.1.1",
                                     "100.64.0.1", "fc00::1", "64:ff9b::a00:1", "2002:7f00:1::"])
def test_private_and_local_addresses_are_refused(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


def test_a_loopback_url_is_refused_by_default_without_a_request(connections: list[str]) -> None:
    with serve({"/news": page(NEWS)}) as server, Fetcher(FetchPolicy(per_host_interval=0)) as fetcher:
        error = fetch_error(fetcher, server.base + "/news")
    assert error.kind == "blocked"
    assert "127.0.0.1" in str(error) and "loopback" in str(error)
    assert str(error).startswith(server.base + "/news: ") and "\n" not in str(error)
    assert server.hits == {} and connections == []


def test_a_redirect_to_a_metadata_address_is_refused_before_connecting(connections: list[str]) -> None:
    loopback = ipaddress.ip_address("127.0.0.1")
    policy = FetchPolicy(per_host_interval=0, respect_robots=False)
    with serve({"/go": redirect("http://169.254.169.254/latest/meta-data/")}) as server, \
            Fetcher(policy, is_allowed=lambda ip: ip == loopback) as fetcher:
        error = fetch_error(fetcher, server.base + "/go")
    assert error.kind == "blocked"
    assert "redirected to http://169.254.169.254/latest/meta-data/" in error.reason
    assert "link-local" in error.reason
    assert server.hits["/go"] == 1
    assert connections == ["127.0.0.1"]   # the first hop only; never 169.254.169.254


def test_a_metadata_address_is_refused_even_with_allow_private(connections: list[str]) -> None:
    with serve({"/go": redirect("http://169.254.169.254/latest/meta-data/")}) as server, \
            Fetcher(local(respect_robots=False)) as fetcher:
        error = fetch_error(fetcher, server.base + "/go")
    assert error.kind == "blocked" and "metadata" in error.reason
    assert connections == ["127.0.0.1"]   # the first hop only; never 169.254.169.254


def test_connections_go_to_the_checked_address_not_a_second_dns_answer(
        monkeypatch: pytest.MonkeyPatch, connections: list[str]) -> None:
    """DNS rebinding: the name is resolved once, checked, and connected to by that address.
    A second lookup (here: failing) must never happen, or the check could be bypassed."""
    real = socket.getaddrinfo
    lookups: list[str] = []

    def fake_dns(host, port, *args, **kwargs):
        if host == "news.test":
            lookups.append(host)
            if len(lookups) > 1:
                raise socket.gaierror(socket.EAI_NONAME, "rebound")
            return real("127.0.0.1", port, *args, **kwargs)
        assert ipaddress.ip_address(host).is_loopback, f"test tried to resolve {host}"
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_dns)
    loopback = ipaddress.ip_address("127.0.0.1")
    with serve({"/news": page(NEWS)}) as server, \
            Fetcher(local(allow_private=False, respect_robots=False),
                    is_allowed=lambda ip: ip == loopback) as fetcher:
        fetched = fetcher.get(server.base.replace("127.0.0.1", "news.test") + "/news")
    assert fetched is not None and b"Landau" in fetched.content
    assert lookups == ["news.test"] and connections == ["127.0.0.1"]


# ---------------------------------------------------------------- pages and redirects


def test_a_news_page_is_fetched_with_what_a_later_conditional_get_needs() -> None:
    headers = {"ETag": '"v1"', "Last-Modified": "Thu, 29 Jan 2026 10:00:00 GMT"}
    with serve({"/news": page(NEWS, headers=headers)}) as server, Fetcher(LOCAL) as fetcher:
        fetched = fetcher.get(server.base + "/news")
    assert fetched is not None
    assert fetched.content == NEWS.encode() and fetched.status == 200
    assert (fetched.content_type, fetched.charset) == ("text/html", "utf-8")
    assert (fetched.etag, fetched.last_modified) == ('"v1"', "Thu, 29 Jan 2026 10:00:00 GMT")
    assert fetched.headers["content-type"] == "text/html; charset=utf-8"
    assert fetched.fetched_at.tzinfo == timezone.utc
    assert server.hits["/robots.txt"] == 1   # asked first; a missing robots.txt allows all
    assert abs(datetime.now(timezone.utc) - fetched.fetched_at) < timedelta(seconds=10)


def test_a_redirect_chain_within_the_limit_is_followed_to_the_final_url() -> None:
    routes = {"/a": redirect("/b", 301), "/b": redirect("/c", 307), "/c": redirect("news", 303),
              "/news": page(NEWS)}
    with serve(routes) as server, Fetcher(local(max_redirects=3)) as fetcher:
        fetched = fetcher.get(server.base + "/a")
    assert fetched is not None and fetched.url == server.base + "/news"
    assert fetched.content == NEWS.encode()


def test_a_redirect_chain_beyond_the_limit_is_refused() -> None:
    routes = {"/a": redirect("/b"), "/b": redirect("/c"), "/c": redirect("/news"), "/news": page(NEWS)}
    with serve(routes) as server, Fetcher(local(max_redirects=2)) as fetcher:
        error = fetch_error(fetcher, server.base + "/a")
    assert error.kind == "http" and "too many redirects (more than 2)" in error.reason
    assert server.hits["/news"] == 0


def test_a_redirect_to_another_scheme_is_a_bad_url() -> None:
    with serve({"/a": redirect("file:///etc/passwd")}) as server, Fetcher(LOCAL) as fetcher:
        error = fetch_error(fetcher, server.base + "/a")
    assert error.kind == "bad_url" and "file:///etc/passwd" in error.reason


@pytest.mark.parametrize("url", ["ftp://example.com/x", "http://", "https://:80/x"])
def test_urls_that_cannot_be_fetched_are_bad_urls(url: str) -> None:
    with Fetcher(LOCAL) as fetcher:
        assert fetch_error(fetcher, url).kind == "bad_url"


def test_a_missing_page_is_an_http_error_with_its_status() -> None:
    with serve({}) as server, Fetcher(LOCAL) as fetcher:
        error = fetch_error(fetcher, server.base + "/gone")
    assert (error.kind, error.status) == ("http", 404) and "HTTP 404" in error.reason


def test_a_pdf_is_not_html_unless_any_type_is_accepted() -> None:
    with serve({"/report.pdf": page(b"%PDF-1.7 ...", "application/pdf")}) as server, \
            Fetcher(LOCAL) as fetcher:
        error = fetch_error(fetcher, server.base + "/report.pdf")
        anything = fetcher.get(server.base + "/report.pdf", accept_html_only=False)
    assert error.kind == "not_html" and "application/pdf" in error.reason
    assert anything is not None and anything.content_type == "application/pdf"


def test_an_unchanged_page_on_a_conditional_get_returns_none() -> None:
    seen: list[str | None] = []

    def not_modified(request):
        seen.append(request.headers.get("If-None-Match"))
        return 304, {"ETag": '"v1"'}, b""

    with serve({"/news": not_modified}) as server, Fetcher(LOCAL) as fetcher:
        assert fetcher.get(server.base + "/news", etag='"v1"') is None
    assert seen == ['"v1"']


# ---------------------------------------------------------------- limits


def test_a_slow_server_times_out() -> None:
    with serve({"/news": slow(page(NEWS), seconds=2)}) as server, \
            Fetcher(local(retries=0, read_timeout=0.3)) as fetcher:
        started = time.monotonic()
        error = fetch_error(fetcher, server.base + "/news")
        waited = time.monotonic() - started
    assert error.kind == "timeout" and "0.3 s" in error.reason
    assert waited < 1.5


def test_a_timeout_is_retried() -> None:
    with serve({"/news": sequence(slow(page(NEWS), seconds=1), page(NEWS))}) as server, \
            Fetcher(local(retries=1, read_timeout=0.3)) as fetcher:
        fetched = fetcher.get(server.base + "/news")
    assert fetched is not None and server.hits["/news"] == 2


def _without_content_length(route):
    """The route's answer with no Content-Length: the body simply runs until the connection closes."""
    def handler(request):
        send_header = request.send_header
        request.send_header = lambda name, value: (
            None if name == "Content-Length" else send_header(name, value))
        return route(request)
    return handler


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-content-length"])
def test_a_body_over_the_limit_is_too_large(declared: bool) -> None:
    big = page("<p>" + "x" * 50_000 + "</p>")
    with serve({"/big": big if declared else _without_content_length(big)}) as server, \
            Fetcher(local(max_bytes=10_000)) as fetcher:
        error = fetch_error(fetcher, server.base + "/big")
    assert error.kind == "too_large" and "10 KB" in error.reason


def test_a_429_with_retry_after_is_waited_for_then_fetched() -> None:
    busy = lambda request: (429, {"Retry-After": "1"}, b"slow down")  # noqa: E731
    with serve({"/news": sequence(busy, page(NEWS))}) as server, Fetcher(LOCAL) as fetcher:
        started = time.monotonic()
        fetched = fetcher.get(server.base + "/news")
        waited = time.monotonic() - started
    assert fetched is not None and server.hits["/news"] == 2
    assert waited >= 0.9


def test_a_429_asking_for_an_hour_is_rate_limited_without_waiting() -> None:
    busy = lambda request: (429, {"Retry-After": "3600"}, b"come back later")  # noqa: E731
    with serve({"/news": busy}) as server, Fetcher(LOCAL) as fetcher:
        started = time.monotonic()
        error = fetch_error(fetcher, server.base + "/news")
        waited = time.monotonic() - started
    assert error.kind == "rate_limited" and "3600" in error.reason
    assert waited < 0.5 and server.hits["/news"] == 1


def test_a_503_is_retried_with_backoff() -> None:
    down = lambda request: (503, {}, b"down")  # noqa: E731
    with serve({"/news": sequence(down, down, page(NEWS))}) as server, \
            Fetcher(local(retries=2)) as fetcher:
        assert fetcher.get(server.base + "/news") is not None
    assert server.hits["/news"] == 3


def test_retry_after_may_be_an_http_date() -> None:
    now = datetime(2026, 1, 29, 10, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds("soon", now) is None


def test_requests_to_one_host_are_spaced_by_the_interval() -> None:
    with serve({"/a": page(NEWS), "/b": page(NEWS)}) as server, \
            Fetcher(local(per_host_interval=0.5)) as fetcher:
        started = time.monotonic()
        fetcher.get(server.base + "/a")
        fetcher.get(server.base + "/b")
        took = time.monotonic() - started
    assert took >= 0.4


# ---------------------------------------------------------------- robots.txt


def test_robots_txt_is_obeyed_for_our_user_agent_and_read_once() -> None:
    agents: list[str] = []

    def recording(route):
        def handler(request):
            agents.append(request.headers["User-Agent"])
            return route(request)
        return handler

    robots = "User-agent: *\nDisallow: /tmp/\n\nUser-agent: dossier\nDisallow: /private/\n"
    routes = {"/robots.txt": recording(page(robots, "text/plain")),
              "/private/news": recording(page(NEWS)), "/news": recording(page(NEWS))}
    with serve(routes) as server, Fetcher(LOCAL) as fetcher:
        error = fetch_error(fetcher, server.base + "/private/news")
        fetched = fetcher.get(server.base + "/news")
    assert error.kind == "blocked" and "robots.txt" in error.reason and "/private/news" in error.reason
    assert server.hits["/private/news"] == 0
    assert fetched is not None and server.hits["/robots.txt"] == 1
    assert agents == [LOCAL.user_agent] * 2 and LOCAL.user_agent.startswith("dossier/")


def test_a_failing_robots_txt_blocks_the_site() -> None:
    with serve({"/robots.txt": lambda request: (500, {}, b"oops"), "/news": page(NEWS)}) as server, \
            Fetcher(LOCAL) as fetcher:
        error = fetch_error(fetcher, server.base + "/news")
    assert error.kind == "blocked" and "robots.txt" in error.reason and "500" in error.reason
    assert server.hits["/news"] == 0
