"""Findings: places where reports contradict themselves or each other.

Each check is a small function over plain records and returns `Finding`s with evidence from
each side, so an analyst can read both passages and decide:
- one report gives two values for what it describes as the same quantity;
- two reports describe the same quantity with values that differ by more than a tenth;
- reports of one event give different days;
- a person is called by a title that cannot hold together with the office they act in
  ("Senator" for a serving Secretary of State);
- an organisation named like another country's institution belongs, by the role it comes
  with, to someone else ("the State Department" of a Kenyan Principal Secretary).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from dossier.names import fold

# Titles of legislators and governors, which a member of an executive cabinet no longer holds.
LEGISLATIVE = {"senator", "congressman", "congresswoman", "representative", "mp",
               "member of parliament", "governor"}
EXECUTIVE = re.compile(r"\b(?:secretary|minister)\b", re.I)
# Institution names that, unqualified, mean one country's body in international news.
NATIONAL_INSTITUTIONS = {"state department": "USA", "department of state": "USA",
                         "pentagon": "USA", "foreign office": "GBR", "home office": "GBR",
                         "kremlin": "RUS", "quai d'orsay": "FRA"}


@dataclass(frozen=True)
class Finding:
    kind: str
    description: str
    evidence: tuple[tuple[str, int, int], ...]

    @property
    def id(self) -> str:
        return "finding-" + hashlib.sha1(repr((self.kind, self.evidence)).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class FigureIn:
    id: str
    doc_id: str
    start: int
    end: int
    text: str
    value: float
    currency: str
    value_usd: float | None
    period: str | None
    what: str
    comparisons: tuple[tuple[str, str], ...] = ()  # (other figure id, verdict)


def _same_quantity(a: FigureIn, b: FigureIn) -> bool:
    return a.period == b.period and bool(a.what) and fold(a.what) == fold(b.what)


def conflicting_figures(figures: list[FigureIn]) -> list[Finding]:
    """Within a report: one description, two values. Across reports: the comparisons of
    `resolve.figures` that found values or trade directions in conflict.

    Three or more values under one description in one report are a list (a fact sheet's prices,
    a programme's yearly tranches), not a disagreement, and are not reported."""
    out = []
    by_what: dict[tuple, list[FigureIn]] = {}   # one report's figures for one description
    for f in figures:
        by_what.setdefault((f.doc_id, fold(f.what), f.period), []).append(f)
    for group in by_what.values():
        if len({(f.currency, f.value) for f in group}) > 2:
            continue
        for a, b in combinations(group, 2):
            if not _same_quantity(a, b):
                continue
            if a.currency == b.currency and a.value != b.value:
                out.append(Finding("conflicting_figures", (
                    f"One report gives two different values, {a.text} and {b.text}, for what it "
                    f"describes the same way: '{a.what}'" + (f" ({a.period})" if a.period else "")
                    + "; one of them probably describes another quantity"),
                    ((a.doc_id, a.start, a.end), (b.doc_id, b.start, b.end))))
    by_id = {f.id: f for f in figures}
    for a in figures:
        for other, verdict in a.comparisons:
            b = by_id.get(other)
            if b is None or verdict == "consistent" or a.id > b.id:
                continue   # each pair once
            if verdict == "conflicting direction":
                text = (f"{a.text} ('{a.what}') in one report and {b.text} ('{b.what}') in "
                        f"another have the same value in dollars but opposite trade directions")
            else:
                text = (f"Reports disagree on one quantity: {a.text} ('{a.what}', about "
                        f"${a.value_usd:,.0f}) vs {b.text} ('{b.what}', about ${b.value_usd:,.0f})")
            out.append(Finding("conflicting_figures", text,
                               ((a.doc_id, a.start, a.end), (b.doc_id, b.start, b.end))))
    return out


@dataclass(frozen=True)
class RoleIn:
    person: str
    person_country: str | None
    doc_id: str
    title: str
    organization: str | None
    start: int
    end: int


def incompatible_titles(roles: list[RoleIn]) -> list[Finding]:
    """A legislator's title given, in one report, to a person acting in a cabinet office."""
    out = []
    at_mention: dict[tuple[str, str], list[RoleIn]] = {}
    for r in roles:
        at_mention.setdefault((r.doc_id, r.person), []).append(r)
    for group in at_mention.values():
        legislative = [r for r in group if fold(r.title) in LEGISLATIVE]
        executive = [r for r in group if EXECUTIVE.search(r.title) and r not in legislative]
        if legislative and executive:
            leg, ex = legislative[0], executive[0]
            spans = dict.fromkeys([(leg.doc_id, leg.start, leg.end), (ex.doc_id, ex.start, ex.end)])
            out.append(Finding("stale_title", (
                f"{leg.person} is called '{leg.title}' while acting as {ex.title}; a serving "
                f"{ex.title} does not hold that title"), tuple(spans)))
    return out


def foreign_institution(roles: list[RoleIn]) -> list[Finding]:
    """"the State Department" attached to a role of a person of another country."""
    out = []
    for r in roles:
        owner = NATIONAL_INSTITUTIONS.get(fold(r.organization or "").removeprefix("the "))
        if owner and r.person_country and r.person_country != owner:
            out.append(Finding("ambiguous_institution", (
                f"'{r.organization}' here is a {r.person_country} body ({r.person}, {r.title}), "
                f"not the {owner} institution of that name"),
                ((r.doc_id, r.start, r.end),)))
    return out


@dataclass(frozen=True)
class EventDateIn:
    event_id: str
    summary: str
    doc_id: str
    day: date
    start: int
    end: int


def conflicting_dates(dates: list[EventDateIn]) -> list[Finding]:
    """Reports of one event that fix different days."""
    out = []
    by_event: dict[str, list[EventDateIn]] = {}
    for d in dates:
        by_event.setdefault(d.event_id, []).append(d)
    for event_id, group in by_event.items():
        days = sorted({d.day for d in group})
        if len(days) > 1:
            firsts = [next(d for d in group if d.day == day) for day in days]
            out.append(Finding("conflicting_dates", (
                f"Reports of one event give different dates: "
                + ", ".join(f"{d.day.isoformat()} ({d.doc_id})" for d in firsts)
                + f" — {group[0].summary[:120]}"),
                tuple((d.doc_id, d.start, d.end) for d in firsts)))
    return out
