"""The user's dictionary of office holders: loading it, and what it changes in the knowledge base."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.offices import OfficesFileError, load_offices

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
HOLDERS = ("name,title,country,valid_from,valid_to\n"
           "Antony Blinken,Secretary of State,USA,2021-01-26,2025-01-20\n"
           "Marco Rubio,Secretary of State,USA,2025-01-21,\n")


def test_rows_are_read_with_open_ended_tenures(tmp_path):
    path = tmp_path / "holders.csv"
    path.write_text(HOLDERS, encoding="utf-8")
    blinken, rubio = load_offices(path)
    assert (blinken.name, blinken.country, str(blinken.valid_to)) == ("Antony Blinken", "USA", "2025-01-20")
    assert rubio.valid_to is None and rubio.held_on(None)


@pytest.mark.parametrize("content, message", [
    ("who,what\nx,y\n", "missing column"),
    ("name,title,valid_from\nA B,Minister,March 2024\n", "not an ISO date"),
    ("name,title\n,Minister\n", "name and title are required"),
])
def test_a_bad_file_names_the_line_and_the_reason(tmp_path, content, message):
    path = tmp_path / "holders.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OfficesFileError, match=message):
        load_offices(path)


def test_tenures_date_an_undated_meeting(tmp_path):
    runner, db = CliRunner(), str(tmp_path / "kb.db")
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", db]).exit_code == 0
    (tmp_path / "holders.csv").write_text(HOLDERS, encoding="utf-8")
    loaded = runner.invoke(app, ["offices", str(tmp_path / "holders.csv"), "--db", db])
    assert loaded.exit_code == 0 and "2 office holder" in loaded.output
    assert runner.invoke(app, ["export", "--out", str(tmp_path / "out"), "--db", db]).exit_code == 0
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").open()]
    talks = next(e for e in events if e["type"] == "CONSULT" and "person-antony-blinken" in e["participants"])
    # no report dates the Mudavadi-Blinken talks; Blinken's tenure bounds them, no day is invented
    assert talks["date"] is None
    assert (talks["date_earliest"], talks["date_latest"]) == ("2021-01-26", "2025-01-20")
