"""`dossier batch --engine spark`: the per-document stages as Spark tasks, written as Parquet.

Each partition builds one `Pipeline` (the spaCy model is loaded once per executor Python process,
which Spark reuses across tasks), and emits one row per document (`records.FIELDS`). A document
whose stages fail becomes a row with `error` set, never a failed task, so one bad article cannot
sink a job of millions. The cross-document stages need the whole corpus and a store: they run in
`dossier load`, after this job.

Limit: inputs are read on the driver with `read_inputs` and handed to Spark with `parallelize`,
so the raw corpus passes through the driver's memory. For corpora larger than the driver, the
inputs should be read by the executors (e.g. from JSON Lines files split across tasks).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dossier.batch.records import FIELDS, Record, error_record, from_record, to_record
from dossier.sources import InputError, read_inputs

SPARK_MISSING = "error: the Spark engine needs pyspark; install it with: pip install 'dossier[spark]'"


@dataclass
class BatchReport:
    read: int = 0
    written: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def spark_session(master: str | None = None):
    """The active Spark session (as under spark-submit or in tests), else a new one on `master`
    (default `local[*]`). Raises ImportError when pyspark is not installed."""
    from pyspark.sql import SparkSession
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    # local executors must run this interpreter, which has dossier and its model installed
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (SparkSession.builder.master(master or "local[*]").appName("dossier-batch")
            .config("spark.ui.enabled", "false").getOrCreate())


def run_batch(spark, paths: Iterable[str], out: str, partitions: int | None = None,
              on_message: Callable[[str], None] = lambda line: None) -> BatchReport:
    """Annotate every input as Spark tasks and write the rows to Parquet under `out`."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType
    report = BatchReport()
    records: list[tuple[int, Record]] = []
    for item in read_inputs(paths):
        if isinstance(item, InputError):
            report.failed += 1
            report.errors.append(str(item))
            on_message(str(item))
            continue
        report.read += 1
        records.append((len(records), to_record(item)))
    n = partitions or max(1, min(len(records), spark.sparkContext.defaultParallelism))
    rows = spark.sparkContext.parallelize(records, n).mapPartitions(annotate_partition)
    schema = StructType([StructField("position", LongType(), False)]
                        + [StructField(name, StringType(), True) for name in FIELDS])
    frame = spark.createDataFrame(rows, schema).cache()
    frame.write.mode("overwrite").parquet(out)
    for row in frame.where(frame.error.isNotNull()).select("error").collect():
        report.failed += 1
        report.errors.append(row.error)
        on_message(row.error)
    report.written = report.read
    frame.unpersist()
    return report


def annotate_partition(pairs: Iterator[tuple[int, Record]]) -> Iterator[tuple[int | str | None, ...]]:
    """One Spark task: one pipeline for the partition, one row per document. `position` is the
    document's place in the input, so that `load` stores documents in the order `ingest` would."""
    from dossier.pipeline import Pipeline
    from dossier.pool import annotate_one
    pipeline = Pipeline()
    for position, record in pairs:
        doc = from_record(record)
        done = annotate_one(pipeline, doc)
        row = error_record(doc, done) if isinstance(done, str) else to_record(done)
        yield (position, *(row[name] for name in FIELDS))
