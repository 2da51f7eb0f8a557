"""JSON Lines corpora: one article per line, one error per bad line, streamed."""
from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from dossier.document import Document
from dossier.sources import InputError, read_inputs

RECORDS = [
    {"id": "kenya-us-1", "text": "Mudavadi held talks with Blinken.", "url": "https://example.org/1",
     "title": "Kenya, US talk", "outlet": "Daily Example", "published": "2024-03-14"},
    {"text": "Ruto met Landau at State House.", "published": "2026-02-12T10:30:00+03:00"},
    {"id": 42, "text": "Rubio received Kenya's Prime Cabinet Secretary."},
]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def dumps(records: list[dict[str, object]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


@pytest.mark.parametrize("name", ["news.jsonl", "news.jsonl.gz"])
def test_records_become_documents_with_their_metadata(tmp_path: Path, name: str) -> None:
    path = write_jsonl(tmp_path / name, dumps(RECORDS))
    docs = list(read_inputs([str(path)]))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.id for d in docs] == ["kenya-us-1", "news-2", "42"]
    first = docs[0]
    assert (first.raw, first.url, first.title, first.outlet) == (
        "Mudavadi held talks with Blinken.", "https://example.org/1", "Kenya, US talk", "Daily Example"
    )
    assert first.published == date(2024, 3, 14)
    assert docs[1].published == date(2026, 2, 12)  # a datetime gives its day
    assert docs[1].published_evidence == "published: 2026-02-12T10:30:00+03:00"
    assert docs[2].published is None and docs[2].warnings == []
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_id_defaults_to_file_name_and_physical_line_number(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", ["", json.dumps({"text": "A."}), "  ", json.dumps({"text": "B."})])
    assert [d.id for d in read_inputs([str(path)])] == ["news-2", "news-4"]


def test_unparseable_published_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", dumps([{"text": "Talks.", "published": "last Thursday"}]))
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert doc.published is None
    assert doc.warnings == ['published "last Thursday" is not an ISO date; ignored']


def test_html_record_is_turned_into_paragraph_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Kenya &amp; US reaffirm ties</title><style>p{}</style></head><body>"
        "<nav><p>Home | World</p></nav><h1>Kenya &amp; US reaffirm ties</h1>"
        "<p>President Ruto met <b>Christopher Landau</b>.</p><script>track()</script>"
        "<p>They discussed trade.</p><footer><p>© 2026 Example</p></footer></body></html>"
    )
    path = write_jsonl(tmp_path / "pages.jsonl", dumps([{"id": "p1", "html": page}]))
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert doc.raw == page   # the HTML is what was read: it is hashed and kept for audit
    assert doc.extracted == ("Kenya & US reaffirm ties\n\nPresident Ruto met Christopher Landau."
                             "\n\nThey discussed trade.")
    assert doc.title == "Kenya & US reaffirm ties"


def test_the_records_published_field_wins_over_the_pages_date_with_a_note(tmp_path: Path) -> None:
    page = ('<html><head><meta property="article:published_time" content="2025-03-14T09:00:00Z">'
            "</head><body><p>President Ruto met Christopher Landau at State House in Nairobi to "
            "discuss trade, security and health cooperation between the two countries.</p></body></html>")
    path = write_jsonl(tmp_path / "pages.jsonl", dumps([{"html": page, "published": "2025-03-13"}]))
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_evidence) == (date(2025, 3, 13), "published: 2025-03-13")
    assert doc.date_note == ("2025-03-13 from the record's 'published' field is used rather than "
                             "2025-03-14 from the page (meta article:published_time: 2025-03-14T09:00:00Z)")


def test_text_wins_over_html_when_both_are_given(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", dumps([{"text": "Plain.", "html": "<p>Markup.</p>"}]))
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document) and doc.raw == "Plain."


def test_malformed_lines_fail_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First."}),
        '{"text": "broken", ',
        "[1, 2]",
        json.dumps({"title": "no body"}),
        json.dumps({"text": 7}),
        json.dumps({"text": "   ", "html": ""}),
        json.dumps({"text": "Ok.", "id": ["x"]}),
        json.dumps({"html": "<script>only()</script>"}),
        json.dumps({"text": "Last."}),
    ]
    path = write_jsonl(tmp_path / "news.jsonl", lines)
    items = list(read_inputs([str(path)]))
    assert [d.raw for d in items if isinstance(d, Document)] == ["First.", "Last."]
    assert [str(e) for e in items if isinstance(e, InputError)] == [
        f"error: {path}:2: invalid JSON (Expecting property name enclosed in double quotes at column 20)",
        f"error: {path}:3: not a JSON object (got array)",
        f"error: {path}:4: no text: a record needs a non-empty 'text' or 'html'",
        f"error: {path}:5: field 'text' must be a string, not number",
        f"error: {path}:6: no text: a record needs a non-empty 'text' or 'html'",
        f"error: {path}:7: field 'id' must be a string or an integer, not array",
        f"error: {path}:8: no text in field 'html' (no paragraphs or visible text)",
    ]


def test_line_that_is_not_utf8_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "Fine."}\n')
    items = list(read_inputs([str(path)]))
    assert str(items[0]) == f"error: {path}:1: not valid UTF-8 (JSON Lines must be UTF-8)"
    assert isinstance(items[1], Document) and items[1].raw == "Fine."


def test_record_over_the_size_limit_fails_alone(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", dumps([{"text": "x" * 5_000}, {"text": "Small."}]))
    items = list(read_inputs([str(path)], max_bytes=1_000))
    assert str(items[0]) == f"error: {path}:1: record too large (5 KB > 1 KB limit)"
    assert isinstance(items[1], Document) and items[1].raw == "Small."


def test_corrupt_gzip_is_reported_after_the_lines_that_could_be_read(tmp_path: Path) -> None:
    lines = dumps([{"text": f"Article {i}. " + "filler " * 2_000} for i in range(50)])
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])  # truncated download
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Document) and items[0].raw.startswith("Article 0.")
    err = items[-1]
    assert isinstance(err, InputError) and err.input == str(path)
    assert err.reason.startswith("corrupt gzip file (")


def test_jsonl_gz_that_is_not_gzip_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_text('{"text": "plain"}\n', encoding="utf-8")
    (err,) = read_inputs([str(path)])
    assert isinstance(err, InputError) and err.input == str(path)
    assert err.reason.startswith("corrupt gzip file (Not a gzipped file")


def test_gzipped_data_under_a_plain_jsonl_name_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(gzip.compress(b'{"text": "x"}\n'))
    (err,) = read_inputs([str(path)])
    assert str(err) == (
        f"error: {path}: binary file, not text (gzip data; name it .jsonl.gz to read it compressed)"
    )


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_empty_jsonl_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text(content, encoding="utf-8")
    (err,) = read_inputs([str(path)])
    assert str(err) == f"error: {path}: empty file"


def test_jsonl_files_are_found_in_directories(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl.gz", dumps([{"text": "Gz."}]))
    (tmp_path / "b.txt").write_text("Text.", encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", dumps([{"text": "Lines."}]))
    assert [d.id for d in read_inputs([str(tmp_path)])] == ["a-1", "b", "c-1"]


def test_reading_is_lazy(tmp_path: Path) -> None:
    """The first article is available before the rest of a large dump is read."""
    path = write_jsonl(tmp_path / "big.jsonl", dumps([{"text": f"Article {i}."} for i in range(20_000)]))
    items = read_inputs([str(path)])
    first = next(items)
    assert isinstance(first, Document) and first.raw == "Article 0."
    items.close()
