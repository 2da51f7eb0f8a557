"""`dossier batch --engine spark` then `dossier load` builds the knowledge base `dossier ingest`
builds from the same seeds, with a real local Spark session."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

pyspark = pytest.importorskip("pyspark")
SEEDS = Path(__file__).parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def spark():
    """One small local session for the module; the commands pick it up as the active one."""
    from pyspark.sql import SparkSession
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("dossier-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "512m").getOrCreate())
    yield session
    session.stop()


def export(runner: CliRunner, db: str, out: Path) -> dict[str, str]:
    done = runner.invoke(app, ["export", "--out", str(out), "--db", db])
    assert done.exit_code == 0, done.output
    return {f.name: f.read_text(encoding="utf-8") for f in sorted(out.glob("*.jsonl"))}


def test_spark_batch_then_load_equals_ingest(spark, tmp_path):
    runner = CliRunner()
    parquet, db = tmp_path / "annotated", str(tmp_path / "spark.db")
    done = runner.invoke(app, ["batch", "--engine", "spark", str(SEEDS), "--out", str(parquet)])
    assert done.exit_code == 0, done.output
    assert "5 read, 0 failed" in done.output
    assert list(parquet.glob("*.parquet"))
    done = runner.invoke(app, ["load", str(parquet), "--db", db])
    assert done.exit_code == 0, done.output
    assert "5 read, 5 new" in done.output
    loaded = export(runner, db, tmp_path / "from-spark")

    ingested_db = str(tmp_path / "ingest.db")
    done = runner.invoke(app, ["ingest", str(SEEDS), "--db", ingested_db])
    assert done.exit_code == 0, done.output
    ingested = export(runner, ingested_db, tmp_path / "from-ingest")

    assert loaded.keys() == ingested.keys() and "events.jsonl" in loaded
    for name in ingested:
        assert loaded[name] == ingested[name], name


def test_a_failing_document_is_an_error_row_not_a_failed_task(monkeypatch, tmp_path):
    from dossier.batch.records import FIELDS
    from dossier.batch.spark import ShardJob
    from dossier.pipeline import DEFAULT_STAGES

    def boom(self, doc):
        raise RuntimeError("stage exploded")
    monkeypatch.setattr("dossier.pipeline.Pipeline.__call__", boom)
    (tmp_path / "x.txt").write_text("Kenya and Ghana signed a deal.", encoding="utf-8")
    rows = list(ShardJob((str(tmp_path),), 1, DEFAULT_STAGES)(iter([0])))
    assert len(rows) == 1 and rows[0][0] == 0
    assert "stage exploded" in rows[0][1 + FIELDS.index("error")]


def test_tasks_read_their_own_share_and_bad_inputs_are_reported_once(spark, tmp_path):
    """Three tasks over a directory, a JSON Lines file with a broken line and a missing path:
    every document is read exactly once, each error is one line, and load stores the documents
    in input order, as ingest would."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
        (corpus / f"{i}.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    lines = ['{"id": "j1", "text": "Ghana and Norway signed a fisheries deal in Accra."}',
             '{"id": "j2", "text": ',
             '{"id": "j3", "text": "Kenya asked the United States for help with flood relief."}']
    (tmp_path / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs = [str(corpus), str(tmp_path / "more.jsonl"), str(tmp_path / "missing.txt")]

    from dossier.batch.spark import run_batch
    errors: list[str] = []
    report = run_batch(spark, inputs, str(tmp_path / "out"), partitions=3, on_message=errors.append)
    assert (report.read, report.failed) == (5, 2)
    assert len(errors) == 2 and "more.jsonl:2" in errors[0] and "missing.txt" in errors[1]
    rows = spark.read.parquet(str(tmp_path / "out")).orderBy("position").collect()
    assert [r.position for r in rows] == list(range(7))
    assert [r.id for r in rows if r.id] == ["0", "1", "2", "j1", "j3"]

    runner = CliRunner()
    loaded = runner.invoke(app, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "l.db")])
    assert "5 read, 5 new" in loaded.output
    ingested = runner.invoke(app, ["ingest", *inputs, "--db", str(tmp_path / "i.db")])
    assert "5 read, 5 new" in ingested.output
    assert export(runner, str(tmp_path / "l.db"), tmp_path / "e1") == \
        export(runner, str(tmp_path / "i.db"), tmp_path / "e2")


def test_standard_input_is_refused_in_one_line(tmp_path):
    done = CliRunner().invoke(app, ["batch", "-", "--out", str(tmp_path / "out")])
    assert done.exit_code == 2 and "standard input cannot be read by Spark tasks" in done.output


def test_focused_makes_the_tasks_parse_a_report_only_around_its_country(spark, tmp_path):
    """With --focused a report naming one country is parsed around it (its focus is kept in
    the row); by default the focus is the whole text."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(
        "The governor opened a bridge on Monday. Crowds cheered. Later, the president spoke with "
        "the prime minister of Norway. They discussed shipping. The parade ended at noon. "
        "Officials said the road would reopen in June.", encoding="utf-8")
    runner = CliRunner()
    rows = {}
    for name, extra in (("focused", ["--focused"]), ("whole", [])):
        out = tmp_path / name
        done = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(out), *extra])
        assert done.exit_code == 0, done.output
        rows[name] = spark.read.parquet(str(out)).collect()[0]
    assert rows["focused"].focus not in (None, "[]") and rows["whole"].focus is None


def test_the_batch_reports_its_progress_as_its_tasks_end(spark, tmp_path):
    from dossier.batch.spark import run_batch
    shares: list[float] = []
    report = run_batch(spark, [str(SEEDS)], str(tmp_path / "annotated"), partitions=5,
                       on_progress=shares.append)
    assert report.read == 5 and report.failed == 0
    assert shares and shares[-1] == 1.0
    assert all(0 <= a <= b <= 1 for a, b in zip(shares, shares[1:]))
