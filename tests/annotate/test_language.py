"""Languages: a report in another language is kept and marked, and English extraction leaves it
alone; an English report, however short, is still read."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dossier.annotate.language import annotate_language, detect_language
from dossier.cli import app
from dossier.document import Document
from dossier.pipeline import DEFAULT_STAGES, REGISTRY, Pipeline, stage
from dossier.sources.html import decode_html, html_document

PAGES = Path(__file__).parents[1] / "data" / "pages"
SEEDS = Path(__file__).parents[3] / "shared" / "seeds"

FRENCH = ("Le Sénégal et la France ont signé mardi à Dakar un accord destiné à soutenir la pêche "
          "artisanale. La France apportera une aide de 20 millions d'euros sur trois ans, a déclaré "
          "la ministre des Pêches, Fatou Diouf, à l'issue de sa rencontre avec l'ambassadrice "
          "Christine Fages.")
SWAHILI = ("Rais William Ruto amekutana na Naibu Waziri wa Mambo ya Nje wa Marekani Christopher "
           "Landau katika Ikulu ya Nairobi, ambapo walijadili biashara na usalama wa kanda.")
SHORT_ENGLISH = ("Kenyan President William Ruto met US Secretary of State Antony Blinken in "
                 "Nairobi on 3 March 2024.")


def test_french_and_swahili_are_recognised() -> None:
    assert detect_language(FRENCH)[0] == "fr"
    assert detect_language(SWAHILI)[0] == "sw"


def test_every_seed_article_is_english() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        assert detect_language(seed.read_text(encoding="utf-8"))[0] == "en", seed.name


def test_a_short_sentence_full_of_names_is_not_given_a_guessed_language() -> None:
    """py3langid reads this sentence as Nigerian Pidgin at 0.3: too unsure to act on."""
    code, probability = detect_language(SHORT_ENGLISH)
    assert code is None and probability < 0.9
    doc = annotate_language(Document(id="d", source="d", raw=SHORT_ENGLISH, text=SHORT_ENGLISH))
    assert doc.language is None


def test_a_short_english_report_is_still_extracted() -> None:
    doc = Pipeline()(Document(id="d", source="d.txt", raw=SHORT_ENGLISH))
    assert doc.language is None
    assert {p.name for p in doc.people} >= {"William Ruto", "Antony Blinken"}
    assert len(doc.events) == 1


def test_a_french_report_is_kept_with_its_text_and_nothing_extracted() -> None:
    pipeline = Pipeline()
    doc = pipeline(Document(id="fr", source="fr.txt", raw=FRENCH))
    assert doc.language == "fr"
    assert doc.text == FRENCH
    assert doc.nlp is None and doc.sentences == [] and doc.entities == []
    assert (doc.people, doc.money, doc.quotes, doc.dates, doc.initiatives, doc.events) == \
        ([], [], [], [], [], [])
    assert doc.minhash, "copies of a French report are still found"
    assert "dossier.annotate.nlp.v1" in pipeline.skipped(doc)
    assert "dossier.annotate.fingerprint.v1" not in pipeline.skipped(doc)


def test_a_stage_that_needs_english_output_is_limited_to_english_too() -> None:
    name = "tests.language.after_events.v1"
    calls: list[str] = []

    @stage(name, needs=("events",))
    def after_events(doc: Document) -> Document:
        calls.append(doc.id)
        return doc

    try:
        pipeline = Pipeline([*DEFAULT_STAGES, name])
        assert pipeline.stages[-1].languages == ("en",)
        pipeline(Document(id="fr", source="fr.txt", raw=FRENCH))
        pipeline(Document(id="en", source="en.txt", raw=SHORT_ENGLISH))
        assert calls == ["en"]
    finally:
        REGISTRY.pop(name, None)


def test_a_french_page_is_detected_from_its_text() -> None:
    html, _, _ = decode_html((PAGES / "le-journal-fr.html").read_bytes())
    doc = Pipeline()(html_document(html, id="fr", source="fr.html"))
    assert doc.language == "fr"
    assert doc.people == [] and doc.events == []


def test_ingest_says_how_many_reports_were_kept_without_extraction(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dakar.html").write_bytes((PAGES / "le-journal-fr.html").read_bytes())
    (corpus / "accra.html").write_bytes((PAGES / "daily-courier.html").read_bytes())
    (corpus / "peche.txt").write_text(FRENCH, encoding="utf-8")
    db, out = str(tmp_path / "kb.db"), tmp_path / "export"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert ("2 documents kept without extraction because their language is not English (fr: 2); "
            "extraction is English-only for now") in result.output
    assert runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", db]).exit_code == 0
    docs = {d["id"]: d for d in map(json.loads, (out / "documents.jsonl").open())}
    assert {k: d["language"] for k, d in docs.items()} == {"accra": "en", "dakar": "fr", "peche": "fr"}
    assert docs["dakar"]["text"].startswith("Le Sénégal et la France signent un accord")
    figures = [json.loads(line) for line in (out / "figures.jsonl").open()]
    assert {f["doc"] for f in figures} == {"accra"}   # not the French "20 millions d'euros"

    again = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert "kept without extraction" not in again.output   # nothing new was stored
