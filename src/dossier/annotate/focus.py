"""Where the model reads: the parts of a report that can hold a relation between countries.

The spaCy model is about nine tenths of the per-document cost, and a knowledge base of relations
between countries only needs it where countries are. So before the model runs, a cheap scan
(capitalised words looked up in the country, demonym and international organisation tables)
counts the countries (an organisation counts as one) a report names, in its title or text:

- two or more: the report is about a relation and is read whole (every news report of a
  bilateral visit, deal or dispute is);
- one: the other side is often only implied ("President X spoke today with King Y of Jordan"),
  so the sentences naming it are read, with the sentence before and after for names and the
  verb that link them;
- none: a domestic statement; it is stored and fingerprinted (so its copies are found) but not
  parsed.

`doc.focus` holds the spans to read, or None for the whole text. A false country (a person
called Chad) only makes the model read more, never less.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.document import Document, Span
from dossier.pipeline import stage
from dossier.organisations import ORGANISATION_KEY, organisation_code
from dossier.places import country_code

# A run of capitalised words, allowing "of (the)" inside: "Democratic Republic of the Congo".
CAPITALISED = re.compile(r"\b[A-Z][\w.'\u2019-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'\u2019-]*){0,8}")
# A sentence ends at . ! or ? (and closing quotes) before a capital or digit, or at a line break.
# Rough on purpose: it only decides what the model reads, the model then splits properly.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019)]?\s+(?=[\"\u201c(]?[A-Z0-9])|\n+")
NEIGHBOURS = 1


def countries_named(text: str) -> set[str]:
    """The alpha-3 codes of the countries `text` names or calls by a demonym; within a run of
    capitalised words the longest name wins ("South Sudan", not "Sudan")."""
    return {code for _, code in _country_mentions(text)}


def _country_mentions(text: str) -> list[tuple[int, str]]:
    """(offset of the name, code) for each country named in `text`."""
    found: list[tuple[int, str]] = []
    for run in CAPITALISED.finditer(text):
        spans = [w.span() for w in re.finditer(r"\S+", text[run.start():run.end()])]
        words = [run.group()[a:b] for a, b in spans]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                name = " ".join(words[i:j])
                code = country_code(name) or (
                    ORGANISATION_KEY + org if (org := organisation_code(name)) else None)
                if code:
                    found.append((run.start() + spans[i][0], code))
                    i = j - 1
                    break
            i += 1
    return found


def rough_sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for end in SENTENCE_END.finditer(text):
        if end.start() > start:
            spans.append(Span(start, end.start()))
        start = end.end()
    if start < len(text):
        spans.append(Span(start, len(text)))
    return spans


def focus_spans(text: str, title: str | None = None) -> list[Span] | None:
    """The spans of `text` worth the model's time; None means all of it."""
    mentions = _country_mentions(text)
    named = {code for _, code in mentions} | countries_named(title or "")
    if len(named) >= 2:
        return None
    if not named:
        return []
    sentences = rough_sentences(text)
    starts = [s.start for s in sentences]
    naming = {bisect_right(starts, at) - 1 for at, _ in mentions}   # sentences naming it
    keep = sorted({k for i in naming for k in range(i - NEIGHBOURS, i + NEIGHBOURS + 1)
                   if 0 <= k < len(sentences)})
    spans: list[Span] = []
    for k in keep:   # neighbouring sentences become one span, with what lies between them
        if spans and k - 1 in keep:
            spans[-1] = Span(spans[-1].start, sentences[k].end)
        else:
            spans.append(sentences[k])
    return spans


def masked(text: str, focus: list[Span]) -> str:
    """`text` with everything outside `focus` blanked, line breaks kept: same length, so every
    offset the model gives still points into the real text, and blanks cost the model nothing."""
    parts, at = [], 0
    for span in focus:
        parts.append(re.sub(r"[^\n]", " ", text[at:span.start]))
        parts.append(text[span.start:span.end])
        at = span.end
    parts.append(re.sub(r"[^\n]", " ", text[at:]))
    return "".join(parts)


@stage("dossier.annotate.focus.v1", needs=("text", "language"), adds=("focus",),
       languages=EXTRACTION_LANGUAGES)
def annotate_focus(doc: Document) -> Document:
    doc.focus = focus_spans(doc.text, doc.title)
    return doc


@stage("dossier.annotate.focus.whole.v1", needs=("text", "language"), adds=("focus",),
       languages=EXTRACTION_LANGUAGES)
def annotate_focus_whole(doc: Document) -> Document:
    """The model reads every document whole (the default; `--focused` reads around the
    countries instead)."""
    doc.focus = None
    return doc
