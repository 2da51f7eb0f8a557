"""Readers: turn the inputs a user names into `Document`s, one article at a time.

`read_inputs` is the one entry point. It takes file paths, directories, JSON Lines files (plain or
gzip), http(s) URLs and "-" for standard input, and yields, lazily, a `Document` per article or an
`InputError` per input (or JSON line) that could not be read, so that a bad file fails alone and
a corpus of millions of lines never sits in memory. Non-fatal surprises (a guessed encoding, an
unreadable publication date) travel with the document in `doc.warnings`.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, TextIO

from dossier.document import Document
from dossier.messages import one_line
from dossier.sources.errors import MAX_BYTES, InputError
from dossier.sources.files import SUPPORTED_SUFFIXES, read_path
from dossier.sources.shard import Shard, takes
from dossier.sources.fetch import Fetcher
from dossier.sources.stdin import STDIN, read_stdin
from dossier.sources.url import is_url, read_url

__all__ = ["MAX_BYTES", "SUPPORTED_SUFFIXES", "InputError", "Shard", "read_inputs"]


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    stdin: TextIO | BinaryIO | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    fetcher: Fetcher | None = None,
    shard: Shard | None = None,
) -> Iterator[Document | InputError]:
    """Yield one `Document` or `InputError` per article, input by input, in the order given.

    `stdin` is what "-" reads (default: the process's standard input). `max_bytes` caps a text
    file, a standard-input text and a single JSON line; JSON Lines files themselves may be any
    size, since they are streamed. An argument starting with http:// or https:// is fetched by
    `fetcher` (whose policy has its own size limit); without one, a fetcher with the default
    policy is made when the first URL comes, and closed at the end.
    """
    own: Fetcher | None = None
    try:
        for path in paths:
            path = os.fspath(path)
            if path == STDIN:
                if shard is not None:
                    raise ValueError("standard input cannot be split between tasks")
                yield from _guarded(path, lambda: read_stdin(stdin, max_bytes))
            elif is_url(path):
                if not takes(shard):
                    continue
                if fetcher is None:
                    fetcher = own = Fetcher()
                yield from _guarded(path, lambda: iter([read_url(path, fetcher)]))
            else:
                yield from _guarded(path, lambda: read_path(path, max_bytes, shard))
    finally:
        if own is not None:
            own.close()


def _guarded(path: str, read: Callable[[], Iterator[Document | InputError]]
             ) -> Iterator[Document | InputError]:
    """What one input gives, and an error naming it in place of whatever a reader did not
    foresee: that input ends there, and the run goes on with the next."""
    try:
        yield from read()
    except Exception as err:  # noqa: BLE001 - one input's failure must not stop the others
        yield InputError(path, f"could not be read ({one_line(err)})")
