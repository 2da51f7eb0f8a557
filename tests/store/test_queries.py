"""The records every output is built from: the fields of the eval README, and honest evidence."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.ingest import ingest
from dossier.store import queries
from dossier.store.store import Store

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ALPHA3 = re.compile(r"^[A-Z]{3}$")

REQUIRED = {   # the fields ../shared/eval/README.md says the scorer reads
    "documents": {"id", "source", "text", "published", "dateline"},
    "actors": {"id", "name", "type", "country", "aliases", "roles"},
    "events": {"id", "type", "summary", "date", "date_earliest", "date_latest", "location",
               "country", "participants", "topics", "initiatives", "reported_by", "evidence"},
    "initiatives": {"id", "name", "aliases", "mentions"},
    "figures": {"id", "doc", "value", "currency", "value_usd", "period", "what", "evidence"},
    "quotes": {"doc", "speaker", "text", "evidence"},
}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """Every record of every kind after ingesting the five seeds (once per module)."""
    store = Store(str(tmp_path_factory.mktemp("queries") / "kb.db"))
    report = ingest(store, [str(SEEDS)])
    assert (report.new, report.failed) == (len(SEED_IDS), 0), report.errors
    with store.session() as s:
        out = {kind: list(fn(s)) for kind, fn in queries.KINDS.items()}
        # each record again, read alone by its key (as `dossier show` reads it)
        out["by_key"] = [(kind, record, list(read(s, ids=[record["id"]])))
                         for kind, read in queries.KEYED.items() for record in out[kind]]
    store.close()
    return out


def test_a_record_read_by_its_key_is_the_record_of_the_whole_listing(records) -> None:
    assert {kind for kind, _, _ in records["by_key"]} == set(queries.KEYED)
    for kind, record, alone in records["by_key"]:
        assert alone == [record], (kind, record["id"])


def _evidence(value: object) -> Iterator[dict]:
    """Every evidence record anywhere inside a record (roles, mentions, ...)."""
    if isinstance(value, dict):
        if {"doc", "start", "end", "text"} <= value.keys():
            yield value
        for v in value.values():
            yield from _evidence(v)
    elif isinstance(value, list):
        for v in value:
            yield from _evidence(v)


def _date_or_none(value: object) -> bool:
    return value is None or (isinstance(value, str) and bool(ISO_DATE.match(value)))


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_every_record_carries_the_fields_the_scorer_reads(records, kind: str) -> None:
    assert records[kind], f"no {kind} from the seeds"
    for record in records[kind]:
        assert REQUIRED[kind] <= record.keys(), (kind, REQUIRED[kind] - record.keys())
    ids = [r["id"] for r in records[kind] if "id" in r]
    assert all(isinstance(i, str) and i for i in ids)
    assert len(ids) == len(set(ids)), f"duplicate ids in {kind}"


def test_documents_are_named_after_their_files(records) -> None:
    docs = {d["id"]: d for d in records["documents"]}
    assert sorted(docs) == SEED_IDS
    for doc_id, d in docs.items():
        assert Path(d["source"]).name == f"{doc_id}.txt"
        assert d["text"].strip()
        assert _date_or_none(d["published"])


def test_events_link_existing_actors_documents_and_initiatives(records) -> None:
    actors = {a["id"] for a in records["actors"]}
    docs = {d["id"] for d in records["documents"]}
    initiatives = {i["id"] for i in records["initiatives"]}
    assert len(records["events"]) >= 4   # the four Kenya–US meetings of the seeds
    for e in records["events"]:
        assert e["type"] in PLOVER
        assert isinstance(e["summary"], str) and e["summary"]
        assert all(_date_or_none(e[k]) for k in ("date", "date_earliest", "date_latest"))
        if e["date"]:
            assert e["date_earliest"] <= e["date"] <= e["date_latest"]
        assert e["country"] is None or ALPHA3.match(e["country"])
        assert len(e["participants"]) >= 2 and set(e["participants"]) <= actors
        assert e["reported_by"] and set(e["reported_by"]) <= docs
        assert set(e["initiatives"]) <= initiatives
        assert {ev["doc"] for ev in e["evidence"]} <= set(e["reported_by"])
        assert all(isinstance(t, str) for t in e["topics"])


def test_dated_events_come_first_in_date_order(records) -> None:
    starts = [e["date_earliest"] for e in records["events"]]
    dated = [d for d in starts if d]
    assert starts[:len(dated)] == dated == sorted(dated)


def test_actors_have_types_countries_and_roles_with_evidence(records) -> None:
    by_name = {a["name"]: a for a in records["actors"]}
    assert by_name["William Ruto"]["country"] == "KEN"
    assert by_name["Antony Blinken"]["country"] == "USA"
    assert any("Prime Cabinet Secretary" in r["title"] for r in by_name["Musalia Mudavadi"]["roles"])
    for a in records["actors"]:
        assert a["type"] in {"person", "organization", "country", "location"}
        assert a["country"] is None or ALPHA3.match(a["country"])
        assert isinstance(a["aliases"], list)
        for r in a["roles"]:
            assert {"title", "organization", "country", "valid_from", "valid_to", "evidence"} <= r.keys()
            assert r["evidence"] and _date_or_none(r["valid_from"]) and _date_or_none(r["valid_to"])


def test_figures_and_quotes_point_to_their_document(records) -> None:
    docs = {d["id"] for d in records["documents"]}
    actors = {a["id"] for a in records["actors"]}
    for f in records["figures"]:
        assert f["doc"] in docs and isinstance(f["value"], (int, float))
        assert ALPHA3.match(f["currency"])
        assert f["value_usd"] is None or isinstance(f["value_usd"], (int, float))
        assert [e["doc"] for e in f["evidence"]] == [f["doc"]]
    assert {f["currency"] for f in records["figures"]} >= {"KES", "USD"}
    for q in records["quotes"]:
        assert q["doc"] in docs and q["text"]
        assert q["speaker"] is None or q["speaker"] in actors
    for i in records["initiatives"]:
        assert all({"doc", "status", "evidence"} <= m.keys() for m in i["mentions"])


def test_every_evidence_text_is_the_slice_of_its_document(records) -> None:
    texts = {d["id"]: d["text"] for d in records["documents"]}
    seen = 0
    for kind, recs in records.items():
        for record in recs:
            for ev in _evidence(record):
                assert ev["doc"] in texts, (kind, ev)
                assert 0 <= ev["start"] < ev["end"] <= len(texts[ev["doc"]]), (kind, ev)
                assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["text"], (kind, ev)
                seen += 1
    assert seen > 50
