"""Standard input ("-") as documents: piped text is one article, piped JSON Lines a corpus.

There is no file name to go by, so the content decides: a stream whose first non-blank character
is "{" is JSON Lines (read as a stream, like a .jsonl file), anything else is one text document
with an id made from its content ("stdin-1f2e3d4c5b6a7980"), so that a second article piped
later is a document of its own rather than a new version of the first. Text is read to the end,
but no further than the size limit.
"""
from __future__ import annotations

import hashlib
import itertools
import sys
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from dossier.document import Document
from dossier.sources.decode import NotText, decode_text
from dossier.sources.errors import MAX_BYTES, InputError, format_size
from dossier.sources.jsonl import CHUNK_BYTES, read_jsonl_stream

STDIN = "-"
_BLANK = b" \t\r\n\x0b\x0c"
_BOM = b"\xef\xbb\xbf"


def read_stdin(stream: TextIO | BinaryIO | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """Read `stream` (default: the process's stdin, as bytes so that its encoding can be detected)."""
    stream = sys.stdin if stream is None else stream
    if stream is None:  # a process started without one (pythonw, some daemons)
        yield InputError(STDIN, "no standard input")
        return
    chunks = _byte_chunks(stream)
    head = b""
    for chunk in chunks:  # read only as far as the first non-blank character
        head += chunk
        if head.removeprefix(_BOM).lstrip(_BLANK) or len(head) > max_bytes:
            break
    if head.removeprefix(_BOM).lstrip(_BLANK).startswith(b"{"):
        yield from read_jsonl_stream(itertools.chain([head], chunks), STDIN, "stdin", max_bytes)
        return
    data = bytearray(head)
    for chunk in chunks:
        if len(data) > max_bytes:
            break
        data += chunk
    if len(data) > max_bytes:
        yield InputError(STDIN, f"input too large (more than the {format_size(max_bytes)} limit)")
        return
    try:
        text, warnings = decode_text(bytes(data))
    except NotText as exc:
        yield InputError(STDIN, exc.reason.replace("binary file", "binary input"))
        return
    if not text.strip():
        yield InputError(STDIN, "empty input")
        return
    yield Document(id=stdin_id(text), source=STDIN, raw=text, warnings=warnings)


def stdin_id(text: str) -> str:
    return "stdin-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _byte_chunks(stream: TextIO | BinaryIO) -> Iterator[bytes]:
    """Bytes from either kind of stream; a text stream that wraps bytes (sys.stdin) is read
    underneath, one already decoded (io.StringIO) is re-encoded as UTF-8."""
    binary = getattr(stream, "buffer", stream)
    while chunk := binary.read(CHUNK_BYTES):
        yield chunk.encode("utf-8") if isinstance(chunk, str) else chunk
