"""The progress bar's total: how many documents the inputs hold, counted without reading them."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from rich.console import Console

from dossier import progress
from dossier.progress import count_documents, tracking


def jsonl(n: int) -> str:
    return "".join(json.dumps({"id": f"d{i}", "text": "Talks."}) + "\n\n" for i in range(n))


def test_files_json_lines_and_directories_are_counted_as_the_reader_reads_them(
        tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "many.jsonl").write_text(jsonl(7), encoding="utf-8")   # blank lines skipped
    with gzip.open(tmp_path / "packed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(jsonl(5))
    folder = tmp_path / "folder"
    (folder / "deeper").mkdir(parents=True)
    (folder / "b.md").write_text("Two.", encoding="utf-8")
    (folder / "deeper" / "c.html").write_text("<p>Three.</p>", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")         # not read from a directory
    (folder / ".hidden.txt").write_text("No.", encoding="utf-8")
    assert count_documents([str(tmp_path / "a.txt")]) == 1
    assert count_documents([str(tmp_path / "many.jsonl"), str(tmp_path / "packed.jsonl.gz")]) == 12
    assert count_documents([str(folder)]) == 2
    assert count_documents([str(folder), "-", "https://example.com/story"]) == 4


def test_a_json_lines_file_too_large_to_count_cheaply_leaves_the_total_open(
        tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text(jsonl(50), encoding="utf-8")
    monkeypatch.setattr(progress, "COUNT_UP_TO", big.stat().st_size - 1)
    assert count_documents([str(big)]) is None


def test_the_bar_shows_done_total_rate_and_stage_on_a_terminal_and_nothing_elsewhere() -> None:
    screen = Console(force_terminal=True, width=120, record=True)
    with tracking(screen, "ingesting", total=3) as track:
        track.document()
        track.document()
        track.stage("events")
        track.progress.refresh()
        drawn = screen.export_text(clear=False)
    assert "2/3" in drawn and "docs/s" in drawn and "resolving: events" in drawn
    with tracking(screen, "annotating", total=10) as track:   # a job that counts tasks
        track.share(0.7)
        track.progress.refresh()
        assert "7/10" in screen.export_text()
    log = Console(force_terminal=False, width=120, record=True)
    with tracking(log, "ingesting", total=3) as track:
        track.document()
    assert log.export_text() == ""
