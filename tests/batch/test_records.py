"""A document survives the row format the Spark job writes and `dossier load` reads."""
from __future__ import annotations

from datetime import date, datetime, timezone

from dossier.batch.records import FIELDS, error_record, from_record, to_record
from dossier.document import (DateMention, DateValue, Document, Entity, EventMention,
                              InitiativeMention, MoneyMention, PersonMention, QuoteMention, Role,
                              Span)


def annotated() -> Document:
    text = "President Ruto met Joe Biden on Thursday. \u201cWe agree,\u201d he said of $250 million."
    d = DateValue(date(2024, 5, 23), date(2024, 5, 23), "day", 3)
    return Document(
        id="d1", source="seeds/a.txt", raw=text + "\n", url="https://example.org/a", title="T",
        published=date(2024, 5, 24), fetched_at=datetime(2024, 5, 24, 8, tzinfo=timezone.utc),
        language="en", text=text, warnings=["guessed encoding"], sentences=[Span(0, 41)],
        entities=[Entity(Span(10, 14), "Ruto", "PERSON")],
        dates=[DateMention(Span(31, 39), "Thursday", d)],
        people=[PersonMention(Span(10, 14), "Ruto", "William Ruto",
                              [Role("President", None, "KEN", Span(0, 9))], "KEN")],
        money=[MoneyMention(Span(66, 78), "$250 million", 250e6, "USD", None, "aid")],
        quotes=[QuoteMention(Span(42, 53), "We agree,", "William Ruto")],
        initiatives=[InitiativeMention(Span(0, 4), "Pres", "P", "signed")],
        events=[EventMention("CONSULT", [Span(0, 41)], ["William Ruto", "USA"], "met", "in person",
                             d, "Washington", "USA", ["trade"], ["Pres"]),
                EventMention("AGREE", [Span(42, 60)], ["KEN"])],
        canonical_url="https://example.org/a", minhash=[1, 2**63 + 5])


def test_a_document_round_trips_with_its_annotations():
    doc = annotated()
    row = to_record(doc)
    assert set(row) == set(FIELDS) and all(v is None or isinstance(v, str) for v in row.values())
    back = from_record(row)
    assert back == doc and back.content_hash == doc.content_hash


def test_a_bare_document_round_trips():
    doc = Document(id="x", source="x.txt", raw="hello")
    assert from_record(to_record(doc)) == doc


def test_an_error_row_names_the_document_and_refuses_to_become_one():
    row = error_record(Document(id="x", source="x.txt", raw="hello"), "error: x.txt: boom")
    assert row["id"] == "x" and row["error"] == "error: x.txt: boom" and row["raw"] is None
    try:
        from_record(row)
    except ValueError as e:
        assert "boom" in str(e)
    else:
        raise AssertionError("an error row became a document")
