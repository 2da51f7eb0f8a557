"""Quotes and who said them.

Three shapes cover most news writing: a quotation followed by its attribution ("...," Lammy
said), an attribution that introduces it (Ruto said: "..."), and the pull quote that scraping
leaves as a bare line followed by a line holding only the speaker's name. "He said" goes to the
person last named before the quote. Quotation marks are often mismatched in scraped text
(an opening “ closed by "), so any opening mark pairs with the next closing one.
"""
from __future__ import annotations

import re

from dossier.document import Document, PersonMention, QuoteMention, Span
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.pipeline import stage

SPEECH_VERBS = (r"said|says|stated|states|added|adds|noted|notes|told|explained|remarked|declared|"
                r"insisted|emphasi[sz]ed|stressed|observed|argued|wrote|posted|tweeted|announced")
QUOTE = re.compile(r"[\"“]([^\"“”]{20,}?)[\"”]")
AFTER = re.compile(r"^[\s,]*(?:(?P<verb1>" + SPEECH_VERBS + r")\s+(?P<who1>[^.,;\n]{2,60}?)|"
                   r"(?P<who2>[^.,;\n\"“”]{2,60}?)\s+(?:" + SPEECH_VERBS + r"))\b")
BEFORE = re.compile(r"(?P<who>[^.,;\n\"“”]{2,60}?)\s+(?:" + SPEECH_VERBS + r")"
                    r"(?:\s+(?:reporters|journalists|the\s+\w+|an?\s+\w+|him|her|them))?"
                    r"(?:\s+that)?\s*[:,]?\s*$")
PRONOUNS = {"he", "she", "they", "him", "her"}


def _speaker_in(doc: Document, start: int, end: int) -> str | None:
    """The person named between two offsets (the attribution), or the antecedent of a pronoun."""
    named = [p for p in doc.people if p.name and start <= p.span.start < end]
    if named:
        return named[-1].name
    words = doc.text[start:end].lower().split()
    if words and words[-1] in PRONOUNS | {"he", "she"} or any(w in PRONOUNS for w in words[:2]):
        earlier = [p for p in doc.people if p.name and p.span.start < start]
        return earlier[-1].name if earlier else None
    return None


def _quoted(doc: Document) -> list[QuoteMention]:
    quotes = []
    for m in QUOTE.finditer(doc.text):
        start, end = m.span(1)
        # A quote closed by a full stop ends its sentence: what follows is someone else's.
        closed = m.group(1).rstrip().endswith(".")
        after = None if closed else AFTER.match(doc.text[m.end():m.end() + 80])
        speaker = None
        if after:
            s = m.end() + after.start("who1" if after.group("who1") else "who2")
            e = m.end() + after.end("who1" if after.group("who1") else "who2")
            speaker = _speaker_in(doc, s, e)
        if speaker is None:
            line_start = doc.text.rfind("\n", 0, m.start()) + 1
            before = BEFORE.search(doc.text[max(line_start, m.start() - 80):m.start()])
            if before:
                offset = max(line_start, m.start() - 80)
                speaker = _speaker_in(doc, offset + before.start("who"), offset + before.end("who"))
        quotes.append(QuoteMention(Span(start, end), doc.text[start:end].strip(), speaker))
    return quotes


def _pull_quotes(doc: Document) -> list[QuoteMention]:
    """A bare line of speech followed by a line that is only a (titled) name."""
    quotes = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]
    for (s1, e1), (s2, e2) in zip(lines, lines[1:]):
        body, by = doc.text[s1:e1].strip(), doc.text[s2:e2].strip()
        if len(body.split()) < 6 or re.search(r"[\"“”]", body) or len(by.split()) > 5:
            continue
        speaker: PersonMention | None = next(
            (p for p in doc.people if p.name and s2 <= p.span.start and p.span.end <= e2), None)
        if speaker and len(by) <= len(speaker.surface) + 40:
            quotes.append(QuoteMention(Span(s1, e1), body, speaker.name))
    return quotes


@stage("dossier.annotate.quotes.v1", needs=("text", "people"), adds=("quotes",),
       languages=EXTRACTION_LANGUAGES)
def annotate_quotes(doc: Document) -> Document:
    doc.quotes = _quoted(doc) + _pull_quotes(doc)
    doc.quotes.sort(key=lambda q: q.span.start)
    return doc
