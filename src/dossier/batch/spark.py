"""`dossier batch --engine spark`: the per-document stages as Spark tasks, written as Parquet.

Each partition builds one `Pipeline` (the spaCy model is loaded once per executor Python process,
which Spark reuses across tasks), and emits one row per document (`records.FIELDS`). A document
whose stages fail becomes a row with `error` set, never a failed task, so one bad article cannot
sink a job of millions. The cross-document stages need the whole corpus and a store: they run in
`dossier load`, after this job.

The tasks read the inputs themselves, each its own shard (`sources/shard.py`): the driver only
hands out paths, so a corpus larger than the driver's memory is fine.
"""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from dossier.batch.records import FIELDS, Record, error_record, to_record
from dossier.document import Document
from dossier.pipeline import DEFAULT_STAGES
from dossier.sources import InputError, Shard, read_inputs
from dossier.sources.stdin import STDIN
from dossier.sources.url import is_url

SPARK_MISSING = "error: the Spark engine needs pyspark; install it with: pip install 'dossier[spark]'"
# A task reports back when it ends, so progress moves by tasks: several per core make it move
# often, at the cost of each task opening the inputs again to find its share.
TASKS_PER_CORE = 4
POLL_SECONDS = 0.5


@dataclass
class BatchReport:
    read: int = 0
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
              stages: Iterable[str] = DEFAULT_STAGES,
              on_message: Callable[[str], None] = lambda line: None,
              on_progress: Callable[[float], None] = lambda share: None) -> BatchReport:
    """Annotate every input as Spark tasks and write the rows to Parquet under `out`.

    The driver sends each task only the list of paths and its shard number; the task reads its
    part of the inputs itself, one document at a time (`sources/shard.py`), so neither the driver
    nor a task ever holds the corpus. Paths must therefore be readable where the tasks run (a
    shared or distributed file system on a cluster). `on_progress` gets the share of the
    annotating tasks done, from 0 to 1, as they end."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType
    paths = [p if is_url(p) else os.path.abspath(p) for p in paths]
    if STDIN in paths:
        raise ValueError("standard input cannot be read by Spark tasks; save it to a file first")
    n = partitions or spark.sparkContext.defaultParallelism * TASKS_PER_CORE
    job = ShardJob(tuple(paths), n, tuple(stages))
    rows = spark.sparkContext.parallelize(range(n), n).mapPartitions(job)
    schema = StructType([StructField("position", LongType(), False)]
                        + [StructField(name, StringType(), True) for name in FIELDS])
    with _watching(spark.sparkContext, on_progress):
        spark.createDataFrame(rows, schema).write.mode("overwrite").parquet(out)
    written = spark.read.parquet(out)
    report = BatchReport(read=written.where(written.id.isNotNull()).count())
    for row in written.where(written.error.isNotNull()).orderBy("position").select("error") \
            .toLocalIterator():
        report.failed += 1
        report.errors.append(row.error)
        on_message(row.error)
    return report


@contextmanager
def _watching(context, on_progress: Callable[[float], None]) -> Iterator[None]:
    """Report the share of the running job's tasks done, from Spark's status tracker, until the
    block ends (Spark has no callback for it)."""
    tracker, stop = context.statusTracker(), threading.Event()

    def poll() -> None:
        done = 0.0   # never backwards, when a job's next, smaller stage starts
        while not stop.wait(POLL_SECONDS):
            stages = [s for s in map(tracker.getStageInfo, tracker.getActiveStageIds()) if s]
            total = sum(s.numTasks for s in stages)
            if total and (share := sum(s.numCompletedTasks for s in stages) / total) > done:
                done = share
                on_progress(done)

    watcher = threading.Thread(target=poll, name="batch-progress", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join()
    on_progress(1.0)


@dataclass(frozen=True)
class ShardJob:
    """One Spark task: read shard k of n of the inputs, annotate each document with one pipeline
    made for the task, and emit a row per item. `position` is the item's place in the whole
    input, so that `load` stores documents in the order `ingest` would."""

    paths: tuple[str, ...]
    count: int
    stages: tuple[str, ...]

    def __call__(self, indexes: Iterator[int]) -> Iterator[tuple[int | str | None, ...]]:
        from dossier.pipeline import Pipeline
        from dossier.pool import annotate_one
        pipeline = Pipeline(self.stages)
        for k in indexes:
            shard = Shard(k, self.count)
            for item in read_inputs(self.paths, shard=shard):
                if isinstance(item, InputError):
                    row: Record = dict.fromkeys(FIELDS)
                    row.update(source=item.input, error=str(item))
                else:
                    done = annotate_one(pipeline, item)
                    row = to_record(done) if isinstance(done, Document) \
                        else error_record(item, str(done))
                yield (shard.position, *(row[name] for name in FIELDS))
