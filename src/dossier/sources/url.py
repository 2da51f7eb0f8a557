"""A web page named by its URL, as a `Document`.

The page is fetched by a `Fetcher` (which owns every safety and politeness rule), decoded by the
charset its server declares, else the one the page declares, else a detected one (named in a
warning), and turned into a document by the HTML reader. Any failure is one `InputError` naming
the URL, so a dead link fails alone like an unreadable file.
"""
from __future__ import annotations

import hashlib
import re

from dossier.sources.canonical import canonical_url
from dossier.document import Document
from dossier.sources.decode import NotText
from dossier.sources.errors import InputError
from dossier.sources.fetch import Fetcher, FetchError
from dossier.sources.html import NoArticleText, decode_html, html_document

URL_PREFIXES = ("http://", "https://")
MAX_ID_LENGTH = 120
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)
_NOT_SLUG = re.compile(r"[^a-z0-9.]+")


def is_url(arg: str) -> bool:
    """Whether a command-line input names a web page rather than a file."""
    return arg[:8].lower().startswith(URL_PREFIXES)


def url_id(url: str) -> str:
    """A stable document id from the canonical URL: host and path, e.g.
    "https://www.example.com/news/kenya-us-talks.html?utm_source=x" -> "example.com-news-kenya-us-talks".

    Tracking parameters, "www." and a page suffix do not change it, so the same article fetched
    twice is the same document. An id past MAX_ID_LENGTH is cut and ends with a hash of the
    whole URL, so that two long URLs sharing a prefix stay apart.
    """
    canonical = canonical_url(url) or url
    rest = canonical.split("://", 1)[-1]
    path, _, query = rest.partition("?")
    slug = _NOT_SLUG.sub("-", (_PAGE_SUFFIX.sub("", path) + ("-" + query if query else "")).lower())
    slug = re.sub(r"\.{2,}", ".", slug).strip("-.")
    if len(slug) > MAX_ID_LENGTH:
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]
        slug = slug[: MAX_ID_LENGTH - len(digest) - 1].rstrip("-.") + "-" + digest
    return slug or "page"


def read_url(url: str, fetcher: Fetcher) -> Document | InputError:
    """The page at `url` as a document whose `source` is `url` and `url` the final URL."""
    try:
        fetched = fetcher.get(url)
    except FetchError as exc:
        return InputError(url, exc.reason)
    if fetched is None:  # only a conditional GET answers 304, and this one is not conditional
        return InputError(url, "server answered 304 Not Modified to a plain request")
    try:
        html, encoding, sniffed = decode_html(fetched.content, fetched.charset)
    except NotText as exc:
        return InputError(url, exc.reason.replace("binary file", "binary page"))
    try:
        doc = html_document(html, id=url_id(fetched.url), source=url, url=fetched.url,
                            fetched_at=fetched.fetched_at)
    except NoArticleText as exc:
        return InputError(url, exc.reason)
    if sniffed:
        doc.warnings.insert(0, f"decoded as {encoding} (detected; the page declares no charset)")
    return doc

