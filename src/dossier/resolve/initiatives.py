"""Initiatives across documents: every mention of one agreement or programme in one record.

Two mentions are one initiative when they share an acronym or the same key: the name folded,
with the parties' country names and generic qualifiers ("comprehensive", "proposed") removed,
so "the Kenya–U.S. Free Trade Agreement" and "a comprehensive trade agreement" meet at
"trade agreement" while "Health Cooperation Framework" stays apart.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dossier.places import country_code
from dossier.resolve.actors import slug
from dossier.names import fold

QUALIFIERS = {"the", "a", "an", "new", "proposed", "comprehensive", "free", "bilateral",
              "planned", "future", "landmark", "historic", "first", "ongoing", "broader"}


@dataclass
class InitiativeMentionIn:
    id: int
    doc_id: str
    name: str
    acronym: str | None
    parties: frozenset[str] = frozenset()  # the two countries its report is mostly about


@dataclass
class Initiative:
    id: str
    name: str
    aliases: list[str]
    mention_ids: list[int] = field(default_factory=list)


# Names made only of these words ("trade agreement", "security pact") say what kind of thing
# an initiative is, not which one: the parties are part of their identity.
GENERIC = {"trade", "agreement", "deal", "investment", "security", "defence", "defense", "pact",
           "treaty", "cooperation", "framework", "health", "migration", "returns", "and",
           "economic", "partnership", "accord", "memorandum", "of", "understanding", "mou"}


def initiative_key(name: str, parties: frozenset[str] = frozenset()) -> str:
    """The name without qualifiers and country names; a generic name ("trade agreement") is
    prefixed by its parties: those it names ("US-Japan"), else those of its report."""
    words = [w for w in re.split(r"[\s–—-]+", name) if w]
    named = {c for w in words if (c := country_code(w.rstrip("'s’")))}
    kept = [w for w in words if fold(w) not in QUALIFIERS and not country_code(w.rstrip("'s’"))]
    base = fold(" ".join(kept)) or fold(name)
    if set(base.split()) <= GENERIC and (named or parties):
        return "+".join(sorted(named or parties)) + ":" + base
    return base


def resolve_initiatives(mentions: list[InitiativeMentionIn]) -> list[Initiative]:
    parent: dict[int, int] = {m.id: m.id for m in mentions}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, int] = {}
    for m in mentions:
        for key in filter(None, [initiative_key(m.name, m.parties),
                                 m.acronym and "#" + m.acronym.upper()]):
            if key in by_key:
                parent[find(m.id)] = find(by_key[key])
            else:
                by_key[key] = m.id
    groups: dict[int, list[InitiativeMentionIn]] = defaultdict(list)
    for m in mentions:
        groups[find(m.id)].append(m)
    out, used = [], set()
    for group in sorted(groups.values(), key=lambda g: min(m.id for m in g)):
        counts = Counter(m.name for m in group)
        name = max(counts, key=lambda n: (n[:1].isupper(), counts[n], len(n)))
        ident = "initiative-" + slug(initiative_key(name).split(":")[-1])
        while ident in used:
            ident += "-2"
        used.add(ident)
        aliases = sorted(({m.name for m in group} | {m.acronym for m in group if m.acronym}) - {name})
        out.append(Initiative(ident, name, aliases, [m.id for m in group]))
    return out
