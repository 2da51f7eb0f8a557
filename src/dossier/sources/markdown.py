"""A light touch on Markdown: heading marks and link syntax are not part of what an article says.

Only what would otherwise end up inside sentences is removed ("## Talks" -> "Talks",
"[the statement](https://...)" -> "the statement"); everything else is kept as written, so the
cleaning stage sees the same text a reader would.
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)", re.MULTILINE)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
# [text](url) and ![alt](url "title"); the URL may not contain spaces or parentheses.
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)")


def strip_markdown(text: str) -> str:
    """Drop ATX heading marks and turn links and images into their text."""
    text = _LINK.sub(r"\1", text)
    lines = []
    for line in text.split("\n"):
        if _HEADING.match(line):
            line = _CLOSING_HASHES.sub("", _HEADING.sub("", line, count=1))
        lines.append(line)
    return "\n".join(lines)
