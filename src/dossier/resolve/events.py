"""Events across documents: one record per real-world event, linked to every report of it.

Event mentions are blocked by participant (only mentions sharing an actor are compared), then
joined when they have the same type, largely the same participants (Jaccard >= 0.5, or one set
inside the other) and no contradiction in date or country. The same people meeting on another
day is another event. The merged event takes the date most reports support, the narrowest
window they agree on and the most specific place.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, timedelta

from dossier.annotate.modes import is_planned, planned_as
from dossier.places import country_code, place_country


@dataclass
class EventMentionIn:
    id: int
    doc_id: str
    type: str
    summary: str
    mode: str | None
    earliest: date | None
    latest: date | None
    weekday: int | None
    location: str | None
    country: str | None
    participants: frozenset[str]  # actor ids
    topics: list[str]
    initiatives: list[str]  # initiative ids
    evidence: list[tuple[int, int]]
    reported_on: date | None = None  # the report's date, when known: a bound on when it happened
    confidence: float | None = None


@dataclass
class Event:
    id: str
    mentions: list[EventMentionIn] = field(default_factory=list)

    def add(self, m: EventMentionIn) -> None:
        self.mentions.append(m)
        self.__dict__.pop("participants", None)   # recomputed on next use
        self.__dict__.pop("window", None)

    @cached_property
    def participants(self) -> frozenset[str]:
        return frozenset().union(*(m.participants for m in self.mentions))

    @property
    def date(self) -> date | None:
        exact = Counter(m.earliest for m in self.mentions if m.earliest and m.earliest == m.latest)
        return max(exact, key=lambda d: (exact[d], d)) if exact else None

    @property
    def confidence(self) -> float | None:
        """Each report that tells the event is a reading of its own: the event is doubtful only
        if every report's reading is (1 - the product of their doubts), at most 0.99."""
        best: dict[str, float] = {}
        for m in self.mentions:
            if m.confidence is not None:
                best[m.doc_id] = max(best.get(m.doc_id, 0.0), m.confidence)
        if not best:
            return None
        doubt = 1.0
        for c in best.values():
            doubt *= 1 - c
        return round(min(1 - doubt, 0.99), 2)

    @cached_property
    def window(self) -> tuple[date | None, date | None]:
        lows = [m.earliest for m in self.mentions if m.earliest]
        highs = [m.latest for m in self.mentions if m.latest]
        lo, hi = (max(lows) if lows else None), (min(highs) if highs else None)
        if lo and hi and lo > hi:   # reports disagree: keep the hull, a finding will say why
            lo, hi = min(lows), max(highs)
        return lo, hi

    @property
    def location(self) -> str | None:
        places = [m.location for m in self.mentions if m.location]
        return max(places, key=lambda p: (not country_code(p), places.count(p), len(p))) \
            if places else None

    @property
    def reported_by(self) -> list[str]:
        return sorted({m.doc_id for m in self.mentions})


REPORTED_WITHIN = 10   # days: undated reports of one event are published close together


def _compatible(m: EventMentionIn, e: Event, copies: frozenset[str]) -> bool:
    if m.type != e.mentions[0].type:
        return False
    a, b = m.participants, e.participants
    if not (len(a & b) / len(a | b) >= 0.5 or (len(a & b) >= 2 and (a <= b or b <= a))):
        return False
    if m.type != "CONSULT" and not (m.doc_id in copies or _same_day(m, e)):
        return False   # statements, pledges, aid: the same parties act often; only a date joins
    reported = [x.reported_on for x in e.mentions if x.reported_on]
    if m.reported_on and reported and min(abs((m.reported_on - r).days) for r in reported) \
            > REPORTED_WITHIN and not (m.earliest and e.window[0]):
        return False   # the same people, reported weeks apart, with no date to say otherwise
    lo, hi = e.window
    if m.earliest and hi and m.earliest > hi or m.latest and lo and m.latest < lo:
        return False
    if m.weekday is not None and e.date and e.date.weekday() != m.weekday:
        return False
    mc = m.country or (place_country(m.location) if m.location else None)
    ec = next((x.country for x in e.mentions if x.country), None)
    return not (mc and ec and mc != ec)


def _same_day(m: EventMentionIn, e: Event) -> bool:
    return bool(m.earliest and m.earliest == m.latest and e.date == m.earliest)


