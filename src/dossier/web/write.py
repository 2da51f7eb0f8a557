"""Adding documents through the API, by the same path as `dossier ingest`.

Records are read by the JSON Lines reader's `record_to_document` (one reader per source kind),
annotated by the pipeline, stored one transaction each, and the corpus is re-resolved once at
the end. One write at a time per app: SQLite has one writer, and two rebuilds at once would
redo each other's work. The spaCy pipeline loads on the first write, not at start-up, so a
read-only server starts fast.
"""
from __future__ import annotations

import dataclasses
import threading
from typing import Any

from dossier.ingest import Ingestion
from dossier.pipeline import Failed
from dossier.store.store import Store
from dossier.web.records import DocumentIn, documents


class Writer:
    """The server's one `Ingestion`, used by one request at a time."""

    def __init__(self, store: Store):
        self._ingestion = Ingestion(store)
        self._lock = threading.Lock()

    def add(self, records: list[DocumentIn]) -> dict[str, Any]:
        """Check every record, then ingest them; a record that fails in the pipeline fails
        alone (status "failed" with the reason), like a bad file in `dossier ingest`."""
        docs = documents(records)
        with self._lock:
            results = []
            for doc in docs:
                outcome = self._ingestion.add(doc)
                if isinstance(outcome, Failed):
                    results.append({"id": doc.id, "status": "failed", "error": str(outcome)})
                else:
                    results.append({"id": doc.id, "status": outcome.value})
            totals = self._ingestion.close()   # resolves when anything was stored
            return {"documents": results, "knowledge_base": dataclasses.asdict(totals)}
