"""JSON Lines corpora (plain or gzip): one article per line, read as a stream.

A dump can hold millions of articles, so it is never read whole: lines are split from fixed-size
chunks, and a line longer than the size limit is skipped without being kept in memory. Each line
becomes a `Document` or an `InputError` naming "path:LINE", so one malformed record costs one
article, not the file.
"""
from __future__ import annotations

import gzip
import itertools
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from dossier.document import Document
from dossier.sources.decode import SNIFF_BYTES, binary_kind, normalize_newlines, utf16_32_bom
from dossier.sources.errors import MAX_BYTES, InputError, too_large
from dossier.sources.html import NoArticleText, html_document
from dossier.sources.shard import Shard, takes

CHUNK_BYTES = 1 << 16
STRING_FIELDS = ("text", "html", "url", "title", "outlet")
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number",
               bool: "boolean", type(None): "null"}


def read_jsonl_file(path: str, max_bytes: int = MAX_BYTES,
                    shard: Shard | None = None) -> Iterator[Document | InputError]:
    """Read a .jsonl or .jsonl.gz file; ids default to "<name>-<LINE>" (news.jsonl.gz -> news-3)."""
    compressed = path.lower().endswith(".gz")
    name = os.path.basename(path)
    stem = name[: -len(".jsonl.gz")] if compressed else os.path.splitext(name)[0]
    try:
        with gzip.open(path, "rb") if compressed else open(path, "rb") as stream:
            yield from read_jsonl_stream(_chunks(stream.read), path, stem, max_bytes, shard)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        if takes(shard):
            yield InputError(path, f"corrupt gzip file ({exc})")
    except OSError as exc:
        if takes(shard):
            yield InputError(path, (exc.strerror or str(exc)).lower())


def read_jsonl_stream(
    chunks: Iterable[bytes], source: str, stem: str, max_bytes: int = MAX_BYTES,
    shard: Shard | None = None,
) -> Iterator[Document | InputError]:
    """Documents from a byte stream of JSON Lines; `source` names it in errors ("-" for stdin).

    Errors raised while reading `chunks` (a corrupt gzip member) propagate to the caller, which
    knows what the stream is; the lines read before them have been yielded.
    """
    chunks = iter(chunks)
    first = next(chunks, b"")
    if (problem := _not_jsonl(first)) is not None:
        if takes(shard):
            yield InputError(source, problem)
        return
    any_record = False
    for lineno, line, size in split_lines(itertools.chain([first], chunks), max_bytes):
        if line is None:
            any_record = True
            if takes(shard):
                yield InputError(f"{source}:{lineno}", too_large("record", size, max_bytes))
            continue
        if lineno == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        any_record = True
        if not takes(shard):
            continue   # another task's line: not even parsed
        try:
            yield record_to_document(_parse(line), source, stem, lineno)
        except BadRecord as bad:
            yield InputError(f"{source}:{lineno}", str(bad))
    if not any_record and takes(shard):
        yield InputError(source, "empty file")


def _not_jsonl(head: bytes) -> str | None:
    """Why a stream starting with `head` cannot be JSON Lines, or None."""
    if utf16_32_bom(head):
        return "UTF-16/32 text; JSON Lines must be UTF-8"
    kind = binary_kind(head[:SNIFF_BYTES])
    if kind == "gzip data":
        return "binary file, not text (gzip data; name it .jsonl.gz to read it compressed)"
    if kind is not None:
        return f"binary file, not text ({kind})"
    return None