def resolve_events(mentions: list[EventMentionIn],
                   copies: frozenset[str] = frozenset()) -> list[Event]:
    """Greedy, in a fixed order (dated first, then by document), so the result does not depend
    on the order documents were ingested in. Mentions from `copies` (documents that copy
    another) come last and only join events; they never make new ones. A mention joins the
    earliest-made compatible event among the few `_Candidates` offers."""
    events: list[Event] = []
    found = _Candidates()
    order = sorted(mentions, key=lambda m: (m.doc_id in copies, m.earliest is None,
                                            m.earliest or date.min, m.doc_id, m.id))
    for m in order:
        home = next((e for e in found.for_mention(m, m.doc_id in copies)
                     if _compatible(m, e, copies)), None)
        if home is None and m.doc_id in copies:
            continue
        if home is None:
            home = Event("")
            events.append(home)
        home.add(m)
        found.add(home)
    used: set[str] = set()
    for e in events:   # ids from content, so a rebuild gives every event its id again
        first = min(e.mentions, key=lambda m: (m.doc_id, m.id))
        key = (f"{first.type}:{first.doc_id}:{first.evidence[0] if first.evidence else ''}:"
               f"{sorted(e.participants)}")
        e.id = "event-" + hashlib.sha1(key.encode()).hexdigest()[:12]
        while e.id in used:   # two acts of one kind by the same parties in one sentence
            e.id += "-2"
        used.add(e.id)
    return events


class _Candidates:
    """The events a mention could join, found without comparing it with every event.

    Every mention and event has two or more participants, and a compatible event shares at least
    two with the mention (Jaccard >= 0.5 of two sets of two or more needs two in common; so does
    the subset rule). So it shares one that is not the mention's most common participant: the
    events of the other participants are enough, and the United States, in most events of a
    White House corpus, is never a key that has to be scanned.

    Dated mentions come in order of their earliest date. An event whose window ends before that
    date can never be joined by a dated mention again (its window does not change unless a
    mention joins it), so it leaves the dated sweep; undated mentions and copies, which come
    after the sweep, still see every event. Events are kept by type as well (only events of the
    mention's type can take it), and an undated mention of a type that joins only on the same
    day, not from a copy, can join nothing, so it is not looked up at all.
    """

    def __init__(self) -> None:
        self.made: dict[int, int] = {}   # id(event) -> creation number, the tie-break
        self.by_actor: dict[tuple[str, str], dict[int, Event]] = defaultdict(dict)  # (type, actor)
        self.active: dict[tuple[str, str], dict[int, Event]] = defaultdict(dict)
        self.small = False   # an event with fewer than two participants: the argument fails

    def add(self, e: Event) -> None:
        key = id(e)
        self.made.setdefault(key, len(self.made))
        self.small = self.small or len(e.participants) < 2
        kind = e.mentions[0].type
        for p in e.participants:
            self.by_actor[(kind, p)][key] = e
            self.active[(kind, p)][key] = e

    def for_mention(self, m: EventMentionIn, copy: bool) -> list[Event]:
        if m.type != "CONSULT" and m.earliest is None and not copy:
            return []   # joins only an event on its own day, and gives no day
        keys = sorted(((m.type, p) for p in m.participants),
                      key=lambda k: (len(self.by_actor.get(k, ())), k))
        if len(keys) >= 2 and not self.small:
            keys.pop()
        sweep = m.earliest is not None and not copy
        found: dict[int, Event] = {}
        for p in keys:
            if not sweep:
                found.update(self.by_actor.get(p, {}))
                continue
            active = self.active.get(p, {})
            for key in [k for k, e in active.items() if e.window[1] and e.window[1] < m.earliest]:
                del active[key]
            found.update(active)
        return sorted(found.values(), key=lambda e: self.made[id(e)])


ANNOUNCED_WITHIN = timedelta(days=366)


def link_announcements(events: list[Event]) -> list[tuple[str, str]]:
    """(announcement id, meeting id): an announced meeting (`modes.is_planned`) and a
    meeting that took place among the people it named, reported elsewhere, in the year after
    the announcement (both dated: an undated pair is not linked), in the country it named when
    it named one ("to visit Kenya"), and in person when a visit was announced (a call does not
    fulfil it)."""
    links = []
    meetings_of: dict[str, list[Event]] = defaultdict(list)   # person -> meetings, in order
    for e in events:
        if e.mentions[0].type == "CONSULT":
            for p in e.participants:
                meetings_of[p].append(e)
    for a in events:
        if not is_planned(a.mentions[0].mode):
            continue
        people = {p for p in a.participants if p.startswith("person-")}
        if not people:
            continue
        countries = {p.removeprefix("country-").upper() for p in a.participants
                     if p.startswith("country-")}
        announced = a.window[0]
        # every named person must be at the meeting: the meetings of the least busy one suffice
        visit = "visit" in (planned_as(a.mentions[0].mode) or "")
        for m in min((meetings_of[p] for p in people), key=len):
            held = m.date or m.window[0]
            where = next((x.country for x in m.mentions if x.country), None)
            called = any(x.mode == "phone" for x in m.mentions)
            if people <= m.participants and not set(a.reported_by) & set(m.reported_by) \
                    and held is not None and announced is not None \
                    and announced <= held <= announced + ANNOUNCED_WITHIN \
                    and (not countries or where is None or where in countries) \
                    and not (visit and called):
                links.append((a.id, m.id))
    return links
