"""Hard-wrapped text and Markdown read as the prose they are.

Plain-text sources (press-release archives, e-mail digests, pandoc output) break lines at about
72 columns and carry Markdown: `**emphasis**`, `### headings`, `[links](https://...)`, `-   list
items`. Left as they are, every line break ends a sentence for the model and every asterisk
becomes part of a name. Here such a text becomes one line per block (paragraph, heading, list
item), the marks gone, before any offset is taken: evidence then points into the prose.

Markdown is parsed by markdown-it-py (CommonMark), not by our own patterns: nested emphasis,
links wrapped over two lines and escapes are its job. Only the decision *whether* a text is
wrapped or Markdown is ours, because a scraped article with one paragraph per line must not be
joined into one paragraph, as CommonMark would do with it.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Wrapped text keeps its lines at or under a width (72 for pandoc, 76 or 80 for mail); a text
# most of whose lines are longer than this is laid out a paragraph per line.
MAX_WIDTH = 100
MIN_SHORT_SHARE = 0.9
MIN_WRAPPED_LINES = 3
# How far under the width a wrapped line may end: wrappers differ on the exact count.
SLACK = 10

_MARKDOWN_SIGNS = re.compile(
    r"\*\*\S"                        # strong emphasis
    r"|\]\([^)\s]+\)"                # [text](url)
    r"|^ {0,3}#{1,6} \S"             # ATX heading
    r"|(?<![\w*])\*[^\s*][^*\n]*\*(?![\w*])"  # *emphasis*
    r"|^ *[-*+] +\S",                # a bullet
    re.MULTILINE,
)
_LIST_MARKER = re.compile(r"^ *(?:[-*+]|\d{1,9}[.)]) +\S")

_WORD = re.compile(r"\w")
# Indented or fenced code does not occur in reports; an indented paragraph (a nomination list
# indented with no-break spaces) is prose. Inline HTML ("<u>protect</u>") is parsed so that its
# tags can be left out.
_PARSER = MarkdownIt("commonmark", {"html": True}).disable(["code", "fence", "html_block"])


def wrap_width(text: str) -> int | None:
    """The width the text's lines were wrapped at, or None when it was not hard-wrapped.

    A line was broken by a wrapper when the next line's first word would not have fitted on it;
    a writer's own line break (a paragraph per line, an address list) ends well before that.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or sum(_fits(line) for line in lines) < MIN_SHORT_SHARE * len(lines):
        return None
    pairs = _line_pairs(text)
    if not pairs:
        return None
    # the width is that of the longest inner lines, leaving out those a long word (a URL)
    # pushed past it
    inner = sorted(len(line) for line, _ in pairs)
    width = max(n for n in inner if n <= inner[len(inner) // 2] + SLACK)
    wrapped = sum(_broken_by_wrapper(line, after, width) for line, after in pairs)
    return width if wrapped >= MIN_WRAPPED_LINES else None


def looks_like_markdown(text: str) -> bool:
    return _MARKDOWN_SIGNS.search(text) is not None


def to_prose(text: str) -> str:
    """`text` with wrapped lines joined and Markdown marks removed, one block (paragraph,
    heading, list item) per line with a blank line between; unchanged when it is neither
    wrapped nor Markdown. Line breaks that a wrapper did not make (a short line, a Markdown
    hard break) end a block."""
    width = wrap_width(text)
    if width is None and not looks_like_markdown(text):
        return text
    lines = text.split("\n")
    laid_out = [lines[0]]
    for line, after in zip(lines, lines[1:]):
        wrapped = width is not None and _inner(line, after) and _broken_by_wrapper(line, after, width)
        laid_out.append("\n" if wrapped else "\n\n")
        laid_out.append(after.rstrip())
    laid_out[0] = laid_out[0].rstrip()
    # once the lines are laid out, a no-break space is a space (and a line of them is blank)
    laid_out = [part.replace(NO_BREAK_SPACE, " ") for part in laid_out]
    # a block without a letter or digit is a separator ("###", "* * *"), not prose
    blocks = _blocks(_PARSER.parse("".join(laid_out)))
    return "\n\n".join(block for block in blocks if _WORD.search(block))


def _fits(line: str) -> bool:
    """Short enough for a wrapped text, or too long only because of one word (a URL)."""
    return len(line) <= MAX_WIDTH or max(map(len, line.split())) > MAX_WIDTH // 2


def _inner(line: str, after: str) -> bool:
    """A line followed by another line of the same paragraph that does not start a list item."""
    return bool(line.strip() and after.strip() and not _LIST_MARKER.match(after))


def _line_pairs(text: str) -> list[tuple[str, str]]:
    """Each line with the line after it, when both are of one paragraph (a blank line ends one)."""
    lines = text.split("\n")
    return [(line, after) for line, after in zip(lines, lines[1:]) if _inner(line, after)]


NO_BREAK_SPACE = "\u00a0"


def _broken_by_wrapper(line: str, after: str, width: int) -> bool:
    """The next word would not have fitted on the line (and the line has no Markdown hard
    break: two spaces or a backslash at its end)."""
    if line.endswith(("  ", "\\")):
        return False
    # a no-break space joins words into one that a wrapper moves whole ("state\xa0dinner,")
    first_word = after.strip(" \t").split(" ")[0]
    return len(line.rstrip()) + 1 + len(first_word) > width - SLACK


def _blocks(tokens: list[Token]) -> list[str]:
    """The text of each leaf block (paragraph, heading), in reading order."""
    return [_inline_text(token.children or []).strip() for token in tokens if token.type == "inline"]


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return re.sub(r" {2,}", " ", "".join(parts))
