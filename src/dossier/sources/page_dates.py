"""The publication date a web page gives for itself: its metadata first, then its URL.

htmldate reads what a page says about its own date: meta tags (`article:published_time`,
Dublin Core, ...), JSON-LD (`datePublished`) and date markup (`<time>`, elements classed
"date"). Its URL rule, though, takes a year-month-day anywhere in the URL, inside a slug too
("/ports-deal-signed-2025-03-11.html"), where it is as often the date of the event the story is
about or of an earlier version. So htmldate is asked for the page's metadata only, and the URL is
read here: a date counts only when it starts a path segment ("/2025/03/11/story",
"/2025-03-11-story"), and only when the metadata gives none.

A date later than the fetch (or than now, for a saved page) is refused with a warning: a page
cannot have been published after it was read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement

_NO_LATER_THAN = "2999-12-31"  # asks htmldate for every date, so that a future one can be named
_SEGMENT_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})(?:(?P<sep>[/_-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"|(?P<m2>\d{2})(?P<d2>\d{2}))(?=[/_.-]|$)"
)


@dataclass(frozen=True)
class PageDate:
    day: date
    evidence: str  # where it was read, e.g. "meta article:published_time: 2025-03-14T09:30:00Z"


def page_date(tree: HtmlElement, url: str | None, latest: date,
              latest_is: str = "today") -> tuple[PageDate | None, list[str]]:
    """The page's publication date and the warnings met on the way.

    `latest` is the day the page was fetched (or today); `latest_is` names it in a warning
    ("the fetch", "today").
    """
    warnings: list[str] = []
    day = _metadata_date(tree, _NO_LATER_THAN)
    if day is not None and day > latest:
        evidence = _metadata_evidence(tree, day)
        warnings.append(f"the page's date {day.isoformat()} ({evidence}) is later than "
                        f"{latest_is}; not used")
        day = _metadata_date(tree, latest.isoformat())
    if day is not None:
        return PageDate(day, _metadata_evidence(tree, day)), warnings
    url_day = url_path_date(url)
    if url_day is not None and url_day > latest:
        warnings.append(f"the date {url_day.isoformat()} in the URL is later than {latest_is}; "
                        "not used")
    elif url_day is not None:
        return PageDate(url_day, f"URL: {url}"), warnings
    return None, warnings


def url_path_date(url: str | None) -> date | None:
    """A date that starts a segment of the URL's path, or None.

    >>> url_path_date("https://example.org/world/2025/03/11/rail-loan/")
    datetime.date(2025, 3, 11)
    >>> url_path_date("https://example.org/news/policing-deal-2025-03-11.html") is None
    True
    """
    if not url:
        return None
    for match in _SEGMENT_DATE.finditer(urlsplit(url).path):
        month, day = match["m"] or match["m2"], match["d"] or match["d2"]
        try:
            return date(int(match["y"]), int(month), int(day))
        except ValueError:
            continue
    return None


def _metadata_date(tree: HtmlElement, latest: str) -> date | None:
    """htmldate without its URL rule (an empty URL also stops it reading the canonical link)
    and without its free-text search, which would take any date the article mentions."""
    found = find_date(tree, url="", extensive_search=False, original_date=True,
                      outputformat="%Y-%m-%d", max_date=latest)
    return date.fromisoformat(found) if found else None


def _metadata_evidence(tree: HtmlElement, day: date) -> str:
    """The tag or JSON-LD field that holds `day`, quoted, so that the choice can be checked."""
    iso = day.isoformat()
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if content.startswith(iso):
            name = meta.get("property") or meta.get("name") or meta.get("itemprop") or "meta"
            return f"meta {name}: {content}"
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        field = re.search(rf'"(\w+)"\s*:\s*"({iso}[^"]*)"', script.text or "")
        if field:
            return f"JSON-LD {field[1]}: {field[2]}"
    for time in tree.iter("time"):
        stamp = (time.get("datetime") or "").strip()
        if stamp.startswith(iso):
            return f"time datetime: {stamp}"
    return f"page markup (read by htmldate as {iso})"
