"""The knowledge base's tables.

Two layers. What one document says (its text and its mentions of people, roles, figures,
quotes, initiatives and events) is written in that document's own transaction and never
changes afterwards. What the corpus says (actors, events, initiatives across reports) is derived
from those mentions by the resolver and can be rebuilt at any time. Every fact row carries its
evidence: a document id and character offsets into that document's cleaned text.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def public_id(kind: str, doc_id: str, start: int) -> str:
    """The exported id of a per-document fact (a figure, a quote): made from where it is, so
    that it does not depend on the order documents were stored in, as a row id does."""
    return f"{kind}-" + hashlib.sha1(f"{doc_id}\x00{start}".encode("utf-8")).hexdigest()[:12]


class Base(DeclarativeBase):
    pass


class Evidence:
    """Columns shared by every row that points back to the words it came from."""

    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


# ---------------------------------------------------------------- per document


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date)
    published_evidence: Mapped[str | None] = mapped_column(Text)
    date_note: Mapped[str | None] = mapped_column(Text)
    dateline: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(Text)
    site_name: Mapped[str | None] = mapped_column(String(200))
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    canonical_url: Mapped[str | None] = mapped_column(Text, index=True)
    minhash: Mapped[list] = mapped_column(JSON, default=list)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)


class PersonMentionRow(Evidence, Base):
    __tablename__ = "person_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    surface: Mapped[str] = mapped_column(String(300))
    name: Mapped[str] = mapped_column(String(300))  # "" for a role-only mention
    country: Mapped[str | None] = mapped_column(String(3))
    # the report's own country, given to someone it names bare (`annotate/people.py`)
    country_assumed: Mapped[bool | None] = mapped_column(Boolean)


class RoleMentionRow(Evidence, Base):
    __tablename__ = "role_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_mention_id: Mapped[int] = mapped_column(
        ForeignKey("person_mentions.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    organization: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(3))


class FigureRow(Evidence, Base):
    __tablename__ = "figures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
    value: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    period: Mapped[str | None] = mapped_column(String(20))
    what: Mapped[str] = mapped_column(Text, default="")
    value_usd: Mapped[float | None] = mapped_column(Float)
    usd_rate: Mapped[float | None] = mapped_column(Float)  # units of currency per USD
    usd_rate_date: Mapped[str | None] = mapped_column(String(20))
    usd_rate_source: Mapped[str | None] = mapped_column(String(200))
    # derived: [{"figure": id, "verdict": ..., "difference": ...}] with other reports' figures
    comparisons: Mapped[list] = mapped_column(JSON, default=list)

    @property
    def public_id(self) -> str:
        return public_id("figure", self.doc_id, self.start)


class QuoteRow(Evidence, Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    speaker_name: Mapped[str | None] = mapped_column(String(300))

    @property
    def public_id(self) -> str:
        return public_id("quote", self.doc_id, self.start)


class InitiativeMentionRow(Evidence, Base):
    __tablename__ = "initiative_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    acronym: Mapped[str | None] = mapped_column(String(30))
    status: Mapped[str | None] = mapped_column(String(40))


class EventMentionRow(Base):
    __tablename__ = "event_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    mode: Mapped[str | None] = mapped_column(String(30))
    date_earliest: Mapped[date | None] = mapped_column(Date)
    date_latest: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    weekday: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(3))
    participants: Mapped[list] = mapped_column(JSON)  # names as the document gives them
    topics: Mapped[list] = mapped_column(JSON)
    initiatives: Mapped[list] = mapped_column(JSON)  # initiative names
    evidence: Mapped[list] = mapped_column(JSON)  # [[start, end], ...] into the document text
    confidence: Mapped[float | None] = mapped_column(Float)


class OfficeHolderRow(Base):
    """A user's dictionary of who held which office when, used where the corpus is silent."""

    __tablename__ = "office_holders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(3))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class UserRateRow(Base):
    """A user's exchange rate, preferred to the bundled ones for its currency and period."""

    __tablename__ = "user_rates"
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM or YYYY
    units_per_usd: Mapped[float] = mapped_column(Float)


# ---------------------------------------------------------------- across documents (derived)


class ActorRow(Base):
    __tablename__ = "actors"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(3))
    aliases: Mapped[list] = mapped_column(JSON)


