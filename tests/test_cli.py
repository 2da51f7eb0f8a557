"""The `dossier` command as a user meets it: help, summaries, exit codes, one-line errors."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete
import typer
from typer.testing import CliRunner, Result

from dossier.cli import app
from dossier.store import queries
from dossier.sources.stdin import stdin_id
from dossier.store.schema import EventRow
from dossier.store.store import Store, inputs_changed

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
DOSSIER = Path(sys.executable).parent / "dossier"
COMMANDS = ["ingest", "timeline", "actors", "show", "export", "demo"]
EXPORT_FILES = {"documents", "actors", "events", "initiatives", "figures", "quotes"}

RUTO_BLINKEN = ("Kenyan President William Ruto met US Secretary of State Antony Blinken in "
                "Nairobi on 3 March 2024.\n")
MUDAVADI_WHITMAN = ("Prime Cabinet Secretary Musalia Mudavadi held talks with US Ambassador "
                    "Meg Whitman in Nairobi on 5 May 2024.\n")
LEGACY = ("Kenyan President William Ruto met US Ambassador Meg Whitman at a café in Nairobi on "
          "5 May 2024 to discuss café exports and coffee prices.\n")

# The four Kenya–US meetings of the seeds (../shared/eval/seeds.gold.json): who, reports.
MEETINGS = [({"Christopher Landau", "William Ruto"}, 2),
            ({"Meg Whitman", "Musalia Mudavadi", "Rebecca Miano"}, 2),
            ({"Antony Blinken", "Musalia Mudavadi"}, 1),
            ({"Marco Rubio", "Musalia Mudavadi"}, 1)]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    """A wide terminal (one table row per line) and no DOSSIER_DB from the outer environment."""
    return CliRunner(env={"COLUMNS": "250", "DOSSIER_DB": None})


def run(runner: CliRunner, *args: str, **kwargs) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False, **kwargs)


def summary(result: Result) -> str:
    return " ".join(result.stdout.split())


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def table_rows(output: str) -> list[list[str]]:
    """The body rows of a Rich table as lists of cell texts."""
    return [[cell.strip() for cell in line.strip().strip("│").split("│")]
            for line in output.splitlines() if line.startswith("│")]


@pytest.fixture(scope="module")
def seeded(runner: CliRunner, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Result]:
    """The five seed articles ingested once (~3 s); tests using it only read."""
    db = str(tmp_path_factory.mktemp("seeded") / "kb.db")
    return db, run(runner, "ingest", str(SEEDS), "--db", db)


@pytest.fixture(scope="module")
def seed_records(seeded) -> dict[str, list[dict]]:
    store = Store(seeded[0])
    with store.session() as s:
        out = {kind: list(fn(s)) for kind, fn in queries.KINDS.items()}
    store.close()
    return out


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a fresh directory, so that relative names are what the user typed."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


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
    assert any("William Ruto" in row[2] for row in table_rows(timeline.stdout))


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
    assert [row[2] for row in rows] == ["Antony Blinken, William Ruto"]
    assert run(runner, "timeline", "--db", str(path)).stdout == \
        run(runner, "timeline", "--db", url).stdout


# ---------------------------------------------------------------- reading


def test_timeline_shows_the_four_meetings_with_participants_and_reports(
        runner: CliRunner, seeded, seed_records) -> None:
    db, _ = seeded
    result = run(runner, "timeline", "--db", db)
    assert result.exit_code == 0
    rows = table_rows(result.stdout)
    assert len(rows) == len(seed_records["events"])
    assert all(len(row) == 5 for row in rows)
    by_people = {frozenset(row[2].split(", ")): row for row in rows}
    for people, reports in MEETINGS:
        row = by_people.get(frozenset(people))
        assert row is not None, f"no timeline line for {sorted(people)}: {rows}"
        assert row[1] == "CONSULT"
        assert row[4] == str(reports)
    landau = by_people[frozenset({"Christopher Landau", "William Ruto"})]
    assert landau[0] == "2026-01-29" and "Nairobi" in landau[3]


def test_actors_lists_names_and_countries(runner: CliRunner, seeded) -> None:
    db, _ = seeded
    result = run(runner, "actors", "--db", db)
    assert result.exit_code == 0
    rows = {row[1]: row for row in table_rows(result.stdout)}
    for name, country in [("William Ruto", "KEN"), ("Musalia Mudavadi", "KEN"),
                          ("Rebecca Miano", "KEN"), ("Antony Blinken", "USA"),
                          ("Marco Rubio", "USA"), ("Meg Whitman", "USA"),
                          ("Christopher Landau", "USA")]:
        assert rows[name][2] == country, rows.get(name)
    assert "Prime Cabinet Secretary" in rows["Musalia Mudavadi"][3]
    assert int(rows["William Ruto"][4]) > 1


def _evidence_lines(output: str) -> list[tuple[str, int, int, str]]:
    found = re.findall(r"^\s*\[(\S+) (\d+):(\d+)\] (.*)$", output, re.MULTILINE)
    return [(doc, int(a), int(b), text) for doc, a, b, text in found]


def test_show_an_event_prints_it_with_its_evidence(runner: CliRunner, seeded,
                                                   seed_records) -> None:
    db, _ = seeded
    texts = {d["id"]: d["text"] for d in seed_records["documents"]}
    event = next(e for e in seed_records["events"]
                 if e["date"] == "2026-01-29" and e["type"] == "CONSULT")
    result = run(runner, "show", event["id"], "--db", db)
    assert result.exit_code == 0
    assert f"event {event['id']}" in result.stdout
    assert "CONSULT" in result.stdout and "2026-01-29" in result.stdout
    evidence = _evidence_lines(result.stdout)
    assert {doc for doc, *_ in evidence} == set(event["reported_by"])
    for doc, start, end, text in evidence:
        assert text == " ".join(texts[doc][start:end].split())
    assert any("Landau" in text for *_, text in evidence)


def test_show_an_actor_prints_roles_and_evidence(runner: CliRunner, seeded,
                                                 seed_records) -> None:
    db, _ = seeded
    actor = next(a for a in seed_records["actors"] if a["name"] == "Musalia Mudavadi")
    result = run(runner, "show", actor["id"], "--db", db)
    assert result.exit_code == 0
    assert f"actor {actor['id']}" in result.stdout
    assert "name: Musalia Mudavadi" in result.stdout and "country: KEN" in result.stdout
    assert re.search(r"role: Prime Cabinet Secretary", result.stdout)
    evidence = _evidence_lines(result.stdout)
    assert len(evidence) == len(actor["evidence"]) > 1
    assert any("Mudavadi" in text for *_, text in evidence)


def test_show_a_document_prints_its_text(runner: CliRunner, seeded, seed_records) -> None:
    db, _ = seeded
    doc = next(d for d in seed_records["documents"] if d["id"] == SEED_IDS[1])
    result = run(runner, "show", doc["id"], "--db", db)
    assert result.exit_code == 0
    assert f"document {doc['id']}" in result.stdout
    assert f"source: {doc['source']}" in result.stdout
    assert doc["text"].split("\n")[0] in result.stdout
    assert "Prime Cabinet Secretary Musalia Mudavadi" in result.stdout


def test_show_an_initiative_prints_the_sentences_that_mention_it(runner: CliRunner, seeded,
                                                                   seed_records) -> None:
    db, _ = seeded
    initiative = max(seed_records["initiatives"], key=lambda i: len(i["mentions"]))
    result = run(runner, "show", initiative["id"], "--db", db)
    assert result.exit_code == 0, result.output
    assert f"initiative {initiative['id']}" in result.stdout
    assert f"name: {initiative['name']}" in result.stdout
    first = initiative["mentions"][0]["evidence"][0]
    assert f"[{first['doc']} {first['start']}:{first['end']}]" in result.stdout


def test_show_an_unknown_id_is_one_error_line(runner: CliRunner, seeded) -> None:
    db, _ = seeded
    result = run(runner, "show", "event-does-not-exist", "--db", db)
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        "error: event-does-not-exist: no event, actor, initiative or document has this id"]
    assert result.stdout == ""


# ---------------------------------------------------------------- export and demo


def test_export_writes_one_jsonl_file_per_kind(runner: CliRunner, seeded, tmp_path: Path) -> None:
    db, _ = seeded
    out = tmp_path / "export"
    result = run(runner, "export", "--format", "jsonl", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    written = {p.name.removesuffix(".jsonl") for p in out.glob("*.jsonl")}
    assert EXPORT_FILES <= written
    assert not list(out.glob(".*"))   # no temporary file left behind
    said = summary(result)
    for kind in written:
        records = [json.loads(line) for line in (out / f"{kind}.jsonl").read_text(
            encoding="utf-8").splitlines()]
        assert all(isinstance(r, dict) for r in records)
        assert f"{len(records)} {kind}" in said
    ids = [json.loads(line)["id"] for line in (out / "documents.jsonl").open(encoding="utf-8")]
    assert ids == SEED_IDS


def test_export_in_an_unknown_format_fails_with_one_line(runner: CliRunner, seeded,
                                                         tmp_path: Path) -> None:
    db, _ = seeded
    out = tmp_path / "export"
    result = run(runner, "export", "--format", "csv", "--out", str(out), "--db", db)
    assert result.exit_code != 0
    [line] = lines(result.stderr)
    assert line.startswith("error:") and "csv" in line and "jsonl" in line
    assert not out.exists()


def test_demo_builds_its_database_here_and_prints_the_timeline(runner: CliRunner,
                                                               workdir: Path) -> None:
    result = run(runner, "demo")
    assert result.exit_code == 0, result.output
    assert (workdir / "dossier-demo.db").exists()
    assert "5 read, 5 new" in summary(result)
    rows = table_rows(result.stdout)
    store = Store(str(workdir / "dossier-demo.db"))
    with store.session() as s:
        events = list(queries.events(s))
    store.close()
    assert len(rows) == len(events) >= 4
    assert {frozenset(row[2].split(", ")) for row in rows} >= {frozenset(p) for p, _ in MEETINGS}
    assert "dossier-demo.db" in result.stdout

    again = run(runner, "demo")   # a fresh demo every time, not "5 unchanged"
    assert again.exit_code == 0 and "5 new" in summary(again)


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
