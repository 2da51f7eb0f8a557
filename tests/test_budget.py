"""One document's stages run within a time and memory budget; past it, that document fails
alone with one line naming the budget and the stage."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dossier.budget import Budget, resident_megabytes
from dossier.cli import app
from dossier.document import Document
from dossier.ingest import Ingestion
from dossier.pipeline import Failed, Pipeline
from dossier.store.store import Store

ARTICLE = ("Kenyan President William Ruto met US Secretary of State Antony Blinken in Nairobi "
           "on Thursday. They discussed trade and security.")


def test_a_document_past_its_time_budget_fails_alone_naming_the_stage(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "kb.db"))
    outcome = Ingestion(store, Pipeline(budget=Budget(seconds=0.0))).add(
        Document(id="slow", source="slow.txt", raw=ARTICLE))
    assert isinstance(outcome, Failed)
    assert str(outcome).startswith("error: slow.txt: over the time budget of 0 s (")
    assert " in stage dossier." in outcome.reason and "\n" not in str(outcome)
    assert Ingestion(store).add(Document(id="ok", source="ok.txt", raw=ARTICLE)).value == "new"


def test_a_document_past_its_memory_budget_fails_alone(tmp_path: Path) -> None:
    assert resident_megabytes() is not None and resident_megabytes() > 1
    store = Store(str(tmp_path / "kb.db"))
    outcome = Ingestion(store, Pipeline(budget=Budget(megabytes=1))).add(
        Document(id="big", source="big.txt", raw=ARTICLE))
    assert isinstance(outcome, Failed) and "over the memory budget of 1 MB" in outcome.reason


def test_the_budget_is_set_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db,
                                      "--time-limit", "0"])
    assert result.exit_code == 1
    assert "over the time budget of 0 s" in result.output and "1 failed" in result.output
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    assert result.exit_code == 0 and "1 new" in result.output
