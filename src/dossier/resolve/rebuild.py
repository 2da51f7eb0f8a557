"""Derive the corpus-level records from the stored mentions: copies, actors, initiatives,
events, figures in USD and findings.

The derived tables are rebuilt in one transaction from what the documents say, so the result
never depends on the order documents arrived in, and a run interrupted before the end leaves the
previous derived state intact. Each resolver blocks its comparisons (by surname, by participant,
by key), so a rebuild costs about linear time in the number of mentions.
"""
from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from dossier.annotate.titles import title_key
from dossier.organisations import ARMED_GROUP, is_armed_group, organisation_name
from dossier.participants import COUNTRY, ORGANISATION, Participant, role_key
from dossier.places import country_aliases, country_name
from dossier.rates import ExchangeRates
from dossier.resolve import corrections, findings
from dossier.resolve.actors import MentionIn, OfficeHolder, resolve_people
from dossier.resolve.duplicates import DocIn, find_duplicates
from dossier.resolve.events import EventMentionIn, link_announcements, resolve_events
from dossier.resolve.figures import FigureRef, compare_figures, usd_rate
from dossier.resolve.initiatives import InitiativeMentionIn, resolve_initiatives
from dossier.names import fold, same_person
from dossier.store.schema import (RESOLVED, INPUTS, ActorMentionRow, ActorRoleRow, ActorRow,
                                  DocumentRow, DuplicateRow, EventLinkRow, EventMentionRow,
                                  EventParticipantRow, EventRow, FigureRow, FindingRow,
                                  InitiativeLinkRow, InitiativeMentionRow, InitiativeRow,
                                  OfficeHolderRow, PersonMentionRow, RoleMentionRow, StoreStateRow,
                                  UserRateRow, public_id)
from dossier.store.store import Store

# Derived tables, children before parents, emptied at the start of every rebuild.
DERIVED = (DuplicateRow, FindingRow, EventParticipantRow, EventLinkRow, EventRow,
           InitiativeLinkRow, InitiativeRow, ActorRoleRow, ActorMentionRow, ActorRow)


REBUILD_LOCK = 0x646f7373_72656275 >> 1   # "dossrebu": one PostgreSQL advisory lock key


STAGES = ("copies", "actors", "initiatives", "events", "figures", "findings", "corrections")


def rebuild(store: Store, on_stage: Callable[[str], None] = lambda name: None) -> None:
    """Recompute every derived table; `on_stage` gets the name of each of `STAGES` as it
    starts. Two processes rebuilding one PostgreSQL store take turns (an advisory lock held
    until the transaction ends), so neither empties the tables under the other; SQLite's
    single writer already serialises them."""
    with _without_cycle_collection(), store.session() as s:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REBUILD_LOCK})
        for table in DERIVED:
            s.execute(delete(table))
        # the inputs this rebuild reads; a document stored while it runs leaves the store stale
        inputs = s.scalar(select(StoreStateRow.value).where(StoreStateRow.name == INPUTS))
        on_stage("copies")
        copies = _duplicates(s)
        on_stage("actors")
        names = _actors(s, copies)
        on_stage("initiatives")
        initiative_ids = _initiatives(s)
        on_stage("events")
        _events(s, names, initiative_ids, copies)
        on_stage("figures")
        _figures(s, ExchangeRates({(r.currency, r.period): r.units_per_usd
                                   for r in s.scalars(select(UserRateRow))}))
        on_stage("findings")
        _findings(s)
        on_stage("corrections")
        corrections.apply_all(s)   # an analyst's word over what was derived
        s.execute(update(StoreStateRow).where(StoreStateRow.name == RESOLVED).values(value=inputs))


def resolve_if_stale(store: Store, on_stage: Callable[[str], None] = lambda name: None) -> bool:
    """Rebuild when documents were stored since the last rebuild (a run killed before or during
    its resolution); True if it did."""
    if not store.is_stale():
        return False
    rebuild(store, on_stage)
    return True


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A rebuild makes millions of small objects and frees none of them until it ends, so
    Python's cycle collector would walk them again and again for nothing: 40% of the time at
    10,000 documents, more as the corpus grows. Reference counting still frees what it can."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _report_dates(s: Session) -> dict[str, date]:
    """Each document's date: its publication date, else the latest exact date of an event it
    reports (other reports of the event may have fixed it)."""
    published = {doc: pub for doc, pub in s.execute(select(DocumentRow.id, DocumentRow.published))
                 if pub}
    inferred: dict[str, date] = {}
    rows = s.execute(select(EventMentionRow.doc_id, EventRow.date)
                     .join(EventLinkRow, EventLinkRow.event_mention_id == EventMentionRow.id)
                     .join(EventRow, EventRow.id == EventLinkRow.event_id)
                     .where(EventRow.date.is_not(None)))
    for doc, day in rows:
        inferred[doc] = max(day, inferred.get(doc, day))
    return {**inferred, **published}


