"""The data behind every view, built once for both the JSON API and the HTML pages.

Datasette's habit: one function per view returns plain JSON-ready data (str, int, float, None,
lists, dicts; dates as ISO strings); `/api/...` returns it as it is and the page renders the same
dict, so the page and its JSON twin cannot disagree. Nothing here makes HTML: evidence comes as
offsets and text, and the page escapes and highlights.

List views share one shape: `{"items": [...], "total", "page", "per_page", "pages", ...}` and
page with LIMIT/OFFSET in SQL; the extra rows a page needs (participants, counts, names) are
fetched for the page's ids in one query each, never one query per row. A bad argument (unknown
sort, page < 1) raises `BadQuery`, which the API answers with 422.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import String, and_, cast, distinct, func, literal, or_, select, true, union
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement

from dossier.store.queries import corrections_of, iso, sentence_around, sentence_ends
from dossier.store.schema import (ActorMentionRow, ActorRoleRow, ActorRow, DocumentRow,
                                  DuplicateRow, EventLinkRow, EventMentionRow,
                                  EventParticipantRow, EventRow, FigureRow, FindingRow,
                                  InitiativeLinkRow, InitiativeMentionRow, InitiativeRow,
                                  PersonMentionRow, QuoteRow, RoleMentionRow)
from dossier.store.search import MAX_QUERY_WORDS, escape_like, words
from dossier.web.cache import cached
from dossier.web.countries import UnknownCountry, country_param

MAX_PER_PAGE = 500
TOP_FACET = 20          # values shown for the open-ended facets (actors, topics, initiatives)
RELATED_LIMIT = 200     # events, quotes, documents listed on one actor or initiative
EXCERPT_CHARS = 240

EVENT_SORTS = ("date", "type", "reports", "id")
ACTOR_SORTS = ("name", "events", "mentions")
FIGURE_SORTS = ("doc", "value_usd", "currency")
DOCUMENT_SORTS = ("published", "id", "title")
ORDERS = ("asc", "desc")


class BadQuery(ValueError):
    """An argument a view cannot honour; the message says which and what is allowed."""


# ---------------------------------------------------------------- shared helpers


MAX_PAGE = 1_000_000   # far past any list's end; a larger page would overflow the offset


def check_page(page: int, per_page: int) -> None:
    if not 1 <= page <= MAX_PAGE:
        raise BadQuery(f"page must be between 1 and {MAX_PAGE:,}, not {page}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise BadQuery(f"per_page must be between 1 and {MAX_PER_PAGE}, not {per_page}")


def _check_choice(name: str, value: str, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise BadQuery(f"{name} must be one of {', '.join(allowed)}, not {value!r}")


def paging(total: int, page: int, per_page: int) -> dict:
    return {"total": total, "page": page, "per_page": per_page,
            "pages": max(1, -(-total // per_page))}


def _contains(column: ColumnElement, q: str) -> ColumnElement:
    """Case-insensitive substring match; % and _ in `q` are plain characters."""
    return column.ilike(f"%{escape_like(q)}%", escape="\\")


def _matches(q: str, *columns: ColumnElement) -> ColumnElement:
    """Every word of `q` appears (case-insensitive, as a substring) in one of `columns`: the
    search box's rule, so "Smith Jane" finds "Jane Smith". A `q` with no word
    characters ("%") is matched as it is."""
    terms = [w.rstrip("*") for w in words(q)][:MAX_QUERY_WORDS] or [q.strip()]
    return and_(*(or_(*(_contains(c, t) for c in columns)) for t in terms))


def country_filter(name: str, value: str | None) -> str | None:
    """A country parameter as its alpha-3 code: names are read too (?country=Mexico)."""
    try:
        return country_param(value)
    except UnknownCountry as unknown:
        raise BadQuery(f"{name}: {unknown}") from None


def _ordered(column: ColumnElement, order: str) -> ColumnElement:
    return column.desc() if order == "desc" else column.asc()


def _dialect(s: Session) -> str:
    return s.get_bind().dialect.name


def json_elements(s: Session, column: ColumnElement):
    """The values of a JSON list column as a table (`.c.value`), on SQLite and PostgreSQL."""
    fn = func.json_each if _dialect(s) == "sqlite" else func.json_array_elements_text
    return fn(column).table_valued("value")


def _json_contains(s: Session, column: ColumnElement, value: str) -> ColumnElement:
    values = json_elements(s, column)
    return select(literal(1)).select_from(values).where(values.c.value == value).exists()


def _month(s: Session, column: ColumnElement) -> ColumnElement:
    if _dialect(s) == "sqlite":
        return func.strftime("%Y-%m", column)
    return func.to_char(column, "YYYY-MM")


class Texts:
    """Document texts loaded in one query for a set of ids, and evidence records cut from them.

    Every evidence record is `{"doc", "start", "end", "text", "sentence"}` where
    `text == document.text[start:end]` and `sentence` is the sentence(s) around it.
    """

    def __init__(self, s: Session):
        self._s = s
        self._texts: dict[str, str] = {}
        self._ends: dict[str, list[int]] = {}

    def load(self, doc_ids: Iterable[str]) -> None:
        missing = set(doc_ids) - self._texts.keys()
        if missing:
            self._texts.update(self._s.execute(
                select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(missing))).all())

    def text(self, doc_id: str) -> str:
        """A document's cleaned text ('' for an unknown id)."""
        self.load([doc_id])
        return self._texts.get(doc_id, "")

    def evidence(self, doc_id: str, start: int, end: int) -> dict:
        self.load([doc_id])
        body = self._texts.get(doc_id, "")
        if doc_id not in self._ends:
            self._ends[doc_id] = sentence_ends(body)
        return {"doc": doc_id, "start": start, "end": end, "text": body[start:end],
                "sentence": sentence_around(body, start, end, self._ends[doc_id])}


