"""`ingest()`: good inputs are stored, each bad one fails alone with one line naming it."""
from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dossier.document import Document, PersonMention, Span
from dossier.ingest import Ingestion, ingest
from dossier.pipeline import DEFAULT_STAGES, REGISTRY, Failed, Pipeline, stage
from dossier.store.schema import ActorRow, DocumentRow, EventRow, PersonMentionRow
from dossier.sources.stdin import stdin_id
from dossier.store.store import Saved, Store

RUTO_BLINKEN = ("Kenyan President William Ruto met US Secretary of State Antony Blinken in "
                "Nairobi on 3 March 2024.\n")
MUDAVADI_WHITMAN = ("Prime Cabinet Secretary Musalia Mudavadi held talks with US Ambassador "
                    "Meg Whitman in Nairobi on 5 May 2024.\n")
RUTO_LANDAU = ("President William Ruto hosted US Deputy Secretary of State Christopher Landau "
               "at State House, Nairobi, on 29 January 2026.\n")
LEGACY = ("Kenyan President William Ruto met US Ambassador Meg Whitman at a café in Nairobi on "
          "5 May 2024 to discuss café exports and coffee prices.\n")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = Store(str(tmp_path / "kb.db"))
    yield st
    st.close()


def doc_ids(store: Store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(DocumentRow.id)))


def count(store: Store, row) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(row))


def make_mixed_inputs(root: Path) -> dict[str, Path]:
    """Three good inputs (text, a JSON Lines record, windows-1252 text) and four bad ones."""
    paths = {
        "good": root / "ruto-blinken.txt", "jsonl": root / "feed.jsonl",
        "legacy": root / "legacy.txt", "binary": root / "scan.txt", "empty": root / "empty.txt",
        "big": root / "huge.txt",
    }
    paths["good"].write_text(RUTO_BLINKEN, encoding="utf-8")
    paths["jsonl"].write_text(json.dumps({"id": "mudavadi-whitman", "text": MUDAVADI_WHITMAN})
                              + "\n{\"id\": \"broken\", \"text\": \n", encoding="utf-8")
    paths["legacy"].write_bytes(LEGACY.encode("cp1252"))
    paths["binary"].write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03 not an article")
    paths["empty"].write_bytes(b"")
    with paths["big"].open("wb") as fh:   # 50 MB on paper, no disk space used
        fh.truncate(50 * 1024 * 1024)
    return paths


def test_good_inputs_are_stored_and_each_bad_one_is_named_once(store: Store,
                                                               tmp_path: Path) -> None:
    paths = make_mixed_inputs(tmp_path)
    lines: list[str] = []
    report = ingest(store, [str(p) for p in paths.values()], on_message=lines.append)

    assert (report.read, report.new, report.updated, report.unchanged) == (3, 3, 0, 0)
    assert report.failed == 4
    assert doc_ids(store) == {"ruto-blinken", "mudavadi-whitman", "legacy"}

    errors = [line for line in lines if line.startswith("error:")]
    assert errors == report.errors and len(errors) == 4
    for name, reason in [("scan.txt", "binary"), ("empty.txt", "empty"),
                         ("feed.jsonl:2", "JSON"), ("huge.txt", "too large")]:
        [line] = [e for e in errors if f"{name}:" in e]
        assert reason in line, line
        assert "\n" not in line
    warnings = [line for line in lines if line.startswith("warning:")]
    assert warnings == report.warnings
    [warning] = warnings
    assert "legacy.txt" in warning and "windows-1252" in warning


def test_a_legacy_encoding_is_decoded_not_mangled(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(LEGACY.encode("cp1252"))
    report = ingest(store, [str(path)])
    assert (report.new, report.failed) == (1, 0)
    with store.session() as s:
        row = s.get(DocumentRow, "legacy")
        assert "café" in row.text and "Ã" not in row.text
        assert any("windows-1252" in w for w in row.warnings)


def test_the_report_counts_what_the_knowledge_base_holds(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MUDAVADI_WHITMAN, encoding="utf-8")
    report = ingest(store, [str(tmp_path)])
    assert (report.read, report.new, report.failed) == (2, 2, 0)
    assert report.totals.events == count(store, EventRow) == 2
    assert report.totals.actors == count(store, ActorRow) >= 4
    with store.session() as s:
        names = set(s.scalars(select(ActorRow.name)))
    assert {"William Ruto", "Antony Blinken", "Musalia Mudavadi", "Meg Whitman"} <= names


def test_ingesting_the_same_inputs_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MUDAVADI_WHITMAN, encoding="utf-8")
    first = ingest(store, [str(tmp_path)])
    with store.session() as s:
        events_before = sorted(s.scalars(select(EventRow.id)))
    mentions_before = count(store, PersonMentionRow)
    again = ingest(store, [str(tmp_path)])
    assert (again.read, again.new, again.updated, again.unchanged, again.failed) == (2, 0, 0, 2, 0)
    assert again.totals == first.totals
    assert count(store, PersonMentionRow) == mentions_before
    with store.session() as s:
        assert sorted(s.scalars(select(EventRow.id))) == events_before


