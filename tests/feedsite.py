"""A small news site for feed tests: article pages and RSS/Atom feeds listing them.

    site = Site()
    with serve(site.routes) as server:
        site.base = server.base
        site.feed("/africa.rss", "rss", ["/news/ruto-blinken", "/news/mudavadi-whitman"])
        ...                                   # poll; then change what the feed lists:
        site.feed("/africa.rss", "rss", [..., "/news/ruto-landau"])

A feed's body is built at each request from what it lists now, with an ETag derived from the
body; a request whose If-None-Match carries that ETag gets a 304 (counted in `not_modified`).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from html import escape

from webserver import Response, page

ARTICLES: dict[str, tuple[str, list[str]]] = {
    "/news/ruto-blinken": ("Ruto and Blinken discuss security and trade in Nairobi", [
        "NAIROBI, March 3 - Kenyan President William Ruto met US Secretary of State Antony "
        "Blinken in Nairobi on 3 March 2024, the presidency said in a statement.",
        "The two discussed the security mission to Haiti, trade and investment, and climate "
        "finance. Blinken said the United States valued Kenya as a partner in the region.",
        "Ruto said Kenya was ready to deepen cooperation in health and technology, and invited "
        "American companies to invest in the country's digital economy.",
    ]),
    "/news/mudavadi-whitman": ("Mudavadi holds talks with US envoy Whitman", [
        "NAIROBI, May 5 - Prime Cabinet Secretary Musalia Mudavadi held talks with US "
        "Ambassador Meg Whitman in Nairobi on 5 May 2024 ahead of a state visit to Washington.",
        "The meeting reviewed preparations for the visit and the agreements expected to be "
        "signed, officials said, including a programme on trade and a health partnership.",
        "Whitman said the visit would open a new chapter in relations between the two "
        "countries, which mark sixty years of diplomatic ties this year.",
    ]),
    "/news/ruto-landau": ("Ruto hosts US deputy secretary Landau at State House", [
        "NAIROBI, January 29 - President William Ruto hosted US Deputy Secretary of State "
        "Christopher Landau at State House, Nairobi, on 29 January 2026.",
        "The talks covered regional security, the renewal of a trade programme and support "
        "for peace efforts in the Horn of Africa, according to a statement from State House.",
        "Landau said Washington wanted to expand commercial ties with Nairobi and thanked "
        "Kenya for its role in regional diplomacy.",
    ]),
    "/news/tinubu-lammy": ("Tinubu receives British Foreign Secretary Lammy in Abuja", [
        "ABUJA, February 12 - Nigerian President Bola Tinubu received British Foreign "
        "Secretary David Lammy in Abuja on 12 February 2025, his spokesman said.",
        "The two discussed trade, migration and security cooperation, and the renewal of a "
        "partnership on defence signed between the two countries in 2024.",
        "Lammy said Britain saw Nigeria as a key partner in West Africa and wanted to expand "
        "investment in energy and infrastructure.",
    ]),
    "/news/tuggar-london": ("Tuggar and UK officials agree on migration talks", [
        "LONDON, March 20 - Nigeria's Minister of Foreign Affairs Yusuf Tuggar held talks with "
        "British officials in London on 20 March 2025 on migration and trade.",
        "The two sides agreed to hold regular consultations on returns and legal pathways, "
        "officials said after the meeting at the Foreign Office.",
        "Tuggar said Nigeria wanted a partnership of equals and more British investment in "
        "its manufacturing sector.",
    ]),
}


def article_html(path: str) -> str:
    """A news page as sites serve it: navigation and footer around the article."""
    title, paragraphs = ARTICLES[path]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)} | "
            f"Example News</title></head><body><header><nav><a href='/'>Home</a> "
            f"<a href='/africa'>Africa</a></nav></header><article><h1>{escape(title)}</h1>"
            f"{body}</article><footer>© 2025 Example News. All rights reserved.</footer>"
            f"</body></html>")


def rss(base: str, paths: list[str], title: str = "Example News: Africa") -> bytes:
    items = "".join(
        f"<item><title>{escape(ARTICLES[p][0])}</title><link>{base}{p}</link>"
        f"<guid isPermaLink='true'>{base}{p}</guid><pubDate>Mon, 06 Jan 2025 10:00:00 GMT"
        f"</pubDate></item>" for p in paths)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{escape(title)}</title><link>{base}/</link><description>News</description>"
            f"{items}</channel></rss>").encode("utf-8")


def atom(base: str, paths: list[str], title: str = "Example News: West Africa") -> bytes:
    entries = "".join(
        f"<entry><title>{escape(ARTICLES[p][0])}</title><id>tag:example.news,2025:{p}</id>"
        f"<link rel='alternate' type='text/html' href='{base}{p}'/>"
        f"<updated>2025-03-20T10:00:00Z</updated></entry>" for p in paths)
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>{escape(title)}</title><id>tag:example.news,2025:feed</id>"
            f"<updated>2025-03-20T10:00:00Z</updated>{entries}</feed>").encode("utf-8")


FEED_TYPES = {"rss": (rss, "application/rss+xml"), "atom": (atom, "application/atom+xml")}


class Site:
    def __init__(self) -> None:
        self.base = ""
        self.routes = {path: page(article_html(path)) for path in ARTICLES}
        self.not_modified: Counter[str] = Counter()
        self._feeds: dict[str, tuple[str, list[str]]] = {}

    def feed(self, path: str, kind: str, items: list[str]) -> str:
        """Serve (or change) a feed at `path` listing the articles at `items`; its URL."""
        self._feeds[path] = (kind, list(items))
        self.routes[path] = lambda request: self._answer(path, request)
        return self.base + path

    def _answer(self, path: str, request) -> Response:
        kind, items = self._feeds[path]
        build, content_type = FEED_TYPES[kind]
        body = build(self.base, items)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            self.not_modified[path] += 1
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": content_type, "ETag": etag}, body