def _doc_refs(s: Session, doc_ids: Iterable[str]) -> dict[str, dict]:
    """Short document records (no text) by id, for lists of reports and sources."""
    rows = s.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.source, DocumentRow.url,
                            DocumentRow.outlet, DocumentRow.published)
                     .where(DocumentRow.id.in_(set(doc_ids))))
    return {r.id: {"id": r.id, "title": r.title, "source": r.source, "url": r.url,
                   "outlet": r.outlet, "published": iso(r.published)} for r in rows}


def _by_date(doc: dict) -> tuple:
    """Dated documents first, oldest first; undated ones after them, by id."""
    return (doc["published"] is None, doc["published"] or "", doc["id"])


# ---------------------------------------------------------------- events


def event_date() -> ColumnElement:
    """An event's day for the timeline; migration 0009 indexes this very expression."""
    return func.coalesce(EventRow.date, EventRow.date_earliest, EventRow.date_latest)


def _involves(code: str) -> ColumnElement:
    """The event involves the country: it took place there, or one of its participants
    belongs to it. An uncorrelated IN subquery: evaluated once, not per event, and it stays
    valid when the outer query also reads participants and actors (the facets)."""
    member, member_actor = aliased(EventParticipantRow), aliased(ActorRow)
    return or_(EventRow.country == code, EventRow.id.in_(
        select(member.event_id).join(member_actor, member_actor.id == member.actor_id)
        .where(member_actor.country == code)))


def event_filters(s: Session, actor: str | None = None, country: str | None = None,
                  type: str | None = None, topic: str | None = None,
                  initiative: str | None = None, since: date | None = None,
                  until: date | None = None, partner: str | None = None,
                  q: str | None = None) -> list[ColumnElement]:
    """WHERE clauses for the event filters (countries as alpha-3 codes). `country` means the
    event involves the country (see `_involves`); `partner` adds a second country, so the two
    give the events between a pair. `q` keeps events whose summary or place holds every word.
    The date range keeps events whose date window overlaps it, so an event known only to a
    month is not lost."""
    where: list[ColumnElement] = []
    member = aliased(EventParticipantRow)
    if actor:
        where.append(EventRow.id.in_(select(member.event_id).where(member.actor_id == actor)))
    for code in (country, partner):
        if code:
            where.append(_involves(code.upper()))
    if q:
        where.append(_matches(q, EventRow.summary, EventRow.location))
    if type:
        where.append(EventRow.type == type.upper())
    if topic:
        where.append(_json_contains(s, EventRow.topics, topic))
    if initiative:
        where.append(_json_contains(s, EventRow.initiatives, initiative))
    if since:
        where.append(func.coalesce(EventRow.date_latest, EventRow.date, EventRow.date_earliest)
                     >= since)
    if until:
        where.append(func.coalesce(EventRow.date_earliest, EventRow.date, EventRow.date_latest)
                     <= until)
    return where


def _report_counts() -> Any:
    return (select(EventLinkRow.event_id.label("event_id"),
                   func.count(distinct(EventMentionRow.doc_id)).label("n"))
            .join(EventMentionRow, EventMentionRow.id == EventLinkRow.event_mention_id)
            .group_by(EventLinkRow.event_id))


def event_items(s: Session, events: Sequence[EventRow]) -> list[dict]:
    """Timeline records for a page of events: participants, initiative names and the number of
    reports, each fetched for all the page's events at once."""
    ids = [e.id for e in events]
    people: dict[str, list[dict]] = defaultdict(list)
    for event_id, *actor in s.execute(
            select(EventParticipantRow.event_id, ActorRow.id, ActorRow.name, ActorRow.type,
                   ActorRow.country)
            .join(ActorRow, ActorRow.id == EventParticipantRow.actor_id)
            .where(EventParticipantRow.event_id.in_(ids))
            .order_by(ActorRow.type.desc(), ActorRow.name)):
        people[event_id].append(dict(zip(("id", "name", "type", "country"), actor)))
    counts = dict(s.execute(_report_counts().where(EventLinkRow.event_id.in_(ids))).all())
    names = _initiative_names(s, {i for e in events for i in e.initiatives})
    return [{"id": e.id, "type": e.type, "mode": e.mode, "summary": e.summary,
             "date": iso(e.date), "date_earliest": iso(e.date_earliest),
             "date_latest": iso(e.date_latest), "location": e.location, "country": e.country,
             "topics": e.topics,
             "initiatives": [{"id": i, "name": names.get(i, i)} for i in e.initiatives],
             "participants": people[e.id], "report_count": counts.get(e.id, 0)}
            for e in events]


