"""One round of watching feeds: poll each feed, queue new article URLs, ingest what is due.

Articles go through the same path as any other input (`read_url`, the pipeline,
`Store.save_document`), and each one is marked done in the ledger in the transaction that stores
it, so a round can be interrupted anywhere and the next one resumes where it stopped. A feed that
cannot be read, or an article that cannot be fetched, fails alone with one line naming it. The
corpus-level records are rebuilt once at the end of a round that stored something.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from dossier.ingest import Ingestion
from dossier.messages import one_line
from dossier.pipeline import Failed
from dossier.sources.errors import InputError
from dossier.sources.feeds import poll_feed
from dossier.sources.fetch import Fetcher
from dossier.sources.url import read_url
from dossier.store import ledger
from dossier.store.store import Saved, Store

T = TypeVar("T")


@dataclass
class WatchReport:
    """What one round did, for its summary line."""

    feeds: int = 0
    not_modified: int = 0
    feed_errors: int = 0
    queued: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def stored(self) -> bool:
        return bool(self.new or self.updated)

    def summary(self) -> str:
        return (f"feeds: {self.feeds} polled, {self.not_modified} not modified, "
                f"{self.feed_errors} failed; articles: {self.queued} new in feeds, "
                f"{self.new} stored, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.failed} failed")


def watch_once(store: Store, fetcher: Fetcher, *, max_attempts: int = ledger.MAX_ATTEMPTS,
               on_message: Callable[[str], None] = lambda line: None) -> WatchReport:
    """Poll every watched feed once, then fetch and ingest every due article URL."""
    report = WatchReport()
    with store.session() as s:
        feeds = [(f.url, f.etag, f.last_modified) for f in ledger.feeds(s)]
    for url, etag, last_modified in feeds:
        report.feeds += 1
        poll = _guarded(url, lambda: poll_feed(url, fetcher, etag=etag,
                                               last_modified=last_modified))
        if isinstance(poll, InputError):
            ledger.record_poll_failure(store, url, poll.reason)
            _fail(report, str(poll), on_message, feed=True)
            continue
        report.not_modified += not poll.modified
        report.queued += ledger.record_poll(store, poll)
    ingestion = Ingestion(store)
    for url in ledger.due(store, max_attempts):
        _ingest_url(ingestion, fetcher, url, report, max_attempts, on_message)
    ingestion.close()   # what was stored now, or by a run that did not live to resolve
    return report


def _ingest_url(ingestion: Ingestion, fetcher: Fetcher, url: str, report: WatchReport,
                max_attempts: int, on_message: Callable[[str], None]) -> None:
    store = ingestion.store
    doc = _guarded(url, lambda: read_url(url, fetcher))
    if isinstance(doc, InputError):
        outcome: Saved | Failed = Failed(doc.input, doc.reason)
    else:
        for warning in doc.warnings:
            on_message(f"warning: {doc.source}: {warning}")
        content_hash = doc.content_hash
        outcome = ingestion.add(doc, then=lambda s: ledger.mark_done(s, url, content_hash))
    if isinstance(outcome, Saved):
        setattr(report, outcome.value, getattr(report, outcome.value) + 1)
        return
    tries = ledger.mark_failed(store, url, outcome.reason)
    then = "retried on the next run" if tries < max_attempts else "given up"
    _fail(report, f"{outcome} (attempt {tries} of {max_attempts}; {then})", on_message)


def _guarded(url: str, read: Callable[[], T]) -> T | InputError:
    """`read()`, with any unexpected error turned into one line naming `url`: one bad feed or
    page must not end the round for the others."""
    try:
        return read()
    except Exception as e:  # noqa: BLE001 - the readers report known failures themselves
        return InputError(url, f"could not read ({one_line(e)})")


def _fail(report: WatchReport, line: str, on_message: Callable[[str], None],
          feed: bool = False) -> None:
    if feed:
        report.feed_errors += 1
    else:
        report.failed += 1
    report.errors.append(line)
    on_message(line)
