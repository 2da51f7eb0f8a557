"""Actors across documents: one record per person, with aliases, country and roles over time.

Mentions are blocked by surname, so the work grows with the corpus, not with its square. In a
block, full names that can be one person (see `names.same_person`) form one actor; a bare
surname joins the block's actor with most mentions. A role-only mention ("Kenya's Prime Cabinet
Secretary") becomes the actor known in the corpus to hold that title in that country; when two
people held it, the one whose dated evidence is nearest the mention's date.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from dossier.annotate.titles import is_leader, title_key
from dossier.names import (fold, given_name, given_names_compatible, is_name_tail,
                                   same_person, surname_key)
from dossier.public_figures import figure_country


@dataclass
class MentionIn:
    """What the resolver needs of one person mention."""

    id: int
    doc_id: str
    surface: str
    name: str
    country: str | None
    published: date | None
    roles: list[dict]  # {title, organization, country, doc_id, start, end}
    country_assumed: bool = False  # the report's own country, for someone it names bare


@dataclass(frozen=True)
class OfficeHolder:
    """An entry of the user's dictionary of office holders."""

    name: str
    title: str
    country: str | None
    valid_from: date | None
    valid_to: date | None

    def held_on(self, day: date | None) -> bool:
        return day is None or ((self.valid_from is None or self.valid_from <= day)
                               and (self.valid_to is None or day <= self.valid_to))


@dataclass
class Actor:
    id: str
    name: str
    country: str | None
    aliases: list[str]
    roles: list[dict]
    mention_ids: list[int] = field(default_factory=list)
    type: str = "person"


PRONOUNS = {"I"}   # a statement's author is also its "I" (`annotate/people.py`), never so named


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "x"


def _blocks_of_other_parts(mentions: list[MentionIn]) -> dict[int, str]:
    """Mentions of a bare name that is no one's surname in the corpus but a word of exactly one
    full name, of a country that does not contradict theirs (one only assumed does not), by id,
    mapped to that name's block: "Kishida" (a family name written first, "Kishida Fumio"),
    "Lula" ("Luiz Inácio Lula da Silva")."""
    surnames = {surname_key(m.name) for m in mentions if given_name(m.name)}
    holders: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = fold(m.name).split()
        if len(words) > 1:
            countries[m.name].add(m.country or "")
            for word in words[:-1]:
                if len(word) > 3:   # not an initial, a particle or "Jr"
                    holders[word].add(m.name)
    found = {}
    for m in mentions:
        word = fold(m.name)
        if given_name(m.name) is not None or surname_key(m.name) in surnames \
                or len(holders.get(word, ())) != 1:
            continue
        (full,) = holders[word]
        if not m.country or m.country_assumed or m.country in countries[full] \
                or countries[full] == {""}:
            found[m.id] = surname_key(full)
    return found


def _clusters(mentions: list[MentionIn]) -> list[list[MentionIn]]:
    by_surname: dict[str, list[MentionIn]] = defaultdict(list)
    elsewhere = _blocks_of_other_parts(mentions)
    for m in mentions:
        by_surname[elsewhere.get(m.id) or surname_key(m.name)].append(m)
    clusters: list[list[MentionIn]] = []
    for block in by_surname.values():
        given = {m.name: given_name(m.name) for m in block}
        full = [m for m in block if given[m.name]]
        bare = [m for m in block if not given[m.name]]
        groups: list[list[MentionIn]] = []
        # a group's distinct given names: checking those is checking every member, and a
        # surname as common as a president's has thousands of mentions but few given names
        names_in: list[set[str]] = []
        for m in sorted(full, key=lambda m: (-len(m.name), m.name)):
            first = given[m.name]
            k = next((k for k, names in enumerate(names_in) if first in names or all(
                given_names_compatible(first, other) for other in names)
                or any(is_name_tail(m.name, o.name) for o in groups[k][:1])), None)
            if k is None:
                groups.append([m])
                names_in.append({first})
            else:
                groups[k].append(m)
                names_in[k].add(first)
        clusters.extend(_place_bare(groups, bare))
    return clusters


