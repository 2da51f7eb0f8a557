"""End to end: ingest the seed articles, export, score with the shared scorer, hold the floor."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

HERE = Path(__file__).parent
SHARED = HERE.parents[1] / "shared"
FLOORS = json.loads((HERE / "score_floor.json").read_text())


def score(export_dir: Path, gold: Path) -> dict:
    result = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--export",
                             str(export_dir), "--gold", str(gold), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def build_export(tmp_path: Path, corpus: Path, db: str | None = None) -> Path:
    runner, out = CliRunner(), tmp_path / "export"
    db = db or str(tmp_path / "kb.db")
    ingested = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    exported = runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", db])
    assert exported.exit_code == 0, exported.output
    return out


def test_seed_core_score_holds_the_floor(tmp_path, db_url):
    """On both backends: PostgreSQL must give the knowledge base SQLite gives."""
    result = score(build_export(tmp_path, SHARED / "seeds", db_url),
                   SHARED / "eval" / "seeds.gold.json")
    assert result["core"] >= FLOORS["seeds"]["core"], json.dumps(result["areas"])


def test_second_corpus_core_score_holds_the_floor(tmp_path):
    """Articles about another pair of countries, with a gold file of our own: the system must
    not be tuned to the seeds."""
    corpus = HERE / "data" / "nigeria_uk"
    result = score(build_export(tmp_path, corpus), corpus / "gold.json")
    assert result["core"] >= FLOORS["nigeria_uk"]["core"], json.dumps(result["areas"])


WHITE_HOUSE_SETS = {   # White House documents with gold written blind, every event listed
    "wh30": (SHARED / "eval" / "wh30.jsonl", SHARED / "eval" / "wh30.gold.json"),
    "wh40": (HERE / "data" / "wh40" / "input.jsonl", HERE / "data" / "wh40" / "gold.json"),
    "wh50": (HERE / "data" / "wh50" / "input.jsonl", HERE / "data" / "wh50" / "gold.json"),
    "wh30b": (HERE / "data" / "wh30b" / "input.jsonl", HERE / "data" / "wh30b" / "gold.json"),
    "wh40c": (HERE / "data" / "wh40c" / "input.jsonl", HERE / "data" / "wh40c" / "gold.json"),
}


@pytest.mark.parametrize("name", sorted(WHITE_HOUSE_SETS))
def test_white_house_blind_set_holds_its_floors(tmp_path, name):
    """Events found must be real (precision over every event of the listed documents), found
    (recall), rightly dated, counted once, the people named found, and the core score held."""
    corpus, gold = WHITE_HOUSE_SETS[name]
    result = score(build_export(tmp_path, corpus), gold)
    floors, events = FLOORS[name], result["metrics"]["events"]
    assert result["core"] >= floors["core"], json.dumps(result["areas"])
    assert events["precision"]["value"] >= floors["events_precision"], events["precision"]
    assert events["recall"]["value"] >= floors["events_recall"], events["recall"]
    assert events["date"]["value"] >= floors["events_date"], events["date"]
    assert events["duplicate_free"]["value"] >= floors["events_duplicate_free"], \
        events["duplicate_free"]
    people = result["metrics"]["actors"]["recall"]   # every report read, domestic ones too
    assert people["value"] >= floors["actors_recall"], people


def test_every_evidence_span_quotes_its_document(tmp_path):
    out = build_export(tmp_path, SHARED / "seeds")
    texts = {d["id"]: d["text"] for d in map(json.loads, (out / "documents.jsonl").open())}
    spans = 0
    for kind in ("actors", "events", "initiatives", "figures", "quotes"):
        for record in map(json.loads, (out / f"{kind}.jsonl").open()):
            found = list(record.get("evidence", []))
            found += [e for r in record.get("roles", []) for e in r["evidence"]]
            found += [e for m in record.get("mentions", []) for e in m["evidence"]]
            for e in found:
                assert texts[e["doc"]][e["start"]:e["end"]] == e["text"]
                spans += 1
    assert spans > 50
