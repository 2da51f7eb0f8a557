"""Feeds: which article URLs an RSS or Atom feed lists, and conditional polls."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from feedsite import Site
from webserver import serve

from dossier.sources.errors import InputError
from dossier.sources.feeds import FeedItem, parse_feed, poll_feed
from dossier.sources.fetch import Fetcher, FetchPolicy

BASE = "http://127.0.0.1:8000"


def test_rss_items_give_article_links_in_feed_order() -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
      <title>Daily Nation: Politics</title>
      <item><title>Ruto meets Blinken</title><link>{BASE}/news/ruto-blinken#comments</link></item>
      <item><title>Permalink only</title><guid isPermaLink="true">{BASE}/news/by-guid</guid></item>
      <item><title>Relative link</title><link>/news/relative</link></item>
      <item><title>No address</title><guid isPermaLink="false">story-4411</guid></item>
      <item><title>Ruto meets Blinken (updated)</title><link>{BASE}/news/ruto-blinken</link></item>
    </channel></rss>""".encode()
    title, items = parse_feed(feed, BASE + "/politics.rss")
    assert title == "Daily Nation: Politics"
    assert items == [FeedItem(f"{BASE}/news/ruto-blinken", "Ruto meets Blinken"),
                     FeedItem(f"{BASE}/news/by-guid", "Permalink only"),
                     FeedItem(f"{BASE}/news/relative", "Relative link")]


def test_atom_entries_give_their_alternate_link_not_an_enclosure() -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Premium Times</title><id>urn:pt</id>
      <entry><title>Tinubu receives Lammy</title><id>urn:pt:1</id>
        <link rel="enclosure" href="{BASE}/audio/tinubu.mp3"/>
        <link rel="alternate" href="{BASE}/news/tinubu-lammy"/></entry>
    </feed>""".encode()
    assert parse_feed(feed, BASE + "/atom.xml") == (
        "Premium Times", [FeedItem(f"{BASE}/news/tinubu-lammy", "Tinubu receives Lammy")])


def test_a_feed_with_a_wrong_encoding_declaration_still_lists_its_items() -> None:
    # declared us-ascii, written in UTF-8: feedparser flags it (bozo) but reads it
    feed = (f'<?xml version="1.0" encoding="us-ascii"?><rss version="2.0"><channel><title>Le '
            f'Monde Afrique</title><item><title>Café diplomacy in Nairobi</title><link>{BASE}/a'
            f'</link></item></channel></rss>').encode("utf-8")
    _, items = parse_feed(feed, BASE + "/afrique.rss")
    assert [item.url for item in items] == [f"{BASE}/a"]


def test_a_malformed_feed_is_one_error_naming_it_and_the_reason() -> None:
    url = BASE + "/broken.rss"
    error = parse_feed(b"<?xml version='1.0'?><rss><channel><item><title>Ruto</titel>", url)
    assert isinstance(error, InputError)
    assert str(error).startswith(f"error: {url}: malformed feed (mismatched tag at line 1")


def test_a_web_page_is_not_a_feed() -> None:
    error = parse_feed(b"<html><body><p>Subscribe to our newsletter</p></body></html>",
                       BASE + "/news")
    assert str(error) == f"error: {BASE}/news: not an RSS or Atom feed (no feed element found)"


def test_an_empty_feed_is_no_error() -> None:
    assert parse_feed(b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>",
                      BASE + "/quiet.rss") == ("Quiet", [])


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchPolicy(allow_private=True, per_host_interval=0, retries=0)) as f:
        yield f


def test_a_poll_sends_back_the_etag_and_an_unchanged_feed_is_not_sent_again(fetcher: Fetcher) -> None:
    site = Site()
    with serve(site.routes) as server:
        site.base = server.base
        url = site.feed("/africa.rss", "rss", ["/news/ruto-blinken", "/news/mudavadi-whitman"])
        first = poll_feed(url, fetcher)
        assert first.modified and first.etag and first.title == "Example News: Africa"
        assert [i.url for i in first.items] == [server.base + "/news/ruto-blinken",
                                                server.base + "/news/mudavadi-whitman"]
        again = poll_feed(url, fetcher, etag=first.etag)
        assert not again.modified and again.items == [] and again.etag == first.etag
        assert site.not_modified["/africa.rss"] == 1


def test_a_feed_that_cannot_be_fetched_is_one_error_naming_it(fetcher: Fetcher) -> None:
    with serve({}) as server:
        error = poll_feed(server.base + "/gone.rss", fetcher)
    assert str(error) == f"error: {server.base}/gone.rss: HTTP 404 Not Found"