def _place_bare(groups: list[list[MentionIn]], bare: list[MentionIn]) -> list[list[MentionIn]]:
    """A bare surname joins the person of that surname who holds its title ("President Biden"
    is the Biden who is President, not the First Lady); without a title, the one most
    mentioned; with a title nobody of that surname holds, it stays a person of its own."""
    titles = [{title_key(r["title"]) for m in g for r in m.roles} for g in groups]
    alone: list[MentionIn] = []
    for m in bare:
        wanted = {title_key(r["title"]) for r in m.roles}
        fits = [g for g, held in zip(groups, titles) if wanted & held] if wanted else groups
        if fits:
            max(fits, key=len).append(m)
        else:
            alone.append(m)
    return groups + ([alone] if alone else [])


def _canonical_name(group: list[MentionIn]) -> str:
    """The fullest name most often used."""
    counts = Counter(m.name for m in group)
    return max(counts, key=lambda n: (len(n.split()) > 1, counts[n], len(n), n))


def _roles(group: list[MentionIn]) -> list[dict]:
    """One role per distinct title, valid over the dates of the reports that give it."""
    merged: dict[tuple, dict] = {}
    for m in group:
        for r in m.roles:
            key = (fold(r["title"]), fold(r["organization"] or ""))
            role = merged.setdefault(key, {**r, "valid_from": None, "valid_to": None})
            role["country"] = role["country"] or r["country"]
            if m.published:
                role["valid_from"] = min(filter(None, [role["valid_from"], m.published]))
                role["valid_to"] = max(filter(None, [role["valid_to"], m.published]))
    return list(merged.values())


def resolve_people(mentions: list[MentionIn], copies: frozenset[str] = frozenset(),
                   offices: list[OfficeHolder] = ()) -> list[Actor]:
    """`copies` are documents that copy another: they add evidence to actors, never new ones.
    `offices` is the user's dictionary of office holders, consulted where the corpus is silent."""
    named = [m for m in mentions if m.name]
    actors: list[Actor] = []
    assumed: list[Actor] = []   # those whose country only the reports' assumption gives
    used_ids: set[str] = set()
    for group in _clusters(named):
        if all(m.doc_id in copies for m in group):
            continue
        name = _canonical_name(group)
        # what a title or a report says of the person outvotes what a report assumed
        countries = Counter(r["country"] for m in group for r in m.roles if r["country"]) \
            or Counter(m.country for m in group if m.country and not m.country_assumed)
        only_assumed = not countries
        countries = countries or Counter(m.country for m in group if m.country)
        actor_id = "person-" + slug(name)
        if actor_id in used_ids:
            actor_id += "-" + hashlib.sha1(repr(sorted(m.id for m in group)).encode()).hexdigest()[:6]
        used_ids.add(actor_id)
        aliases = sorted(({m.surface for m in group} | {m.name for m in group}) - {name} - PRONOUNS)
        actors.append(Actor(actor_id, name, countries.most_common(1)[0][0] if countries else None,
                            aliases, _roles(group), [m.id for m in group]))
        actor = actors[-1]
        if len(countries) > 1 and (known := figure_country(actor.name, actor.aliases)) in countries:
            # reports disagree ("Iranian ... President Trump" misread): a figure the table knows
            # is of the country it gives, when some report says so too
            actor.country = known
        if only_assumed or not countries:
            # a foreign leader named bare in a government's statements: known, if not stated
            known = figure_country(actor.name, actor.aliases,
                                   leader=any(is_leader(r["title"]) for r in actor.roles))
            actor.country = known or actor.country
            if known is None and countries:
                assumed.append(actor)
    _unseat_assumed_leaders(assumed, actors)
    for actor in actors:
        if actor.country is None:
            actor.country = next((o.country for o in offices
                                  if same_person(o.name, actor.name) and o.country), None)
    _attach_role_only([m for m in mentions if not m.name], actors, offices)
    return actors


