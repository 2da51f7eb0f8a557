"""`dossier load`: store the documents a batch job annotated, then run the cross-document stages.

Each row becomes a `Document` with its annotations (`records.from_record`) and is stored in its
own transaction, exactly as `dossier ingest` stores it, so the knowledge base is the same
whichever engine ran the per-document stages. Rows the job marked as errors are reported and
counted as failed. Parquet is read through Spark, which the batch job needed anyway.
"""
from __future__ import annotations

from collections.abc import Callable

from dossier.batch.records import from_record
from dossier.ingest import IngestReport, Ingestion
from dossier.store.store import Store


def load(spark, store: Store, directory: str,
         on_message: Callable[[str], None] = lambda line: None,
         on_total: Callable[[int], None] = lambda n: None,
         on_document: Callable[[], None] = lambda: None,
         on_stage: Callable[[str], None] = lambda name: None) -> IngestReport:
    """Store every row; `on_total` gets the number of rows first, `on_document` is called once
    a row is stored, `on_stage` with the name of each cross-document stage."""
    report = IngestReport()
    ingestion = Ingestion(store)
    rows = spark.read.parquet(directory)
    on_total(rows.count())   # Parquet keeps its row counts: this reads no rows
    for row in rows.orderBy("position").toLocalIterator():
        on_document()
        record = row.asDict()
        record.pop("position", None)
        if record.get("error"):
            report.failed += 1
            report.errors.append(record["error"])
            on_message(record["error"])
            continue
        report.read += 1
        doc = from_record(record)
        # the pipeline only says which documents their language left unextracted
        report.count(ingestion.add_annotated(doc), doc, ingestion.pipeline, on_message)
    report.totals = ingestion.close(on_stage)
    return report