def _initiative_names(s: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(s.execute(select(InitiativeRow.id, InitiativeRow.name)
                          .where(InitiativeRow.id.in_(ids))).all())


def event_facets(s: Session, where: list[ColumnElement]) -> dict:
    """Counts over all the filtered events (not just the page): for filters and the chart."""
    month = _month(s, event_date())
    by_type = s.execute(select(EventRow.type, func.count()).where(*where)
                        .group_by(EventRow.type).order_by(func.count().desc(), EventRow.type))
    by_month = s.execute(select(month, EventRow.type, func.count())
                         .where(*where, event_date().is_not(None))
                         .group_by(month, EventRow.type).order_by(month, EventRow.type))
    undated = s.scalar(select(func.count()).select_from(EventRow)
                       .where(*where, event_date().is_(None)))

    def participants(*columns: ColumnElement):
        query = select(*columns).select_from(EventParticipantRow)
        if where:   # IN (the filtered events): SQLite plans this far better than a join
            query = query.where(EventParticipantRow.event_id.in_(select(EventRow.id).where(*where)))
        return query

    places = select(EventRow.id.label("event_id"), EventRow.country.label("country")).where(*where)
    members = participants(EventParticipantRow.event_id, ActorRow.country).join(
        ActorRow, ActorRow.id == EventParticipantRow.actor_id)
    involved = union(places, members).subquery()   # UNION: one row per (event, country)
    by_country = s.execute(select(involved.c.country, func.count())
                           .where(involved.c.country.is_not(None)).group_by(involved.c.country)
                           .order_by(func.count().desc(), involved.c.country))
    top = (participants(EventParticipantRow.actor_id, func.count().label("n"))
           .group_by(EventParticipantRow.actor_id).order_by(func.count().desc())
           .limit(TOP_FACET).subquery())
    by_actor = s.execute(select(ActorRow.id, ActorRow.name, top.c.n)
                         .join(top, top.c.actor_id == ActorRow.id)
                         .order_by(top.c.n.desc(), ActorRow.name))
    return {"type": [{"value": t, "count": n} for t, n in by_type],
            "country": [{"value": c, "count": n} for c, n in by_country],
            "actor": [{"value": i, "name": name, "count": n} for i, name, n in by_actor],
            "topic": _json_facet(s, EventRow.topics, where),
            "initiative": _json_facet(s, EventRow.initiatives, where, named=True),
            "by_month": [{"month": m, "type": t, "count": n} for m, t, n in by_month],
            "undated": undated}


def _json_facet(s: Session, column: ColumnElement, where: list[ColumnElement],
                named: bool = False) -> list[dict]:
    values = json_elements(s, column)
    rows = s.execute(select(values.c.value, func.count()).select_from(EventRow)
                     .join(values, true()).where(*where).group_by(values.c.value)
                     .order_by(func.count().desc(), values.c.value).limit(TOP_FACET)).all()
    names = _initiative_names(s, {v for v, _ in rows}) if named else {}
    return [{"value": v, "count": n, **({"name": names.get(v, v)} if named else {})}
            for v, n in rows]


def events_view(s: Session, *, actor: str | None = None, country: str | None = None,
                type: str | None = None, topic: str | None = None,
                initiative: str | None = None, since: date | None = None,
                until: date | None = None, partner: str | None = None, q: str | None = None,
                sort: str = "date", order: str = "asc",
                page: int = 1, per_page: int = 50, facets: bool = True) -> dict:
    """The timeline: one page of events matching the filters, their total and facets
    (`facets=False` leaves them out: they cost most of the time on a large corpus).

    Sorting by date puts undated events last whichever the order, since they have no place
    on a time line; ties are broken by id so that pages do not overlap.
    """
    check_page(page, per_page)
    _check_choice("sort", sort, EVENT_SORTS)
    _check_choice("order", order, ORDERS)
    country, partner = country_filter("country", country), country_filter("partner", partner)
    where = event_filters(s, actor, country, type, topic, initiative, since, until, partner, q)
    filters = {"actor": actor, "country": country, "partner": partner, "type": type,
               "topic": topic, "initiative": initiative, "since": iso(since),
               "until": iso(until), "q": q}
    by_filters = ("events", *filters.values())
    total = cached(s, (*by_filters, "total"), lambda: s.scalar(
        select(func.count()).select_from(EventRow).where(*where)))
    query = select(EventRow).where(*where)
    if sort == "date":
        keys = [event_date().is_(None), _ordered(event_date(), order)]
    elif sort == "reports":
        counts = _report_counts().subquery()
        query = query.outerjoin(counts, counts.c.event_id == EventRow.id)
        keys = [_ordered(func.coalesce(counts.c.n, 0), order)]
    elif sort == "type":
        keys = [_ordered(EventRow.type, order)]
    else:
        keys = []
    query = query.order_by(*keys, _ordered(EventRow.id, order))
    rows = s.scalars(query.limit(per_page).offset((page - 1) * per_page)).all()
    return {"items": event_items(s, rows), **paging(total, page, per_page),
            "sort": sort, "order": order, "filters": filters,
            "facets": cached(s, (*by_filters, "facets"), lambda: event_facets(s, where))
            if facets else None}


def event_view(s: Session, event_id: str) -> dict | None:
    """One event with everything it rests on: its reports, the evidence sentences from each,
    the participants with the roles they held at the time, and what they said in the reports.

    "Roles held at the time" are the roles the reports of this event give the participant,
    plus roles from other reports whose validity window contains the event's date.
    """
    e = s.get(EventRow, event_id)
    if e is None:
        return None
    item = event_items(s, [e])[0]
    mentions = s.execute(select(EventMentionRow.doc_id, EventMentionRow.evidence)
                         .join(EventLinkRow, EventLinkRow.event_mention_id == EventMentionRow.id)
                         .where(EventLinkRow.event_id == event_id)
                         .order_by(EventMentionRow.doc_id, EventMentionRow.id)).all()
    docs = sorted({d for d, _ in mentions})
    texts = Texts(s)
    texts.load(docs)
    reports = sorted(_doc_refs(s, docs).values(), key=_by_date)
    evidence = [texts.evidence(d, a, b) for d, spans in mentions for a, b in spans]
    actor_ids = [p["id"] for p in item["participants"]]
    roles = _roles_at(s, texts, actor_ids, docs, e.date or e.date_earliest)
    for p in item["participants"]:
        p["roles"] = roles.get(p["id"], [])
    related = {r["event"]: r for r in (e.related or [])}
    summaries = s.execute(select(EventRow.id, EventRow.type, EventRow.summary, EventRow.date)
                          .where(EventRow.id.in_(related))).all()
    item.update({
        "reports": reports, "evidence": evidence,
        "quotes": _quotes(s, texts, actor_ids, docs=docs),
        "related": [{"event": i, "relation": related[i].get("relation"), "type": t,
                     "summary": summary, "date": iso(d)} for i, t, summary, d in summaries],
        "corrections": corrections_of(s).get(event_id, []),
    })
    return item


def _roles_at(s: Session, texts: Texts, actor_ids: list[str], docs: list[str],
              when: date | None) -> dict[str, list[dict]]:
    if not actor_ids:
        return {}
    valid_then = (and_(ActorRoleRow.valid_from <= when,
                       or_(ActorRoleRow.valid_to.is_(None), ActorRoleRow.valid_to >= when))
                  if when else literal(False))
    rows = s.scalars(select(ActorRoleRow).where(ActorRoleRow.actor_id.in_(actor_ids),
                                                or_(ActorRoleRow.doc_id.in_(docs), valid_then))
                     .order_by(ActorRoleRow.id)).all()
    out: dict[str, list[dict]] = defaultdict(list)
    seen: set[tuple] = set()
    for r in rows:
        if (r.actor_id, r.title, r.country) in seen:
            continue
        seen.add((r.actor_id, r.title, r.country))
        out[r.actor_id].append({"title": r.title, "organization": r.organization,
                                "country": r.country, "valid_from": iso(r.valid_from),
                                "valid_to": iso(r.valid_to),
                                "evidence": texts.evidence(r.doc_id, r.start, r.end)})
    return out


def _quotes(s: Session, texts: Texts, actor_ids: list[str], docs: list[str] | None = None,
            limit: int = RELATED_LIMIT) -> list[dict]:
    """Quotes whose speaker is one of `actor_ids` (the speaker's name in that document belongs
    to a mention resolved to the actor), optionally only in `docs`."""
    query = (select(QuoteRow, ActorMentionRow.actor_id)
             .join(PersonMentionRow, and_(PersonMentionRow.doc_id == QuoteRow.doc_id,
                                          PersonMentionRow.name == QuoteRow.speaker_name))
             .join(ActorMentionRow, ActorMentionRow.person_mention_id == PersonMentionRow.id)
             .where(ActorMentionRow.actor_id.in_(actor_ids))
             .distinct().order_by(QuoteRow.doc_id, QuoteRow.start).limit(limit))
    if docs is not None:
        query = query.where(QuoteRow.doc_id.in_(docs))
    rows = s.execute(query).all()
    texts.load(q.doc_id for q, _ in rows)
    return [{"id": q.public_id, "doc": q.doc_id, "text": q.text, "speaker": actor_id,
             "speaker_name": q.speaker_name, "evidence": texts.evidence(q.doc_id, q.start, q.end)}
            for q, actor_id in rows]


# ---------------------------------------------------------------- actors


def actors_view(s: Session, *, q: str | None = None, country: str | None = None,
                type: str | None = None, sort: str = "name", order: str = "asc",
                page: int = 1, per_page: int = 50) -> dict:
    """People, bodies and countries, with their titles and how often they appear.
    `q` matches the name (case-insensitive substring)."""
    check_page(page, per_page)
    _check_choice("sort", sort, ACTOR_SORTS)
    _check_choice("order", order, ORDERS)
    where: list[ColumnElement] = []
    country = country_filter("country", country)
    if q:
        where.append(_matches(q, ActorRow.name, cast(ActorRow.aliases, String)))
    if country:
        where.append(ActorRow.country == country)
    if type:
        where.append(ActorRow.type == type)
    events = (select(EventParticipantRow.actor_id.label("actor_id"), func.count().label("n"))
              .group_by(EventParticipantRow.actor_id).subquery())
    mentions = (select(ActorMentionRow.actor_id.label("actor_id"), func.count().label("n"))
                .group_by(ActorMentionRow.actor_id).subquery())
    n_events, n_mentions = func.coalesce(events.c.n, 0), func.coalesce(mentions.c.n, 0)
    key = {"name": ActorRow.name, "events": n_events, "mentions": n_mentions}[sort]
    total = s.scalar(select(func.count()).select_from(ActorRow).where(*where))
    rows = s.execute(select(ActorRow, n_events, n_mentions)
                     .outerjoin(events, events.c.actor_id == ActorRow.id)
                     .outerjoin(mentions, mentions.c.actor_id == ActorRow.id)
                     .where(*where).order_by(_ordered(key, order), ActorRow.id)
                     .limit(per_page).offset((page - 1) * per_page)).all()
    titles: dict[str, list[str]] = defaultdict(list)
    for actor_id, title in s.execute(select(ActorRoleRow.actor_id, ActorRoleRow.title)
                                     .where(ActorRoleRow.actor_id.in_([a.id for a, _, _ in rows]))
                                     .distinct().order_by(ActorRoleRow.actor_id, ActorRoleRow.title)):
        titles[actor_id].append(title)
    facets = {
        "type": [{"value": v, "count": n} for v, n in s.execute(
            select(ActorRow.type, func.count()).where(*where).group_by(ActorRow.type)
            .order_by(func.count().desc()))],
        "country": [{"value": v, "count": n} for v, n in s.execute(
            select(ActorRow.country, func.count()).where(*where, ActorRow.country.is_not(None))
            .group_by(ActorRow.country).order_by(func.count().desc(), ActorRow.country))],
    }
    return {"items": [{"id": a.id, "name": a.name, "type": a.type, "country": a.country,
                       "aliases": a.aliases, "titles": titles[a.id], "event_count": ne,
                       "mention_count": nm} for a, ne, nm in rows],
            **paging(total, page, per_page), "sort": sort, "order": order,
            "filters": {"q": q, "country": country, "type": type}, "facets": facets}


def actor_view(s: Session, actor_id: str) -> dict | None:
    """One actor: roles over time (each with its validity window, the date of the report that
    gives it and the evidence), the events they took part in, their quotes, and the documents
    that mention them. Long lists stop at RELATED_LIMIT; the `*_count` fields give the totals
    and `events_view(actor=...)` pages through all the events."""
    a = s.get(ActorRow, actor_id)
    if a is None:
        return None
    texts = Texts(s)
    rows = s.execute(select(ActorRoleRow, DocumentRow.published)
                     .join(DocumentRow, DocumentRow.id == ActorRoleRow.doc_id)
                     .where(ActorRoleRow.actor_id == actor_id)).all()
    texts.load(r.doc_id for r, _ in rows)
    roles = [{"title": r.title, "organization": r.organization, "country": r.country,
              "valid_from": iso(r.valid_from), "valid_to": iso(r.valid_to),
              "reported": iso(published), "evidence": texts.evidence(r.doc_id, r.start, r.end)}
             for r, published in rows]
    roles.sort(key=lambda r: ((r["valid_from"] or r["reported"]) is None,
                              r["valid_from"] or r["reported"] or "", r["title"]))
    in_events = select(EventParticipantRow.event_id).where(EventParticipantRow.actor_id == actor_id)
    event_count = s.scalar(select(func.count()).select_from(in_events.subquery()))
    events = s.scalars(select(EventRow).where(EventRow.id.in_(in_events))
                       .order_by(event_date().is_(None), event_date(), EventRow.id)
                       .limit(RELATED_LIMIT)).all()
    docs = s.execute(select(PersonMentionRow.doc_id, func.count())
                     .join(ActorMentionRow, ActorMentionRow.person_mention_id == PersonMentionRow.id)
                     .where(ActorMentionRow.actor_id == actor_id)
                     .group_by(PersonMentionRow.doc_id)).all()
    refs = _doc_refs(s, [d for d, _ in docs])
    documents = sorted(({**refs[d], "mentions": n} for d, n in docs if d in refs), key=_by_date)
    return {"id": a.id, "name": a.name, "type": a.type, "country": a.country,
            "aliases": a.aliases, "roles": roles, "event_count": event_count,
            "events": event_items(s, events), "quotes": _quotes(s, texts, [actor_id]),
            "document_count": len(documents), "documents": documents[:RELATED_LIMIT],
            "corrections": corrections_of(s).get(actor_id, [])}


# ---------------------------------------------------------------- initiatives


def _history_rows(s: Session, initiative_id: str, limit: int | None = None) -> list:
    """An initiative's mentions with their document's date, oldest report first (undated
    last)."""
    return s.execute(select(InitiativeMentionRow, DocumentRow.published, DocumentRow.title)
                     .join(InitiativeLinkRow, InitiativeMentionRow.id == InitiativeLinkRow.mention_id)
                     .join(DocumentRow, DocumentRow.id == InitiativeMentionRow.doc_id)
                     .where(InitiativeLinkRow.initiative_id == initiative_id)
                     .order_by(DocumentRow.published.is_(None), DocumentRow.published,
                               InitiativeMentionRow.doc_id, InitiativeMentionRow.start)
                     .limit(limit)).all()


def _statuses(s: Session, initiative_ids: Sequence[str]) -> list[tuple]:
    """(initiative id, status, doc id, published) of every mention that gives a status, in
    the order of `_history_rows`: a few columns, so cheap even for thousands of mentions."""
    return s.execute(select(InitiativeLinkRow.initiative_id, InitiativeMentionRow.status,
                            InitiativeMentionRow.doc_id, DocumentRow.published)
                     .join(InitiativeMentionRow,
                           InitiativeMentionRow.id == InitiativeLinkRow.mention_id)
                     .join(DocumentRow, DocumentRow.id == InitiativeMentionRow.doc_id)
                     .where(InitiativeLinkRow.initiative_id.in_(initiative_ids),
                            InitiativeMentionRow.status.is_not(None))
                     .order_by(DocumentRow.published.is_(None), DocumentRow.published,
                               InitiativeMentionRow.doc_id, InitiativeMentionRow.start)).all()


def initiatives_view(s: Session, *, q: str | None = None, page: int = 1,
                     per_page: int = 50) -> dict:
    """Agreements and programmes by name, with how often they are reported and their latest
    known status (the status of the most recent report that gives one; undated reports count
    as the most recent, since they are listed last in the history)."""
    check_page(page, per_page)
    where = [_matches(q, InitiativeRow.name, cast(InitiativeRow.aliases, String))] if q else []
    total = s.scalar(select(func.count()).select_from(InitiativeRow).where(*where))
    rows = s.scalars(select(InitiativeRow).where(*where).order_by(InitiativeRow.name,
                                                                   InitiativeRow.id)
                     .limit(per_page).offset((page - 1) * per_page)).all()
    return {"items": initiative_items(s, rows), **paging(total, page, per_page),
            "filters": {"q": q}}


def initiative_items(s: Session, rows: Sequence[InitiativeRow]) -> list[dict]:
    """List records for initiatives: how often they are reported, every status seen and the
    latest, fetched for all of `rows` at once."""
    ids = [i.id for i in rows]
    counts = {i: (n, docs) for i, n, docs in s.execute(
        select(InitiativeLinkRow.initiative_id, func.count(),
               func.count(distinct(InitiativeMentionRow.doc_id)))
        .join(InitiativeMentionRow, InitiativeMentionRow.id == InitiativeLinkRow.mention_id)
        .where(InitiativeLinkRow.initiative_id.in_(ids))
        .group_by(InitiativeLinkRow.initiative_id))}
    statuses: dict[str, list[str]] = defaultdict(list)
    for initiative_id, status, _, _ in _statuses(s, ids):
        statuses[initiative_id].append(status)
    return [{"id": i.id, "name": i.name, "aliases": i.aliases,
             "mention_count": counts.get(i.id, (0, 0))[0],
             "document_count": counts.get(i.id, (0, 0))[1],
             "statuses": sorted(set(statuses[i.id])),
             "latest_status": statuses[i.id][-1] if statuses[i.id] else None} for i in rows]


def initiative_view(s: Session, initiative_id: str) -> dict | None:
    """One initiative: its mentions in document-date order with status and evidence
    (`history`, the first RELATED_LIMIT of `history_count`), every change of status
    (`status_changes`, from all mentions), and the events about it."""
    i = s.get(InitiativeRow, initiative_id)
    if i is None:
        return None
    texts = Texts(s)
    rows = _history_rows(s, initiative_id, RELATED_LIMIT)
    texts.load(m.doc_id for m, _, _ in rows)
    history = [{"doc": m.doc_id, "doc_title": title, "published": iso(published),
                "name": m.name, "status": m.status,
                "evidence": texts.evidence(m.doc_id, m.start, m.end)}
               for m, published, title in rows]
    changes: list[dict] = []
    for _, status, doc_id, published in _statuses(s, [initiative_id]):
        if not changes or changes[-1]["status"] != status:
            changes.append({"status": status, "doc": doc_id, "published": iso(published)})
    about = _json_contains(s, EventRow.initiatives, initiative_id)
    events = s.scalars(select(EventRow).where(about)
                       .order_by(event_date().is_(None), event_date(), EventRow.id)
                       .limit(RELATED_LIMIT)).all()
    history_count = s.scalar(select(func.count()).select_from(InitiativeLinkRow)
                             .where(InitiativeLinkRow.initiative_id == initiative_id))
    return {"id": i.id, "name": i.name, "aliases": i.aliases, "history": history,
            "history_count": history_count, "status_changes": changes,
            "event_count": s.scalar(select(func.count()).select_from(EventRow).where(about)),
            "events": event_items(s, events)}


# ---------------------------------------------------------------- figures and findings


def figures_view(s: Session, *, currency: str | None = None, doc: str | None = None,
                 sort: str = "doc", order: str = "asc", page: int = 1,
                 per_page: int = 50) -> dict:
    """Quoted amounts as written and in US dollars, with the rate used and its period."""
    check_page(page, per_page)
    _check_choice("sort", sort, FIGURE_SORTS)
    _check_choice("order", order, ORDERS)
    where: list[ColumnElement] = []
    if currency:
        where.append(FigureRow.currency == currency.upper())
    if doc:
        where.append(FigureRow.doc_id == doc)
    key = {"doc": FigureRow.doc_id, "value_usd": FigureRow.value_usd,
           "currency": FigureRow.currency}[sort]
    total = s.scalar(select(func.count()).select_from(FigureRow).where(*where))
    rows = s.scalars(select(FigureRow).where(*where)
                     .order_by(key.is_(None), _ordered(key, order), FigureRow.doc_id,
                               FigureRow.start)
                     .limit(per_page).offset((page - 1) * per_page)).all()
    by_currency = s.execute(select(FigureRow.currency, func.count()).where(*where)
                            .group_by(FigureRow.currency)
                            .order_by(func.count().desc(), FigureRow.currency))
    return {"items": figure_items(s, rows), **paging(total, page, per_page), "sort": sort,
            "order": order, "filters": {"currency": currency, "doc": doc},
            "facets": {"currency": [{"value": c, "count": n} for c, n in by_currency]}}


def figure_items(s: Session, rows: Sequence[FigureRow]) -> list[dict]:
    """List records for figures: as written, in US dollars with the rate, and the evidence."""
    texts = Texts(s)
    texts.load(f.doc_id for f in rows)
    refs = _doc_refs(s, {f.doc_id for f in rows})
    return [{"id": f.public_id, "doc": f.doc_id, "doc_title": refs[f.doc_id]["title"],
              "published": refs[f.doc_id]["published"], "text": f.text, "value": f.value,
              "currency": f.currency, "value_usd": f.value_usd, "usd_rate": f.usd_rate,
              "usd_rate_date": f.usd_rate_date, "usd_rate_source": f.usd_rate_source,
              "period": f.period, "what": f.what, "comparisons": f.comparisons or [],
              "evidence": texts.evidence(f.doc_id, f.start, f.end)} for f in rows]


def findings_view(s: Session, *, kind: str | None = None, page: int = 1,
                  per_page: int = 50) -> dict:
    """Inconsistencies within and between reports, each with the evidence from every side."""
    check_page(page, per_page)
    where = [FindingRow.kind == kind] if kind else []
    total = s.scalar(select(func.count()).select_from(FindingRow).where(*where))
    rows = s.scalars(select(FindingRow).where(*where).order_by(FindingRow.kind, FindingRow.id)
                     .limit(per_page).offset((page - 1) * per_page)).all()
    by_kind = s.execute(select(FindingRow.kind, func.count()).group_by(FindingRow.kind)
                        .order_by(FindingRow.kind))
    return {"items": finding_items(s, rows),
            **paging(total, page, per_page), "filters": {"kind": kind},
            "facets": {"kind": [{"value": k, "count": n} for k, n in by_kind]}}


def finding_items(s: Session, rows: Sequence[FindingRow]) -> list[dict]:
    """List records for findings, each with the evidence from every side."""
    texts = Texts(s)
    texts.load(doc for f in rows for doc, _, _ in f.evidence)
    return [{"id": f.id, "kind": f.kind, "description": f.description,
             "evidence": [texts.evidence(d, a, b) for d, a, b in f.evidence]} for f in rows]


# ---------------------------------------------------------------- documents and search


def documents_view(s: Session, *, outlet: str | None = None, language: str | None = None,
                   sort: str = "published", order: str = "desc", page: int = 1,
                   per_page: int = 50) -> dict:
    """The reports, newest first by default (undated last), without their full text: an
    excerpt, and how many events each reports."""
    check_page(page, per_page)
    _check_choice("sort", sort, DOCUMENT_SORTS)
    _check_choice("order", order, ORDERS)
    where: list[ColumnElement] = []
    if outlet:
        where.append(DocumentRow.outlet == outlet)
    if language:
        where.append(DocumentRow.language == language)
    key = {"published": DocumentRow.published, "id": DocumentRow.id,
           "title": DocumentRow.title}[sort]
    total = s.scalar(select(func.count()).select_from(DocumentRow).where(*where))
    rows = s.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.source,
                            DocumentRow.url, DocumentRow.outlet, DocumentRow.published,
                            DocumentRow.language,
                            func.substr(DocumentRow.text, 1, EXCERPT_CHARS).label("excerpt"),
                            DuplicateRow.duplicate_of)
                     .outerjoin(DuplicateRow, DuplicateRow.doc_id == DocumentRow.id)
                     .where(*where).order_by(key.is_(None), _ordered(key, order), DocumentRow.id)
                     .limit(per_page).offset((page - 1) * per_page)).all()
    ids = [r.id for r in rows]
    events = dict(s.execute(select(EventMentionRow.doc_id,
                                   func.count(distinct(EventLinkRow.event_id)))
                            .join(EventLinkRow, EventLinkRow.event_mention_id == EventMentionRow.id)
                            .where(EventMentionRow.doc_id.in_(ids))
                            .group_by(EventMentionRow.doc_id)).all())
    by_language = s.execute(select(DocumentRow.language, func.count()).where(*where)
                            .group_by(DocumentRow.language).order_by(func.count().desc()))
    return {"items": [{"id": r.id, "title": r.title, "source": r.source, "url": r.url,
                       "outlet": r.outlet, "published": iso(r.published),
                       "language": r.language, "excerpt": r.excerpt,
                       "duplicate_of": r.duplicate_of, "event_count": events.get(r.id, 0)}
                      for r in rows],
            **paging(total, page, per_page), "sort": sort, "order": order,
            "filters": {"outlet": outlet, "language": language},
            "facets": {"language": [{"value": v, "count": n} for v, n in by_language]}}


