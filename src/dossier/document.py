"""The one object that flows through the per-document stages.

A `Document` starts as raw text plus metadata from a reader, is cleaned (after which `text` is
fixed and every offset points into it) and is then annotated by extractors, each adding one kind
of mention. Mentions are plain dataclasses so that a document can be pickled to a worker process
or a Spark task and back without the spaCy object (`nlp`), which is never persisted.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Span:
    """Character offsets into a document's cleaned text: the evidence for a fact."""

    start: int
    end: int

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass
class DateValue:
    """What is known about a date: a window and the precision the text gave.

    An exact day has earliest == latest. A weekday without an anchor keeps `weekday` and leaves
    the window open rather than guessing.
    """

    earliest: date | None
    latest: date | None
    precision: str  # "day", "week", "month", "quarter", "year", "decade", "century", "unknown"
    weekday: int | None = None  # 0 = Monday, when the text names one

    @property
    def exact(self) -> date | None:
        return self.earliest if self.earliest and self.earliest == self.latest else None


@dataclass
class DateMention:
    span: Span
    text: str
    value: DateValue


@dataclass
class Entity:
    """A named entity from the NER model, kept with its label (PERSON, ORG, GPE, ...)."""

    span: Span
    text: str
    label: str


@dataclass
class Role:
    title: str
    organization: str | None
    country: str | None  # ISO 3166 alpha-3
    span: Span


@dataclass
class PersonMention:
    """A person as named at one place in the text, with the role the text gives them there.

    `name` is the fullest form of the name known in this document ("Yusuf Tuggar" for a
    later "Tuggar"); `surface` is what this span says. A role-only mention ("Kenya's Prime
    Cabinet Secretary") has an empty `name` until it is resolved.
    """

    span: Span
    surface: str
    name: str
    roles: list[Role] = field(default_factory=list)
    country: str | None = None
    # the country is only the report's own, assumed for an official it names without one
    country_assumed: bool = False


@dataclass
class MoneyMention:
    span: Span
    text: str
    value: float
    currency: str  # ISO 4217
    period: str | None = None
    what: str = ""


@dataclass
class QuoteMention:
    span: Span
    text: str
    speaker: str | None  # a person's name as known in this document


@dataclass
class InitiativeMention:
    span: Span
    name: str
    acronym: str | None = None
    status: str | None = None


@dataclass
class EventMention:
    """One event as one document tells it, possibly gathered from several sentences."""

    type: str  # PLOVER event type
    evidence: list[Span]
    participants: list[str]  # person names (as in PersonMention.name) or country codes
    summary: str = ""
    mode: str | None = None
    date: DateValue | None = None
    location: str | None = None
    country: str | None = None
    topics: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    confidence: float = 0.0  # how sure the report is read right (annotate/interactions.py)


def identity_hash(doc_id: str, raw: str) -> str:
    return hashlib.sha256(f"{doc_id}\0{raw}".encode("utf-8", "surrogatepass")).hexdigest()


MAX_ID = 200
"""The longest document id the store keeps (its key columns are VARCHAR(200))."""


@dataclass
class Document:
    id: str
    source: str
    raw: str  # what was read (a page's HTML, a file's text): hashed, stored, kept for audit
    extracted: str | None = None  # a page's main text; cleaning starts from it instead of `raw`
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_evidence: str | None = None  # where the publication date came from
    date_note: str | None = None  # why one date was chosen when the page and the text disagree
    dateline: str | None = None
    author: str | None = None
    site_name: str | None = None
    fetched_at: datetime | None = None  # when a page was fetched: no date may be later than this
    language: str | None = None  # ISO 639-1; extraction runs on English documents only
    text: str = ""
    focus: list[Span] | None = None  # what the model reads (None: all of `text`)
    warnings: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    money: list[MoneyMention] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    initiatives: list[InitiativeMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    canonical_url: str | None = None
    minhash: list[int] = field(default_factory=list)  # MinHash signature of `text`
    nlp: Any = None  # the spaCy Doc over `text`; per process, never stored

    def __post_init__(self) -> None:
        # ids come from file names, URLs and records' own "id" fields, and can be of any length;
        # the store keys hold MAX_ID characters (PostgreSQL enforces it), so a longer id keeps
        # its start, readable, and a hash of the whole, unique
        if len(self.id) > MAX_ID:
            digest = hashlib.sha1(self.id.encode("utf-8")).hexdigest()[:12]
            self.id = f"{self.id[:MAX_ID - len(digest) - 1]}-{digest}"

    @property
    def content_hash(self) -> str:
        """Identity of a stored document: the same id with the same raw content.

        The same text under another id (another outlet carrying a wire story, a repost under a
        new URL) is a report of its own, stored and then found to be an exact copy
        (`resolve/duplicates.py`), so that every outlet that carried an event is counted.
        """
        return identity_hash(self.id, self.raw)

    def sentence_of(self, offset: int) -> Span:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return Span(offset, offset)
