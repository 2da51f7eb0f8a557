"""Adding documents through the API, by the same path as `dossier ingest`.

Records are read by the JSON Lines reader's `record_to_document` (one reader per source kind),
annotated by the pipeline, stored one transaction each, and the corpus is re-resolved once at
the end. One write at a time per app: SQLite has one writer, and two rebuilds at once would
redo each other's work. The spaCy pipeline loads on the first write, not at start-up, so a
read-only server starts fast.
"""
from __future__ import annotations

import hashlib
import threading
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import func, select

from dossier.ingest import process_document
from dossier.pipeline import Failed, Pipeline
from dossier.resolve.rebuild import resolve_if_stale
from dossier.sources.errors import MAX_BYTES
from dossier.sources.jsonl import BadRecord, record_to_document, refuse_lone_surrogates
from dossier.store.schema import ActorRow, DocumentRow, EventRow, FigureRow
from dossier.store.store import Saved, Store

MAX_DOCUMENTS = 100   # per request; send more in several requests


class DocumentIn(BaseModel):
    """One article: `text` or `html` is required, the rest is optional (as in JSON Lines)."""

    id: str | int | None = Field(None, description="Document id; default: a hash of the content.")
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="ISO date or datetime.")


class BadDocuments(ValueError):
    """Records that are not articles; nothing of the request was stored."""

    def __init__(self, problems: list[dict]):
        super().__init__("; ".join(f"document {p['index']}: {p['reason']}" for p in problems))
        self.problems = problems


class Writer:
    def __init__(self, store: Store):
        self._store = store
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def add(self, records: list[DocumentIn]) -> dict[str, Any]:
        """Check every record, then ingest them; a record that fails in the pipeline fails
        alone (status "failed" with the reason), like a bad file in `dossier ingest`."""
        docs = _documents(records)
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            results = []
            for doc in docs:
                outcome = process_document(self._store, self._pipeline, doc)
                if isinstance(outcome, Failed):
                    results.append({"id": doc.id, "status": "failed", "error": str(outcome)})
                else:
                    results.append({"id": doc.id, "status": outcome.value})
            resolve_if_stale(self._store)   # when anything was stored
            return {"documents": results, "knowledge_base": self._counts()}

    def _counts(self) -> dict[str, int]:
        with self._store.session() as s:
            return {row.__tablename__: s.scalar(select(func.count()).select_from(row))
                    for row in (DocumentRow, EventRow, ActorRow, FigureRow)}


def _documents(records: list[DocumentIn]) -> list:
    if not records:
        raise BadDocuments([{"index": 0, "reason": "no documents in the request"}])
    if len(records) > MAX_DOCUMENTS:
        raise BadDocuments([{"index": MAX_DOCUMENTS, "reason": f"at most {MAX_DOCUMENTS} "
                                                               "documents per request"}])
    docs, problems = [], []
    for index, record in enumerate(records):
        fields = record.model_dump(exclude_none=True)
        body = fields.get("text") or fields.get("html") or ""
        try:
            refuse_lone_surrogates(fields)
            if len(body.encode("utf-8")) > MAX_BYTES:
                raise BadRecord(f"larger than {MAX_BYTES} bytes")
            if "id" not in fields and body:
                fields["id"] = "api-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
            doc = record_to_document(fields, "api", "api", index + 1)
        except BadRecord as bad:
            problems.append({"index": index, "reason": str(bad)})
            continue
        doc.source = f"api:{doc.id}"
        docs.append(doc)
    if problems:
        raise BadDocuments(problems)
    return docs
