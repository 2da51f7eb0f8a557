"""What the tests of the `dossier` command share: a runner with a wide terminal, the seeds
ingested once per module, and readers of what the command printed."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from dossier.cli import app
from dossier.store import queries
from dossier.store.store import Store

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))

RUTO_BLINKEN = ("Kenyan President William Ruto met US Secretary of State Antony Blinken in "
                "Nairobi on 3 March 2024.\n")
MUDAVADI_WHITMAN = ("Prime Cabinet Secretary Musalia Mudavadi held talks with US Ambassador "
                    "Meg Whitman in Nairobi on 5 May 2024.\n")

# The four Kenya–US meetings of the seeds (../shared/eval/seeds.gold.json): who, reports.
MEETINGS = [({"Christopher Landau", "William Ruto"}, 2),
            ({"Meg Whitman", "Musalia Mudavadi", "Rebecca Miano"}, 2),
            ({"Antony Blinken", "Musalia Mudavadi"}, 1),
            ({"Marco Rubio", "Musalia Mudavadi"}, 1)]
@pytest.fixture(scope="module")
def runner() -> CliRunner:
    """A wide terminal (one table row per line) and no DOSSIER_DB from the outer environment."""
    return CliRunner(env={"COLUMNS": "250", "DOSSIER_DB": None})


def run(runner: CliRunner, *args: str, **kwargs) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False, **kwargs)


def summary(result: Result) -> str:
    return " ".join(result.stdout.split())


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def table_rows(output: str) -> list[list[str]]:
    """The body rows of a Rich table as lists of cell texts."""
    return [[cell.strip() for cell in line.strip().strip("│").split("│")]
            for line in output.splitlines() if line.startswith("│")]


@pytest.fixture(scope="module")
def seeded(runner: CliRunner, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Result]:
    """The five seed articles ingested once (~3 s); tests using it only read."""
    db = str(tmp_path_factory.mktemp("seeded") / "kb.db")
    return db, run(runner, "ingest", str(SEEDS), "--db", db)


@pytest.fixture(scope="module")
def seed_records(seeded) -> dict[str, list[dict]]:
    store = Store(seeded[0])
    with store.session() as s:
        out = {kind: list(fn(s)) for kind, fn in queries.KINDS.items()}
    store.close()
    return out


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a fresh directory, so that relative names are what the user typed."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
