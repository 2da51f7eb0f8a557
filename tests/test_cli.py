"""The `dossier` command as a user meets it: help, summaries, exit codes, one-line errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete
import typer
from typer.testing import CliRunner

from cli_kb import (MUDAVADI_WHITMAN, RUTO_BLINKEN, SEEDS, lines, run, runner,  # noqa: F401
                    seed_records, seeded, summary, table_rows, workdir)
from dossier.cli import app
from dossier.sources.stdin import stdin_id
from dossier.store.schema import EventRow
from dossier.store.store import Store, inputs_changed

DOSSIER = Path(sys.executable).parent / "dossier"
COMMANDS = ["ingest", "timeline", "actors", "show", "export", "demo"]

LEGACY = ("Kenyan President William Ruto met US Ambassador Meg Whitman at a café in Nairobi on "
          "5 May 2024 to discuss café exports and coffee prices.\n")


# ---------------------------------------------------------------- help


def registered_commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)


def test_the_commands_of_the_issue_exist() -> None:
    assert set(COMMANDS) <= set(registered_commands())


NO_KNOWLEDGE_BASE = {"batch"}   # writes Parquet for `dossier load`; touches no store


@pytest.mark.parametrize("command", registered_commands())
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    assert f"dossier {command}" in result.stdout or "Usage:" in result.stdout
    if command not in NO_KNOWLEDGE_BASE:
        assert "--db" in result.stdout
    assert "Traceback" not in result.output


def test_top_level_help_lists_every_command(runner: CliRunner) -> None:
    result = run(runner, "--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


# ---------------------------------------------------------------- ingest


def test_ingesting_the_seeds_prints_a_summary_and_exits_0(seeded, seed_records) -> None:
    _, result = seeded
    assert result.exit_code == 0, result.output
    text = summary(result)
    assert "5 read, 5 new" in text and "0 unchanged" in text and "0 failed" in text
    assert f"{len(seed_records['events'])} events" in text
    assert f"{len(seed_records['actors'])} actors" in text
    assert f"{len(seed_records['figures'])} figures" in text
    assert result.stderr == ""   # no progress bar, no warning when not on a terminal


def test_ingesting_the_seeds_again_changes_nothing(runner: CliRunner, seeded) -> None:
    db, _ = seeded
    before = run(runner, "timeline", "--db", db).stdout
    again = run(runner, "ingest", str(SEEDS), "--db", db)
    assert again.exit_code == 0
    text = summary(again)
    assert "0 new" in text and "5 unchanged" in text and "0 updated" in text
    assert run(runner, "timeline", "--db", db).stdout == before


def test_bad_inputs_each_get_one_error_line_and_the_good_ones_are_ingested(
        runner: CliRunner, workdir: Path) -> None:
    (workdir / "good.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    (workdir / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (workdir / "empty.txt").write_bytes(b"")
    (workdir / "feed.jsonl").write_text(
        json.dumps({"id": "mudavadi-whitman", "text": MUDAVADI_WHITMAN}) + '\n{"id": 7,\n',
        encoding="utf-8")
    with (workdir / "huge.txt").open("wb") as fh:   # 50 MB, sparse
        fh.truncate(50 * 1024 * 1024)

    result = run(runner, "ingest", "scan.txt", "good.txt", "empty.txt", "feed.jsonl",
                 "huge.txt", "--db", "kb.db")
    assert result.exit_code == 1
    errors = lines(result.stderr)
    assert len(errors) == 4, result.stderr
    for line, (name, reason) in zip(errors, [("scan.txt", "binary"), ("empty.txt", "empty"),
                                            ("feed.jsonl:2", "JSON"), ("huge.txt", "too large")]):
        assert line.startswith(f"error: {name}: ") and reason in line, line
    text = summary(result)
    assert "2 read, 2 new" in text and "4 failed" in text
    assert "Traceback" not in result.output

    for doc_id in ("good", "mudavadi-whitman"):
        shown = run(runner, "show", doc_id, "--db", "kb.db")
        assert shown.exit_code == 0, shown.output


def test_hostile_records_and_pages_fail_alone_and_the_run_ends_with_its_summary(
        runner: CliRunner, workdir: Path) -> None:
    records = ['{"id": "lone", "text": "Kenya \\ud800 met the United States."}',
               '{"id": "lone\\udfff' + "x" * 300 + '", "text": "Kenya met the United States."}',
               '{"id": "huge", "text": "Kenya met the US.", "published": ' + "9" * 5000 + "}",
               json.dumps({"id": "mudavadi-whitman", "text": MUDAVADI_WHITMAN})]
    (workdir / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    for charset in ("base64", "rot13", "zlib", "punycode", "no-such-charset"):
        (workdir / f"page-{charset}.html").write_text(
            f'<html><head><meta charset="{charset}"></head><body><p>{RUTO_BLINKEN}</p></body></html>',
            encoding="utf-8")
    (workdir / "good.txt").write_text(RUTO_BLINKEN, encoding="utf-8")

    result = run(runner, "ingest", "feed.jsonl", *sorted(p.name for p in workdir.glob("page-*")),
                 "good.txt", "--db", "kb.db")
    assert lines(result.stderr) == [
        "error: feed.jsonl:1: field 'text' holds a lone surrogate escape, not text",
        "error: feed.jsonl:2: field 'id' holds a lone surrogate escape, not text",
        "error: feed.jsonl:3: a number of 5000 digits (at most 40)"]
    assert "7 read" in summary(result) and "3 failed" in summary(result)
    shown = run(runner, "show", "page-base64", "--db", "kb.db")
    assert shown.exit_code == 0 and "Antony Blinken" in shown.stdout, "read as UTF-8"


def test_a_missing_input_is_one_error_line(runner: CliRunner, workdir: Path) -> None:
    (workdir / "good.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    result = run(runner, "ingest", "missing.txt", "good.txt", "--db", "kb.db")
    assert result.exit_code == 1
    assert lines(result.stderr) == ["error: missing.txt: no such file or directory"]
    assert "1 new" in summary(result)


def test_a_legacy_encoding_gets_a_warning_line_naming_the_file(runner: CliRunner,
                                                               workdir: Path) -> None:
    (workdir / "legacy.txt").write_bytes(LEGACY.encode("cp1252"))
    result = run(runner, "ingest", "legacy.txt", "--db", "kb.db")
    assert result.exit_code == 0
    [warning] = lines(result.stderr)
    assert warning.startswith("warning: legacy.txt:") and "windows-1252" in warning
    assert "1 new" in summary(result)
    shown = run(runner, "show", "legacy", "--db", "kb.db")
    assert "café" in shown.stdout


def test_a_progress_bar_never_pollutes_redirected_output(runner: CliRunner,
                                                         workdir: Path) -> None:
    names = []
    for i in range(1, 8):   # more inputs than the progress threshold
        path = workdir / f"talks-{i}.txt"
        path.write_text(RUTO_BLINKEN.replace("3 March", f"{i} March"), encoding="utf-8")
        names.append(path.name)
    result = run(runner, "ingest", *names, "--db", "kb.db")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "7 read, 7 new" in summary(result)


def test_rebuild_recomputes_and_a_stale_store_is_resolved_before_it_is_read(
        runner: CliRunner, workdir: Path) -> None:
    (workdir / "good.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    assert run(runner, "ingest", "good.txt", "--db", "kb.db").exit_code == 0
    rebuilt = run(runner, "rebuild", "--db", "kb.db")
    assert rebuilt.exit_code == 0 and "events" in rebuilt.stdout
    store = Store("kb.db")
    with store.session() as s:   # as a run killed between storing and resolving leaves it
        s.execute(delete(EventRow))
        inputs_changed(s)
    assert store.is_stale()
    store.close()
    shown = run(runner, "timeline", "--db", "kb.db")
    assert "resolving" in shown.stderr and "CONSULT" in shown.stdout
    assert not Store("kb.db").is_stale()


def test_standard_input_is_read_for_dash(runner: CliRunner, workdir: Path) -> None:
    result = run(runner, "ingest", "-", "--db", "kb.db", input=RUTO_BLINKEN)
    assert result.exit_code == 0, result.output
    assert "1 read, 1 new" in summary(result)
    shown = run(runner, "show", stdin_id(RUTO_BLINKEN), "--db", "kb.db")
    assert shown.exit_code == 0
    assert "William Ruto met US Secretary of State Antony Blinken" in shown.stdout


# ---------------------------------------------------------------- --db


def test_dossier_db_environment_variable_is_the_default(runner: CliRunner,
                                                        workdir: Path) -> None:
    (workdir / "good.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    env_db = workdir / "from-env.db"
    result = run(runner, "ingest", "good.txt", env={"DOSSIER_DB": str(env_db)})
    assert result.exit_code == 0
    assert env_db.exists() and not (workdir / "dossier.db").exists()
    timeline = run(runner, "timeline", env={"DOSSIER_DB": str(env_db)})
    assert any("William Ruto" in row[3] for row in table_rows(timeline.stdout))


def test_without_db_or_environment_it_uses_dossier_db_here(runner: CliRunner,
                                                           workdir: Path) -> None:
    (workdir / "good.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    assert run(runner, "ingest", "good.txt").exit_code == 0
    assert (workdir / "dossier.db").exists()


def test_db_accepts_an_sqlalchemy_url(runner: CliRunner, workdir: Path) -> None:
    (workdir / "good.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    path = workdir / "sub" / "kb.db"
    path.parent.mkdir()
    url = f"sqlite:///{path}"
    assert run(runner, "ingest", "good.txt", "--db", url).exit_code == 0
    assert path.exists()
    rows = table_rows(run(runner, "timeline", "--db", url).stdout)
    assert [row[3] for row in rows] == ["Antony Blinken; William Ruto"]
    assert run(runner, "timeline", "--db", str(path)).stdout == \
        run(runner, "timeline", "--db", url).stdout


# ---------------------------------------------------------------- the real process


def test_the_installed_command_exits_1_with_one_line_per_bad_input(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary\x00")
    env = {k: v for k, v in os.environ.items() if k not in ("DOSSIER_DB", "COLUMNS")}
    done = subprocess.run([str(DOSSIER), "ingest", "bad.txt", "good.txt", "--db", "kb.db"],
                          cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert lines(done.stderr) == ["error: bad.txt: binary file, not text (contains NUL bytes)"]
    assert "1 read, 1 new" in " ".join(done.stdout.split())
    assert (tmp_path / "kb.db").exists()