def _figures(s: Session, rates: ExchangeRates) -> None:
    report_dates = _report_dates(s)
    updates: dict[int, dict] = {}
    refs = []
    ids = {}
    for fid, doc_id, start, value, currency, period, what in s.execute(
            select(FigureRow.id, FigureRow.doc_id, FigureRow.start, FigureRow.value,
                   FigureRow.currency, FigureRow.period, FigureRow.what)
            .order_by(FigureRow.doc_id, FigureRow.id)):
        ids[fid] = public_id("figure", doc_id, start)
        rate = usd_rate(rates, currency, period, report_dates.get(doc_id))
        updates[fid] = dict(id=fid, value_usd=value / rate.units_per_usd if rate else None,
                            usd_rate=rate.units_per_usd if rate else None,
                            usd_rate_date=rate.period if rate else None,
                            usd_rate_source=rate.source if rate else None, comparisons=[])
        refs.append(FigureRef(fid, doc_id, updates[fid]["value_usd"], period, what))
    for c in compare_figures(refs):
        updates[c.figure]["comparisons"].append(
            {"figure": ids[c.other], "verdict": c.verdict, "difference": c.difference})
    if updates:
        s.execute(update(FigureRow), list(updates.values()))   # by primary key, in one batch


def _duplicates(s: Session) -> frozenset[str]:
    """Record which documents copy another; return their ids."""
    docs = [DocIn(*row) for row in s.execute(   # not the texts: only what comparing needs
        select(DocumentRow.id, DocumentRow.published, DocumentRow.canonical_url,
               DocumentRow.minhash).order_by(DocumentRow.id))]
    found = find_duplicates(docs)
    _insert(s, DuplicateRow, [dict(doc_id=d.doc_id, duplicate_of=d.duplicate_of,
                                   similarity=d.similarity, reason=d.reason) for d in found])
    return frozenset(d.doc_id for d in found)


def _insert(s: Session, table: type, rows: list[dict]) -> None:
    """Many rows in one executemany, without an ORM object each: a rebuild writes millions."""
    if rows:
        s.execute(insert(table), rows)


def _actors(s: Session, copies: frozenset[str]) -> dict[tuple[str, str], str]:
    """Write actors; return (doc id, name or role key as the document gives it) -> actor id."""
    published = dict(s.execute(select(DocumentRow.id, DocumentRow.published)).all())
    roles: dict[int, list[dict]] = defaultdict(list)
    # read in the order of documents' ids, never of their storing: the result must not depend
    # on which document came first
    for r in s.scalars(select(RoleMentionRow).order_by(RoleMentionRow.doc_id, RoleMentionRow.id)):
        roles[r.person_mention_id].append({"title": r.title, "organization": r.organization,
                                           "country": r.country, "doc_id": r.doc_id,
                                           "start": r.start, "end": r.end})
    mentions = [MentionIn(p.id, p.doc_id, p.surface, p.name, p.country, published[p.doc_id],
                          roles[p.id], bool(p.country_assumed))
                for p in s.scalars(select(PersonMentionRow)
                                   .order_by(PersonMentionRow.doc_id, PersonMentionRow.id))]
    by_id = {m.id: m for m in mentions}
    offices = [OfficeHolder(o.name, o.title, o.country, o.valid_from, o.valid_to)
               for o in s.scalars(select(OfficeHolderRow).order_by(OfficeHolderRow.id))]
    lookup: dict[tuple[str, str], str] = {}
    actors = resolve_people(mentions, copies, offices)
    _insert(s, ActorRow, [dict(id=actor.id, name=actor.name, type=actor.type,
                               country=actor.country, aliases=actor.aliases) for actor in actors])
    _insert(s, ActorRoleRow, [dict(actor_id=actor.id, title=r["title"], organization=r["organization"],
                                   country=r["country"], valid_from=r["valid_from"],
                                   valid_to=r["valid_to"], doc_id=r["doc_id"], start=r["start"],
                                   end=r["end"]) for actor in actors for r in actor.roles])
    _insert(s, ActorMentionRow, [dict(person_mention_id=mid, actor_id=actor.id)
                                 for actor in actors for mid in actor.mention_ids])
    for actor in actors:
        for mid in actor.mention_ids:
            m = by_id[mid]
            key = m.name or role_key(m.roles[0]['title'], m.country)
            lookup[(m.doc_id, key)] = actor.id
    return lookup


