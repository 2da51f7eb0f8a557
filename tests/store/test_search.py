"""Full-text search: the FTS5 index follows the documents table, and no query can break it."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, insert, text, update

from dossier.store.migrate import upgrade
from dossier.store.schema import DocumentRow
from dossier.store.search import PG_DOCUMENT, fts_query, search_documents
from dossier.store.store import Store

TEXT = ("Foreign Minister Yusuf Tuggar met British Foreign Secretary David Lammy in Abuja on "
        "Tuesday to discuss trade, security and migration.")


def row(doc_id: str, text: str, title: str | None = None) -> dict:
    return dict(id=doc_id, source=f"{doc_id}.txt", title=title, text=text, raw=text,
                content_hash=doc_id, minhash=[], warnings=[], ingested_at=datetime.now(timezone.utc))


def found(store: Store, q: str) -> list[str]:
    with store.session() as s:
        return [h.id for h in search_documents(s, q, 10, 0)[1]]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    st = Store(str(tmp_path / "kb.db"))
    yield st
    st.close()


def test_the_index_follows_inserts_updates_and_deletes(store: Store) -> None:
    with store.session() as s:
        s.execute(insert(DocumentRow), [row("ng-uk", TEXT, "Nigeria and UK talk trade")])
    assert found(store, "Tuggar Lammy") == ["ng-uk"]
    assert found(store, "nigeria") == ["ng-uk"]          # the title is searched too
    with store.session() as s:
        s.execute(update(DocumentRow).where(DocumentRow.id == "ng-uk")
                  .values(text="Kenya and Ethiopia signed a power deal.", title=None))
    assert found(store, "Tuggar") == [] and found(store, "Ethiopia") == ["ng-uk"]
    with store.session() as s:
        s.execute(delete(DocumentRow).where(DocumentRow.id == "ng-uk"))
    assert found(store, "Ethiopia") == []


def test_a_database_from_before_search_is_indexed_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with engine.begin() as c:
        c.execute(insert(DocumentRow), [row("old", TEXT)])
    engine.dispose()
    store = Store(str(path))   # opening migrates to head, which fills the index
    assert found(store, "Lammy") == ["old"]
    store.close()


@pytest.mark.parametrize("q, match", [
    ("Landau", '"Landau"'), ("Land*", '"Land"*'), ('"Ruto', '"Ruto"'),
    ("NEAR(a b)", '"NEAR" "a" "b"'), ("-x OR y", '"x" "OR" "y"'), ("* \" ( )", None),
])
def test_a_query_becomes_quoted_words(q: str, match: str | None) -> None:
    assert fts_query(q) == match


def test_diacritics_and_case_do_not_matter(store: Store) -> None:
    with store.session() as s:
        s.execute(insert(DocumentRow), [row("ci", "Le président de la Côte d'Ivoire a reçu "
                                                  "le ministre.")])
    assert found(store, "cote PRESIDENT") == ["ci"]


def test_without_the_index_search_falls_back_to_ilike(store: Store) -> None:
    """What a database without a full-text index does, tried on SQLite."""
    with store.engine.begin() as c:
        for trigger in ("insert", "delete", "update"):
            c.exec_driver_sql(f"DROP TRIGGER documents_fts_{trigger}")
        c.exec_driver_sql("DROP TABLE documents_fts")
    with store.session() as s:
        s.execute(insert(DocumentRow), [row("ng-uk", TEXT), row("other", "100% of 5_000 tons.")])
        total, hits = search_documents(s, "lammy tuggar", 10, 0)
        assert total == 1 and [h.id for h in hits] == ["ng-uk"]
        assert sorted(hits[0].snippet[a:b] for a, b in hits[0].highlights) == ["Lammy", "Tuggar"]
        assert search_documents(s, "5_000", 10, 0)[0] == 1
        assert search_documents(s, "5x000", 10, 0)[0] == 0   # _ is not a wildcard


def test_postgres_searches_with_its_own_text_search(pg_url: str) -> None:
    """Words, prefixes and the title through the GIN index of migration 0004; a query's
    punctuation is never tsquery syntax."""
    store = Store(pg_url)
    try:
        with store.session() as s:
            s.execute(insert(DocumentRow), [row("ng-uk", TEXT, "Nigeria and UK talk trade"),
                                            row("other", "Lammy visited Lagos. " * 3)])
            s.execute(text("SET LOCAL enable_seqscan = off"))   # a tiny table: show the index
            plan = s.execute(text("EXPLAIN SELECT id FROM documents d WHERE "
                                  f"{PG_DOCUMENT} @@ to_tsquery('simple', 'lammy')")).all()
        assert "ix_documents_search" in str(plan)
        assert found(store, "Tuggar Lammy") == ["ng-uk"]
        assert found(store, "NIGERIA") == ["ng-uk"]
        assert found(store, "Tugg*") == ["ng-uk"]
        assert found(store, "lammy") == ["other", "ng-uk"]      # ranked: more matches first
        assert found(store, "(Lammy) & !| <-> :* '") == ["other", "ng-uk"]
        assert found(store, "Tuggar Lagos") == []
        with store.session() as s:
            total, hits = search_documents(s, "tuggar lammy", 10, 0)
        assert total == 1
        assert sorted(hits[0].snippet[a:b] for a, b in hits[0].highlights) == ["Lammy", "Tuggar"]
    finally:
        store.close()
