"""Remove the site chrome that scraping leaves in an article: buttons, menus, legal lines, and
the publisher's own "about us" block at the end.

Every rule is about the shape of a line (a bare button label, a run of menu separators, a
copyright notice), never about a particular site, so a new outlet needs no new rule. Lines are
only removed when they cannot be prose: a rule matches a whole, short line, and the only
multi-line removal is the block at the very end of the text, after the last body paragraph.
"""
from __future__ import annotations

import re

from dossier.document import Document
from dossier.pipeline import stage


def _labels(listing: str) -> frozenset[str]:
    return frozenset(label.strip() for label in listing.split("|") if label.strip())


# Labels of links and buttons: on a line of their own they are never part of a report.
_BUTTON_LABELS = _labels(
    """
    share|share this|share this article|share this story|share this page|tweet|post|
    facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|instagram|youtube|tiktok|
    email|e-mail|email this|print|print this|print this article|copy link|copy url|
    instant reply|reply|comment|comments|leave a comment|leave a reply|post a comment|
    read more|read more stories|related|related articles|related stories|related news|
    related posts|related content|related topics|more on this story|more stories|more news|
    you may also like|recommended|recommended for you|most read|most popular|trending|
    top stories|latest news|see also|also read|tags|topics|advertisement|advertisements|
    sponsored|sponsored content|subscribe|subscribe now|sign up|sign in|log in|login|
    register|click here|home|menu|search|back to top|skip to content|skip to main content|
    next|previous|next article|previous article|loading|
    share on facebook|share on twitter|share on x|share on whatsapp|share on linkedin|
    share via email|share by email|is this page useful|is this page useful?|maybe|yes|no|
    yes this page is useful|no this page is not useful|thank you for your feedback|
    report a problem with this page|the following links open in a new tab|
    enter your email address|enter your email|your email address|newsletter
    """
)
_LEGAL_LABELS = _labels(
    """
    privacy|privacy policy|privacy notice|terms|terms of use|terms of service|
    terms and conditions|terms & conditions|cookie policy|cookie settings|cookie preferences|
    cookie notice|cookies|manage cookies|accept cookies|accept all cookies|disclaimer|
    contact us|about us|advertise with us|careers|sitemap
    """
)
_CALL_TO_ACTION = re.compile(
    r"^(?:follow us\b|subscribe (?:to|for|now)\b|sign up (?:for|to|now)\b|click here\b"
    r"|(?:read more|also read|read also|related|see also|don'?t miss|tags?)\s*[:\u00bb\u203a>]"
    r"|download (?:our|the) app\b|join (?:us|our \w+ (?:channel|group))\b"
    r"|get (?:the latest|our newsletter)\b)",
    re.IGNORECASE,
)
_COOKIE_NOTICE = re.compile(
    r"^(?:cookie (?:policy|settings|preferences|notice|consent)\b|(?:we|this (?:web)?site) uses? cookies\b)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"\u00a9|\(c\)\s*\d{4}|^copyright\b.*(?:\d{4}|reserved)|all rights reserved", re.IGNORECASE)
_MENU_SEPARATORS = re.compile(r"\s*[|\u2022\u00b7\u00bb\u203a]\s*|\s+/\s+")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_EDGE_PUNCTUATION = " \t:>\u00bb\u203a\u2026.-\u2013\u2014*\u2022"

MAX_CTA_WORDS = 20  # "Read more: <a headline>" carries a whole headline
MAX_LEGAL_WORDS = 30  # a footer's copyright notice can run to a couple of sentences
MAX_FRAGMENT_WORDS = 3
MAX_HEADING_WORDS = 4


_NEW_TAB = re.compile(r"\s*\(opens? in (?:a )?new (?:tab|window)\)\s*$", re.IGNORECASE)
# Headers of lists of other stories: the short headline lines under them go with them.
_STORY_LIST_HEADERS = frozenset({"related", "related news", "related articles", "related stories",
                                 "related posts", "most read", "most popular", "more stories",
                                 "more news", "you may also like", "recommended", "trending",
                                 "latest news", "top stories", "read more", "also read"})
MAX_LISTED_HEADLINE_WORDS = 15


def _label(line: str) -> str:
    return _NEW_TAB.sub("", line).strip().strip(_EDGE_PUNCTUATION).lower()


def _words(line: str) -> int:
    return len(line.split())


def is_button(line: str) -> bool:
    """A share, follow or navigation button: a bare link label, never a sentence."""
    return _label(line) in _BUTTON_LABELS


def is_call_to_action(line: str) -> bool:
    """"Follow us on X", "Subscribe to our newsletter", "Read more: <other headline>": the site
    talking to its reader, not the report."""
    return _words(line) <= MAX_CTA_WORDS and bool(_CALL_TO_ACTION.match(line.strip()))


def is_legal(line: str) -> bool:
    """Copyright, privacy, terms and cookie notices: they belong to the site, not the report."""
    if _label(line) in _LEGAL_LABELS:
        return True
    if _words(line) > MAX_LEGAL_WORDS:
        return False
    return bool(_COPYRIGHT.search(line) or _COOKIE_NOTICE.match(line.strip()))


def is_menu(line: str) -> bool:
    """A row of links ("Home | News | Sport | Business"): items joined by separators.

    Two items are enough when both are known chrome ("Privacy policy | Terms of use"); otherwise
    it takes three or more short items, since a headline may contain one "|".
    """
    items = [item for item in _MENU_SEPARATORS.split(line.strip()) if item]
    if len(items) < 2:
        return False
    if all(_label(item) in _BUTTON_LABELS | _LEGAL_LABELS for item in items):
        return True
    return len(items) >= 3 and all(_words(item) <= MAX_FRAGMENT_WORDS for item in items)


def is_boilerplate_line(line: str) -> bool:
    """A line that is site chrome wherever it appears in the text."""
    return bool(line.strip()) and (is_button(line) or is_call_to_action(line) or is_legal(line) or is_menu(line))


def is_fragment(line: str) -> bool:
    """A very short line without a sentence end: a link, a tag, a name, not a paragraph."""
    return 0 < _words(line) <= MAX_FRAGMENT_WORDS and not _SENTENCE_END.search(line.strip())


def about_block_start(lines: list[str], end: int) -> int | None:
    """Where a publisher's "about" block ending just before `end` starts, if there is one.

    Sites close an article with a heading naming themselves and a paragraph that begins with that
    name ("Acme" / "Acme is a full service ..."). The repetition is what tells it from a
    subheading in the article, whose paragraph does not restate it.
    """
    filled = [i for i in range(end) if lines[i].strip()]
    if len(filled) < 2:
        return None
    heading_at, paragraph_at = filled[-2], filled[-1]
    heading, paragraph = lines[heading_at].strip(), lines[paragraph_at].strip()
    if _words(heading) > MAX_HEADING_WORDS or _SENTENCE_END.search(heading) or heading[-1] in ":;,":
        return None
    name = re.sub(r"^about\s+", "", heading, flags=re.IGNORECASE)
    if _words(paragraph) <= _words(name):
        return None
    repeats = re.match(rf"{re.escape(name)}(?![^\W_])", paragraph, re.IGNORECASE)
    return heading_at if repeats else None


def trailing_block_start(lines: list[str]) -> int:
    """Where the site's footer starts (len(lines) when there is none).

    Scanning up from the end, the footer is the run of chrome and very short lines. It is only
    removed when it contains chrome (so an article that simply ends on a short line keeps it),
    and it takes with it a publisher's "about" block right above it.
    """
    start, saw_chrome = len(lines), False
    while start > 0 and (not lines[start - 1].strip() or is_boilerplate_line(lines[start - 1])
                         or is_fragment(lines[start - 1])):
        start -= 1
        saw_chrome = saw_chrome or is_boilerplate_line(lines[start])
    has_tail = any(line.strip() for line in lines[start:])
    about = about_block_start(lines, start) if has_tail else None
    if about is not None:
        return about
    return start if saw_chrome else len(lines)


def story_list_lines(lines: list[str]) -> set[int]:
    """The headlines listed under "Related news" or "Most read": short lines without a full
    stop, up to the next blank line."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if _label(line) not in _STORY_LIST_HEADERS:
            continue
        for j in range(i + 1, len(lines)):
            item = lines[j].strip()
            if not item or _SENTENCE_END.search(item) or _words(item) > MAX_LISTED_HEADLINE_WORDS:
                break
            out.add(j)
    return out


@stage("dossier.clean.boilerplate.v1", needs=("text",), adds=())
def remove_boilerplate(doc: Document) -> Document:
    lines = doc.text.split("\n")
    lines = lines[:trailing_block_start(lines)]
    listed = story_list_lines(lines)
    lines = [line for i, line in enumerate(lines) if i not in listed and not is_boilerplate_line(line)]
    doc.text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return doc
