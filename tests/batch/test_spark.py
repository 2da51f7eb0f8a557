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


def test_a_failing_document_is_an_error_row_not_a_failed_task(monkeypatch):
    from dossier.batch.records import to_record
    from dossier.batch.spark import annotate_partition
    from dossier.document import Document

    def boom(self, doc):
        raise RuntimeError("stage exploded")
    monkeypatch.setattr("dossier.pipeline.Pipeline.__call__", boom)
    rows = list(annotate_partition(iter([(0, to_record(Document(id="x", source="x.txt", raw="hi")))])))
    assert rows[0][0] == 0 and "stage exploded" in rows[0][-1]
