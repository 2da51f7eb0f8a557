"""Adding documents and corrections through the API, by the same paths as `dossier ingest`
and `dossier correct`.

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
from dossier.resolve.correct import BadCorrection, make, undo
from dossier.store.filters import actor_matches
from dossier.store.queries import corrections
from dossier.store.store import Store
from dossier.web.records import CorrectionIn, DocumentIn, Refused, documents

EVENT_ACTIONS = ("reject", "confirm")


class Writer:
    """The server's one `Ingestion`, used by one request at a time."""

    def __init__(self, store: Store):
        self._store = store
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

    def correct(self, c: CorrectionIn) -> dict[str, Any]:
        """Make a correction; an actor may be named (one match) or given by id. Raises
        `Refused` with the reason when it cannot be made."""
        with self._lock:
            try:
                target, value = c.target, dict(c.value)
                if c.action not in EVENT_ACTIONS:
                    target = self._actor(target)
                if c.action == "merge" and isinstance(value.get("into"), str):
                    value["into"] = self._actor(value["into"])
                made = make(self._store, c.action, target, value, c.by, c.why)
            except BadCorrection as bad:
                raise Refused(str(bad)) from None
            return self._record(made.id)

    def undo(self, number: int) -> dict[str, Any]:
        with self._lock:
            try:
                undo(self._store, number)
            except BadCorrection as bad:
                raise Refused(str(bad)) from None
            return self._record(number)

    def _actor(self, text: str) -> str:
        with self._store.session() as s:
            found = actor_matches(s, text)
        if len(found) != 1:
            raise BadCorrection(f"{text}: " + ("no actor has this id or name" if not found else
                                "several actors match, give one of these ids: "
                                + ", ".join(a.id for a in found)))
        return found[0].id

    def _record(self, number: int) -> dict[str, Any]:
        with self._store.session() as s:
            return next(r for r in corrections(s) if r["number"] == number)