def _unseat_assumed_leaders(assumed: list[Actor], actors: list[Actor]) -> None:
    """A country has one President (one Prime Minister, one King) at a time. "President Yoon",
    named bare in U.S. statements, was assumed American; but the corpus's American President of
    those days is someone else, named far more often, so Yoon's country is unknown, not the
    United States'."""
    seats: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    for a in actors:
        for r in a.roles:
            if not r["organization"] and is_leader(r["title"]) and a.country:
                seats[(title_key(r["title"]), a.country)].append(a)
    for a in assumed:
        if not a.roles or not all(is_leader(r["title"]) for r in a.roles if not r["organization"]):
            continue   # a First Lady the parse also called "President" is no rival President
        for r in (r for r in a.roles if not r["organization"] and is_leader(r["title"])):
            rivals = [b for b in seats[(title_key(r["title"]), a.country)] if b is not a
                      and len(b.mention_ids) > len(a.mention_ids) and _overlap(r, b, r["title"])]
            if rivals:
                a.country = None
                break


def _overlap(role: dict, other: Actor, title: str) -> bool:
    """`other` held the same title over days that meet the role's (both dated)."""
    for r in other.roles:
        if title_key(r["title"]) == title_key(title) and None not in (
                role["valid_from"], role["valid_to"], r["valid_from"], r["valid_to"]) \
                and r["valid_from"] <= role["valid_to"] and role["valid_from"] <= r["valid_to"]:
            return True
    return False


def _attach_role_only(mentions: list[MentionIn], actors: list[Actor],
                      offices: list[OfficeHolder]) -> None:
    """Give each role-only mention ("the Foreign Minister") the actor who held that title, in
    that country, nearest the report's date. Holders are indexed by (title, country), and the
    answer for one title, country and date is worked out once: a large corpus says "the
    President" hundreds of thousands of times, on a few thousand dates."""
    holders_of: dict[tuple[str, str | None], dict[str, Actor]] = defaultdict(dict)

    def index(a: Actor) -> None:
        for r in a.roles:
            title = title_key(r["title"])
            holders_of[(title, None)].setdefault(a.id, a)
            holders_of[(title, r["country"] or a.country)].setdefault(a.id, a)

    for a in actors:
        index(a)
    chosen: dict[tuple[str, str | None, date | None], Actor | None] = {}
    for m in mentions:
        if not m.roles:
            continue
        title, country = title_key(m.roles[0]["title"]), m.roles[0]["country"] or m.country
        key = (title, country, m.published)
        if key not in chosen:
            chosen[key] = _holder(m, title, country, list(holders_of[(title, country)].values()),
                                  actors, offices)
            if chosen[key] is not None and chosen[key].id not in holders_of[(title, None)]:
                index(chosen[key])   # a holder the dictionary added as a new actor
        holder = chosen[key]
        if holder is not None:
            holder.mention_ids.append(m.id)
            if m.surface not in holder.aliases and m.surface not in PRONOUNS:
                holder.aliases.append(m.surface)


def _holder(m: MentionIn, title: str, country: str | None, holders: list[Actor],
            actors: list[Actor], offices: list[OfficeHolder]) -> Actor | None:
    if len(holders) > 1:
        if m.published is None:
            holders = []   # two holders and no date to choose by: leave it unresolved
        else:
            holders.sort(key=lambda a: min(_distance(r, m.published) for r in a.roles
                                           if title_key(r["title"]) == title))
    if len(holders) != 1 and (listed := _from_dictionary(m, title, country, actors, offices)):
        return listed
    return holders[0] if holders else None


def _from_dictionary(m: MentionIn, title: str, country: str | None, actors: list[Actor],
                     offices: list[OfficeHolder]) -> Actor | None:
    """The holder of the title on the mention's date by the user's dictionary, as an actor."""
    listed = [o for o in offices if title_key(o.title) == title and o.held_on(m.published)
              and (country is None or o.country in (None, country))]
    if len(listed) != 1:
        return None
    holder = listed[0]
    actor = next((a for a in actors if same_person(a.name, holder.name)), None)
    if actor is None:
        actor = Actor("person-" + slug(holder.name), holder.name, holder.country, [], [{
            "title": holder.title, "organization": None, "country": holder.country,
            "doc_id": m.doc_id, "start": m.roles[0]["start"], "end": m.roles[0]["end"],
            "valid_from": holder.valid_from, "valid_to": holder.valid_to}])
        actors.append(actor)
    return actor


def _distance(role: dict, day: date) -> int:
    lo, hi = role["valid_from"], role["valid_to"]
    if lo is None or hi is None:
        return 10 ** 6
    return 0 if lo <= day <= hi else min(abs((lo - day).days), abs((day - hi).days))
