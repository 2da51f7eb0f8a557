"""The run ledger: which feeds are watched, and what became of every article URL they listed.

Watching feeds is a long-running, interruptible job, so its progress lives in the store and not
in the process: a URL is recorded as pending as soon as a feed lists it, and marked done in the
same transaction that stores its document. A run stopped anywhere (Ctrl-C, a crash, a reboot)
therefore resumes where it stopped, and nothing marked done is ever fetched again. A URL that
failed is retried on later runs until it has had `MAX_ATTEMPTS` tries.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from dossier.store.schema import DocumentRow, FeedRow, FetchLedgerRow
from dossier.store.store import Store

if TYPE_CHECKING:
    from dossier.sources.feeds import FeedPoll

MAX_ATTEMPTS = 3
"""Tries per article URL (the first and two retries, one per later run): enough to ride out a
flaky server, few enough that a page that is gone stops costing a request every poll."""

PENDING, DONE, FAILED = "pending", "done", "failed"


def now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------- feeds


def add_feed(store: Store, url: str) -> bool:
    """Watch the feed at `url`; False if it was already watched."""
    with store.session() as s:
        if s.get(FeedRow, url) is not None:
            return False
        s.add(FeedRow(url=url, added_at=now()))
        return True


def remove_feed(store: Store, url: str) -> bool:
    """Stop watching `url`; False if it was not watched. Its articles already stored stay, and
    so does their ledger history; the URLs it listed that were not fetched yet are dropped."""
    with store.session() as s:
        if s.get(FeedRow, url) is None:
            return False
        s.execute(delete(FeedRow).where(FeedRow.url == url))
        s.execute(delete(FetchLedgerRow).where(FetchLedgerRow.feed_url == url,
                                               FetchLedgerRow.status != DONE))
        return True


def feeds(s: Session) -> list[FeedRow]:
    """The watched feeds in the order they were added."""
    return list(s.scalars(select(FeedRow).order_by(FeedRow.added_at, FeedRow.url)))


def record_poll(store: Store, poll: FeedPoll) -> int:
    """Note a successful poll and queue the items never seen before; the number queued.

    An item already in the ledger, whatever its status, is left alone: a done URL is not
    fetched again, and a failed one keeps its count of attempts.
    """
    with store.session() as s:
        feed = s.get(FeedRow, poll.url)
        if feed is not None:
            feed.last_polled_at = now()
            feed.last_status = "ok" if poll.modified else "not modified"
            feed.last_error = None
            if poll.modified:
                feed.title = poll.title or feed.title
                feed.etag, feed.last_modified = poll.etag, poll.last_modified
        urls = [item.url for item in poll.items]
        known = set(s.scalars(select(FetchLedgerRow.url).where(FetchLedgerRow.url.in_(urls))))
        fresh = [u for u in urls if u not in known]
        when = now()
        s.add_all(FetchLedgerRow(url=u, feed_url=poll.url, status=PENDING, attempts=0,
                                 first_seen_at=when, updated_at=when) for u in fresh)
        return len(fresh)


def record_poll_failure(store: Store, url: str, reason: str) -> None:
    """Note a failed poll; the validators stay, so the next poll can still be conditional."""
    with store.session() as s:
        feed = s.get(FeedRow, url)
        if feed is not None:
            feed.last_polled_at = now()
            feed.last_status = "failed"
            feed.last_error = reason


# ---------------------------------------------------------------- article URLs


def due(store: Store, max_attempts: int = MAX_ATTEMPTS) -> list[str]:
    """The URLs to fetch now: pending ones, and failed ones with tries left, oldest first."""
    with store.session() as s:
        return list(s.scalars(
            select(FetchLedgerRow.url)
            .where(or_(FetchLedgerRow.status == PENDING,
                       (FetchLedgerRow.status == FAILED)
                       & (FetchLedgerRow.attempts < max_attempts)))
            .order_by(FetchLedgerRow.id)))


def mark_done(s: Session, url: str, content_hash: str) -> None:
    """Mark `url` done, in the caller's transaction (the one that stored its document). The
    document id is the stored one: an article already stored under another id (the same text
    reached by another URL) points to that document."""
    row = s.scalar(select(FetchLedgerRow).where(FetchLedgerRow.url == url))
    if row is None:
        return
    row.status = DONE
    row.attempts += 1
    row.last_error = None
    row.content_hash = content_hash
    row.doc_id = s.scalar(select(DocumentRow.id).where(DocumentRow.content_hash == content_hash))
    row.updated_at = now()


def mark_failed(store: Store, url: str, reason: str) -> int:
    """Count a failed try of `url` and keep its reason; the number of tries so far."""
    with store.session() as s:
        row = s.scalar(select(FetchLedgerRow).where(FetchLedgerRow.url == url))
        if row is None:
            return 0
        row.status = FAILED
        row.attempts += 1
        row.last_error = reason
        row.updated_at = now()
        return row.attempts


def entries(s: Session) -> list[FetchLedgerRow]:
    """Every article URL in the ledger, by feed and in the order they were first seen."""
    return list(s.scalars(select(FetchLedgerRow).order_by(FetchLedgerRow.feed_url,
                                                          FetchLedgerRow.id)))


def counts(s: Session) -> dict[str, int]:
    """How many URLs have each status."""
    return dict(s.execute(select(FetchLedgerRow.status, func.count())
                          .group_by(FetchLedgerRow.status)).all())
