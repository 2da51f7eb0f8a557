"""What `POST /api/documents` and `POST /api/corrections` accept, checked before anything is
stored.

Kept apart from `dossier.web.write`, which annotates and resolves: the API declares these
types on every server, and a read-only server must not load the ingestion path to do so.
"""
from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, Field

from dossier.document import Document
from dossier.sources.errors import MAX_BYTES
from dossier.sources.jsonl import BadRecord, record_to_document, refuse_lone_surrogates

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


class CorrectionIn(BaseModel):
    """A correction, as `dossier correct` makes it. `target` is an actor (id or name) or, for
    reject and confirm, an event id; `value` holds what the action sets: {"into": actor} for
    merge, {"names": [...]} for split, {"name"}, {"country"} or {"type"}."""

    action: Literal["merge", "split", "rename", "country", "type", "reject", "confirm"]
    target: str = Field(..., min_length=1, max_length=200)
    value: dict[str, str | list[str]] = Field(default_factory=dict)
    by: str = Field(..., min_length=1, max_length=200, description="Who makes it.")
    why: str = Field(..., min_length=1, max_length=2000, description="Why.")


class Refused(ValueError):
    """A correction the writer could not make, with the reason; nothing was stored."""


class BadDocuments(ValueError):
    """Records that are not articles; nothing of the request was stored."""

    def __init__(self, problems: list[dict]):
        super().__init__("; ".join(f"document {p['index']}: {p['reason']}" for p in problems))
        self.problems = problems


def documents(records: list[DocumentIn]) -> list[Document]:
    """The records as documents, or `BadDocuments` naming every record that is not one."""
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
