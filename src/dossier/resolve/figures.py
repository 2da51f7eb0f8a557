"""Figures in one currency, and figures of different reports compared.

`value_usd` uses the rate of the month the report was published (a report without a date
borrows the date of the events it reports, known from other reports of them): that is the rate
a reader of the report, and its writer converting between currencies, had in mind. A report
with no date at all falls back on the figure's own period ("exports in 2024": that year's
average); with neither, `value_usd` stays empty rather than a guess. The rate, its period and
its source are stored with the figure.

Two reports describe the same quantity when their figures have the same period and their
descriptions share most content words (after folding "sold"/"exported", "items"/"goods" and
the names of the United States). Each figure is compared with the closest such figure of every
other report: within 10% in dollars is agreement, further apart a conflict; and when the values
agree but one says exports where the other says imports, the trade direction conflicts.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from dossier.rates import ExchangeRates, UsdRate

AGREEMENT = 0.10   # relative difference in USD under which two figures agree
SIMILAR = 0.3      # share of content words two descriptions of one quantity have in common
SYNONYMS = {"sold": "export", "sell": "export", "sells": "export", "exported": "export",
            "exports": "export", "bought": "import", "imported": "import", "imports": "import",
            "items": "goods", "products": "goods", "worth": "", "valued": "", "into": "",
            "from": "", "the": "", "and": "", "with": ""}
DIRECTIONS = {"export", "import"}
US_NAMES = re.compile(r"\b(?:(?i:(?:the\s+)?united\s+states(?:\s+of\s+america)?)|U\.S\.(?:A\.)?|USA|US)(?!\w)")


def usd_rate(rates: ExchangeRates, currency: str, period: str | None,
             report_date: date | None) -> UsdRate | None:
    if report_date:
        return rates.for_month(currency, report_date)
    if period and (m := re.fullmatch(r"((?:19|20)\d\d)(?:-(\d\d))?", period)):
        year = int(m.group(1))
        return rates.for_month(currency, date(year, int(m.group(2)), 1)) if m.group(2) \
            else rates.for_year(currency, year)
    return None


@dataclass(frozen=True)
class FigureRef:
    id: int
    doc_id: str
    value_usd: float | None
    period: str | None
    what: str


@dataclass(frozen=True)
class Comparison:
    figure: int
    other: int
    verdict: str  # "consistent", "conflicting", "conflicting direction"
    difference: float  # relative difference in USD


def content_words(what: str) -> frozenset[str]:
    text = US_NAMES.sub(" usa ", what)
    words = (SYNONYMS.get(w, w) for w in re.findall(r"[a-z]{3,}", text.lower()))
    return frozenset(w for w in words if w)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= SIMILAR


def compare_figures(figures: list[FigureRef]) -> list[Comparison]:
    """Compare every figure with its closest counterpart in each other report (blocked by
    period, so only figures about the same time are ever compared)."""
    by_period: dict[str | None, list[FigureRef]] = {}
    for f in figures:
        if f.value_usd and f.period:
            by_period.setdefault(f.period, []).append(f)
    out = []
    for group in by_period.values():
        words = {f.id: content_words(f.what) for f in group}
        similar = _similar_pairs(group, words)
        for f in group:
            others: dict[str, FigureRef] = {}
            for g in similar[f.id]:
                if g.doc_id == f.doc_id:
                    continue
                best = others.get(g.doc_id)
                if best is None or _gap(f, g) < _gap(f, best):
                    others[g.doc_id] = g
            for g in others.values():
                gap = _gap(f, g)
                directions = (words[f.id] & DIRECTIONS, words[g.id] & DIRECTIONS)
                if gap > AGREEMENT:
                    verdict = "conflicting"
                elif all(directions) and directions[0] != directions[1]:
                    verdict = "conflicting direction"
                else:
                    verdict = "consistent"
                out.append(Comparison(f.id, g.id, verdict, round(gap, 4)))
    return out


def _similar_pairs(group: list[FigureRef], words: dict[str, frozenset[str]]
                   ) -> dict[str, list[FigureRef]]:
    """For each figure, the figures of `group` described alike, in group order, without
    comparing all pairs: a prefix filter (Chaudhuri et al., 2006). With words ranked rarest
    first, two sets with Jaccard >= t share a word among the first |x| - ceil(t|x|) + 1 of each,
    so only figures sharing such a word are compared."""
    frequency = Counter(w for f in group for w in words[f.id])
    prefixes = {f.id: sorted(words[f.id], key=lambda w: (frequency[w], w))[
        :len(words[f.id]) - math.ceil(SIMILAR * len(words[f.id])) + 1] for f in group}
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(group):
        for w in prefixes[f.id]:
            by_word[w].append(i)
    similar: dict[str, list[FigureRef]] = {}
    for f in group:
        near = sorted({i for w in prefixes[f.id] for i in by_word[w]})
        similar[f.id] = [group[i] for i in near if _similar(words[f.id], words[group[i].id])]
    return similar


def _gap(a: FigureRef, b: FigureRef) -> float:
    return abs(a.value_usd - b.value_usd) / max(abs(a.value_usd), abs(b.value_usd))
