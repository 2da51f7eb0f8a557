"""What a user asked for on the command line: the event filters `timeline`, `actors` and
`export` share, and the lookup of an actor by id or name.

A filter selects events; the other records follow from them (the events' participants, their
reports, the initiatives they name, the figures and quotes of those reports), so an export of
"Kenya, 2024" is a knowledge base of its own in which every id a record points to is there.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from dossier.names import fold
from dossier.store.schema import (ActorRow, EventLinkRow, EventMentionRow, EventParticipantRow,
                                  EventRow)

PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_day(text: str, end: bool = False) -> date:
    """A day from "2024", "2024-05" or "2024-05-23": the first day of a year or month, or with
    `end` its last (so `--until 2024` keeps December). ValueError names what was wrong."""
    m = PARTIAL_DATE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if not month:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if not day:
        day = calendar.monthrange(year, month)[1] if end else 1
    return date(year, month, day)   # raises ValueError for 2024-13 or 2024-02-30


def actor_matches(s: Session, text: str) -> list[ActorRow]:
    """The actors `text` names: the one with that id; else those whose name or an alias is
    `text` (case, accents and dots aside); else those with a name containing it as words
    ("Ruto" finds "William Ruto")."""
    exact = s.get(ActorRow, text)
    if exact is not None:
        return [exact]
    wanted = fold(text)
    if not wanted:
        return []
    everyone = list(s.scalars(select(ActorRow).order_by(ActorRow.id)))
    named = [a for a in everyone if wanted in {fold(a.name), *map(fold, a.aliases or [])}]
    if named:
        return named
    pattern = re.compile(rf"\b{re.escape(wanted)}\b")
    return [a for a in everyone if pattern.search(fold(a.name))]


@dataclass(frozen=True)
class EventFilter:
    """Events of any of `types`, with every one of `actors` (ids) taking part, involving every
    one of `countries` (held there, or a participant of it), whose date window meets
    [since, until]."""

    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    limit: int | None = None

    def where(self) -> list:
        member, member_actor = aliased(EventParticipantRow), aliased(ActorRow)
        where = []
        if self.types:
            where.append(EventRow.type.in_([t.upper() for t in self.types]))
        for actor in self.actors:
            where.append(EventRow.id.in_(select(member.event_id)
                                         .where(member.actor_id == actor)))
        for country in self.countries:
            where.append(or_(EventRow.country == country, EventRow.id.in_(
                select(member.event_id).join(member_actor, member_actor.id == member.actor_id)
                .where(member_actor.country == country))))
        # a window that meets the range keeps an event known only to its month
        if self.since:
            where.append(func.coalesce(EventRow.date_latest, EventRow.date_earliest)
                         >= self.since)
        if self.until:
            where.append(func.coalesce(EventRow.date_earliest, EventRow.date_latest)
                         <= self.until)
        return where

    @property
    def empty(self) -> bool:
        return not (self.types or self.actors or self.countries or self.since or self.until
                    or self.limit)

    def ids(self) -> Select:
        """The query for the ids of the events it keeps, in timeline order (dated first), at
        most `limit`: usable as an IN subquery however many it keeps."""
        query = (select(EventRow.id).where(*self.where())
                 .order_by(EventRow.date_earliest.is_(None), EventRow.date_earliest, EventRow.id))
        return query if self.limit is None else query.limit(self.limit)

    def event_ids(self, s: Session) -> list[str]:
        return list(s.scalars(self.ids()))


def main_relationship(s: Session) -> tuple[str, ...]:
    """The two countries most events involve (held there, or with a participant of theirs):
    the relationship a corpus is about."""
    involved = (select(EventParticipantRow.event_id.label("event"), ActorRow.country)
                .join(ActorRow, ActorRow.id == EventParticipantRow.actor_id)
                .union(select(EventRow.id, EventRow.country))).subquery()
    return tuple(s.scalars(select(involved.c.country).where(involved.c.country.is_not(None))
                           .group_by(involved.c.country)
                           .order_by(func.count().desc(), involved.c.country).limit(2)))


@dataclass
class Selection:
    """The ids of every kind of record an event filter keeps (None: all of that kind)."""

    events: Collection[str] | None = None
    actors: Collection[str] | None = None
    initiatives: Collection[str] | None = None
    documents: Collection[str] | None = None

    @classmethod
    def of(cls, s: Session, f: EventFilter) -> Selection:
        if f.empty:
            return cls()
        events = f.event_ids(s)
        chosen = select(f.ids().subquery().c.id)   # an IN subquery: no limit on how many
        actors = s.scalars(select(EventParticipantRow.actor_id).distinct()
                           .where(EventParticipantRow.event_id.in_(chosen)))
        documents = s.scalars(
            select(EventMentionRow.doc_id).distinct()
            .join(EventLinkRow, EventLinkRow.event_mention_id == EventMentionRow.id)
            .where(EventLinkRow.event_id.in_(chosen)))
        initiatives = {i for listed in s.scalars(select(EventRow.initiatives)
                                                 .where(EventRow.id.in_(chosen)))
                       for i in listed or []}
        return cls(events=events, actors=sorted(actors), initiatives=sorted(initiatives),
                   documents=sorted(documents))
