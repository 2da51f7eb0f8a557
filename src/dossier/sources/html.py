"""Web pages as documents: the article's main text and what the page says about itself.

One function, `html_document`, turns a page into a `Document` for every reader that meets HTML
(.html files, `html` fields of JSON Lines records, fetched URLs), so a page reads the same
whichever way it came in. trafilatura finds the main text, leaving out navigation, share bars,
related-story lists, cookie notices, comments and footers, and reads the title, author, site
name and canonical URL; the publication date comes from `page_dates`.

The HTML itself stays in `doc.raw`: it is what was read, so it is what is hashed and stored, and
an extraction can be checked against it later. The main text goes to `doc.extracted`, where the
cleaning stage starts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import DEFAULT_CONFIG

from dossier.document import Document
from dossier.sources.decode import decode_html
from dossier.sources.page_dates import page_date

__all__ = ["NoArticleText", "Page", "decode_html", "extract_page", "html_document", "parse_html"]

SHORT_PAGE_CHARS = DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE")
"""Below this much visible text, trafilatura's default mode falls back to its baseline."""

_HAS_DOCUMENT = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_BLOCKS_IN_TABLE = "//table[.//p or .//h1 or .//h2 or .//h3 or .//article or .//table]"


class NoArticleText(ValueError):
    """The page holds no text to read as an article; `reason` is phrased for the user."""

    @property
    def reason(self) -> str:
        return str(self.args[0])


@dataclass
class Page:
    """What trafilatura found in a page."""

    text: str  # paragraphs separated by blank lines, as in a text file
    title: str | None
    author: str | None
    site_name: str | None
    canonical_url: str | None


def html_document(html: str, *, id: str, source: str, url: str | None = None,
                  fetched_at: datetime | None = None, outlet: str | None = None) -> Document:
    """A page as a document: `raw` is the HTML, `extracted` its main text.

    `url` is where the page was read from (None for a saved file, whose canonical link then
    stands in); `fetched_at` bounds its publication date. Raises `NoArticleText` for a page
    with no main text.
    """
    tree = parse_html(html)
    page = extract_page(tree, url)
    latest = fetched_at.date() if fetched_at else date.today()
    found, warnings = page_date(tree, url or page.canonical_url, latest,
                                "the fetch" if fetched_at else "today")
    return Document(
        id=id, source=source, raw=html, extracted=page.text,
        url=url or page.canonical_url, title=page.title, outlet=outlet or page.site_name,
        published=found.day if found else None,
        published_evidence=found.evidence if found else None,
        author=page.author, site_name=page.site_name, fetched_at=fetched_at,
        canonical_url=page.canonical_url, warnings=warnings,
    )


# A start tag of thousands of characters is a page built to hurt (libxml2 checks each attribute
# against the others: 100,000 attributes on one paragraph took minutes); it keeps its name only.
_LONG_TAG = re.compile(r"<([A-Za-z][\w:-]*)[^<>]{4000,}>")


def parse_html(html: str) -> HtmlElement:
    """The page's element tree, with layout tables opened up.

    A bare fragment ("<p>...</p>", as JSON Lines dumps often hold) is wrapped in a body first:
    trafilatura takes a lone block for something that is not HTML.
    """
    if not _HAS_DOCUMENT.search(html[:4096]):
        html = f"<html><body><div>{html}</div></body></html>"
    tree = trafilatura.load_html(_LONG_TAG.sub(r"<\1>", html))
    if tree is None:
        raise NoArticleText("not an HTML page")
    _open_layout_tables(tree)
    return tree


def _open_layout_tables(tree: HtmlElement) -> None:
    """Turn tables that hold headings or paragraphs into plain blocks.

    Older sites lay out the whole page in a table (masthead, story, sidebar in cells);
    trafilatura reads a table as data and would glue story and sidebar into one row of text.
    A data table (cells of words and figures) is left alone.
    """
    for table in tree.xpath(_BLOCKS_IN_TABLE):
        for element in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th")]:
            element.tag = "div"


def extract_page(tree: HtmlElement, url: str | None = None) -> Page:
    """The main text and metadata of a parsed page; raises `NoArticleText` when there is none.

    A page with little text (a fragment from a JSON Lines dump) is read in trafilatura's
    precision mode: in its default mode a short result is "rescued" by a baseline that cuts a
    paragraph at every inline tag ("President Tinubu met" / "Keir Starmer" / ".").
    """
    short = len(trafilatura.html2txt(tree)) < SHORT_PAGE_CHARS
    result = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_precision=short,
        deduplicate=False,  # trafilatura's cache would make the output depend on earlier pages
    )
    text = getattr(result, "text", None) or ""
    paragraphs = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if not paragraphs:
        raise NoArticleText("no article text in the page")
    headline = _headline(tree, result.title)
    if headline and headline not in paragraphs:
        paragraphs.insert(0, headline)
    return Page(
        text="\n\n".join(paragraphs),
        title=result.title or None,
        author=result.author or None,
        site_name=result.sitename or None,
        canonical_url=_usable_canonical(result.url),
    )


def _headline(tree: HtmlElement, title: str | None) -> str | None:
    """The page's one <h1> when it is the article's title, so that the text opens with its
    headline as a text file would: trafilatura leaves out an <h1> that sits above the body.
    An <h1> that differs from the title is a site name or a section, and is not taken."""
    headings = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    return headings[0] if title and headings == [" ".join(title.split())] else None


def _usable_canonical(link: str | None) -> str | None:
    """The page's canonical URL, unless it names a site's home page (a misconfigured CMS gives
    every article that link, and copies are matched by canonical URL)."""
    if not link or not link.startswith(("http://", "https://")):
        return None
    return link if urlsplit(link).path.strip("/") else None
