"""Standard input ("-"): piped text is one article, piped JSON Lines is a corpus."""
from __future__ import annotations

import io
import json

from dossier.document import Document
from dossier.sources import InputError, read_inputs
from dossier.sources.stdin import stdin_id


def test_piped_text_is_one_document_named_by_its_content() -> None:
    (doc,) = read_inputs(["-"], stdin=io.StringIO("Ruto met Landau on Thursday.\n"))
    assert isinstance(doc, Document)
    assert (doc.id, doc.source, doc.raw) == (stdin_id(doc.raw), "-", "Ruto met Landau on Thursday.\n")
    assert doc.id.startswith("stdin-")
    (again,) = read_inputs(["-"], stdin=io.StringIO("Ruto met Landau on Thursday.\n"))
    (other,) = read_inputs(["-"], stdin=io.StringIO("Ruto met Blinken on Friday.\n"))
    assert again.id == doc.id and other.id != doc.id, "a second article piped is another document"


def test_piped_bytes_in_windows_1252_are_detected() -> None:
    text = "The envoy said “the talks at the café went well” and left.\n"
    (doc,) = read_inputs(["-"], stdin=io.BytesIO(text.encode("cp1252")))
    assert isinstance(doc, Document)
    assert doc.raw == text and doc.warnings == ["decoded as windows-1252 (detected)"]


def test_piped_json_lines_are_a_corpus() -> None:
    stream = "\n" + json.dumps({"id": "a", "text": "One."}) + "\n{oops\n" + json.dumps({"text": "Two."}) + "\n"
    items = list(read_inputs(["-"], stdin=io.BytesIO(stream.encode("utf-8"))))
    assert isinstance(items[0], Document) and items[0].id == "a"
    assert str(items[1]).startswith("error: -:3: invalid JSON (")
    assert isinstance(items[2], Document) and (items[2].id, items[2].source) == ("stdin-4", "-:4")


def test_text_starting_with_a_brace_elsewhere_is_still_text() -> None:
    (doc,) = read_inputs(["-"], stdin=io.StringIO("Kenya {draft}\n{not json}"))
    assert isinstance(doc, Document) and doc.id.startswith("stdin-")


def test_empty_stdin_is_one_error() -> None:
    (err,) = read_inputs(["-"], stdin=io.StringIO("  \n"))
    assert isinstance(err, InputError) and str(err) == "error: -: empty input"


def test_binary_stdin_is_refused() -> None:
    (err,) = read_inputs(["-"], stdin=io.BytesIO(b"%PDF-1.4\n..."))
    assert str(err) == "error: -: binary input, not text (PDF document)"


def test_oversized_stdin_text_is_refused() -> None:
    (err,) = read_inputs(["-"], stdin=io.StringIO("x" * 3_000), max_bytes=1_000)
    assert str(err) == "error: -: input too large (more than the 1 KB limit)"


def test_stdin_json_lines_are_streamed() -> None:
    """A pipe that never ends still gives its first article."""

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            line = b'{"text": "Again."}\n' * 10
            buffer[: len(line)] = line
            return len(line)

    items = read_inputs(["-"], stdin=Endless())
    assert [next(items).raw for _ in range(3)] == ["Again."] * 3
