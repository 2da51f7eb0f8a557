"""RSS and Atom feeds: which article URLs a feed lists now.

A feed is polled, not read: what matters is the list of links it holds, each of which is then
read as a URL like any other (`read_url`), so a feed item and a URL given by hand become the same
document. Polls are conditional (the ETag and Last-Modified of the previous answer are sent
back), so a feed that has not changed costs one small request and is not parsed at all.

Feed bodies are parsed by feedparser from the bytes the `Fetcher` got, never fetched by
feedparser itself: every request goes through the one fetcher and its policy (address checks,
size and time limits).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

import feedparser

from dossier.sources.errors import InputError
from dossier.sources.fetch import Fetcher, FetchError

WEB_SCHEMES = ("http", "https")
BENIGN = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
"""What feedparser flags but reads through: feeds served as text/html or text/plain, and
encodings declared wrongly. Neither makes a feed unusable."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: the article's URL and the title the feed gives it."""

    url: str
    title: str | None = None


@dataclass
class FeedPoll:
    """What one poll of a feed said. `modified` is False when the server answered 304, in which
    case `items` is empty and the stored ETag / Last-Modified stay as they were."""

    url: str
    modified: bool
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None


def poll_feed(url: str, fetcher: Fetcher, *, etag: str | None = None,
              last_modified: str | None = None) -> FeedPoll | InputError:
    """Fetch the feed at `url` conditionally and list its items, or say in one line why not."""
    try:
        fetched = fetcher.get(url, etag=etag, last_modified=last_modified, accept_html_only=False)
    except FetchError as e:
        return InputError(url, e.reason)
    if fetched is None:
        return FeedPoll(url, modified=False, etag=etag, last_modified=last_modified)
    parsed = parse_feed(fetched.content, url, base=fetched.url, content_type=fetched.content_type,
                        charset=fetched.charset)
    if isinstance(parsed, InputError):
        return parsed
    title, items = parsed
    return FeedPoll(url, modified=True, title=title, items=items, etag=fetched.etag,
                    last_modified=fetched.last_modified)


def parse_feed(content: bytes, url: str, *, base: str | None = None,
               content_type: str | None = None,
               charset: str | None = None) -> tuple[str | None, list[FeedItem]] | InputError:
    """The feed's title and its items' article URLs (relative links resolved against `base`,
    the URL the feed was finally served from), in feed order, without duplicates.

    feedparser's `bozo` flag alone is not an error: real feeds often declare the wrong encoding
    or carry a stray entity and still list good items. A feed is refused only when nothing usable
    comes out of it; the reason then names what feedparser tripped on.
    """
    headers = {"content-location": base or url}
    if content_type:
        headers["content-type"] = content_type + (f"; charset={charset}" if charset else "")
    parsed = feedparser.parse(content, response_headers=headers)
    items = _items(parsed.entries)
    broken = parsed.bozo and not isinstance(parsed.get("bozo_exception"), BENIGN)
    if items or (parsed.version and not broken):   # an empty but valid feed is fine
        return parsed.feed.get("title") or None, items
    if broken:
        return InputError(url, f"malformed feed ({_bozo_reason(parsed.get('bozo_exception'))})")
    return InputError(url, "not an RSS or Atom feed (no feed element found)")


def _items(entries: list) -> list[FeedItem]:
    seen: set[str] = set()
    items = []
    for entry in entries:
        link = article_url(entry)
        if link and link not in seen:
            seen.add(link)
            items.append(FeedItem(link, entry.get("title") or None))
    return items


def article_url(entry: dict) -> str | None:
    """An entry's article URL: its alternate link, else its guid when that is a web URL (RSS
    permalinks, Atom ids written as URLs). The fragment is dropped: it names a place in the
    same article."""
    candidates = [entry.get("link")]
    candidates += [link.get("href") for link in entry.get("links", [])
                   if link.get("rel", "alternate") == "alternate"]
    candidates.append(entry.get("id"))
    for candidate in filter(None, candidates):
        parts = urlsplit(candidate.strip())
        if parts.scheme in WEB_SCHEMES and parts.netloc:
            return urldefrag(parts.geturl()).url
    return None


def _bozo_reason(exc: BaseException | None) -> str:
    """What feedparser tripped on, with the place for an XML error: "mismatched tag at line 3,
    column 12"."""
    if exc is None:
        return "unreadable"
    if hasattr(exc, "getMessage") and hasattr(exc, "getLineNumber"):   # xml.sax errors
        return f"{exc.getMessage()} at line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
    return " ".join(str(exc).split()) or type(exc).__name__
