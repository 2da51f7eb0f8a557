"""Read the knowledge base as records in the export format.

One function per kind of record; the export, the CLI tables and `show` all use these, so what a
user sees in the terminal is what the export gives. Records are streamed in id order.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Collection, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.places import place_point
from dossier.store.schema import (ActorMentionRow, ActorRoleRow, ActorRow, DocumentRow,
                                  DuplicateRow,
                                  EventLinkRow, EventMentionRow, EventParticipantRow, EventRow,
                                  FigureRow, FindingRow, InitiativeLinkRow, InitiativeMentionRow,
                                  InitiativeRow, PersonMentionRow, QuoteRow, CorrectionRow)


SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"'”’]?(?=\s)|\n")


def sentence_ends(text: str) -> list[int]:
    """Offsets where sentences end in `text`, for many `sentence_around` calls on one text."""
    return [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_around(text: str, start: int, end: int, ends: list[int] | None = None) -> str:
    """The sentence(s) an evidence span sits in, for reading it in context. A full stop after
    a capital ("U.S.", "D.C.") does not end a sentence. `ends` is `sentence_ends(text)` when
    the caller has it already."""
    ends = sentence_ends(text) if ends is None else ends
    i = bisect.bisect_right(ends, start)
    left = ends[i - 1] if i else 0
    j = bisect.bisect_left(ends, end)
    right = ends[j] if j < len(ends) else len(text)
    return " ".join(text[left:right].split())


def iso(d) -> str | None:
    return d.isoformat() if d else None


class Evidence:
    """Turns (document, start, end) into an evidence record with the quoted words.

    The one place that makes evidence, so every record's `text == document.text[start:end]`.
    """

    def __init__(self, s: Session):
        self._s = s
        self._texts: dict[str, str] = {}

    def __call__(self, doc_id: str, start: int, end: int) -> dict:
        if doc_id not in self._texts:
            self._texts[doc_id] = self._s.scalar(select(DocumentRow.text).where(DocumentRow.id == doc_id))
        return {"doc": doc_id, "start": start, "end": end, "text": self._texts[doc_id][start:end]}


def _only(query, column, ids: Collection[str] | None):
    """The query for the records with these ids only (all when `ids` is None): `dossier show`
    reads one record by its key with the very function the export reads them all with."""
    return query if ids is None else query.where(column.in_(list(ids)))


def _correction(c: CorrectionRow) -> dict:
    return {"id": f"correction-{c.id}", "number": c.id, "action": c.action, "target": c.target,
            "value": c.value, "by": c.author, "made_at": c.made_at.isoformat(timespec="seconds"),
            "why": c.reason, "undone_at": c.undone_at and c.undone_at.isoformat(timespec="seconds"),
            "outcome": c.outcome}


def corrections_of(s: Session) -> dict[str, list[dict]]:
    """Record id -> the corrections in force that touch it (its own, a merge into it, a split
    off it), for showing on the record."""
    touched: dict[str, list[dict]] = defaultdict(list)
    for c in s.scalars(select(CorrectionRow).where(CorrectionRow.undone_at.is_(None))
                       .order_by(CorrectionRow.id)):
        for record in {c.target, (c.value or {}).get("into"), (c.value or {}).get("id")} - {None}:
            touched[record].append(_correction(c))
    return touched


def corrections(s: Session) -> Iterator[dict]:
    """Every correction, undone ones included: the history of the analysts' work."""
    for c in s.scalars(select(CorrectionRow).order_by(CorrectionRow.id)):
        yield _correction(c)


def documents(s: Session, ids: Collection[str] | None = None) -> Iterator[dict]:
    copies = {c.doc_id: c for c in s.scalars(_only(select(DuplicateRow), DuplicateRow.doc_id,
                                                    ids))}
    for d in s.scalars(_only(select(DocumentRow), DocumentRow.id, ids).order_by(DocumentRow.id)):
        copy = copies.get(d.id)
        yield {"id": d.id, "source": d.source, "url": d.url, "title": d.title, "outlet": d.outlet,
               "text": d.text, "published": iso(d.published),
               "published_evidence": d.published_evidence, "date_note": d.date_note,
               "dateline": d.dateline, "author": d.author, "site_name": d.site_name,
               "fetched_at": iso(d.fetched_at), "language": d.language,
               "warnings": d.warnings, "content_hash": d.content_hash,
               "near_duplicate_of": copy.duplicate_of if copy else None,
               "duplicate_similarity": round(copy.similarity, 3) if copy else None,
               "duplicate_reason": copy.reason if copy else None}


def actors(s: Session, ids: Collection[str] | None = None) -> Iterator[dict]:
    ev = Evidence(s)
    roles = defaultdict(list)
    for r in s.scalars(_only(select(ActorRoleRow), ActorRoleRow.actor_id, ids)
                       .order_by(ActorRoleRow.id)):
        roles[r.actor_id].append({"title": r.title, "organization": r.organization,
                                  "country": r.country, "valid_from": iso(r.valid_from),
                                  "valid_to": iso(r.valid_to),
                                  "evidence": [ev(r.doc_id, r.start, r.end)]})
    mentions = defaultdict(list)
    rows = s.execute(_only(select(ActorMentionRow.actor_id, PersonMentionRow.doc_id,
                                  PersonMentionRow.start, PersonMentionRow.end)
                           .join(PersonMentionRow,
                                 PersonMentionRow.id == ActorMentionRow.person_mention_id),
                           ActorMentionRow.actor_id, ids)
                     .order_by(PersonMentionRow.doc_id, PersonMentionRow.start))
    for actor_id, doc_id, start, end in rows:
        mentions[actor_id].append(ev(doc_id, start, end))
    corrected = corrections_of(s)
    for a in s.scalars(_only(select(ActorRow), ActorRow.id, ids).order_by(ActorRow.id)):
        yield {"id": a.id, "name": a.name, "type": a.type, "country": a.country,
               "aliases": a.aliases, "roles": roles[a.id], "evidence": mentions[a.id],
               "corrections": corrected.get(a.id, [])}


