"""`dossier timeline`, `actors`, `show` and `export` as an analyst uses them: ids to follow,
filters, tables, JSON and CSV, and exports a spreadsheet or a data frame opens."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from cli_kb import (MEETINGS, SEED_IDS, lines, run, runner, seed_records, seeded,  # noqa: F401
                    summary, table_rows, workdir)
from dossier.export import TABLES, schema_markdown

README = Path(__file__).parents[1] / "README.md"
TIMELINE_COLUMNS = ["id", "date", "type", "participants", "place", "reports"]


def people(cell: str) -> frozenset[str]:
    return frozenset(cell.split("; "))


# ---------------------------------------------------------------- timeline


def test_timeline_shows_the_four_meetings_with_ids_participants_and_reports(
        runner: CliRunner, seeded, seed_records) -> None:
    db, _ = seeded
    result = run(runner, "timeline", "--db", db)
    assert result.exit_code == 0
    rows = table_rows(result.stdout)
    assert len(rows) == len(seed_records["events"])
    assert {row[0] for row in rows} == {e["id"] for e in seed_records["events"]}
    by_people = {people(row[3]): row for row in rows}
    for who, reports in MEETINGS:
        row = by_people.get(frozenset(who))
        assert row is not None, f"no timeline line for {sorted(who)}: {rows}"
        assert row[2] == "CONSULT" and row[5] == str(reports)
    landau = by_people[frozenset({"Christopher Landau", "William Ruto"})]
    assert landau[1] == "2026-01-29" and "Nairobi" in landau[4]


def test_timeline_filters_by_type_actor_name_country_and_dates(runner: CliRunner, seeded,
                                                               seed_records) -> None:
    db, _ = seeded
    consults = table_rows(run(runner, "timeline", "--type", "consult", "--db", db).stdout)
    assert consults and {row[2] for row in consults} == {"CONSULT"}
    assert len(consults) == sum(e["type"] == "CONSULT" for e in seed_records["events"])

    his = table_rows(run(runner, "timeline", "--actor", "Musalia Mudavadi", "--type", "CONSULT",
                         "--db", db).stdout)
    assert {people(row[3]) for row in his} >= {frozenset(p) for p, _ in MEETINGS[1:]}
    assert all("Musalia Mudavadi" in row[3] for row in his)

    by_name = run(runner, "timeline", "--country", "Kenya", "--db", db).stdout
    assert by_name == run(runner, "timeline", "--country", "ken", "--db", db).stdout
    assert table_rows(by_name)

    dated = [e for e in seed_records["events"] if e["date"]]
    day = max(e["date"] for e in dated)
    late = table_rows(run(runner, "timeline", "--since", day, "--db", db).stdout)
    assert late and all(row[1] >= day or "…" in row[1] for row in late)
    assert len(late) < len(seed_records["events"])
    early = table_rows(run(runner, "timeline", "--until", str(int(day[:4]) - 1), "--db", db)
                       .stdout)
    assert all(row[1] < day[:4] for row in early if row[1][0].isdigit() and "…" not in row[1])

    two = table_rows(run(runner, "timeline", "--limit", "2", "--db", db).stdout)
    assert [row[0] for row in two] == [row[0] for row in table_rows(
        run(runner, "timeline", "--db", db).stdout)][:2]


def test_timeline_as_json_and_csv_gives_the_same_events_with_summaries(runner: CliRunner,
                                                                       seeded) -> None:
    db, _ = seeded
    as_json = json.loads(run(runner, "timeline", "--format", "json", "--db", db).stdout)
    as_csv = list(csv.DictReader(io.StringIO(
        run(runner, "timeline", "--format", "csv", "--db", db).stdout)))
    assert [e["id"] for e in as_json] == [e["id"] for e in as_csv]
    assert list(as_csv[0]) == TIMELINE_COLUMNS + ["summary"]
    assert all(e["summary"] for e in as_json)
    assert all(isinstance(e["participants"], list) for e in as_json)
    assert as_csv[0]["participants"] == "; ".join(as_json[0]["participants"])


def test_bad_filters_are_one_error_line_each(runner: CliRunner, seeded) -> None:
    db, _ = seeded
    for args, named in [(["--country", "Narnia"], "--country Narnia"),
                        (["--since", "2024-13"], "--since 2024-13"),
                        (["--until", "soon"], "--until soon"),
                        (["--type", "PARADE"], "--type PARADE"),
                        (["--actor", "Nobody Atall"], "--actor Nobody Atall"),
                        (["--format", "xml"], "--format xml")]:
        result = run(runner, "timeline", *args, "--db", db)
        assert result.exit_code == 2, args
        [line] = lines(result.stderr)
        assert line.startswith(f"error: {named}"), line
        assert result.stdout == ""


def test_an_actor_name_several_people_share_lists_their_ids(runner: CliRunner, seeded,
                                                            seed_records) -> None:
    db, _ = seeded
    surnames: dict[str, list[str]] = {}
    for a in seed_records["actors"]:
        if a["type"] == "person" and len(a["name"].split()) > 1:
            surnames.setdefault(a["name"].split()[0], []).append(a["id"])
    shared = next((name for name, ids in surnames.items() if len(ids) > 1), None)
    assert shared, "the seeds have two people of one given name"
    result = run(runner, "timeline", "--actor", shared, "--db", db)
    assert result.exit_code == 2
    [line] = lines(result.stderr)
    assert all(i in line for i in surnames[shared])


# ---------------------------------------------------------------- actors


def test_actors_lists_ids_names_countries_and_roles_most_active_first(runner: CliRunner,
                                                                      seeded) -> None:
    db, _ = seeded
    result = run(runner, "actors", "--db", db)
    assert result.exit_code == 0
    rows = table_rows(result.stdout)
    by_name = {row[1]: row for row in rows}
    for name, country in [("William Ruto", "KEN"), ("Musalia Mudavadi", "KEN"),
                          ("Rebecca Miano", "KEN"), ("Antony Blinken", "USA"),
                          ("Marco Rubio", "USA"), ("Meg Whitman", "USA"),
                          ("Christopher Landau", "USA")]:
        assert by_name[name][3] == country, by_name.get(name)
    assert "Prime Cabinet Secretary" in by_name["Musalia Mudavadi"][5]
    events = [int(row[4]) for row in rows]
    assert events == sorted(events, reverse=True)
    kenyans = table_rows(run(runner, "actors", "--country", "Kenya", "--type", "person",
                             "--db", db).stdout)
    assert kenyans and all(row[3] == "KEN" and row[2] == "person" for row in kenyans)


def test_ids_are_never_broken_across_lines_in_a_narrow_terminal(seeded) -> None:
    db, _ = seeded
    narrow = CliRunner(env={"COLUMNS": "60", "DOSSIER_DB": None})
    out = run(narrow, "actors", "--db", db).stdout
    ids = [row[0] for row in table_rows(out) if row[0]]
    assert ids and all(re.fullmatch(r"(person|country|org)-[a-z0-9-]+", i) for i in ids), ids


# ---------------------------------------------------------------- show


def test_show_an_event_names_who_took_part_and_quotes_whole_sentences(
        runner: CliRunner, seeded, seed_records) -> None:
    db, _ = seeded
    event = next(e for e in seed_records["events"]
                 if e["date"] == "2026-01-29" and e["type"] == "CONSULT")
    result = run(runner, "show", event["id"], "--db", db)
    assert result.exit_code == 0
    out = result.stdout
    assert event["id"] in out and "when: 2026-01-29" in out
    assert "Christopher Landau (person-christopher-landau)" in out
    assert "None" not in out and "{" not in out
    for doc in event["reported_by"]:
        assert re.search(rf"^\s+\S+\s+{doc}", out, re.MULTILINE)   # among the reports
    sentences = [line.split(": ", 1)[1] for line in out.splitlines()
                 if re.match(r"^\s+\d{3}_\w+: ", line)]
    assert sentences and all(s.lstrip('"“')[0].isupper() and s.rstrip()[-1] in '.!?"”'
                             for s in sentences)


def test_show_an_actor_by_name_gives_roles_over_time_events_and_evidence(
        runner: CliRunner, seeded, seed_records) -> None:
    db, _ = seeded
    actor = next(a for a in seed_records["actors"] if a["name"] == "Musalia Mudavadi")
    result = run(runner, "show", "Mudavadi", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"Musalia Mudavadi  {actor['id']}")
    assert "country: Kenya (KEN)" in out
    assert "roles over time" in out and "Prime Cabinet Secretary" in out
    events = re.search(r"^events \((\d+)\)", out, re.MULTILINE)
    assert events and int(events[1]) >= 3
    assert "evidence (" in out and "--all" in out
    everything = run(runner, "show", "Mudavadi", "--all", "--db", db).stdout
    assert len(everything) > len(out) and "--all shows" not in everything


def test_show_a_document_lists_what_was_extracted_from_it(runner: CliRunner, seeded,
                                                          seed_records) -> None:
    db, _ = seeded
    doc = next(d for d in seed_records["documents"] if d["id"] == SEED_IDS[3])
    result = run(runner, "show", doc["id"], "--db", db)
    assert result.exit_code == 0
    out = result.stdout
    assert f"source: {doc['source']}" in out
    for section in ("events (", "taking part (", "figures (", "quotes ("):
        assert section in out
    reported = [e for e in seed_records["events"] if doc["id"] in e["reported_by"]]
    assert f"events ({len(reported)})" in out
    assert "Ksh95" in out or "95 billion" in out


def test_show_an_initiative_by_acronym_gives_its_status_in_each_report(
        runner: CliRunner, seeded, seed_records) -> None:
    db, _ = seeded
    agoa = next(i for i in seed_records["initiatives"] if "AGOA" in i["aliases"] + [i["name"]])
    result = run(runner, "show", "AGOA", "--db", db)
    assert result.exit_code == 0, result.output
    assert agoa["id"] in result.stdout and "status by report" in result.stdout


def test_show_an_unknown_id_is_one_error_line(runner: CliRunner, seeded) -> None:
    db, _ = seeded
    result = run(runner, "show", "event-does-not-exist", "--db", db)
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        "error: event-does-not-exist: no event, actor, initiative or document has this id, "
        "and no actor or initiative this name"]
    assert result.stdout == ""


# ---------------------------------------------------------------- export


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_writes_one_jsonl_file_per_kind(runner: CliRunner, seeded, tmp_path: Path) -> None:
    db, _ = seeded
    out = tmp_path / "export"
    result = run(runner, "export", "--format", "jsonl", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    written = {p.name.removesuffix(".jsonl") for p in out.glob("*.jsonl")}
    assert written == set(TABLES)
    assert not list(out.glob(".*"))   # no temporary file left behind
    for kind in written:
        assert f"{len(read_jsonl(out / f'{kind}.jsonl'))} {kind}" in summary(result)
    assert [d["id"] for d in read_jsonl(out / "documents.jsonl")] == SEED_IDS


def test_csv_and_parquet_exports_follow_the_documented_schema(runner: CliRunner, seeded,
                                                              seed_records, tmp_path: Path) -> None:
    db, _ = seeded
    for fmt in ("csv", "parquet"):
        assert run(runner, "export", "--format", fmt, "--out", str(tmp_path / fmt),
                   "--db", db).exit_code == 0
    for kind, columns in TABLES.items():
        names = [c.name for c in columns]
        with (tmp_path / "csv" / f"{kind}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        table = pq.read_table(tmp_path / "parquet" / f"{kind}.parquet")
        assert table.column_names == names == list(rows[0] if rows else names)
        assert table.num_rows == len(rows) == len(seed_records[kind])
    events = pq.read_table(tmp_path / "parquet" / "events.parquet").to_pylist()
    dated = next(e for e in events if e["date"])
    assert dated["date"].isoformat() == next(
        e["date"] for e in seed_records["events"] if e["id"] == dated["id"])
    assert all(isinstance(e["participants"], list) and len(e["participants"]) >= 2
               for e in events)
    first = next(iter(csv.DictReader((tmp_path / "csv" / "events.csv").open(encoding="utf-8"))))
    assert json.loads(first["evidence"])[0]["doc"] in first["reported_by"].split("; ")


def test_a_filtered_export_is_a_whole_knowledge_base_of_its_own(runner: CliRunner, seeded,
                                                                 tmp_path: Path) -> None:
    db, _ = seeded
    out = tmp_path / "mudavadi"
    result = run(runner, "export", "--out", str(out), "--actor", "Musalia Mudavadi", "--db", db)
    assert result.exit_code == 0, result.output
    events = read_jsonl(out / "events.jsonl")
    actors = {a["id"] for a in read_jsonl(out / "actors.jsonl")}
    documents = {d["id"] for d in read_jsonl(out / "documents.jsonl")}
    assert events and all("person-musalia-mudavadi" in e["participants"] for e in events)
    assert actors == {p for e in events for p in e["participants"]}
    assert documents == {d for e in events for d in e["reported_by"]}
    assert len(documents) < len(SEED_IDS)
    assert all(f["doc"] in documents for f in read_jsonl(out / "figures.jsonl"))


def test_the_readme_documents_every_table_of_the_export() -> None:
    assert schema_markdown() in README.read_text(encoding="utf-8")


# ---------------------------------------------------------------- demo


def test_demo_prints_a_dated_timeline_of_the_relationship_with_the_founding_reports(
        runner: CliRunner, workdir: Path) -> None:
    result = run(runner, "demo")
    assert result.exit_code == 0, result.output
    assert (workdir / "dossier-demo.db").exists()
    said = summary(result)
    read = int(re.search(r"(\d+) read, \1 new", said)[1])
    assert read > 30   # the five founding reports and the White House documents on Kenya
    assert "Kenya – United States" in result.stdout
    rows = table_rows(result.stdout)
    dated = [row for row in rows if re.fullmatch(r"\d{4}-\d\d-\d\d", row[1])]
    placed = [row for row in rows if row[1] != "unknown"]   # a day, or a window
    assert len(dated) >= 12 and len(placed) >= 0.75 * len(rows)
    years = {row[1][:4] for row in dated}
    assert {"2021", "2024", "2026"} <= years
    founding = {people(row[3]) for row in rows}
    assert frozenset({"Christopher Landau", "William Ruto"}) in founding
