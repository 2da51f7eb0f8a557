"""A run killed anywhere, even while it resolves, is repaired by the next: the export is then
byte for byte the export of a run that was never interrupted."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

CORPUS = Path(__file__).parent / "data" / "nigeria_uk"
DOSSIER = Path(sys.executable).parent / "dossier"
DOCUMENTS = len(list(CORPUS.glob("*.txt")))


def export(db: Path, out: Path) -> dict[str, bytes]:
    result = CliRunner().invoke(app, ["export", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def ingest(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(DOSSIER), "ingest", str(CORPUS), "--db", str(db)],
                          capture_output=True, text=True, timeout=600)


def count(db: Path, table: str = "documents") -> int:
    """Rows committed so far, read as another process would."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05) as c:
            return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:   # not created yet, or busy
        return 0


def kill_after(db: Path, documents: int) -> None:
    """Start an ingest and kill it (SIGKILL: no cleanup) once `documents` are stored; with
    every document stored, it is then resolving."""
    run = subprocess.Popen([str(DOSSIER), "ingest", str(CORPUS), "--db", str(db)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while count(db) < documents and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    run.send_signal(signal.SIGKILL)
    run.wait()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("clean")
    assert ingest(folder / "kb.db").returncode == 0
    exported = export(folder / "kb.db", folder / "out")
    assert exported["events.jsonl"].count(b"\n") >= 5, "a knowledge base worth comparing"
    return exported


@pytest.mark.parametrize("documents", [1, DOCUMENTS // 2, DOCUMENTS])
def test_a_killed_ingest_rerun_gives_the_export_of_a_clean_run(
        tmp_path: Path, clean: dict[str, bytes], documents: int) -> None:
    db = tmp_path / "kb.db"
    kill_after(db, documents)
    rerun = ingest(db)
    assert rerun.returncode == 0, rerun.stderr
    assert count(db, "events") == clean["events.jsonl"].count(b"\n"), "the re-run resolved"
    assert export(db, tmp_path / "out") == clean


def test_a_reading_command_resolves_what_a_killed_run_left(tmp_path: Path,
                                                           clean: dict[str, bytes]) -> None:
    db = tmp_path / "kb.db"
    kill_after(db, DOCUMENTS)
    assert export(db, tmp_path / "out") == clean
