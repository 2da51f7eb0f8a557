"""Watching feeds: one round polls every feed and ingests only what is new, and a run stopped
anywhere resumes without fetching again what it already stored. Server hit counts per article
path show what was fetched."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feedsite import Site, article_html
from sqlalchemy import select
from webserver import Server, page, sequence, serve

import dossier.sources.feeds
from dossier.sources.fetch import Fetcher, FetchPolicy
from dossier.store import ledger
from dossier.store.schema import DocumentRow, FeedRow, FetchLedgerRow
from dossier.store.store import Store
from dossier.watch import WatchReport, watch_once

KENYA = ["/news/ruto-blinken", "/news/mudavadi-whitman"]
NIGERIA = ["/news/tinubu-lammy", "/news/ruto-blinken"]   # one article in both feeds
SERVER_ERROR = (500, {"Content-Type": "text/plain"}, b"Internal Server Error")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = Store(str(tmp_path / "kb.db"))
    yield st
    st.close()


@pytest.fixture
def site() -> Iterator[tuple[Site, Server]]:
    site = Site()
    with serve(site.routes) as server:
        site.base = server.base
        yield site, server


def fetcher() -> Fetcher:
    """Loopback allowed, and no pause between requests to the one test host."""
    return Fetcher(FetchPolicy(allow_private=True, per_host_interval=0, retries=0))


def run(store: Store, fetch: Fetcher | None = None) -> tuple[WatchReport, list[str]]:
    messages: list[str] = []
    report = watch_once(store, fetch or fetcher(), on_message=messages.append)
    return report, messages


def ledger_rows(store: Store) -> dict[str, FetchLedgerRow]:
    with store.session() as s:
        return {r.url: r for r in s.scalars(select(FetchLedgerRow).order_by(FetchLedgerRow.id))}


def stored_urls(store: Store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(DocumentRow.url)))


def article_hits(server: Server) -> dict[str, int]:
    return {path: n for path, n in server.hits.items() if path.startswith("/news/")}


def test_a_round_ingests_the_items_of_an_rss_and_an_atom_feed(store: Store, site) -> None:
    site, server = site
    ledger.add_feed(store, site.feed("/kenya.rss", "rss", KENYA))
    ledger.add_feed(store, site.feed("/nigeria.atom", "atom", NIGERIA))
    report, messages = run(store)
    assert messages == []
    assert (report.feeds, report.queued, report.new, report.failed) == (2, 3, 3, 0)
    articles = {server.base + p for p in KENYA + NIGERIA}
    assert stored_urls(store) == articles
    assert article_hits(server) == {p: 1 for p in KENYA + NIGERIA}   # the shared one once
    rows = ledger_rows(store)
    assert {r.status for r in rows.values()} == {"done"}
    with store.session() as s:
        docs = {d.url: d for d in s.scalars(select(DocumentRow))}
        titles = {f.url: f.title for f in s.scalars(select(FeedRow))}
    for url, row in rows.items():
        assert (row.attempts, row.doc_id, row.content_hash) == (
            1, docs[url].id, docs[url].content_hash)
    assert "Ruto and Blinken" in docs[server.base + "/news/ruto-blinken"].title
    assert titles == {server.base + "/kenya.rss": "Example News: Africa",
                      server.base + "/nigeria.atom": "Example News: West Africa"}


def test_a_second_poll_fetches_only_the_new_item(store: Store, site) -> None:
    site, server = site
    ledger.add_feed(store, site.feed("/kenya.rss", "rss", KENYA))
    run(store)
    site.feed("/kenya.rss", "rss", ["/news/ruto-landau"] + KENYA)   # newest first, as feeds do
    report, _ = run(store)
    assert (report.queued, report.new) == (1, 1)
    assert article_hits(server) == {"/news/ruto-blinken": 1, "/news/mudavadi-whitman": 1,
                                    "/news/ruto-landau": 1}
    assert server.base + "/news/ruto-landau" in stored_urls(store)


def test_an_unchanged_feed_answers_304_and_is_not_parsed(store: Store, site, monkeypatch) -> None:
    site, server = site
    ledger.add_feed(store, site.feed("/kenya.rss", "rss", KENYA))
    run(store)
    parsed: list[bytes] = []
    real_parse = dossier.sources.feeds.feedparser.parse
    monkeypatch.setattr(dossier.sources.feeds.feedparser, "parse",
                        lambda data, **kw: parsed.append(data) or real_parse(data, **kw))
    report, messages = run(store)
    assert (report.not_modified, report.queued, report.new, messages) == (1, 0, 0, [])
    assert site.not_modified["/kenya.rss"] == 1 and parsed == []
    assert article_hits(server) == {p: 1 for p in KENYA}
    with store.session() as s:
        assert s.get(FeedRow, server.base + "/kenya.rss").last_status == "not modified"


def test_a_malformed_feed_is_one_error_line_and_the_other_feed_goes_on(store: Store, site) -> None:
    site, server = site
    broken = server.base + "/broken.rss"
    site.routes["/broken.rss"] = page(b"<?xml version='1.0'?><rss><channel><item><title>x</titel>",
                                      "application/rss+xml")
    ledger.add_feed(store, broken)
    ledger.add_feed(store, site.feed("/kenya.rss", "rss", KENYA))
    report, messages = run(store)
    [line] = messages
    assert line.startswith(f"error: {broken}: malformed feed (mismatched tag")
    assert (report.feed_errors, report.new) == (1, 2)
    with store.session() as s:
        feed = s.get(FeedRow, broken)
        assert feed.last_status == "failed" and "mismatched tag" in feed.last_error


class InterruptedFetcher(Fetcher):
    """Ctrl-C while fetching the n-th article of the run."""

    def __init__(self, at: int) -> None:
        super().__init__(FetchPolicy(allow_private=True, per_host_interval=0, retries=0))
        self.articles, self.at = 0, at

    def get(self, url: str, **kwargs):
        if "/news/" in url:
            self.articles += 1
            if self.articles == self.at:
                raise KeyboardInterrupt
        return super().get(url, **kwargs)


def test_an_interrupted_run_resumes_without_fetching_again_what_it_stored(store: Store, site) -> None:
    site, server = site
    ledger.add_feed(store, site.feed("/kenya.rss", "rss", ["/news/ruto-landau"] + KENYA))
    with pytest.raises(KeyboardInterrupt):
        run(store, InterruptedFetcher(at=2))
    assert [r.status for r in ledger_rows(store).values()] == ["done", "pending", "pending"]
    report, messages = run(store)
    assert (report.queued, report.new, messages) == (0, 2, [])
    assert article_hits(server) == {"/news/ruto-landau": 1, "/news/ruto-blinken": 1,
                                    "/news/mudavadi-whitman": 1}
    assert len(stored_urls(store)) == 3
    run(store)
    assert sum(article_hits(server).values()) == 3   # a third run fetches nothing


def test_a_failed_article_is_retried_on_the_next_run_and_only_it(store: Store, site) -> None:
    site, server = site
    flaky = "/news/mudavadi-whitman"
    site.routes[flaky] = sequence(lambda request: SERVER_ERROR, page(article_html(flaky)))
    ledger.add_feed(store, site.feed("/kenya.rss", "rss", ["/news/ruto-landau"] + KENYA))
    report, messages = run(store)
    assert (report.new, report.failed) == (2, 1)
    assert messages == [f"error: {server.base}{flaky}: HTTP 500 Internal Server Error "
                        "(attempt 1 of 3; retried on the next run)"]
    row = ledger_rows(store)[server.base + flaky]
    assert (row.status, row.attempts, row.last_error) == ("failed", 1, "HTTP 500 Internal Server Error")
    report, messages = run(store)
    assert (report.new, report.failed, messages) == (1, 0, [])
    assert article_hits(server) == {"/news/ruto-landau": 1, "/news/ruto-blinken": 1, flaky: 2}
    row = ledger_rows(store)[server.base + flaky]
    assert (row.status, row.attempts, row.last_error) == ("done", 2, None)


def test_an_article_that_keeps_failing_is_given_up_after_three_tries(store: Store, site) -> None:
    site, server = site
    site.routes["/news/ruto-blinken"] = lambda request: SERVER_ERROR
    ledger.add_feed(store, site.feed("/kenya.rss", "rss", ["/news/ruto-blinken"]))
    lines = [run(store)[1] for _ in range(4)]
    assert [len(m) for m in lines] == [1, 1, 1, 0]
    assert lines[2][0].endswith("(attempt 3 of 3; given up)")
    assert article_hits(server) == {"/news/ruto-blinken": 3}
    row = ledger_rows(store)[server.base + "/news/ruto-blinken"]
    assert (row.status, row.attempts) == ("failed", 3)


def test_removing_a_feed_keeps_its_articles_and_drops_what_was_not_fetched(store: Store, site) -> None:
    site, server = site
    site.routes["/news/mudavadi-whitman"] = lambda request: SERVER_ERROR
    feed = site.feed("/kenya.rss", "rss", KENYA)
    ledger.add_feed(store, feed)
    run(store)
    assert ledger.remove_feed(store, feed) and not ledger.remove_feed(store, feed)
    assert [(r.url, r.status) for r in ledger_rows(store).values()] == [
        (server.base + "/news/ruto-blinken", "done")]
    assert stored_urls(store) == {server.base + "/news/ruto-blinken"}
    run(store)
    assert article_hits(server) == {"/news/ruto-blinken": 1, "/news/mudavadi-whitman": 1}
