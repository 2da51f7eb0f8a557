"""The same reports hard-wrapped at 72 columns (as the White House corpus is) and unwrapped (a
paragraph per line, as a scraper gives them) yield the same facts."""
from __future__ import annotations

import gzip
from datetime import date
import json
import random
import re
from pathlib import Path

import pytest

from dossier.document import Document
from dossier.pipeline import Pipeline

CORPUS = Path(__file__).parents[3] / "shared" / "corpora" / "whitehouse-2021-2026.jsonl.gz"
SAMPLE = 32
MAX_CHARS = 5000
_HARD_BREAK = re.compile(r"(?:  |\\\\)\n")
_LIST_ITEM = re.compile(r"\n(?= *(?:[-*+]|\d{1,9}[.)]) )")


def unwrap(text: str) -> str:
    """Each paragraph and list item on one line, as a plain reader (not ours) would join them;
    a Markdown hard break (two spaces at a line's end) stays a line break."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = _HARD_BREAK.split(paragraph)
        paragraphs.append("\n".join(
            " ".join(part.strip() for part in item.split("\n"))
            for line in lines for item in _LIST_ITEM.split(line)))
    return "\n\n".join(paragraphs)


def facts(doc: Document) -> dict[str, object]:
    return {
        "events": sorted((e.type, tuple(sorted(e.participants)), str(e.date and e.date.earliest),
                          str(e.date and e.date.latest), e.location or "") for e in doc.events),
        "people": sorted({(p.name, p.country or "") for p in doc.people}),
        "dates": sorted((d.text, str(d.value.earliest), str(d.value.latest)) for d in doc.dates),
    }


@pytest.fixture(scope="module")
def corpus_sample() -> list[dict[str, str]]:
    assert CORPUS.exists(), f"the White House corpus is missing at {CORPUS}"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        records = [r for r in map(json.loads, lines) if len(r["text"]) <= MAX_CHARS]
    return random.Random(72).sample(records, SAMPLE)


def test_wrapped_and_unwrapped_reports_give_the_same_events_people_and_dates(
        corpus_sample: list[dict[str, str]], full_pipeline: Pipeline) -> None:
    differ = []
    found = 0
    for record in corpus_sample:
        published = date.fromisoformat(record["published"])
        wrapped, flat = (full_pipeline(Document(id=record["id"], source="corpus", raw=raw, published=published))
                         for raw in (record["text"], unwrap(record["text"])))
        assert "\n" not in wrapped.text.replace("\n\n", ""), record["id"]   # no line break inside a block
        assert "**" not in wrapped.text and "](" not in wrapped.text, record["id"]
        found += len(wrapped.events) + len(wrapped.people)
        if facts(wrapped) != facts(flat):
            differ.append(record["id"])
    assert differ == []
    assert found > SAMPLE    # the sample is not all empty reports
