"""The focus: the model reads a report whole when it names two countries, around its one country
when it names one, and not at all when it names none; offsets stay those of the real text."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from dossier.annotate.focus import countries_named, focus_spans, masked
from dossier.cli import app
from dossier.document import Document
from dossier.pipeline import DEFAULT_STAGES, FOCUSED_STAGES, Pipeline

ONE_COUNTRY = (
    "Governor Ellen Marsh opened a new bridge over the river on Monday. She thanked the "
    "engineers and the county board for finishing early. Local schools were closed for the day. "
    "Later that week, President Daniel Okafor spoke with Prime Minister Ingrid Halvorsen of "
    "Norway. The two leaders discussed energy security and Arctic shipping. "
    "Senator Paul Reyes praised the county's new hospital wing. The ceremony ended with a "
    "parade. Officials said the road would reopen in June.")
TWO_COUNTRIES = ("Ghana and Norway signed a fisheries agreement in Accra on Tuesday. Minister "
                 "Ama Boateng said the deal would protect local fishermen.")
NO_COUNTRY = ("Governor Ellen Marsh opened a new bridge over the river on Monday. She thanked the "
              "engineers and said the road would reopen in June.")


def _doc(text: str, title: str | None = None) -> Document:
    return Document(id="t", source="t.txt", raw=text, title=title)


def test_names_demonyms_and_the_longest_name_count_as_countries() -> None:
    assert countries_named("Kenyan troops left South Sudan for the Democratic Republic of the "
                           "Congo.") == {"KEN", "SSD", "COD"}
    assert countries_named("She told us the U.S. would help.") == {"USA"}
    assert countries_named("The governor opened a bridge.") == set()


def test_a_report_naming_two_countries_is_read_whole() -> None:
    assert focus_spans(TWO_COUNTRIES) is None
    # the title counts: a readout whose text names only the other side
    assert focus_spans("President Okafor spoke with the Prime Minister of Norway.",
                       title="Readout: Ghana and Norway") is None


def test_a_report_naming_one_country_is_read_around_it() -> None:
    spans = focus_spans(ONE_COUNTRY)
    read = " ".join(ONE_COUNTRY[s.start:s.end] for s in spans)
    assert "Ingrid Halvorsen of Norway" in read
    assert "Arctic shipping" in read                  # the sentence after
    assert "Later that week" in read                  # the sentence before
    assert "parade" not in read and "bridge" not in read


def test_a_report_naming_no_country_is_not_read() -> None:
    assert focus_spans(NO_COUNTRY) == []


def test_masking_keeps_every_offset_and_line_break() -> None:
    text = "Far away.\nStill far.\nKenya spoke.\nNear.\nNothing here."
    hidden = masked(text, focus_spans(text))
    assert len(hidden) == len(text) and hidden.count("\n") == 4
    assert "Still far.\nKenya spoke.\nNear." in hidden
    assert "Far away" not in hidden and "Nothing" not in hidden


def test_what_the_focused_model_finds_lies_in_the_focus_and_points_into_the_real_text() -> None:
    doc = Pipeline(FOCUSED_STAGES)(_doc(ONE_COUNTRY))
    assert doc.focus
    inside = lambda span: any(f.start <= span.start and span.end <= f.end for f in doc.focus)
    assert doc.entities and all(inside(e.span) for e in doc.entities)
    assert all(ONE_COUNTRY[e.span.start:e.span.end] == e.text for e in doc.entities)
    names = {p.name for p in doc.people}
    assert "Ingrid Halvorsen" in names and "Ellen Marsh" not in names and "Paul Reyes" not in names
    assert all(ONE_COUNTRY[s.start:s.end].strip() for s in doc.sentences)


def test_focused_a_report_naming_no_country_skips_the_model_and_what_needs_it() -> None:
    pipeline = Pipeline(FOCUSED_STAGES)
    doc = pipeline(_doc(NO_COUNTRY))
    assert doc.nlp is None and doc.sentences == [] and doc.people == []
    assert doc.minhash                                # still fingerprinted, so copies are found
    assert "dossier.annotate.nlp.v1" in pipeline.skipped(doc)
    assert "dossier.annotate.fingerprint.v1" not in pipeline.skipped(doc)


def test_by_default_every_report_is_read_whole() -> None:
    doc = Pipeline(DEFAULT_STAGES)(_doc(ONE_COUNTRY))
    assert doc.focus is None
    assert {"Ellen Marsh", "Ingrid Halvorsen"} <= {p.name for p in doc.people}


def test_ingest_says_how_much_the_focused_model_read_and_by_default_it_reads_more(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (("one.txt", ONE_COUNTRY), ("two.txt", TWO_COUNTRIES),
                       ("none.txt", NO_COUNTRY)):
        (corpus / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    focused = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "a.db"),
                                  "--focused"])
    assert focused.exit_code == 0, focused.output
    assert "read 1 document naming one country only around its mentions, and skipped 1" \
        in " ".join(focused.output.split())
    whole = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "b.db")])
    assert whole.exit_code == 0 and "--focused" not in whole.output

    def people(db: str) -> set[str]:
        out = tmp_path / f"{db}.export"
        assert runner.invoke(app, ["export", "--db", str(tmp_path / db), "--out", str(out)]).exit_code == 0
        return {json.loads(line)["name"] for line in (out / "actors.jsonl").read_text().splitlines()}

    assert "Ellen Marsh" not in people("a.db")
    assert "Ellen Marsh" in people("b.db")
