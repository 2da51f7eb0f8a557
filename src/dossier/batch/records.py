"""A `Document` as one flat row of strings, and back: what the Spark job writes to Parquet and
`dossier load` reads.

The schema is small and explicit (`FIELDS`): the document's own fields as strings (dates in ISO
form), and each kind of annotation as one JSON column, so that a new field in a mention does not
change the Parquet schema, and any Parquet reader can look at the output. A row with `error` set
is a document whose stages failed: it carries `id`, `source` and the error line, nothing else.
The spaCy `Doc` (`nlp`) is never part of a row.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from dossier.document import (DateMention, DateValue, Document, Entity, EventMention,
                              InitiativeMention, MoneyMention, PersonMention, QuoteMention, Role,
                              Span)

Record = dict[str, str | None]

SCALARS = ("id", "source", "raw", "extracted", "url", "title", "outlet", "published",
           "published_evidence", "date_note", "dateline", "author", "site_name", "fetched_at",
           "language", "text", "canonical_url")
"""Document fields stored as they are (dates and times as ISO strings)."""

ANNOTATIONS = ("warnings", "sentences", "entities", "dates", "people", "money", "quotes",
               "initiatives", "events", "minhash")
"""Document fields stored as one JSON column each."""

FIELDS = SCALARS + ANNOTATIONS + ("focus", "error")
"""Every column of a row, in order; all are nullable strings."""


def to_record(doc: Document) -> Record:
    row: Record = {name: _scalar(getattr(doc, name)) for name in SCALARS}
    for name in ANNOTATIONS:
        row[name] = json.dumps([asdict(x) if hasattr(x, "__dataclass_fields__") else x
                                for x in getattr(doc, name)], default=_iso, ensure_ascii=False)
    row["focus"] = None if doc.focus is None else json.dumps([asdict(s) for s in doc.focus])
    row["error"] = None
    return row


def error_record(doc: Document, error: str) -> Record:
    row: Record = dict.fromkeys(FIELDS)
    row.update(id=doc.id, source=doc.source, error=error)
    return row


def from_record(row: Record) -> Document:
    """The document a row holds; raises ValueError for an error row."""
    if row.get("error"):
        raise ValueError(row["error"])
    doc = Document(id=row["id"] or "", source=row["source"] or "", raw=row["raw"] or "")
    for name in SCALARS[3:]:
        setattr(doc, name, row[name])
    doc.text = row["text"] or ""
    doc.published = date.fromisoformat(row["published"]) if row["published"] else None
    doc.fetched_at = datetime.fromisoformat(row["fetched_at"]) if row["fetched_at"] else None
    data = {name: json.loads(row[name]) if row[name] else [] for name in ANNOTATIONS}
    doc.warnings = list(data["warnings"])
    doc.minhash = list(data["minhash"])
    doc.focus = None if row.get("focus") is None else [_span(d) for d in json.loads(row["focus"])]
    doc.sentences = [_span(d) for d in data["sentences"]]
    doc.entities = [Entity(_span(d["span"]), d["text"], d["label"]) for d in data["entities"]]
    doc.dates = [DateMention(_span(d["span"]), d["text"], _date_value(d["value"]))
                 for d in data["dates"]]
    doc.people = [PersonMention(_span(d["span"]), d["surface"], d["name"],
                                [Role(r["title"], r["organization"], r["country"], _span(r["span"]))
                                 for r in d["roles"]], d["country"], d.get("country_assumed", False))
                  for d in data["people"]]
    doc.money = [MoneyMention(**{**d, "span": _span(d["span"])}) for d in data["money"]]
    doc.quotes = [QuoteMention(**{**d, "span": _span(d["span"])}) for d in data["quotes"]]
    doc.initiatives = [InitiativeMention(**{**d, "span": _span(d["span"])})
                       for d in data["initiatives"]]
    doc.events = [EventMention(**{**d, "evidence": [_span(s) for s in d["evidence"]],
                                  "date": _date_value(d["date"]) if d["date"] else None})
                  for d in data["events"]]
    return doc


def _scalar(value: Any) -> str | None:
    return _iso(value) if isinstance(value, (date, datetime)) else value


def _iso(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _span(d: dict) -> Span:
    return Span(d["start"], d["end"])


def _date_value(d: dict) -> DateValue:
    return DateValue(date.fromisoformat(d["earliest"]) if d["earliest"] else None,
                     date.fromisoformat(d["latest"]) if d["latest"] else None,
                     d["precision"], d["weekday"])
