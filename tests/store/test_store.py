"""The store: schema at head on open, one transaction per document, unchanged content untouched."""
from __future__ import annotations

import copy
import multiprocessing
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from dossier.document import Document, PersonMention, Span
from dossier.pipeline import Pipeline
from dossier.store.migrate import alembic_config
from dossier.store.schema import (DocumentRow, EventMentionRow, FigureRow, InitiativeMentionRow,
                                  PersonMentionRow, QuoteRow, RoleMentionRow)
from dossier.store.store import Saved, Store, database_url

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
SEED = "003_2efd09c22e395e7f"   # Ruto and Landau: people, roles, figures, quotes, initiatives
SHORT = ("Prime Cabinet Secretary Musalia Mudavadi held talks with US Ambassador Meg Whitman "
         "in Nairobi on 5 May 2024.")

PER_DOCUMENT = (DocumentRow, PersonMentionRow, RoleMentionRow, FigureRow, QuoteRow,
                InitiativeMentionRow, EventMentionRow)
WITH_EVIDENCE = (PersonMentionRow, RoleMentionRow, FigureRow, QuoteRow, InitiativeMentionRow)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def seed_doc(pipeline: Pipeline) -> Document:
    """A seed article through the whole per-document pipeline (once per module: ~1 s)."""
    raw = (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")
    return pipeline(Document(id=SEED, source=str(SEEDS / f"{SEED}.txt"), raw=raw))


@pytest.fixture(scope="module")
def short_doc(pipeline: Pipeline) -> Document:
    return pipeline(Document(id="talks", source="talks.txt", raw=SHORT))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An empty store, on SQLite and on PostgreSQL (see conftest's `db_url`)."""
    st = Store(db_url)
    yield st
    st.close()


def counts(store: Store, doc_id: str | None = None) -> dict[str, int]:
    """Rows per per-document table (of one document if `doc_id` is given)."""
    out = {}
    with store.session() as s:
        for row in PER_DOCUMENT:
            q = select(func.count()).select_from(row)
            if doc_id is not None:
                q = q.where((row.id if row is DocumentRow else row.doc_id) == doc_id)
            out[row.__tablename__] = s.scalar(q)
    return out


def expected_counts(doc: Document) -> dict[str, int]:
    return {"documents": 1, "person_mentions": len(doc.people),
            "role_mentions": sum(len(p.roles) for p in doc.people), "figures": len(doc.money),
            "quotes": len(doc.quotes), "initiative_mentions": len(doc.initiatives),
            "event_mentions": len(doc.events)}


# ---------------------------------------------------------------- schema


def test_a_fresh_database_is_migrated_to_head(store: Store) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head]
        tables = set(inspect(c).get_table_names())
    assert {"documents", "person_mentions", "role_mentions", "figures", "quotes",
            "initiative_mentions", "event_mentions", "actors", "actor_roles", "events",
            "event_links", "event_participants", "initiatives"} <= tables


def test_reopening_a_database_keeps_its_documents(db_url: str, short_doc: Document) -> None:
    path = db_url
    first = Store(path)
    first.save_document(short_doc)
    first.close()
    again = Store(path)   # runs the migrations again: must be a no-op, never a wipe
    try:
        assert counts(again) == expected_counts(short_doc)
        with again.engine.connect() as c:
            assert len(c.execute(text("SELECT version_num FROM alembic_version")).all()) == 1
    finally:
        again.close()


# ---------------------------------------------------------------- saving


def test_saving_a_processed_document_writes_it_and_its_mentions(store: Store,
                                                                seed_doc: Document) -> None:
    assert seed_doc.people and seed_doc.money and seed_doc.quotes and seed_doc.events
    assert store.save_document(seed_doc) is Saved.NEW
    assert counts(store) == expected_counts(seed_doc)
    with store.session() as s:
        row = s.get(DocumentRow, SEED)
        assert (row.text, row.raw, row.source) == (seed_doc.text, seed_doc.raw, seed_doc.source)
        assert row.content_hash == seed_doc.content_hash
        names = set(s.scalars(select(PersonMentionRow.name)))
    assert {"William Ruto", "Christopher Landau"} <= names
    assert store.has_content(seed_doc.content_hash)


def test_every_fact_row_points_into_its_document_text(store: Store, seed_doc: Document) -> None:
    store.save_document(seed_doc)
    with store.session() as s:
        doc_text = s.get(DocumentRow, SEED).text
        checked = 0
        for row_type in WITH_EVIDENCE:
            for row in s.scalars(select(row_type)):
                assert row.doc_id == SEED
                assert 0 <= row.start < row.end <= len(doc_text), (row_type.__name__, row.start)
                checked += 1
        for p in s.scalars(select(PersonMentionRow)):
            assert doc_text[p.start:p.end] == p.surface
        for f in s.scalars(select(FigureRow)):
            assert doc_text[f.start:f.end] == f.text
        for e in s.scalars(select(EventMentionRow)):
            assert e.evidence and all(0 <= a < b <= len(doc_text) for a, b in e.evidence)
    assert checked > 20


def test_saving_the_same_content_again_is_unchanged_and_writes_nothing(
        store: Store, seed_doc: Document) -> None:
    assert store.save_document(seed_doc) is Saved.NEW
    before = counts(store)
    with store.session() as s:
        ingested_at = s.get(DocumentRow, SEED).ingested_at
    assert store.save_document(copy.deepcopy(seed_doc)) is Saved.UNCHANGED
    assert counts(store) == before
    with store.session() as s:
        assert s.get(DocumentRow, SEED).ingested_at == ingested_at   # not rewritten


def test_same_id_with_new_content_replaces_the_old_version_without_leftovers(
        store: Store, seed_doc: Document, pipeline: Pipeline) -> None:
    store.save_document(seed_doc)
    revised = pipeline(Document(id=SEED, source="revised.txt", raw=SHORT))
    assert store.save_document(revised) is Saved.UPDATED
    assert counts(store) == expected_counts(revised)
    with store.session() as s:
        assert s.get(DocumentRow, SEED).text == revised.text
        names = set(s.scalars(select(PersonMentionRow.name)))
        quotes = s.scalar(select(func.count()).select_from(QuoteRow))
    assert names == {"Musalia Mudavadi", "Meg Whitman"}   # nobody from the old version
    assert quotes == 0
    assert not store.has_content(seed_doc.content_hash)
    assert store.save_document(revised) is Saved.UNCHANGED


def _breaks_on_insert(doc_id: str, text_: str) -> Document:
    """A document whose second person mention has no name: NOT NULL fails mid-save, after the
    document row and a first mention were already flushed."""
    good = PersonMention(span=Span(0, 12), surface=text_[:12], name=text_[:12])
    bad = PersonMention(span=Span(17, 23), surface=text_[17:23], name=None)  # type: ignore[arg-type]
    return Document(id=doc_id, source=f"{doc_id}.txt", raw=text_, text=text_, people=[good, bad])


def test_a_failure_in_the_middle_of_a_save_leaves_no_row_of_that_document(
        store: Store, short_doc: Document) -> None:
    store.save_document(short_doc)
    before = counts(store)
    broken = _breaks_on_insert("broken", "William Ruto met Landau in Nairobi.")
    with pytest.raises(IntegrityError):
        store.save_document(broken)
    assert counts(store, "broken") == dict.fromkeys(counts(store), 0)
    assert counts(store) == before
    assert not store.has_content(broken.content_hash)


def test_a_failed_update_keeps_the_previous_version(store: Store, short_doc: Document) -> None:
    store.save_document(short_doc)
    before = counts(store)
    with pytest.raises(IntegrityError):
        store.save_document(_breaks_on_insert(short_doc.id, "William Ruto met Landau in Nairobi."))
    assert counts(store) == before
    with store.session() as s:
        assert s.get(DocumentRow, short_doc.id).text == short_doc.text
    assert store.has_content(short_doc.content_hash)


# ---------------------------------------------------------------- --db values


def test_database_url_turns_paths_into_absolute_sqlite_urls(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url("kb.db") == f"sqlite:///{tmp_path.resolve() / 'kb.db'}"
    assert database_url(str(tmp_path / "a" / ".." / "kb.db")) == \
        f"sqlite:///{tmp_path.resolve() / 'kb.db'}"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert database_url("~/kb.db") == f"sqlite:///{tmp_path.resolve() / 'kb.db'}"


@pytest.mark.parametrize("url", ["sqlite:///relative.db", "sqlite:////abs/kb.db",
                                 "postgresql+psycopg://user:pw@host:5432/dossier", "sqlite://"])
def test_database_url_keeps_sqlalchemy_urls_as_given(url: str) -> None:
    assert database_url(url) == url


def test_a_store_opened_by_url_is_the_same_file_as_by_path(tmp_path: Path,
                                                           short_doc: Document) -> None:
    path = tmp_path / "kb.db"
    by_url = Store(f"sqlite:///{path}")
    by_url.save_document(short_doc)
    by_url.close()
    assert path.exists()
    by_path = Store(str(path))
    try:
        assert by_path.has_content(short_doc.content_hash)
    finally:
        by_path.close()


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_the_migrations_build_exactly_the_schema_the_code_declares(db_url: str):
    """A schema change without its migration would pass on a fresh test database and fail on a
    user's: compare what the migrations build with what the models declare, on both backends."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from dossier.store.migrate import include_object, upgrade
    from dossier.store.schema import Base

    engine = create_engine(database_url(db_url))
    upgrade(engine)
    with engine.connect() as connection:
        # the same hook as migrations/env.py: only the hand-made search index is left out
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []
        connection.execute(text("CREATE TABLE stray (id INTEGER)"))
        assert [d[0] for d in compare_metadata(context, Base.metadata)] == ["remove_table"]
    engine.dispose()


def test_a_very_long_document_id_is_shortened_uniquely_and_stored(store: Store,
                                                                 pipeline: Pipeline) -> None:
    """A White House record's id (its URL slug) runs past 200 characters, which PostgreSQL's
    key column refused; it keeps its readable start and a hash that tells it from its twin."""
    slug = "memorandum-of-understanding-between-the-governments-" * 6
    first = pipeline(Document(id=slug + "a", source="x.jsonl:1", raw=SHORT))
    second = pipeline(Document(id=slug + "b", source="x.jsonl:2", raw=SHORT + " Again."))
    assert len(first.id) == len(second.id) == 200 and first.id != second.id
    assert first.id.startswith(slug[:150])
    assert store.save_document(first) is Saved.NEW and store.save_document(second) is Saved.NEW
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == 2


def test_a_store_from_before_copies_were_kept_still_knows_its_documents(tmp_path: Path) -> None:
    """Migration 0005 rehashes stored documents by id and content: the same input ingested
    again is unchanged, and a copy of it under another id is new."""
    import hashlib

    from sqlalchemy import create_engine, insert

    from dossier.ingest import ingest
    from dossier.store.migrate import upgrade

    text = "Kenyan President William Ruto met US Secretary of State Antony Blinken in Nairobi.\n"
    (tmp_path / "old.txt").write_text(text, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0004")
    with engine.begin() as c:
        c.execute(insert(DocumentRow), [dict(
            id="old", source=str(tmp_path / "old.txt"), text=text, raw=text, minhash=[],
            warnings=[], content_hash=hashlib.sha256(text.encode()).hexdigest(),
            ingested_at=datetime.now(timezone.utc))])
    engine.dispose()
    store = Store(str(path))
    report = ingest(store, [str(tmp_path / "old.txt"), str(tmp_path / "copy.txt")])
    store.close()
    assert (report.unchanged, report.new) == (1, 1)


def _open_and_count_tables(path: str) -> int:
    store = Store(path)
    try:
        return len(inspect(store.engine).get_table_names())
    finally:
        store.close()


def test_processes_creating_one_sqlite_file_at_once_take_turns(tmp_path: Path) -> None:
    """Two `ingest` runs started together on a new file: one migrates, the other waits and
    finds the schema there (it used to die with 'table actors already exists')."""
    path = str(tmp_path / "new.db")
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        tables = pool.map(_open_and_count_tables, [path] * 4)
    assert len(set(tables)) == 1 and tables[0] > 10


def test_a_write_waits_for_another_processes_write_instead_of_failing(tmp_path: Path,
                                                                       short_doc: Document) -> None:
    """SQLite has one writer, and a rebuild holds it for minutes on a large store: a document
    stored meanwhile (by `watch`, or a POST to another server process) waits for it."""
    import sqlite3
    import threading
    import time

    from dossier.store.store import WRITE_WAIT_SECONDS

    path = tmp_path / "kb.db"
    store = Store(str(path))
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")   # as a rebuild in another process holds the store
    release = threading.Timer(2.0, holder.execute, args=("COMMIT",))
    release.start()
    try:
        started = time.monotonic()
        assert store.save_document(short_doc) is Saved.NEW
        assert time.monotonic() - started >= 1.5
        with store.session() as s:
            assert s.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() \
                == WRITE_WAIT_SECONDS * 1000 >= 600_000
    finally:
        release.join()
        holder.close()
        store.close()
