"""The language a document is written in, so that English-only extraction skips the others.

Every extractor after this stage reads English: the spaCy model is English, and so are the rules
for titles, dates, money and events. Run on a French report they would not fail loudly; they
would find "people" and "events" that are not there. So a document in another language is kept
and marked (`doc.language`), and the stages declared with `languages=EXTRACTION_LANGUAGES` leave
it alone.

py3langid gives a probability over ~100 languages. Short texts are unreliable (a one-line
English sentence full of Kenyan names comes out as Nigerian Pidgin at 0.3), so a language is only
set when the model is sure; otherwise `doc.language` stays None and the document is read as
English, as it was before languages were detected. Codes are ISO 639-1 where the language has
one, else ISO 639-3 ("pcm").
"""
from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dossier.document import Document
from dossier.pipeline import stage

EXTRACTION_LANGUAGES = ("en",)
"""What the annotation stages can read."""

MIN_CONFIDENCE = 0.9
"""Lowest probability at which a detected language is believed."""

MAX_CHARS = 20_000
"""How much of the text is read: the start of an article says its language as well as all of it."""


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """The model, loaded once per process; ours, so no other code can restrict its languages
    (py3langid's module-level functions share one identifier that `set_languages` changes)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """The language of `text` and the model's probability for it; None when unsure."""
    if not text.strip():
        return None, 0.0
    code, probability = identifier().classify(text[:MAX_CHARS])
    return (code if probability >= MIN_CONFIDENCE else None), probability


@stage("dossier.annotate.language.v1", needs=("text",), adds=("language",))
def annotate_language(doc: Document) -> Document:
    """Set `doc.language` when the text says it clearly; keep what a reader set otherwise."""
    code, _ = detect_language(doc.text)
    if code is not None:
        doc.language = code
    return doc
