"""Text, Markdown and HTML files, and directories of inputs, as `Document`s.

A file given by name is read whatever its extension, as long as it is text: people keep articles
as `.txt`, `.md`, or with no extension at all. Inside a directory only the known suffixes are
read (so that a folder's images and spreadsheets are not reported one by one), in sorted order so
that two runs over the same folder see the same documents in the same order.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator

from dossier.document import Document
from dossier.sources.decode import NotText, decode_html, decode_text
from dossier.sources.errors import MAX_BYTES, InputError, format_size, too_large
from dossier.sources.html import NoArticleText, html_document
from dossier.sources.jsonl import read_jsonl_file
from dossier.sources.shard import Shard, takes

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES: tuple[str, ...] = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
"""File name endings read from a directory (compared case-insensitively)."""


def is_supported(name: str) -> bool:
    return name.lower().endswith(SUPPORTED_SUFFIXES)


def read_path(path: str, max_bytes: int = MAX_BYTES,
              shard: Shard | None = None) -> Iterator[Document | InputError]:
    """Everything one command-line path holds: a file's article(s) or a directory's, in order
    (only `shard`'s part of them, when given)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if takes(shard):
            yield InputError(path, _os_reason(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from read_directory(path, max_bytes, shard)
    elif stat.S_ISREG(info.st_mode):
        yield from read_file(path, max_bytes, info.st_size, shard)
    elif takes(shard):
        yield InputError(path, "not a regular file or directory")


def read_directory(path: str, max_bytes: int = MAX_BYTES,
                   shard: Shard | None = None) -> Iterator[Document | InputError]:
    """Every supported file under `path`, recursively and sorted; hidden entries are skipped."""
    found = False
    for file_path in supported_files(path):
        if isinstance(file_path, InputError):
            if takes(shard):
                yield file_path
            continue
        found = True
        yield from read_path(file_path, max_bytes, shard)
    if not found and takes(shard):
        yield InputError(path, f"no supported files in directory ({', '.join(SUPPORTED_SUFFIXES)})")


def supported_files(directory: str) -> Iterator[str | InputError]:
    """Every supported file under `directory`, sorted, hidden entries skipped, symlinked
    directories not followed; an unreadable entry as an `InputError`."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(directory, _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        try:
            # Symlinked directories are not followed: a link to an ancestor would never end.
            if entry.is_dir(follow_symlinks=False):
                yield from supported_files(path)
            elif is_supported(entry.name) and entry.is_file():
                yield path
        except OSError as exc:
            yield InputError(path, _os_reason(exc))


def read_file(path: str, max_bytes: int = MAX_BYTES, size: int | None = None,
              shard: Shard | None = None) -> Iterator[Document | InputError]:
    """One file: JSON Lines or a web page by its suffix, otherwise one text (or Markdown)
    document."""
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        yield from read_jsonl_file(path, max_bytes, shard)
    elif not takes(shard):
        return
    elif lower.endswith(HTML_SUFFIXES):
        yield read_html_file(path, max_bytes, size)
    else:
        yield read_text_file(path, max_bytes, size)


def read_text_file(path: str, max_bytes: int = MAX_BYTES, size: int | None = None) -> Document | InputError:
    """A file holding one article; the id is the file name without its extension."""
    data = _read_bytes(path, max_bytes, size)
    if isinstance(data, InputError):
        return data
    try:
        text, warnings = decode_text(data)
    except NotText as exc:
        return InputError(path, exc.reason)
    if not text.strip():
        return InputError(path, "empty file")
    name = os.path.basename(path)
    return Document(id=os.path.splitext(name)[0], source=path, raw=text, warnings=warnings)


def read_html_file(path: str, max_bytes: int = MAX_BYTES, size: int | None = None) -> Document | InputError:
    """A saved web page; the id is the file name without its extension, and the page's own
    charset declaration decides how its bytes are read."""
    data = _read_bytes(path, max_bytes, size)
    if isinstance(data, InputError):
        return data
    try:
        html, encoding, sniffed = decode_html(data)
    except NotText as exc:
        return InputError(path, exc.reason)
    if not html.strip():
        return InputError(path, "empty file")
    name = os.path.splitext(os.path.basename(path))[0]
    try:
        doc = html_document(html, id=name, source=path)
    except NoArticleText as exc:
        return InputError(path, exc.reason)
    if sniffed:
        doc.warnings.insert(0, f"decoded as {encoding} (detected; the page declares no charset)")
    return doc


def _read_bytes(path: str, max_bytes: int, size: int | None) -> bytes | InputError:
    """The file's bytes, refused before reading when it is over the size limit."""
    try:
        if size is None:
            size = os.stat(path).st_size
        if size > max_bytes:  # decided from the size on disk, before reading a byte
            return InputError(path, too_large("file", size, max_bytes))
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)  # the size on disk may lie (/proc, a growing file)
    except OSError as exc:
        return InputError(path, _os_reason(exc))
    if len(data) > max_bytes:
        return InputError(path, f"file too large (more than the {format_size(max_bytes)} limit)")
    return data


def _os_reason(exc: OSError) -> str:
    """"no such file or directory", "permission denied": the OS's words, without errno noise."""
    return (exc.strerror or str(exc)).lower()