class ActorMentionRow(Base):
    """Which person mention is which actor."""

    __tablename__ = "actor_mentions"
    person_mention_id: Mapped[int] = mapped_column(
        ForeignKey("person_mentions.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)


class ActorRoleRow(Evidence, Base):
    __tablename__ = "actor_roles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    organization: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(3))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class InitiativeRow(Base):
    __tablename__ = "initiatives"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list] = mapped_column(JSON)


class InitiativeLinkRow(Base):
    __tablename__ = "initiative_links"
    mention_id: Mapped[int] = mapped_column(
        ForeignKey("initiative_mentions.id", ondelete="CASCADE"), primary_key=True)
    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True)


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    mode: Mapped[str | None] = mapped_column(String(30))
    date: Mapped[date | None] = mapped_column(Date)
    date_earliest: Mapped[date | None] = mapped_column(Date)
    date_latest: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(3))
    topics: Mapped[list] = mapped_column(JSON)
    initiatives: Mapped[list] = mapped_column(JSON)  # initiative ids
    # [{"event": id, "relation": "announced by" | "took place as"}]: a planned meeting and the
    # meeting when it happens
    related: Mapped[list] = mapped_column(JSON, default=list)
    confidence: Mapped[float | None] = mapped_column(Float)


class EventLinkRow(Base):
    """Which document's event mention is (part of) which event."""

    __tablename__ = "event_links"
    event_mention_id: Mapped[int] = mapped_column(
        ForeignKey("event_mentions.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)


class EventParticipantRow(Base):
    __tablename__ = "event_participants"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    # indexed on its own too: "the events of this actor" (filters, actor pages) would
    # otherwise scan the whole table, whose key starts with the event
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"),
                                          primary_key=True, index=True)


class FindingRow(Base):
    """An inconsistency within or between reports, with the evidence from each side."""

    __tablename__ = "findings"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list] = mapped_column(JSON)  # [[doc_id, start, end], ...]


class DuplicateRow(Base):
    """A document that copies another: the same canonical URL, or nearly the same text."""

    __tablename__ = "duplicates"
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                        primary_key=True)
    duplicate_of: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    similarity: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(20))  # "url" or "near-duplicate"


class StoreStateRow(Base):
    """Whether the derived tables are current. `inputs` counts every change to what they are
    derived from (a document stored, a dictionary of office holders or of rates loaded), in
    the transaction that makes it; `resolved` is what that count was when the derived tables
    were last rebuilt. A run killed between the two leaves them unequal, and the next command
    resolves first."""

    __tablename__ = "store_state"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


INPUTS, RESOLVED = "inputs", "resolved"


class CorrectionRow(Base):
    """An analyst's correction of an actor or an event (`resolve/corrections.py`): kept apart
    from the derived tables, which a rebuild empties, and applied after each rebuild."""

    __tablename__ = "corrections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)   # the order they were made
    action: Mapped[str] = mapped_column(String(20))   # merge, split, rename, country, ...
    target: Mapped[str] = mapped_column(String(200), index=True)   # actor or event id
    value: Mapped[dict] = mapped_column(JSON)   # {"into": id}, {"name": ...}, {"country": ...}
    author: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime] = mapped_column(DateTime)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str | None] = mapped_column(Text)   # "applied", or why not, at the last rebuild


# ---------------------------------------------------------------- feeds and the run ledger


class FeedRow(Base):
    """A feed the user watches, with what its last poll said: the validators for the next
    conditional request, and a status for `dossier sources`."""

    __tablename__ = "feeds"
    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(DateTime)
    last_polled_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_status: Mapped[str | None] = mapped_column(String(20))  # "ok", "not modified", "failed"
    last_error: Mapped[str | None] = mapped_column(Text)


class FetchLedgerRow(Base):
    """One article URL a feed listed, and what became of it. The ledger is what lets a watch
    run stop anywhere and resume: a URL marked done is never fetched again, a failed one is
    retried on later runs up to a limit."""

    __tablename__ = "fetch_ledger"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # the order URLs were first seen
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    feed_url: Mapped[str | None] = mapped_column(String(2000), index=True)
    status: Mapped[str] = mapped_column(String(10), index=True)  # "pending", "done", "failed"
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    doc_id: Mapped[str | None] = mapped_column(String(200))  # no foreign key: history outlives a document
    first_seen_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
