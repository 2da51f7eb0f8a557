"""Undo the two ways scraping glues text together.

When a page is flattened, block boundaries can vanish: two sentences end up as
"Kenya.According to ..." and a caption or pull-quote attribution runs into the next paragraph as
"President RutoThe President also ...". The sentence splitter and the entity recogniser then see
one sentence and one odd name ("RutoThe"). Both repairs only insert whitespace, and only where a
lowercase letter meets a capital with no space, which ordinary abbreviations (U.S., D.C., e.g.,
Mr., Ksh.208, No.1), decimals, camel-case names (McDonald, iPhone, DeSantis) and addresses
(www.state.gov, info@site.com) never do in the guarded positions.
"""
from __future__ import annotations

import re

from dossier.document import Document
from dossier.pipeline import stage

# "Kenya.According": a word ending in two lowercase letters, a full stop, a capitalised word.
# One lowercase letter before the stop is an abbreviation ("e.g.", "Mr.", "Dr.", "St.").
_GLUED_FULL_STOP = re.compile(r"(?<![\w.@/])([A-Za-z]*[a-z]{2}\.)([A-Z](?=[a-z])|[AI](?=\s))")

_STRONG_OPENERS = ("According", "Meanwhile", "However", "During", "After", "They", "This",
                   "The", "She", "But")
# Short openers also end camel-case words ("LinkedIn", "AddOn"), so they need more evidence.
_SHORT_OPENERS = ("An", "At", "He", "In", "It", "On", "We", "A")
_GLUED_NAME = re.compile(
    r"(?<![^\W\d_])(?P<name>[A-Z][A-Za-z]*[a-z])"
    rf"(?P<opener>{'|'.join(_STRONG_OPENERS + _SHORT_OPENERS)})(?=[\s,])"
)
MAX_CAPTION_WORDS = 6


def _token_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i != -1), default=len(text))
    return text[left:right]


def _is_address(token: str) -> bool:
    """URLs, e-mail addresses and paths: their dots and capitals are not sentence boundaries."""
    return "@" in token or "://" in token or token.lower().startswith("www.") or "/" in token


def split_glued_full_stops(text: str) -> str:
    """"Kenya.According to a statement" -> "Kenya. According to a statement"."""

    def fix(match: re.Match[str]) -> str:
        if _is_address(_token_around(text, match.start(), match.end())):
            return match[0]
        return f"{match[1]} {match[2]}"

    return _GLUED_FULL_STOP.sub(fix, text)


def _is_caption(line_before: str) -> bool:
    """A short line of capitalised words ("President Ruto", "William Ruto"): a caption or an
    attribution, which is what a glued short opener ("RutoIn 2024 ...") most often follows."""
    words = line_before.split()
    return 2 <= len(words) <= MAX_CAPTION_WORDS and all(w[0].isupper() for w in words)


def split_glued_names(text: str) -> str:
    """"President RutoThe President also ..." -> "President Ruto\\nThe President also ...".

    A line break, not a full stop: the left part is usually a caption or a pull-quote
    attribution, a line of its own that never had a sentence end.
    """

    def fix(match: re.Match[str]) -> str:
        if match["opener"] in _SHORT_OPENERS:
            line_before = text[text.rfind("\n", 0, match.start()) + 1:match.end("name")]
            if not _is_caption(line_before):
                return match[0]
        return f"{match['name']}\n{match['opener']}"

    return _GLUED_NAME.sub(fix, text)


@stage("dossier.clean.repair.v1", needs=("text",), adds=())
def repair_glued_text(doc: Document) -> Document:
    doc.text = split_glued_names(split_glued_full_stops(doc.text))
    return doc
