"""Search over everything a reader may be looking for: events, actors and initiatives by their
words, and the reports by full text.

Each kind is found by the list view that already serves it (`events_view(q=...)`,
`actors_view(q=...)`, `initiatives_view(q=...)`), so a hit here is exactly what the "all N"
link leads to. A report is shown by the whole sentence its words first occur in, not by a cut
window, so a hit reads as what the report said.
"""
from __future__ import annotations

import re

from sqlalchemy.orm import Session

from dossier.store.queries import iso, sentence_around
from dossier.store.search import MAX_QUERY_WORDS, Hit, search_documents, words
from dossier.web import data
from dossier.web.highlight import word_spans

RELATED = 10            # events, actors and initiatives shown above the reports
MAX_SENTENCE = 600      # a "sentence" longer than this (text without full stops) is cut


def _sentence(body: str, hit: Hit, terms: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence of `body` where the terms first occur, and their places in it; the search
    engine's snippet when they occur only in the title."""
    found = word_spans(body, terms)
    if not found:
        return hit.snippet, list(hit.highlights)
    start, end = found[0]
    sentence = sentence_around(body, start, end)
    if len(sentence) > MAX_SENTENCE:
        word = re.escape(" ".join(body[start:end].split()))
        at = re.search(word, sentence).start() if re.search(word, sentence) else 0
        left = max(0, at - MAX_SENTENCE // 2)
        sentence = ("…" if left else "") + sentence[left:left + MAX_SENTENCE] + "…"
    return sentence, word_spans(sentence, terms)


def search_view(s: Session, q: str, page: int = 1, per_page: int = 20) -> dict:
    """Reports matching every word of `q`, best first, each with the sentence the words occur
    in (`snippet`) and the offsets of the matched words in it (`highlights`: [[start, end]]);
    and the first events (newest first), actors (most active first) and initiatives matching
    every word, each with its total. Query syntax characters are read as text, so no query
    fails."""
    data.check_page(page, per_page)
    terms = words(q or "")
    if len(terms) > MAX_QUERY_WORDS:
        raise data.BadQuery(f"q may hold at most {MAX_QUERY_WORDS} words, not {len(terms)}")
    total, hits = search_documents(s, q or "", per_page, (page - 1) * per_page)
    texts = data.Texts(s)
    texts.load(h.id for h in hits)
    items = []
    for h in hits:
        body = texts.text(h.id)
        snippet, highlights = _sentence(body, h, terms)
        items.append({"id": h.id, "title": h.title, "published": iso(h.published),
                      "snippet": snippet, "highlights": [list(x) for x in highlights]})
    found = {"q": q, "items": items, **data.paging(total, page, per_page), "terms": terms}
    if not terms:
        return {**found, "events": None, "actors": None, "initiatives": None}

    def first(view: dict) -> dict:
        return {"items": view["items"], "total": view["total"]}

    return {**found,
            "events": first(data.events_view(s, q=q, sort="date", order="desc",
                                             per_page=RELATED, facets=False)),
            "actors": first(data.actors_view(s, q=q, sort="events", order="desc",
                                             per_page=RELATED)),
            "initiatives": first(data.initiatives_view(s, q=q, per_page=RELATED))}
