"""What is derived across documents does not depend on the order they were stored in."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

HERE = Path(__file__).parents[1]
CORPUS = sorted((HERE / "data" / "nigeria_uk").glob("*.txt")) \
    + sorted((HERE.parents[1] / "shared" / "seeds").glob("*.txt"))


def exported(tmp_path: Path, paths: list[Path], name: str) -> dict[str, bytes]:
    runner, db, out = CliRunner(), str(tmp_path / f"{name}.db"), tmp_path / name
    for path in paths:   # one run per document: each is stored, and resolved, in its turn
        assert runner.invoke(app, ["ingest", str(path), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["export", "--out", str(out), "--db", db]).exit_code == 0
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("seed", [1, 2])
def test_any_order_of_ingestion_gives_the_same_export_byte_for_byte(tmp_path: Path,
                                                                    seed: int) -> None:
    shuffled = CORPUS[:]
    random.Random(seed).shuffle(shuffled)
    in_order = exported(tmp_path, CORPUS, "in-order")
    assert in_order["actors.jsonl"].count(b"\n") > 10 and in_order["quotes.jsonl"]
    assert exported(tmp_path, shuffled, "shuffled") == in_order


def test_an_organisation_the_table_no_longer_lists_is_still_an_actor(tmp_path: Path) -> None:
    """A store written by an earlier version keeps the organisation codes that version knew; a
    rebuild must not stop on one (it did, with a KeyError, leaving the store stale for good)."""
    from dossier.document import Document, EventMention, Span
    from dossier.resolve.rebuild import rebuild
    from dossier.store.schema import ActorRow
    from dossier.store.store import Store

    text = "The Retired Union of Examples met Kenya in Nairobi."
    store = Store(str(tmp_path / "kb.db"))
    try:
        store.save_document(Document(
            id="old", source="old.txt", raw=text, text=text,
            events=[EventMention("CONSULT", [Span(0, len(text))], ["org:RUE", "country:KEN"],
                                 summary=text)]))
        rebuild(store)
        with store.session() as s:
            actor = s.get(ActorRow, "org-rue")
        assert actor is not None and (actor.name, actor.type) == ("RUE", "organization")
        assert not store.is_stale()
    finally:
        store.close()
