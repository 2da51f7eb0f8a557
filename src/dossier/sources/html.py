"""Paragraph text out of an HTML page, with the standard library only.

A stand-in: JSON Lines records may carry `html` instead of `text`, and until trafilatura
arrives with the HTML issue this keeps them usable. It keeps the text of paragraphs, headings,
list items and block quotes, and drops script, style and the page furniture (nav, header,
footer, aside) where scraped boilerplate usually sits. It does not score content blocks, so a
page with many paragraphs outside the article will keep them; the cleaning stage sees the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"})
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form", "svg"}
)
_SPACES = re.compile(r"\s+")


@dataclass
class HtmlText:
    title: str | None
    text: str


def html_to_text(html: str) -> HtmlText:
    """The page's paragraphs joined by blank lines, and its <title> (or first <h1>).

    A page with no block elements at all (a bare fragment, text in <div>s) gives its visible text
    instead, so that a record with text in unusual markup is not lost.
    """
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    text = "\n\n".join(parser.blocks) if parser.blocks else _squash(" ".join(parser.visible))
    return HtmlText(title=parser.title or parser.first_h1, text=text)


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.visible: list[str] = []
        self.title: str | None = None
        self.first_h1: str | None = None
        self._skip_depth = 0
        self._in_title = False
        self._title_parts: list[str] = []
        self._open_blocks: list[str] = []
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in BLOCK_TAGS and not self._skip_depth:
            self._flush()  # a nested block (<li><p>) is a block of its own
            self._open_blocks.append(tag)
        elif tag == "br":
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = False
            self.title = _squash("".join(self._title_parts)) or None
        elif tag in BLOCK_TAGS and not self._skip_depth:
            self._flush()
            if tag in self._open_blocks:  # also closes blocks left open inside it (<li><p>a</li>)
                while self._open_blocks.pop() != tag:
                    pass

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        elif not self._skip_depth:
            self.visible.append(data)
            if self._open_blocks:
                self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = _squash("".join(self._parts))
        if text:
            self.blocks.append(text)
            if self.first_h1 is None and self._open_blocks and self._open_blocks[-1] == "h1":
                self.first_h1 = text
        self._parts = []
