"""Copies of reports: canonical URLs and MinHash near-duplicates, independent of ingest order."""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from dossier.annotate.fingerprint import signature
from dossier.sources.canonical import canonical_url
from dossier.resolve.duplicates import DocIn, find_duplicates

SEED = Path(__file__).parents[3] / "shared" / "seeds" / "004_a7afc1ded1988888.txt"
OTHER = Path(__file__).parents[3] / "shared" / "seeds" / "002_b855b2cfa0b1d2b6.txt"


def spun(text: str) -> str:
    """A reworded copy that keeps most of the wording, as content farms publish them."""
    return (text.replace("held talks", "had discussions").replace("strengthening", "reinforcing")
            .replace("reaffirmed", "reiterated").replace("Additionally", "Moreover"))


def test_tracking_parameters_fragments_and_www_do_not_make_a_new_url():
    assert canonical_url("https://www.Example.com/news/kenya-us/?utm_source=x&id=7&fbclid=y#top") \
        == canonical_url("https://example.com/news/kenya-us?id=7")
    assert canonical_url("https://example.com/a?id=7") != canonical_url("https://example.com/a?id=8")


def test_a_spun_copy_is_a_near_duplicate_of_the_earlier_report_and_a_new_report_is_not():
    text = SEED.read_text(encoding="utf-8")
    docs = [DocIn("original", date(2026, 1, 30), None, signature(text)),
            DocIn("copy", date(2026, 2, 2), None, signature(spun(text))),
            DocIn("other", date(2026, 1, 31), None, signature(OTHER.read_text(encoding="utf-8")))]
    [dup] = find_duplicates(docs)
    assert (dup.doc_id, dup.duplicate_of, dup.reason) == ("copy", "original", "near-duplicate")
    assert dup.similarity > 0.7


def test_the_same_url_is_a_copy_whatever_the_text():
    docs = [DocIn("b", None, "https://example.com/a", signature("one text about trade talks")),
            DocIn("a", None, "https://example.com/a", signature("another wording entirely"))]
    [dup] = find_duplicates(docs)
    assert (dup.doc_id, dup.duplicate_of, dup.reason) == ("b", "a", "url")   # undated: smallest id


def test_result_does_not_depend_on_ingest_order():
    text = SEED.read_text(encoding="utf-8")
    docs = [DocIn(f"copy-{i}", date(2026, 2, i + 1), None, signature(spun(text) + f" Update {i}."))
            for i in range(5)] + [DocIn("original", date(2026, 1, 30), None, signature(text))]
    expected = {(d.doc_id, d.duplicate_of) for d in find_duplicates(docs)}
    for _ in range(3):
        random.shuffle(docs)
        assert {(d.doc_id, d.duplicate_of) for d in find_duplicates(docs)} == expected
    assert {of for _, of in expected} == {"original"}


def test_a_copy_adds_reports_to_events_but_no_new_actors_or_events(tmp_path):
    from dossier.ingest import ingest
    from dossier.store import queries
    from dossier.store.store import Store

    # undated reports: the original of a group is the one with the smallest id
    (tmp_path / "a-original.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    alone = Store(str(tmp_path / "alone.db"))
    ingest(alone, [str(tmp_path / "a-original.txt")])
    (tmp_path / "b-copy.txt").write_text(spun(SEED.read_text(encoding="utf-8")) +
                                       "\nMeanwhile, Ambassador John Doe praised the talks.",
                                       encoding="utf-8")
    both = Store(str(tmp_path / "both.db"))
    ingest(both, [str(tmp_path / "b-copy.txt"), str(tmp_path / "a-original.txt")])
    with alone.session() as s:
        actors_alone = {a["id"] for a in queries.actors(s)}
        events_alone = len(list(queries.events(s)))
    with both.session() as s:
        docs = {d["id"]: d for d in queries.documents(s)}
        assert docs["b-copy"]["near_duplicate_of"] == "a-original"
        assert {a["id"] for a in queries.actors(s)} == actors_alone   # John Doe is not added
        events = list(queries.events(s))
        assert len(events) == events_alone
        assert any(e["reported_by"] == ["a-original", "b-copy"] for e in events)