def _initiatives(s: Session) -> dict[tuple[str, str], str]:
    """Write initiatives; return (doc id, folded name) -> initiative id."""
    rows = list(s.scalars(select(InitiativeMentionRow)
                          .order_by(InitiativeMentionRow.doc_id, InitiativeMentionRow.id)))
    parties = _report_parties(s)
    mentions = [InitiativeMentionIn(r.id, r.doc_id, r.name, r.acronym, parties.get(r.doc_id, frozenset()))
                for r in rows]
    by_id = {m.id: m for m in mentions}
    lookup: dict[tuple[str, str], str] = {}
    initiatives = resolve_initiatives(mentions)
    _insert(s, InitiativeRow, [dict(id=ini.id, name=ini.name, aliases=ini.aliases)
                               for ini in initiatives])
    _insert(s, InitiativeLinkRow, [dict(mention_id=mid, initiative_id=ini.id)
                                   for ini in initiatives for mid in ini.mention_ids])
    for ini in initiatives:
        for mid in ini.mention_ids:
            lookup[(by_id[mid].doc_id, fold(by_id[mid].name))] = ini.id
    return lookup


def _report_parties(s: Session) -> dict[str, frozenset[str]]:
    """The two countries each report's people come from most: the parties of its relationship."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc_id, country in s.execute(select(PersonMentionRow.doc_id, PersonMentionRow.country)
                                     .where(PersonMentionRow.country.is_not(None))):
        counts[doc_id][country] += 1
    return {doc: frozenset(c for c, _ in n.most_common(2)) for doc, n in counts.items()}


COUNTRY_ACTOR = "country-"
ORGANISATION_ACTOR = "org-"


def _participant(actors: dict[tuple[str, str], str], doc_id: str, key: str) -> str | None:
    """The actor id of an event participant as a document names it: a person (by name or
    role), or a country ("country:KEN") or an international organisation ("org:EU"), actors of
    their own."""
    participant = Participant.of(key)
    if participant.kind == COUNTRY:
        return COUNTRY_ACTOR + participant.value.lower()
    if participant.kind == ORGANISATION:
        return ORGANISATION_ACTOR + participant.value.lower()
    return actors.get((doc_id, key))


def _domestic(participants: frozenset[str], person_country: dict[str, str | None]) -> bool:
    """Everyone taking part is of one country, as the whole corpus knows them: a report that
    assumed a bare "President Putin" to be its own country's is outvoted by the reports that
    say whose he is."""
    if any(p.startswith(ORGANISATION_ACTOR) for p in participants):
        return False
    countries = {p.removeprefix(COUNTRY_ACTOR).upper() if p.startswith(COUNTRY_ACTOR)
                 else person_country.get(p) for p in participants}
    return None not in countries and len(countries) == 1


def _events(s: Session, actors: dict[tuple[str, str], str],
            initiatives: dict[tuple[str, str], str], copies: frozenset[str]) -> None:
    mentions = []
    parties: set[str] = set()   # countries and organisations: actors of their own
    report_dates = {doc: pub for doc, pub in s.execute(select(DocumentRow.id, DocumentRow.published))
                    if pub}
    person_country = dict(s.execute(select(ActorRow.id, ActorRow.country)
                                    .where(ActorRow.type == "person")).all())
    for r in s.scalars(select(EventMentionRow)
                       .order_by(EventMentionRow.doc_id, EventMentionRow.id)):
        participants = frozenset(a for p in r.participants if (a := _participant(actors, r.doc_id, p)))
        if len(participants) < 2 or _domestic(participants, person_country):
            continue
        parties |= {p for p in participants if p.startswith((COUNTRY_ACTOR, ORGANISATION_ACTOR))}
        mentions.append(EventMentionIn(
            r.id, r.doc_id, r.type, r.summary, r.mode, r.date_earliest, r.date_latest, r.weekday,
            r.location, r.country, participants, list(r.topics),
            [i for n in r.initiatives if (i := initiatives.get((r.doc_id, fold(n))))],
            [tuple(e) for e in r.evidence], report_dates.get(r.doc_id), r.confidence))
    for actor_id in sorted(parties):
        if actor_id.startswith(ORGANISATION_ACTOR):
            code = actor_id.removeprefix(ORGANISATION_ACTOR).upper()
            kind = ARMED_GROUP if is_armed_group(code) else "organization"
            s.merge(ActorRow(id=actor_id, name=organisation_name(code), type=kind,
                             country=None, aliases=[code]))
            continue
        code = actor_id.removeprefix(COUNTRY_ACTOR).upper()
        s.merge(ActorRow(id=actor_id, name=country_name(code), type="country", country=code,
                         aliases=country_aliases(code)))
    s.flush()
    events = resolve_events(mentions, copies)
    related: dict[str, list[dict]] = defaultdict(list)
    for announcement, meeting in link_announcements(events):
        related[announcement].append({"event": meeting, "relation": "took place as"})
        related[meeting].append({"event": announcement, "relation": "announced by"})
    tenures = _tenures(s)
    rows = []
    for e in events:
        lo, hi = e.window
        if lo is None and hi is None:   # the corpus cannot date it: who held office then can
            lo, hi = _tenure_window(e.participants, tenures)
        first = min(e.mentions, key=lambda m: (m.doc_id, m.id))
        location = e.location
        rows.append(dict(id=e.id, type=first.type, summary=first.summary,
                         mode=next((m.mode for m in e.mentions if m.mode), None), date=e.date,
                         date_earliest=e.date or lo, date_latest=e.date or hi, location=location,
                         country=next((m.country for m in e.mentions
                                       if m.location == location and m.country), None),
                         topics=sorted({t for m in e.mentions for t in m.topics}),
                         initiatives=sorted({i for m in e.mentions for i in m.initiatives}),
                         related=related[e.id], confidence=e.confidence))
    _insert(s, EventRow, rows)
    _insert(s, EventLinkRow, [dict(event_mention_id=m.id, event_id=e.id)
                              for e in events for m in e.mentions])
    _insert(s, EventParticipantRow, [dict(event_id=e.id, actor_id=actor_id)
                                     for e in events for actor_id in sorted(e.participants)])


def _tenures(s: Session) -> dict[str, list[tuple[date | None, date | None]]]:
    """Actor id -> the tenures the user's dictionary gives for the offices the corpus gives it."""
    offices = list(s.scalars(select(OfficeHolderRow)))
    if not offices:
        return {}
    titles: dict[str, set[str]] = defaultdict(set)
    for actor_id, title in s.execute(select(ActorRoleRow.actor_id, ActorRoleRow.title)):
        titles[actor_id].add(title_key(title))
    out: dict[str, list[tuple[date | None, date | None]]] = {}
    for actor in s.scalars(select(ActorRow).where(ActorRow.type == "person")):
        spans = [(o.valid_from, o.valid_to) for o in offices if same_person(o.name, actor.name)
                 and title_key(o.title) in titles[actor.id]]
        if spans:
            out[actor.id] = spans
    return out


