"""Text, Markdown and directory inputs, and the ways a file can fail to be an article."""
from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from dossier.clean import metadata  # noqa: F401  (registers the stage)
from dossier.document import Document
from dossier.pipeline import REGISTRY
from dossier.sources import MAX_BYTES, SUPPORTED_SUFFIXES, InputError, read_inputs

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
SEED_IDS = [
    "000_0588961eb53c14e0",
    "001_f13660d5e4250ff1",
    "002_b855b2cfa0b1d2b6",
    "003_2efd09c22e395e7f",
    "004_a7afc1ded1988888",
]


def read_one(path: Path, **kwargs: int) -> Document | InputError:
    items = list(read_inputs([str(path)], **kwargs))
    assert len(items) == 1, items
    return items[0]


def test_seed_directory_gives_five_documents_in_order() -> None:
    docs = list(read_inputs([str(SEEDS)]))
    assert [d.id for d in docs] == SEED_IDS
    assert all(isinstance(d, Document) and not d.warnings for d in docs)
    assert docs[1].source == str(SEEDS / "001_f13660d5e4250ff1.txt")
    assert docs[1].raw.startswith("Prime Cabinet Secretary Musalia Mudavadi on Thursday")
    assert "“I held a constructive meeting" in docs[1].raw  # UTF-8 curly quotes intact


def test_one_text_file_keeps_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "talks.txt").write_text("Kenya and the US met.\r\nThey agreed.\r\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    doc = read_one(Path("talks.txt"))
    assert isinstance(doc, Document)
    assert (doc.id, doc.source) == ("talks", "talks.txt")
    assert doc.raw == "Kenya and the US met.\nThey agreed.\n"  # Windows newlines normalised


def test_file_without_extension_is_read_when_given_by_name(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("Ruto met Landau in Nairobi.", encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.id == "README"


def test_utf8_bom_is_dropped_silently(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfNairobi \xe2\x80\x94 talks.")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.raw == "Nairobi — talks." and doc.warnings == []


def test_markdown_is_kept_as_written_and_read_as_plain_text(tmp_path: Path) -> None:
    raw = ("# Kenya and US hold talks\n\nRead [the statement](https://state.gov/x) and "
           "![a photo](img.png).\n\n## Background ##\n#hashtag stays\n")
    path = tmp_path / "brief.md"
    path.write_text(raw, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.id == "brief"
    assert doc.raw == raw
    cleaned = REGISTRY["dossier.clean.metadata.v1"].fn(doc)
    assert cleaned.text == "Kenya and US hold talks\n\nRead the statement and a photo.\n\nBackground\n\n#hashtag stays"


def test_directory_is_recursive_sorted_and_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "c.TEXT").write_text("Three.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("git internals", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [d.raw for d in items] == ["One.", "Two.", "Three."]


def test_directory_with_nothing_to_read_says_so(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    err = read_one(tmp_path)
    assert isinstance(err, InputError)
    assert str(err) == f"error: {tmp_path}: no supported files in directory ({', '.join(SUPPORTED_SUFFIXES)})"


def test_nonexistent_path_is_one_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    err = read_one(missing)
    assert isinstance(err, InputError)
    assert (err.input, err.reason) == (str(missing), "no such file or directory")
    assert str(err) == f"error: {missing}: no such file or directory"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive, .docx, .xlsx or .epub"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip data"),
        (b"some text\x00\x00\x00 and NULs", "contains NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 10 + b"text", "many control characters"),
    ],
)
def test_binary_file_is_refused(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    err = read_one(path)
    assert isinstance(err, InputError)
    assert err.reason == f"binary file, not text ({kind})"
    assert err.reason.startswith("binary file, not text")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_or_blank_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    err = read_one(path)
    assert isinstance(err, InputError) and err.reason == "empty file"


def test_50_mb_file_is_refused_fast_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 52,428,800 bytes on paper, nothing on disk
    started = time.perf_counter()
    err = read_one(path)
    assert time.perf_counter() - started < 0.5
    assert isinstance(err, InputError)
    assert err.reason == "file too large (52.4 MB > 10 MB limit)"
    assert MAX_BYTES == 10_000_000


def test_size_limit_can_be_lowered(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("x" * 2_500, encoding="utf-8")
    err = read_one(path, max_bytes=1_000)
    assert isinstance(err, InputError) and err.reason == "file too large (2.5 KB > 1 KB limit)"
    assert isinstance(read_one(path, max_bytes=2_500), Document)


def test_windows_1252_is_decoded_and_named_in_a_warning(tmp_path: Path) -> None:
    text = "The minister said “we will meet again” after lunch at the café in Nairobi.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.raw == text
    assert doc.warnings == ["decoded as windows-1252 (detected)"]


def test_utf16_with_bom_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "word-export.txt"
    path.write_bytes("Mudavadi met Blinken in Washington.".encode("utf-16"))
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.raw == "Mudavadi met Blinken in Washington."
    assert doc.warnings == ["decoded as utf-16 (byte order mark)"]


def test_undetectable_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    err = read_one(path)
    assert isinstance(err, InputError)
    assert err.reason == "undecodable text (not UTF-8, encoding not detected)"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Third.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.md")]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document", "InputError"]
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"error: {tmp_path / 'b.txt'}: empty file",
        f"error: {tmp_path / 'missing.md'}: no such file or directory",
    ]


def test_input_error_survives_a_trip_to_a_worker_process() -> None:
    err = InputError("news.jsonl:3", "invalid JSON")
    assert pickle.loads(pickle.dumps(err)) == err
    assert str(pickle.loads(pickle.dumps(err))) == "error: news.jsonl:3: invalid JSON"
