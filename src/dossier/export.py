"""Write the knowledge base as files: JSON Lines (the records as `store.queries` shapes them,
the format `../shared/eval` reads), or one flat table per kind of record as CSV or Parquet.

The tables have one schema each, `TABLES` below (the README prints it): a column per field,
lists as lists in Parquet and joined with "; " in CSV, nested records (roles, evidence, figure
comparisons) as JSON text in both, so a spreadsheet opens every file and nothing is lost.
Each file is written under a temporary name and renamed when complete.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from dossier.store import queries
from dossier.store.filters import Selection

FORMATS = ("jsonl", "csv", "parquet")
LIST_SEPARATOR = "; "
IN_QUERY = 10_000   # ids passed to a query as a list; past this, records are filtered as read


@dataclass(frozen=True)
class Column:
    name: str
    type: str          # string, date, number, integer, list (of strings) or json
    description: str
    value: Callable[[dict], object] | None = None   # default: the record's field of that name

    def of(self, record: dict) -> object:
        return self.value(record) if self.value else record.get(self.name)


def _point(axis: str) -> Callable[[dict], object]:
    return lambda r: (r.get("coordinates") or {}).get(axis)


TABLES: dict[str, list[Column]] = {
    "documents": [
        Column("id", "string", "document id"),
        Column("published", "date", "publication date, if known"),
        Column("title", "string", "title"),
        Column("outlet", "string", "who published it"),
        Column("url", "string", "where it was read, if a web page"),
        Column("source", "string", "file path or URL it was ingested from"),
        Column("dateline", "string", "place in the dateline"),
        Column("author", "string", "author, if the page names one"),
        Column("language", "string", "ISO 639-1 code"),
        Column("near_duplicate_of", "string", "the document it copies, if any"),
        Column("duplicate_similarity", "number", "share of text in common with that document"),
        Column("text", "string", "the cleaned text every evidence offset points into"),
    ],
    "actors": [
        Column("id", "string", "actor id"),
        Column("name", "string", "canonical name"),
        Column("type", "string", "person, organization, armed group or country"),
        Column("country", "string", "ISO 3166 alpha-3"),
        Column("aliases", "list", "names the reports use"),
        Column("roles", "json", "[{title, organization, country, valid_from, valid_to, evidence}]"),
        Column("mentions", "integer", "mentions in the reports",
               lambda r: len(r["evidence"])),
        Column("evidence", "json", "[{doc, start, end, text}] of every mention"),
        Column("corrections", "json", "the analysts' corrections in force on it"),
    ],
    "events": [
        Column("id", "string", "event id"),
        Column("date", "date", "the day, when the reports fix it"),
        Column("date_earliest", "date", "first day it may have happened"),
        Column("date_latest", "date", "last day it may have happened"),
        Column("type", "string", "PLOVER event type"),
        Column("mode", "string", "how it happened or was planned (visit, phone, ...)"),
        Column("summary", "string", "one sentence"),
        Column("participants", "list", "actor ids"),
        Column("location", "string", "place name"),
        Column("country", "string", "ISO 3166 alpha-3 of the place"),
        Column("latitude", "number", "of the place", _point("lat")),
        Column("longitude", "number", "of the place", _point("lon")),
        Column("topics", "list", "topics"),
        Column("initiatives", "list", "initiative ids"),
        Column("reported_by", "list", "document ids"),
        Column("confidence", "number", "0-1, from the reports' readings"),
        Column("related", "json", "[{event, relation}]: announced by, took place as"),
        Column("evidence", "json", "[{doc, start, end, text}]"),
        Column("corrections", "json", "the analysts' corrections in force on it"),
    ],
    "initiatives": [
        Column("id", "string", "initiative id"),
        Column("name", "string", "canonical name"),
        Column("aliases", "list", "other names and acronyms"),
        Column("statuses", "list", "status in each report that gives one, in document order",
               lambda r: [m["status"] for m in r["mentions"] if m["status"]]),
        Column("mentions", "json", "[{doc, status, evidence}]"),
    ],
    "figures": [
        Column("id", "string", "figure id"),
        Column("doc", "string", "document id"),
        Column("text", "string", "as written"),
        Column("value", "number", "in its currency"),
        Column("currency", "string", "ISO 4217"),
        Column("value_usd", "number", "in US dollars"),
        Column("usd_rate", "number", "units of the currency per dollar used"),
        Column("usd_rate_date", "string", "month or year of that rate"),
        Column("usd_rate_source", "string", "where the rate comes from"),
        Column("period", "string", "the period the figure is about"),
        Column("what", "string", "what it measures"),
        Column("comparisons", "json", "[{figure, verdict, difference}] with other reports"),
        Column("evidence", "json", "[{doc, start, end, text}]"),
    ],
    "quotes": [
        Column("id", "string", "quote id"),
        Column("doc", "string", "document id"),
        Column("speaker", "string", "actor id"),
        Column("speaker_name", "string", "as the report names the speaker"),
        Column("text", "string", "the words quoted"),
        Column("evidence", "json", "[{doc, start, end, text}]"),
    ],
    "findings": [
        Column("id", "string", "finding id"),
        Column("kind", "string", "what disagrees (figures, titles, dates, ...)"),
        Column("description", "string", "one sentence"),
        Column("evidence", "json", "[{doc, start, end, text}]"),
    ],
    "corrections": [
        Column("id", "string", "correction id"),
        Column("number", "integer", "in the order they were made (`dossier correct undo N`)"),
        Column("action", "string", "merge, split, rename, country, type, reject or confirm"),
        Column("target", "string", "the actor or event id it corrects"),
        Column("value", "json", "what it sets: {into}, {names, id}, {name}, {country}, {type}"),
        Column("by", "string", "who made it"),
        Column("made_at", "string", "when (UTC)"),
        Column("why", "string", "the reason given"),
        Column("undone_at", "string", "when it was undone, if it was"),
        Column("outcome", "string", "applied, or why not, at the last rebuild"),
    ],
}


def schema_markdown() -> str:
    """The tables' schema as the README shows it."""
    lines = []
    for kind, columns in TABLES.items():
        lines.append(f"`{kind}`: " + ", ".join(f"`{c.name}` ({c.type}: {c.description})"
                                               for c in columns) + ".")
    return "\n\n".join(lines)


