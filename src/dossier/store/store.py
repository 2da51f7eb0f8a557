"""The store: one narrow interface to the database, whichever engine is behind it.

`--db` takes a file path (SQLite) or any SQLAlchemy URL. Opening a store brings its schema up to
date through the migrations. Each document is written in one transaction, so an interrupted run
leaves whole documents or none; a document whose content hash is already stored is skipped, so
re-running the same input changes nothing.
"""
from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, delete, event, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from dossier.document import Document
from dossier.store.migrate import upgrade
from dossier.store.schema import (RESOLVED, INPUTS, DocumentRow, EventMentionRow, FigureRow,
                                  InitiativeMentionRow, PersonMentionRow, QuoteRow,
                                  RoleMentionRow, StoreStateRow)


class Saved(enum.Enum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def database_url(db: str) -> str:
    """A path becomes an SQLite URL; anything with '://' is taken as an SQLAlchemy URL."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


# How long a write waits for another process's: SQLite has one writer, and a rebuild holds it
# for as long as it runs (two minutes at 100,000 documents), so `watch`, `ingest` or a POST
# meanwhile waits for it rather than failing its document with "database is locked". Readers
# never wait (WAL).
WRITE_WAIT_SECONDS = 600


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")   # readers do not block the one writer
    cursor.execute(f"PRAGMA busy_timeout={WRITE_WAIT_SECONDS * 1000}")
    cursor.close()


class Store:
    def __init__(self, db: str):
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back."""
        with self._sessions() as session, session.begin():
            yield session

    def has_content(self, content_hash: str) -> bool:
        with self.session() as s:
            return s.scalar(select(DocumentRow.id).where(DocumentRow.content_hash == content_hash)) \
                is not None

    def save_document(self, doc: Document,
                      then: Callable[[Session], None] | None = None) -> Saved:
        """Write one annotated document and its mentions in one transaction.

        `then(session)` runs inside that transaction, whatever the outcome, so a caller's own
        bookkeeping (the feed ledger) is committed with the document or not at all.

        Another process may store the same document between our check and our insert (two
        ingests into one PostgreSQL store). Its commit makes our insert break a unique key; the
        transaction is then rolled back and the save tried once more, which finds the content
        stored (UNCHANGED) or, for the same id with other content, replaces that version.
        """
        try:
            return self._save_once(doc, then)
        except IntegrityError as err:
            if not _is_unique_violation(err):
                raise
            return self._save_once(doc, then)

    def _save_once(self, doc: Document, then: Callable[[Session], None] | None) -> Saved:
        with self.session() as s:
            saved = _write_document(s, doc)
            if then is not None:
                then(s)
            return saved

    def is_stale(self) -> bool:
        """Whether documents were stored (or reference tables loaded) since the derived tables
        were last rebuilt."""
        with self.session() as s:
            state = dict(s.execute(select(StoreStateRow.name, StoreStateRow.value)).all())
        return state[INPUTS] != state[RESOLVED]

    def close(self) -> None:
        self.engine.dispose()


def _is_unique_violation(err: IntegrityError) -> bool:
    """A duplicate key (SQLSTATE 23505, or SQLite's message), not a NOT NULL or foreign key
    failure, which a second try would only repeat."""
    return getattr(err.orig, "sqlstate", None) == "23505" \
        or "UNIQUE constraint failed" in str(err.orig)


def _write_document(s: Session, doc: Document) -> Saved:
    if s.scalar(select(DocumentRow.id).where(DocumentRow.content_hash == doc.content_hash)):
        return Saved.UNCHANGED
    existing = s.get(DocumentRow, doc.id)
    if existing is not None:   # same id, new content: the new version replaces it
        s.execute(delete(DocumentRow).where(DocumentRow.id == doc.id))
        s.flush()
    s.add(_document_row(doc))
    s.flush()
    _add_mentions(s, doc)
    inputs_changed(s)
    return Saved.UPDATED if existing is not None else Saved.NEW


def inputs_changed(s: Session) -> None:
    """Mark the derived tables stale, in the transaction that changes what they come from."""
    s.execute(update(StoreStateRow).where(StoreStateRow.name == INPUTS)
              .values(value=StoreStateRow.value + 1))


def derived_changed(s: Session) -> None:
    """Count a change made to the derived tables themselves (a correction applied to them), so
    that what was cached of them is dropped, without making a current store stale."""
    current = s.scalar(select(StoreStateRow.value).where(StoreStateRow.name == INPUTS)) == \
        s.scalar(select(StoreStateRow.value).where(StoreStateRow.name == RESOLVED))
    names = [INPUTS, RESOLVED] if current else [INPUTS]
    s.execute(update(StoreStateRow).where(StoreStateRow.name.in_(names))
              .values(value=StoreStateRow.value + 1))


def _document_row(doc: Document) -> DocumentRow:
    return DocumentRow(id=doc.id, source=doc.source, url=doc.url, title=doc.title,
                       outlet=doc.outlet, published=doc.published,
                       published_evidence=doc.published_evidence, date_note=doc.date_note,
                       dateline=doc.dateline, author=doc.author, site_name=doc.site_name,
                       fetched_at=doc.fetched_at, language=doc.language,
                       text=doc.text, raw=doc.raw, content_hash=doc.content_hash,
                       canonical_url=doc.canonical_url, minhash=list(doc.minhash),
                       warnings=list(doc.warnings), ingested_at=datetime.now(timezone.utc))


def _add_mentions(s: Session, doc: Document) -> None:
    for p in doc.people:
        row = PersonMentionRow(doc_id=doc.id, start=p.span.start, end=p.span.end,
                               surface=p.surface, name=p.name, country=p.country,
                               country_assumed=p.country_assumed)
        s.add(row)
        s.flush()
        for r in p.roles:
            s.add(RoleMentionRow(doc_id=doc.id, start=r.span.start, end=r.span.end,
                                 person_mention_id=row.id, title=r.title,
                                 organization=r.organization, country=r.country))
    for m in doc.money:
        s.add(FigureRow(doc_id=doc.id, start=m.span.start, end=m.span.end, text=m.text,
                        value=m.value, currency=m.currency, period=m.period, what=m.what))
    for q in doc.quotes:
        s.add(QuoteRow(doc_id=doc.id, start=q.span.start, end=q.span.end, text=q.text,
                       speaker_name=q.speaker))
    for i in doc.initiatives:
        s.add(InitiativeMentionRow(doc_id=doc.id, start=i.span.start, end=i.span.end,
                                   name=i.name, acronym=i.acronym, status=i.status))
    for e in doc.events:
        d = e.date
        s.add(EventMentionRow(
            doc_id=doc.id, type=e.type, summary=e.summary, mode=e.mode,
            date_earliest=d.earliest if d else None, date_latest=d.latest if d else None,
            date_precision=d.precision if d else None, weekday=d.weekday if d else None,
            location=e.location, country=e.country, participants=list(e.participants),
            topics=list(e.topics), initiatives=list(e.initiatives),
            evidence=[[sp.start, sp.end] for sp in e.evidence], confidence=e.confidence))
