"""An analyst's corrections: made on the command line, shown on the records, exported, and
still there after a rebuild and a new ingest; one that no longer applies is reported."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli_kb import MUDAVADI_WHITMAN, RUTO_BLINKEN, lines, run, runner, table_rows  # noqa: F401
from dossier.store import queries
from dossier.store.store import Store

MIANO = ("Kenyan Trade Cabinet Secretary Rebecca Miano met US Trade Representative Katherine "
         "Tai in Washington on 9 April 2024.\n")


@pytest.fixture(scope="module")
def built(runner: CliRunner, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two short reports ingested once; each test corrects a copy."""
    folder = tmp_path_factory.mktemp("corrections")
    (folder / "talks.txt").write_text(RUTO_BLINKEN, encoding="utf-8")
    (folder / "envoy.txt").write_text(MUDAVADI_WHITMAN, encoding="utf-8")
    db = folder / "kb.db"
    assert run(runner, "ingest", str(folder / "talks.txt"), str(folder / "envoy.txt"),
               "--db", str(db)).exit_code == 0
    return db


@pytest.fixture
def db(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    for suffix in ("", "-wal", "-shm"):   # the write-ahead log holds what is not checkpointed
        if Path(f"{built}{suffix}").exists():
            shutil.copy(f"{built}{suffix}", tmp_path / f"kb.db{suffix}")
    return "kb.db"


def records(db: str, kind: str) -> dict[str, dict]:
    store = Store(db)
    with store.session() as s:
        found = {r["id"]: r for r in queries.KINDS[kind](s)}
    store.close()
    return found


def correct(runner: CliRunner, db: str, *args: str) -> str:
    result = run(runner, "correct", *args, "--by", "Ana Analyst", "--why", "checked", "--db", db)
    assert result.exit_code == 0, result.output
    return result.stdout


def events_of(db: str, actor_id: str) -> set[str]:
    return {e["id"] for e in records(db, "events").values() if actor_id in e["participants"]}


def test_a_merge_is_shown_exported_and_survives_a_rebuild_and_a_new_ingest(
        runner: CliRunner, db: str, tmp_path: Path) -> None:
    before_whitman = events_of(db, "person-meg-whitman")
    assert before_whitman
    said = correct(runner, db, "merge", "Meg Whitman", "person-antony-blinken")
    assert said.startswith("correction 1: merge person-meg-whitman into person-antony-blinken")

    def merged() -> None:
        actors = records(db, "actors")
        assert "person-meg-whitman" not in actors
        blinken = actors["person-antony-blinken"]
        assert "Meg Whitman" in blinken["aliases"]
        assert before_whitman <= events_of(db, "person-antony-blinken")
        [shown] = blinken["corrections"]
        assert shown["by"] == "Ana Analyst" and shown["why"] == "checked"

    merged()
    assert run(runner, "rebuild", "--db", db).exit_code == 0
    merged()
    (tmp_path / "more.txt").write_text(MIANO, encoding="utf-8")
    assert run(runner, "ingest", "more.txt", "--db", db).exit_code == 0
    merged()
    shown = run(runner, "show", "person-antony-blinken", "--db", db).stdout
    assert "merge" in shown and "Ana Analyst" in shown and "checked" in shown
    assert run(runner, "export", "--out", "out", "--db", db).exit_code == 0
    [exported] = [json.loads(line) for line in Path("out/corrections.jsonl").read_text().splitlines()]
    assert exported["action"] == "merge" and exported["outcome"] == "applied"


def test_a_split_gives_the_other_person_back_their_mentions_and_events(runner: CliRunner,
                                                                       db: str) -> None:
    whitman_events = events_of(db, "person-meg-whitman")
    correct(runner, db, "merge", "person-meg-whitman", "person-antony-blinken")
    correct(runner, db, "split", "person-antony-blinken", "--name", "Meg Whitman")
    actors = records(db, "actors")
    [split] = [a for a in actors.values() if a["name"] == "Meg Whitman"]
    assert split["evidence"] and all("Whitman" in e["text"] for e in split["evidence"])
    assert events_of(db, split["id"]) == whitman_events
    assert not whitman_events & events_of(db, "person-antony-blinken")
    assert run(runner, "rebuild", "--db", db).exit_code == 0
    assert events_of(db, split["id"]) == whitman_events


def test_rename_country_and_type_last_and_keep_the_old_name_as_an_alias(runner: CliRunner,
                                                                        db: str) -> None:
    correct(runner, db, "rename", "person-musalia-mudavadi", "Wycliffe Musalia Mudavadi")
    correct(runner, db, "country", "person-meg-whitman", "Kenya")
    correct(runner, db, "type", "person-antony-blinken", "organization")
    assert run(runner, "rebuild", "--db", db).exit_code == 0
    actors = records(db, "actors")
    assert actors["person-musalia-mudavadi"]["name"] == "Wycliffe Musalia Mudavadi"
    assert "Musalia Mudavadi" in actors["person-musalia-mudavadi"]["aliases"]
    assert actors["person-meg-whitman"]["country"] == "KEN"
    assert actors["person-antony-blinken"]["type"] == "organization"


def test_a_rejected_event_leaves_the_timeline_until_the_correction_is_undone(
        runner: CliRunner, db: str) -> None:
    event = next(iter(events_of(db, "person-antony-blinken")))
    correct(runner, db, "reject", event)
    assert event not in records(db, "events")
    assert event not in run(runner, "timeline", "--db", db).stdout
    assert run(runner, "rebuild", "--db", db).exit_code == 0
    assert event not in records(db, "events")
    undone = run(runner, "correct", "undo", "1", "--db", db)
    assert undone.exit_code == 0, undone.output
    assert event in records(db, "events")
    listed = table_rows(run(runner, "corrections", "--db", db).stdout)
    assert listed[0][3] == "reject" and listed[0][-1] == "undone"


def test_a_confirmed_event_has_no_doubt_left(runner: CliRunner, db: str) -> None:
    event = next(iter(events_of(db, "person-meg-whitman")))
    correct(runner, db, "confirm", event)
    assert records(db, "events")[event]["confidence"] == 1.0


def test_a_correction_whose_record_is_gone_is_reported_not_dropped(runner: CliRunner,
                                                                   db: str,
                                                                   tmp_path: Path) -> None:
    correct(runner, db, "rename", "person-antony-blinken", "Tony Blinken")
    # the report is corrected at its source: the same id now tells of other people
    (tmp_path / "talks.txt").write_text(MIANO, encoding="utf-8")
    again = run(runner, "ingest", "talks.txt", "--db", db)
    assert again.exit_code == 0
    assert "1 correction no longer applies" in again.stdout
    [row] = table_rows(run(runner, "corrections", "--db", db).stdout)
    assert row[-1] == "not applied: actor person-antony-blinken is gone"


def test_a_correction_that_cannot_apply_is_refused_with_one_line_and_not_stored(
        runner: CliRunner, db: str) -> None:
    result = run(runner, "correct", "reject", "event-nope", "--why", "x", "--db", db)
    assert result.exit_code == 1
    [line] = lines(result.stderr)
    assert line == "error: reject event-nope: event event-nope is gone"
    assert table_rows(run(runner, "corrections", "--db", db).stdout) == []
    assert run(runner, "correct", "undo", "7", "--db", db).exit_code == 1