def records(s: Session, kind: str, selection: Selection) -> Iterator[dict]:
    """The records of one kind the selection keeps."""
    wanted = getattr(selection, kind, None)
    read = queries.KINDS[kind]
    if kind in queries.KEYED:
        if wanted is None:
            yield from read(s)
        elif len(wanted) <= IN_QUERY:
            yield from read(s, ids=wanted)
        else:
            keep = set(wanted)
            yield from (r for r in read(s) if r["id"] in keep)
        return
    if kind == "corrections":   # the analysts' history: whole with any filter
        yield from read(s)
        return
    docs = None if selection.documents is None else set(selection.documents)
    for r in read(s):   # figures, quotes, findings: those of the selected reports
        if docs is None or {e["doc"] for e in r["evidence"]} & docs:
            yield r


def write(s: Session, out_dir: Path, fmt: str, selection: Selection = Selection()) -> dict[str, int]:
    """Write one file per kind into `out_dir`; return how many records each holds."""
    counts = {}
    for kind in queries.KINDS:
        final = out_dir / f"{kind}.{fmt}"
        tmp = out_dir / f".{kind}.{fmt}.tmp"
        counts[kind] = WRITERS[fmt](records(s, kind, selection), tmp, TABLES[kind])
        tmp.replace(final)   # never a half-written file under the real name
    return counts


def _jsonl(rows: Iterable[dict], path: Path, columns: list[Column]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in rows:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _cell(column: Column, value: object) -> object:
    """A value as a CSV cell: lists joined, nested records as JSON, None as empty."""
    if value is None:
        return ""
    if column.type == "list":
        return LIST_SEPARATOR.join(map(str, value))
    if column.type == "json":
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv(rows: Iterable[dict], path: Path, columns: list[Column]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([c.name for c in columns])
        for record in rows:
            out.writerow([_cell(c, c.of(record)) for c in columns])
            n += 1
    return n


PARQUET_BATCH = 2_000   # records per row group: the export never holds a whole table


def _parquet(rows: Iterable[dict], path: Path, columns: list[Column]) -> int:
    import pyarrow as pa   # imported here: only this format needs it
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "date": pa.date32(), "number": pa.float64(),
             "integer": pa.int64(), "list": pa.list_(pa.string()), "json": pa.string()}
    schema = pa.schema([pa.field(c.name, types[c.type]) for c in columns])

    def value(column: Column, record: dict) -> object:
        v = column.of(record)
        if v is None:
            return None
        if column.type == "date":
            return date.fromisoformat(v)
        if column.type == "json":
            return json.dumps(v, ensure_ascii=False)
        if column.type == "list":
            return [str(x) for x in v]
        return v

    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict] = []
        for record in rows:
            batch.append({c.name: value(c, record) for c in columns})
            n += 1
            if len(batch) == PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema))
    return n


WRITERS = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}