def document_view(s: Session, doc_id: str) -> dict | None:
    """One report: its metadata, its cleaned text, and every evidence span in it as
    `{"start", "end", "kind", "ref", "label"}` (kind: person, role, event, figure, quote,
    initiative; ref: the id of the record it supports, or None when unresolved), sorted by
    start, longest first. Spans may overlap; `text[start:end]` is always the evidence."""
    d = s.get(DocumentRow, doc_id)
    if d is None:
        return None
    copy = s.get(DuplicateRow, doc_id)
    spans: list[dict] = []

    def add(start: int, end: int, kind: str, ref: str | None, label: str | None) -> None:
        spans.append({"start": start, "end": end, "kind": kind, "ref": ref, "label": label})

    people = s.execute(select(PersonMentionRow, ActorMentionRow.actor_id)
                       .outerjoin(ActorMentionRow,
                                  ActorMentionRow.person_mention_id == PersonMentionRow.id)
                       .where(PersonMentionRow.doc_id == doc_id)).all()
    actor_of = {p.id: actor_id for p, actor_id in people}
    for p, actor_id in people:
        add(p.start, p.end, "person", actor_id, p.name or p.surface)
    for r in s.scalars(select(RoleMentionRow).where(RoleMentionRow.doc_id == doc_id)):
        add(r.start, r.end, "role", actor_of.get(r.person_mention_id), r.title)
    for f in s.scalars(select(FigureRow).where(FigureRow.doc_id == doc_id)):
        add(f.start, f.end, "figure", f.public_id, f"{f.currency} {f.value:,.0f}")
    for q in s.scalars(select(QuoteRow).where(QuoteRow.doc_id == doc_id)):
        add(q.start, q.end, "quote", q.public_id, q.speaker_name)
    for m, initiative_id in s.execute(
            select(InitiativeMentionRow, InitiativeLinkRow.initiative_id)
            .outerjoin(InitiativeLinkRow, InitiativeLinkRow.mention_id == InitiativeMentionRow.id)
            .where(InitiativeMentionRow.doc_id == doc_id)):
        add(m.start, m.end, "initiative", initiative_id, m.status)
    events: dict[str, dict] = {}
    for m, event_id in s.execute(
            select(EventMentionRow, EventLinkRow.event_id)
            .outerjoin(EventLinkRow, EventLinkRow.event_mention_id == EventMentionRow.id)
            .where(EventMentionRow.doc_id == doc_id).order_by(EventMentionRow.id)):
        for a, b in m.evidence:
            add(a, b, "event", event_id, m.type)
        if event_id:
            events.setdefault(event_id, {"id": event_id, "type": m.type, "summary": m.summary})
    spans.sort(key=lambda sp: (sp["start"], -sp["end"], sp["kind"]))
    return {"id": d.id, "title": d.title, "source": d.source, "url": d.url,
            "outlet": d.outlet, "published": iso(d.published),
            "published_evidence": d.published_evidence, "date_note": d.date_note,
            "dateline": d.dateline, "author": d.author, "site_name": d.site_name,
            "fetched_at": iso(d.fetched_at), "language": d.language, "warnings": d.warnings,
            "duplicate_of": copy.duplicate_of if copy else None,
            "duplicate_reason": copy.reason if copy else None,
            "text": d.text, "spans": spans, "events": list(events.values())}
