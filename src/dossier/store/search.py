"""Full-text search over documents: SQLite FTS5 or PostgreSQL text search, ILIKE elsewhere.

The FTS5 index (`documents_fts`, migration 0002) is kept in sync with `documents` by triggers,
so nothing here writes. A user's query is never passed to FTS5 as syntax: it is split into
words, each quoted, and all words must match (a trailing `*` on a word keeps prefix search).
A query holds at most MAX_QUERY_WORDS words, and a prefix at least MIN_PREFIX characters, so
that no query can hold a reader for long.
Quotes, parentheses, `NEAR`, `-` and the like are therefore plain text, and cannot fail a query.
PostgreSQL matches the same words (all of them, prefixes kept) with `to_tsquery` against the
GIN expression index of migration 0004, ranks with `ts_rank`, and cuts its snippet like the
ILIKE fallback (no `ts_headline`: it would re-parse every hit's whole text). Other databases,
and SQLite without its index, search with ILIKE on title and text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.orm import Session

from dossier.store.schema import DocumentRow

WORD = re.compile(r"\w+\*?")
SNIPPET_WORDS = 24
MARK_START, MARK_END = "\x02", "\x03"   # never in cleaned text; turned into offsets below
CONTEXT_CHARS = 90                       # ILIKE fallback: characters around the first match


@dataclass
class Hit:
    id: str
    title: str | None
    published: date | None
    snippet: str
    highlights: list[tuple[int, int]]   # offsets into `snippet` of the matched words


MAX_QUERY_WORDS = 20
MIN_PREFIX = 3   # "a*" would match most of the index, and every match costs a look


def words(q: str) -> list[str]:
    """The words of a query, a trailing `*` kept for prefix search on a stem of MIN_PREFIX
    characters or more (a shorter one is searched as the word itself)."""
    return [w if not w.endswith("*") or len(w) > MIN_PREFIX else w.rstrip("*")
            for w in WORD.findall(q)]


def fts_query(q: str) -> str | None:
    """A safe FTS5 MATCH expression for `q`, or None when it has no words."""
    terms = []
    for w in words(q):
        prefix = w.endswith("*")
        terms.append('"' + w.rstrip("*") + '"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def has_fts(s: Session) -> bool:
    if s.get_bind().dialect.name != "sqlite":
        return False
    return s.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'")).first() \
        is not None


# Must stay identical to the index expression of migration 0004, or the index is not used.
PG_DOCUMENT = "to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text)"


def ts_query(q: str) -> str | None:
    """A safe `to_tsquery` expression for `q`: each word quoted (\\w never holds a quote or a
    backslash), all required, a trailing `*` kept as a prefix match."""
    terms = [f"'{w.rstrip('*')}'" + (":*" if w.endswith("*") else "") for w in words(q)]
    return " & ".join(terms) or None


def search_documents(s: Session, q: str, limit: int, offset: int) -> tuple[int, list[Hit]]:
    """(number of matching documents, one page of hits), best match first."""
    if not words(q):
        return 0, []
    if has_fts(s):
        return _fts(s, fts_query(q), limit, offset)
    if s.get_bind().dialect.name == "postgresql":
        return _postgres(s, q, limit, offset)
    return _ilike(s, q, limit, offset)


def _postgres(s: Session, q: str, limit: int, offset: int) -> tuple[int, list[Hit]]:
    match = f"{PG_DOCUMENT} @@ to_tsquery('simple', :q)"
    total = s.execute(text(f"SELECT count(*) FROM documents d WHERE {match}"),
                      {"q": ts_query(q)}).scalar_one()
    rows = s.execute(text(
        f"SELECT d.id, d.title, d.published, d.text FROM documents d WHERE {match} "
        f"ORDER BY ts_rank({PG_DOCUMENT}, to_tsquery('simple', :q)) DESC, d.id "
        "LIMIT :limit OFFSET :offset"), {"q": ts_query(q), "limit": limit, "offset": offset})
    terms = [w.rstrip("*") for w in words(q)]
    return total, [Hit(doc_id, title, published, *_context(body, terms))
                   for doc_id, title, published, body in rows]


def _fts(s: Session, match: str, limit: int, offset: int) -> tuple[int, list[Hit]]:
    total = s.execute(text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :m"),
                      {"m": match}).scalar_one()
    rows = s.execute(text(
        "SELECT f.id, d.title, d.published, "
        "snippet(documents_fts, 2, :a, :b, ' … ', :n) FROM documents_fts f "
        "JOIN documents d ON d.id = f.id WHERE documents_fts MATCH :m "
        "ORDER BY bm25(documents_fts, 0.0, 5.0, 1.0), f.id LIMIT :limit OFFSET :offset"),
        {"m": match, "a": MARK_START, "b": MARK_END, "n": SNIPPET_WORDS,
         "limit": limit, "offset": offset})
    hits = []
    for doc_id, title, published, marked in rows:
        snippet, highlights = _unmark(marked or "")
        hits.append(Hit(doc_id, title, _as_date(published), snippet, highlights))
    return total, hits


def _ilike(s: Session, q: str, limit: int, offset: int) -> tuple[int, list[Hit]]:
    terms = [w.rstrip("*") for w in words(q)]
    where = and_(*(or_(DocumentRow.title.ilike(f"%{escape_like(t)}%", escape="\\"),
                       DocumentRow.text.ilike(f"%{escape_like(t)}%", escape="\\")) for t in terms))
    total = s.scalar(select(func.count()).select_from(DocumentRow).where(where))
    rows = s.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.published,
                            DocumentRow.text).where(where).order_by(DocumentRow.id)
                     .limit(limit).offset(offset))
    hits = []
    for doc_id, title, published, body in rows:
        hits.append(Hit(doc_id, title, published, *_context(body, terms)))
    return total, hits


def escape_like(term: str) -> str:
    """`term` for a LIKE pattern with `escape='\\'`: % and _ match only themselves."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _context(body: str, terms: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of text around the first match, with every term's occurrences in it."""
    lower = body.lower()
    first = min((i for t in terms if (i := lower.find(t.lower())) >= 0), default=0)
    left = max(0, first - CONTEXT_CHARS)
    window = body[left:first + CONTEXT_CHARS]
    snippet = ("…" if left else "") + window + ("…" if first + CONTEXT_CHARS < len(body) else "")
    shift = 1 if left else 0
    highlights = sorted((m.start() + shift, m.end() + shift) for t in terms
                        for m in re.finditer(re.escape(t), window, re.IGNORECASE))
    return snippet, highlights


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """FTS5's snippet with markers -> plain text and the offsets of the matched words, so that
    no HTML is made here and a page can escape the text and highlight the spans itself."""
    out, highlights, start = [], [], None
    length = 0
    for ch in marked:
        if ch == MARK_START:
            start = length
        elif ch == MARK_END and start is not None:
            highlights.append((start, length))
            start = None
        else:
            out.append(ch)
            length += 1
    plain = "".join(out)
    lead = len(plain) - len(plain.lstrip())
    return plain.strip(), [(a - lead, b - lead) for a, b in highlights]


def _as_date(value: object) -> date | None:
    """Raw SQL returns SQLite dates as text; give back what the ORM would."""
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value
