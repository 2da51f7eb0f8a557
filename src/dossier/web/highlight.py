"""A document's text with its evidence spans marked, safe to put in a page.

Article text is untrusted: every piece of it goes through `markupsafe.escape`, and the only tags
in the result are our own `<mark>` (and empty anchor `<span>`) elements, whose attributes are
built from integers and from a kind name reduced to [a-z]. This is the one place a
document-derived string becomes `Markup`, so it is the one place to audit.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from markupsafe import Markup, escape

_NOT_A_CLASS = re.compile(r"[^a-z]")


def anchor(start: int, end: int) -> str:
    """The fragment id of an evidence span: what `/documents/{doc}#ev-<start>-<end>` targets."""
    return f"ev-{int(start)}-{int(end)}"


def marked_text(text: str, spans: Iterable[Mapping], with_ids: bool = True) -> Markup:
    """`text` escaped, with each span `{start, end, kind}` wrapped in `<mark id=ev-start-end>`.

    Spans may overlap or nest: the text is cut at every span boundary and each piece covered by
    a span becomes one mark (classed by the kinds covering it). A span's id goes on the first
    piece it starts; a second span starting at the same place gets an empty anchor before it,
    so every `#ev-…` link finds its place; `data-ev` on each piece names the spans covering it,
    so static/target.js can outline the whole of a linked span. `with_ids=False` leaves ids out, for snippets
    shown several to a page (search results).
    """
    clean = sorted({(max(0, int(s["start"])), min(len(text), int(s["end"])),
                     _NOT_A_CLASS.sub("", str(s.get("kind") or "").lower()) or "evidence",
                     anchor(s["start"], s["end"]))
                    for s in spans if max(0, int(s["start"])) < min(len(text), int(s["end"]))})
    cuts = sorted({0, len(text)} | {a for a, *_ in clean} | {b for _, b, *_ in clean})
    out: list[str] = []
    placed: set[str] = set()
    for left, right in zip(cuts, cuts[1:]):
        piece = escape(text[left:right])
        covering = [(a, b, k, i) for a, b, k, i in clean if a <= left and right <= b]
        if not covering:
            out.append(piece)
            continue
        ids = list(dict.fromkeys(i for a, _, _, i in covering if a == left and i not in placed))
        ids = ids if with_ids else []
        placed.update(ids)
        out.extend(f'<span class="anchor" id="{i}"></span>' for i in ids[1:])
        kinds = " ".join(sorted({f"ev-{k}" for _, _, k, _ in covering}))
        id_attr = f' id="{ids[0]}"' if ids else ""
        spans_attr = f' data-ev="{" ".join(i for *_, i in covering)}"' if with_ids else ""
        out.append(f'<mark{id_attr} class="{kinds}"{spans_attr}>{piece}</mark>')
    return Markup("".join(out))


def word_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where the search terms occur in `text`, as (start, end): a term matches at the start of
    a word, as the whole word, or as a prefix when it ends in `*` (the search box's rules)."""
    spans = set()
    for term in terms:
        stem = term.rstrip("*")
        if not stem:
            continue
        tail = r"\w*" if term.endswith("*") else r"\b"
        spans.update(m.span() for m in re.finditer(rf"\b{re.escape(stem)}{tail}", text,
                                                   re.IGNORECASE))
    return sorted(spans)


def marked_words(text: str | None, terms: Iterable[str]) -> Markup:
    """`text` escaped, with every occurrence of the search terms marked (no ids: several such
    texts share a page)."""
    text = text or ""
    return marked_text(text, [{"start": a, "end": b, "kind": "hit"}
                              for a, b in word_spans(text, terms)], with_ids=False)


def marked_sentence(evidence: Mapping) -> Markup:
    """An evidence record's whole sentence, escaped, with its quoted words marked: the reader
    sees what was said around the evidence, and which words it rests on. The sentence has its
    spaces squeezed, so the words are found with theirs squeezed too; when they cannot be
    found (a span across two sentences) the quoted words alone are shown, marked."""
    quoted = " ".join(str(evidence.get("text") or "").split())
    sentence = str(evidence.get("sentence") or "")
    at = sentence.find(quoted) if quoted else -1
    if at < 0:
        sentence, at = quoted, 0
    return marked_text(sentence, [{"start": at, "end": at + len(quoted), "kind": "hit"}],
                       with_ids=False)