def test_a_changed_file_replaces_its_old_version(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(RUTO_BLINKEN, encoding="utf-8")
    ingest(store, [str(path)])
    path.write_text(MUDAVADI_WHITMAN, encoding="utf-8")
    report = ingest(store, [str(path)])
    assert (report.new, report.updated, report.unchanged) == (0, 1, 0)
    assert doc_ids(store) == {"talks"}
    with store.session() as s:
        names = set(s.scalars(select(ActorRow.name)))
    assert "Musalia Mudavadi" in names and "William Ruto" not in names   # derived data rebuilt


def test_ids_come_from_records_else_from_file_names(store: Store, tmp_path: Path) -> None:
    nested = tmp_path / "corpus" / "2024" / "march"
    nested.mkdir(parents=True)
    (nested / "ruto-blinken.md").write_text("# Talks\n\n" + RUTO_BLINKEN, encoding="utf-8")
    with gzip.open(tmp_path / "corpus" / "wire.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "wire-42", "text": MUDAVADI_WHITMAN}) + "\n")
        fh.write(json.dumps({"text": RUTO_LANDAU, "published": "2026-01-30"}) + "\n")
    report = ingest(store, [str(tmp_path / "corpus")])
    assert (report.new, report.failed) == (3, 0), report.errors
    assert doc_ids(store) == {"ruto-blinken", "wire-42", "wire-2"}
    with store.session() as s:
        md = s.get(DocumentRow, "ruto-blinken")
        assert md.text.startswith("Talks") and "#" not in md.text
        assert s.get(DocumentRow, "wire-2").published.isoformat() == "2026-01-30"


def test_standard_input_is_one_document(store: Store) -> None:
    report = ingest(store, ["-"], stdin=io.BytesIO(RUTO_BLINKEN.encode("utf-8")))
    assert (report.read, report.new, report.failed) == (1, 1, 0)
    with store.session() as s:
        row = s.get(DocumentRow, stdin_id(RUTO_BLINKEN))
        assert row is not None and row.source == "-"
        assert "William Ruto" in row.text


# ---------------------------------------------------------------- a document that breaks


@pytest.fixture
def exploding_stage() -> Iterator[str]:
    """A test-only stage that raises on one document and gives another a nameless person."""
    name = "tests.ingest.explode.v1"

    @stage(name, needs=("events",), adds=())
    def explode(doc: Document) -> Document:
        if doc.id == "explodes":
            raise RuntimeError("the parser choked on this article")
        if doc.id == "unsavable":
            doc.people.append(PersonMention(span=Span(0, 5), surface=doc.text[:5],
                                            name=None))  # type: ignore[arg-type]
        return doc

    yield name
    REGISTRY.pop(name, None)


def test_a_document_that_breaks_a_stage_fails_alone(store: Store, exploding_stage: str) -> None:
    pipeline = Pipeline([*DEFAULT_STAGES, exploding_stage])
    docs = [Document(id="before", source="before.txt", raw=RUTO_BLINKEN),
            Document(id="explodes", source="explodes.txt", raw=RUTO_LANDAU),
            Document(id="unsavable", source="unsavable.txt", raw=LEGACY),
            Document(id="after", source="after.txt", raw=MUDAVADI_WHITMAN)]
    outcomes = [Ingestion(store, pipeline).add(d) for d in docs]

    assert outcomes[0] is Saved.NEW and outcomes[3] is Saved.NEW
    assert isinstance(outcomes[1], Failed) and isinstance(outcomes[2], Failed)
    assert str(outcomes[1]).startswith(
        "error: explodes.txt: stage tests.ingest.explode.v1 failed (")
    assert "the parser choked on this article" in outcomes[1].reason
    assert str(outcomes[2]).startswith("error: unsavable.txt: could not store (")
    assert "\n" not in str(outcomes[1])
    assert doc_ids(store) == {"before", "after"}
    with store.session() as s:   # the mentions flushed before the failing insert were rolled back
        assert set(s.scalars(select(PersonMentionRow.doc_id))) == {"before", "after"}


def test_a_syndicated_copy_under_another_id_is_a_report_of_its_own(store: Store, tmp_path: Path) -> None:
    """Two outlets carrying the same wire story: both are stored, the later-named one marked as
    an exact copy, and the meeting counts both; ingesting both again changes nothing."""
    from dossier.store import queries

    (tmp_path / "outlet-a.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    (tmp_path / "outlet-b.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    first = ingest(store, [str(tmp_path)])
    assert (first.read, first.new, first.unchanged) == (2, 2, 0)
    with store.session() as s:
        docs = {d["id"]: d for d in queries.documents(s)}
        assert docs["outlet-b"]["near_duplicate_of"] == "outlet-a"
        assert docs["outlet-b"]["duplicate_similarity"] == 1.0
        assert [e["reported_by"] for e in queries.events(s)] == [["outlet-a", "outlet-b"]]
    again = ingest(store, [str(tmp_path)])
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_a_bare_foreign_leader_is_judged_by_what_other_reports_say_of_him(store: Store, tmp_path: Path) -> None:
    """A White House readout names "President Varga" bare, so the report alone would take him
    for one of its own and the call for a domestic act; but the United States' President of
    that day is Trump, so Varga's country is unknown and the call an event; another report
    then says he is Hungary's. (A leader the bundled table of public figures knows, like Putin,
    is of his own country from the first report on.)"""
    from dossier.store import queries

    readout = {"id": "readout", "url": "https://www.whitehouse.gov/briefing-room/readout",
               "published": "2025-08-18",
               "text": "Today, President Donald J. Trump spoke with President Tamas Varga about "
                       "the war in Ukraine. Later, President Trump spoke with President Vladimir "
                       "Putin."}
    news = {"id": "news", "published": "2025-08-20",
            "text": "Hungarian President Tamas Varga said on Tuesday that Hungary was ready for talks."}
    (tmp_path / "one.jsonl").write_text(json.dumps(readout) + "\n", encoding="utf-8")
    ingest(store, [str(tmp_path / "one.jsonl")])
    with store.session() as s:
        actors = {a["id"]: a for a in queries.actors(s)}
        assert actors["person-tamas-varga"]["country"] is None
        assert actors["person-vladimir-putin"]["country"] == "RUS"
        assert [e for e in queries.events(s) if "person-tamas-varga" in e["participants"]]
        assert [e for e in queries.events(s) if "person-vladimir-putin" in e["participants"]]
    (tmp_path / "two.jsonl").write_text(json.dumps(news) + "\n", encoding="utf-8")
    ingest(store, [str(tmp_path / "two.jsonl")])
    with store.session() as s:
        varga = next(a for a in queries.actors(s) if a["id"] == "person-tamas-varga")
        assert varga["country"] == "HUN"
        calls = [e for e in queries.events(s) if "person-tamas-varga" in e["participants"]]
        assert calls and calls[0]["date"] == "2025-08-18"


def test_nul_in_a_json_record_is_removed_alike_on_both_stores(db_url: str, tmp_path: Path) -> None:
    """SQLite would keep U+0000 and PostgreSQL refuse the document: both get it without."""
    feed = tmp_path / "nul.jsonl"
    feed.write_text(json.dumps({"id": "with\u0000nul", "title": "Talks\u0000",
                                "text": RUTO_BLINKEN.replace(" ", " \u0000", 3)}) + "\n",
                    encoding="utf-8")
    store = Store(db_url)
    try:
        report = ingest(store, [str(feed)])
        assert (report.new, report.failed) == (1, 0), report.errors
        assert report.warnings == [f"warning: {feed}:1: NUL characters removed from 'id', "
                                   "'title', 'text': they are not text, and PostgreSQL could "
                                   "not store them"]
        with store.session() as s:
            doc = s.get(DocumentRow, "withnul")
            assert doc is not None and doc.title == "Talks" and "\x00" not in doc.text
        assert report.totals.events >= 1
    finally:
        store.close()