def events(s: Session, ids: Collection[str] | None = None) -> Iterator[dict]:
    ev = Evidence(s)
    participants = defaultdict(list)
    for p in s.scalars(_only(select(EventParticipantRow), EventParticipantRow.event_id, ids)
                       .order_by(EventParticipantRow.actor_id)):
        participants[p.event_id].append(p.actor_id)
    reports, evidence = defaultdict(set), defaultdict(list)
    rows = s.execute(_only(select(EventLinkRow.event_id, EventMentionRow.doc_id,
                                  EventMentionRow.evidence)
                           .join(EventMentionRow,
                                 EventMentionRow.id == EventLinkRow.event_mention_id),
                           EventLinkRow.event_id, ids)
                     .order_by(EventMentionRow.doc_id, EventMentionRow.id))
    for event_id, doc_id, spans in rows:
        reports[event_id].add(doc_id)
        evidence[event_id].extend(ev(doc_id, a, b) for a, b in spans)
    corrected = corrections_of(s)
    for e in s.scalars(_only(select(EventRow), EventRow.id, ids)
                       .order_by(EventRow.date_earliest.is_(None), EventRow.date_earliest,
                                 EventRow.id)):
        yield {"id": e.id, "type": e.type, "mode": e.mode, "summary": e.summary,
               "confidence": e.confidence,
               "date": iso(e.date), "date_earliest": iso(e.date_earliest),
               "date_latest": iso(e.date_latest), "location": e.location, "country": e.country,
               "coordinates": _coordinates(e.location, e.country),
               "participants": participants[e.id], "topics": e.topics,
               "initiatives": e.initiatives, "related": e.related or [],
               "reported_by": sorted(reports[e.id]),
               "evidence": evidence[e.id], "corrections": corrected.get(e.id, [])}


def _coordinates(location: str | None, country: str | None) -> dict | None:
    point = place_point(location, country)
    return None if point is None else {"lat": point.lat, "lon": point.lon, "precision": point.precision}


def initiatives(s: Session, ids: Collection[str] | None = None) -> Iterator[dict]:
    ev = Evidence(s)
    mentions = defaultdict(list)
    rows = s.execute(_only(select(InitiativeLinkRow.initiative_id, InitiativeMentionRow)
                           .join(InitiativeMentionRow,
                                 InitiativeMentionRow.id == InitiativeLinkRow.mention_id),
                           InitiativeLinkRow.initiative_id, ids)
                     .order_by(InitiativeMentionRow.doc_id, InitiativeMentionRow.start))
    for initiative_id, m in rows:
        mentions[initiative_id].append({"doc": m.doc_id, "status": m.status,
                                        "evidence": [ev(m.doc_id, m.start, m.end)]})
    for i in s.scalars(_only(select(InitiativeRow), InitiativeRow.id, ids)
                       .order_by(InitiativeRow.id)):
        yield {"id": i.id, "name": i.name, "aliases": i.aliases, "mentions": mentions[i.id]}


def figures(s: Session) -> Iterator[dict]:
    ev = Evidence(s)
    for f in s.scalars(select(FigureRow).order_by(FigureRow.doc_id, FigureRow.start)):
        yield {"id": f.public_id, "doc": f.doc_id, "text": f.text, "value": f.value,
               "currency": f.currency, "value_usd": f.value_usd, "usd_rate": f.usd_rate,
               "usd_rate_date": f.usd_rate_date, "usd_rate_source": f.usd_rate_source,
               "period": f.period, "what": f.what, "comparisons": f.comparisons or [],
               "evidence": [ev(f.doc_id, f.start, f.end)]}


def quotes(s: Session) -> Iterator[dict]:
    """Quotes with the speaker as an actor id: the actor of that name in that document."""
    ev = Evidence(s)
    speakers = dict(((doc_id, name), actor_id) for doc_id, name, actor_id in s.execute(
        select(PersonMentionRow.doc_id, PersonMentionRow.name, ActorMentionRow.actor_id)
        .join(ActorMentionRow, ActorMentionRow.person_mention_id == PersonMentionRow.id)))
    for q in s.scalars(select(QuoteRow).order_by(QuoteRow.doc_id, QuoteRow.start)):
        yield {"id": q.public_id, "doc": q.doc_id, "text": q.text,
               "speaker": speakers.get((q.doc_id, q.speaker_name)) if q.speaker_name else None,
               "speaker_name": q.speaker_name, "evidence": [ev(q.doc_id, q.start, q.end)]}


def findings(s: Session) -> Iterator[dict]:
    ev = Evidence(s)
    for f in s.scalars(select(FindingRow).order_by(FindingRow.id)):
        yield {"id": f.id, "kind": f.kind, "description": f.description,
               "evidence": [ev(doc, start, end) for doc, start, end in f.evidence]}


# the kinds `dossier show` looks an id up in, in this order, each by its key
KEYED = {"events": events, "actors": actors, "initiatives": initiatives, "documents": documents}

KINDS = {"documents": documents, "actors": actors, "events": events,
         "initiatives": initiatives, "figures": figures, "quotes": quotes,
         "findings": findings, "corrections": corrections}
