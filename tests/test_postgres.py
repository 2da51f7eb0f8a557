"""PostgreSQL as the store: every command works on it, and concurrent ingests into one store
neither lose nor duplicate anything."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from databases import postgres_schema
from typer.testing import CliRunner

from dossier.cli import app
from dossier.store.store import Store
from dossier.store.schema import DocumentRow
from sqlalchemy import func, select

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
DOSSIER = Path(sys.executable).parent / "dossier"
HOLDERS = ("name,title,country,valid_from,valid_to\n"
           "Antony Blinken,Secretary of State,USA,2021-01-26,2025-01-20\n")
PEOPLE = [("Kenyan President", "William Ruto"), ("US Ambassador", "Meg Whitman"),
          ("Foreign Minister", "Yusuf Tuggar"), ("Foreign Secretary", "David Lammy"),
          ("Prime Cabinet Secretary", "Musalia Mudavadi")]
PLACES = ["Nairobi", "Abuja", "London", "Washington", "Addis Ababa"]


def article(i: int) -> str:
    (t1, p1), (t2, p2) = PEOPLE[i % 5], PEOPLE[(i + 2) % 5]
    return (f"{t1} {p1} held talks with {t2} {p2} in {PLACES[i % 5]} on {i + 3} May 2024. "
            f"They discussed trade worth ${i + 2} billion and security cooperation.\n")


def write_inputs(folder: Path) -> tuple[Path, Path, Path]:
    """Ten small generated articles shared by both runs, and one of its own for each."""
    shared = folder / "shared"
    shared.mkdir()
    for i in range(10):
        (shared / f"article_{i:02d}.txt").write_text(article(i), encoding="utf-8")
    own = []
    for name, i in (("own_a", 10), ("own_b", 11)):
        (folder / f"{name}.txt").write_text(article(i), encoding="utf-8")
        own.append(folder / f"{name}.txt")
    return shared, own[0], own[1]


def exported(db: str, out: Path) -> dict[str, list[str]]:
    result = CliRunner().invoke(app, ["export", "--format", "jsonl", "--out", str(out),
                                      "--db", db])
    assert result.exit_code == 0, result.output
    return {kind: sorted(json.loads(line)["id"] for line in (out / f"{kind}.jsonl").open())
            for kind in ("documents", "events", "actors")}


def test_two_processes_ingesting_at_once_lose_and_duplicate_nothing(tmp_path: Path,
                                                                    pg_url: str) -> None:
    shared, own_a, own_b = write_inputs(tmp_path)
    runs = [subprocess.Popen([str(DOSSIER), "ingest", str(SEEDS), str(shared), str(own),
                              "--db", pg_url], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True) for own in (own_a, own_b)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert not any("error" in output for output in outputs), outputs
    store = Store(pg_url)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == 5 + 10 + 2
    store.close()
    concurrent = exported(pg_url, tmp_path / "concurrent")
    with postgres_schema() as single_url:
        once = CliRunner().invoke(app, ["ingest", str(SEEDS), str(shared), str(own_a),
                                        str(own_b), "--db", single_url])
        assert once.exit_code == 0, once.output
        single = exported(single_url, tmp_path / "single")
    assert concurrent == single
    for ids in concurrent.values():
        assert len(ids) == len(set(ids))


def test_every_command_works_on_postgres(tmp_path: Path, pg_url: str) -> None:
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "--db", pg_url], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    assert "5 new" in run("ingest", str(SEEDS))
    assert "0 new" in run("ingest", str(SEEDS))   # content hashes already stored
    assert "Ruto" in run("timeline")
    assert "William Ruto" in run("actors")
    assert "William Ruto" in run("show", "person-william-ruto")
    assert "Landau" in run("show", "003_2efd09c22e395e7f")
    (tmp_path / "holders.csv").write_text(HOLDERS, encoding="utf-8")
    assert "1 office holder" in run("offices", str(tmp_path / "holders.csv"))
    ids = exported(pg_url, tmp_path / "out")
    assert len(ids["documents"]) == 5 and "person-antony-blinken" in ids["actors"]