def split_lines(chunks: Iterable[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line without its newline or None if longer than max_bytes, size in bytes).

    Memory stays bounded by one chunk plus `max_bytes`, whatever the file holds.
    """
    buffer = bytearray()
    size = 0
    lineno = 1
    for chunk in chunks:
        start = 0
        while True:
            newline = chunk.find(b"\n", start)
            piece = chunk[start:] if newline < 0 else chunk[start:newline]
            size += len(piece)
            if size <= max_bytes:
                buffer += piece
            if newline < 0:
                break
            yield lineno, (bytes(buffer).removesuffix(b"\r") if size <= max_bytes else None), size
            buffer.clear()
            size = 0
            lineno += 1
            start = newline + 1
    if size:
        yield lineno, (bytes(buffer).removesuffix(b"\r") if size <= max_bytes else None), size


class BadRecord(ValueError):
    """A line that is not a usable article; the message is the reason shown to the user."""


def _parse(line: bytes) -> dict[str, Any]:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRecord("not valid UTF-8 (JSON Lines must be UTF-8)") from None
    try:
        record = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise BadRecord("invalid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise BadRecord(f"not a JSON object (got {_json_type(record)})")
    return record


MAX_INT_DIGITS = 40


def _bounded_int(digits: str) -> int:
    """A JSON integer, refused past any plausible id or year: Python converts a long run of
    digits in quadratic time, and refuses one of over 4,300 with an error of its own."""
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise BadRecord(f"a number of {len(digits.lstrip('-'))} digits (at most {MAX_INT_DIGITS})")
    return int(digits)


def refuse_lone_surrogates(record: dict[str, Any]) -> None:
    """JSON may escape half of a UTF-16 pair ("\\ud800"); a string holding one is no text and
    can be neither hashed nor stored, so the record is refused before anything encodes it."""
    for key, value in record.items():
        if isinstance(value, str) and _has_lone_surrogate(value):
            raise BadRecord(f"field '{_printable(key)}' holds a lone surrogate escape, not text")


def _without_nul(record: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The record with U+0000 taken out of its strings, and the fields that held one. JSON may
    escape it ("\\u0000"); SQLite would keep it and PostgreSQL refuse the document, so both
    stores get the text without it (files with NUL bytes are refused as binary already)."""
    fields = [key for key, value in record.items() if isinstance(value, str) and "\0" in value]
    if not fields:
        return record, []
    return ({key: value.replace("\0", "") if key in fields else value
             for key, value in record.items()}, [f"'{_printable(k)}'" for k in fields])


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _printable(key: str) -> str:
    return key.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")[:40]


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def record_to_document(record: dict[str, Any], source: str, stem: str, lineno: int) -> Document:
    """One JSON object to a Document: `text` (or else `html`) plus optional id, url, title,
    outlet and published. Raises `BadRecord` when it holds no article; a bad `published` is
    only a warning, since the article itself is still good."""
    refuse_lone_surrogates(record)
    record, with_nul = _without_nul(record)
    fields: dict[str, str | None] = {}
    for key in STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadRecord(f"field '{key}' must be a string, not {_json_type(value)}")
        fields[key] = value
    record_id = record.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, (str, int))):
        raise BadRecord(f"field 'id' must be a string or an integer, not {_json_type(record_id)}")

    doc_id = str(record_id).strip() if record_id is not None else ""
    doc_id, doc_source = doc_id or f"{stem}-{lineno}", f"{source}:{lineno}"
    if fields["text"] and fields["text"].strip():
        doc = Document(id=doc_id, source=doc_source, raw=normalize_newlines(fields["text"]),
                       url=fields["url"])
    elif fields["html"] and fields["html"].strip():
        try:
            doc = html_document(fields["html"], id=doc_id, source=doc_source, url=fields["url"])
        except NoArticleText:
            raise BadRecord("no text in field 'html' (no paragraphs or visible text)") from None
    else:
        raise BadRecord("no text: a record needs a non-empty 'text' or 'html'")
    doc.title = fields["title"] or doc.title
    doc.outlet = fields["outlet"] or doc.outlet
    if with_nul:
        doc.warnings.append(f"NUL characters removed from {', '.join(with_nul)}: they are not "
                            "text, and PostgreSQL could not store them")

    published = _published(record.get("published"), doc.warnings)
    if published:   # the record's own field is what its producer vouches for, over the page's
        if doc.published and doc.published != published:
            doc.date_note = (f"{published.isoformat()} from the record's 'published' field is "
                             f"used rather than {doc.published.isoformat()} from the page "
                             f"({doc.published_evidence})")
        # Like the dateline a cleaning stage quotes from the text: the words the date came from.
        doc.published, doc.published_evidence = published, f"published: {record['published']}"
    return doc


def _published(value: object, warnings: list[str]) -> date | None:
    """An ISO date or datetime ("2024-03-01", "2024-03-01T09:30:00Z") as the day it names."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value_s = value.strip()
        try:
            return date.fromisoformat(value_s)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(value_s).date()
        except ValueError:
            pass
    warnings.append(f"published {json.dumps(value, ensure_ascii=False)} is not an ISO date; ignored")
    return None


def _chunks(read: Callable[[int], bytes]) -> Iterator[bytes]:
    while chunk := read(CHUNK_BYTES):
        yield chunk
