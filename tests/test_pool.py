"""`dossier ingest --workers N` builds exactly the knowledge base one worker builds."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dossier.cli import app

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"


def export(tmp_path: Path, name: str, *args: str) -> dict[str, str]:
    runner, db, out = CliRunner(), str(tmp_path / f"{name}.db"), tmp_path / name
    done = runner.invoke(app, ["ingest", str(SEEDS), "--db", db, *args])
    assert done.exit_code == 0, done.output
    assert "5 read, 5 new" in done.output
    done = runner.invoke(app, ["export", "--out", str(out), "--db", db])
    assert done.exit_code == 0, done.output
    return {f.name: f.read_text(encoding="utf-8") for f in sorted(out.glob("*.jsonl"))}


def test_two_workers_build_the_same_knowledge_base_as_one(tmp_path):
    one = export(tmp_path, "one", "--workers", "1")
    two = export(tmp_path, "two", "--workers", "2")
    assert one.keys() == two.keys() and "documents.jsonl" in one
    for name in one:
        assert one[name] == two[name], name