def _tenure_window(participants, tenures) -> tuple[date | None, date | None]:
    """The window in which every participant held the office the reports give them (when each
    held it once): an event of the Secretary of State X lies within X's tenure."""
    lo, hi = None, None
    for actor_id in participants:
        spans = tenures.get(actor_id, [])
        if len(spans) == 1:
            start, end = spans[0]
            lo = max(filter(None, [lo, start]), default=None)
            hi = min(filter(None, [hi, end]), default=None)
    return (lo, hi) if not (lo and hi and lo > hi) else (None, None)


def _findings(s: Session) -> None:
    rows = list(s.scalars(select(FigureRow).order_by(FigureRow.doc_id, FigureRow.start)))
    figures = [findings.FigureIn(f.public_id, f.doc_id, f.start, f.end, f.text, f.value,
                                 f.currency, f.value_usd, f.period, f.what, tuple(
                                     (c["figure"], c["verdict"]) for c in f.comparisons or []))
               for f in rows]
    roles = [findings.RoleIn(a.name, a.country, r.doc_id, r.title, r.organization, r.start, r.end)
             for r, a in s.execute(
                 select(RoleMentionRow, ActorRow)
                 .join(ActorMentionRow,
                       ActorMentionRow.person_mention_id == RoleMentionRow.person_mention_id)
                 .join(ActorRow, ActorRow.id == ActorMentionRow.actor_id)
                 .order_by(RoleMentionRow.doc_id, RoleMentionRow.id))]
    dates = [findings.EventDateIn(link.event_id, m.summary, m.doc_id, m.date_earliest,
                                  *m.evidence[0])
             for m, link in s.execute(
                 select(EventMentionRow, EventLinkRow)
                 .join(EventLinkRow, EventLinkRow.event_mention_id == EventMentionRow.id)
                 .where(EventMentionRow.date_earliest.is_not(None),
                        EventMentionRow.date_earliest == EventMentionRow.date_latest)
                 .order_by(EventMentionRow.doc_id, EventMentionRow.id))]
    found = (findings.conflicting_figures(figures) + findings.incompatible_titles(roles)
             + findings.foreign_institution(roles) + findings.conflicting_dates(dates))
    _insert(s, FindingRow, [dict(id=f.id, kind=f.kind, description=f.description,
                                 evidence=[list(e) for e in f.evidence])
                            for f in {f.id: f for f in found}.values()])
