"""Web pages: the article's text in, the page furniture out, and what the page says about itself.

The fixture pages in tests/data/pages imitate different outlets' markup (a WordPress theme, a
React site, Ghost, Drupal, a table-layout site in windows-1252, a wire service, a French daily),
each with a header, menu, share bar, related stories, cookie notice, comments and footer;
`NAME.article.txt` lists the lines that are the article.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.document import Document, identity_hash
from dossier.pipeline import Pipeline
from dossier.sources import InputError, read_inputs
from dossier.sources.decode import NotText
from dossier.sources.html import NoArticleText, decode_html, html_document, parse_html
from dossier.sources.page_dates import url_path_date

PAGES = Path(__file__).parents[1] / "data" / "pages"
BENCHMARK = Path(__file__).parents[2] / "benchmarks" / "html_cleaning.py"
CLEANING = ("dossier.clean.metadata.v1", "dossier.clean.boilerplate.v1", "dossier.clean.repair.v1")

# Lines of each page that are not the article: menus, share bars, related stories, cookie
# notices, comments, newsletter boxes, footers.
FURNITURE = {
    "daily-courier": ["Politics", "Share on Facebook", "Cocoa farmers welcome rise in producer price",
                      "Good news, but the money must reach the institutes", "We use cookies",
                      "Advertise with us", "Independent news from Accra", "Leave a Reply",
                      "Fuel prices to fall"],
    "gulf-ledger-jsonld": ["Lifestyle", "Copy link", "More from Region", "Qatar signs new LNG",
                           "About time the navies talked more", "This site uses cookies",
                           "Sign up for the Morning Brief", "Copyright 2024", "Duqm refinery"],
    "coast-observer-dated-url": ["Podcasts", "Share this post", "Read next",
                                 "Uganda says oil pipeline", "The old bridges near Kilosa",
                                 "We use cookies", "Powered by Ghost"],
    "island-post-slug-date": ["Skip to main content", "Rugby", "Cyclone warning issued",
                              "Vinaka Australia", "We use cookies on this site", "Viber",
                              "Victoria Parade"],
    "harbour-times-1252": ["Front page", "LinkedIn", "More from Africa", "Ghana opens new cocoa",
                           "Good for Abidjan, but what about", "This website uses cookies",
                           "Port calls today", "Legal notice"],
    "capital-wire": ["Live prices", "Advertisement", "READ MORE", "Sign up here for the Africa",
                     "covers trade and agriculture", "Accept All Cookies", "Embraer delivers",
                     "Trust Principles", "All quotes delayed"],
    "le-journal-fr": ["Accueil", "Partager sur Facebook", "Le prix du riz recule",
                      "Enfin une bonne nouvelle", "Ce site utilise des cookies", "Mentions légales"],
}


def page_html(name: str) -> str:
    html, _, _ = decode_html((PAGES / f"{name}.html").read_bytes())
    return html


def read_page(name: str, **kwargs) -> Document:
    return html_document(page_html(name), id=name, source=f"{name}.html", **kwargs)


def cleaned(doc: Document) -> Document:
    return Pipeline(CLEANING)(doc)


def article_lines(name: str) -> list[str]:
    text = (PAGES / f"{name}.article.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


# ------------------------------------------------------------------ main text


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_every_article_line_is_kept_and_the_page_furniture_is_dropped(name: str) -> None:
    doc = cleaned(read_page(name))
    for line in article_lines(name):
        assert line in doc.text
    for chrome in FURNITURE[name]:
        assert chrome not in doc.text


def test_the_cleaning_benchmark_on_the_fixture_pages_holds_its_floor() -> None:
    """Every article line kept, at most 2% of the boilerplate lines left (a French byline, a
    wire's credit line): the figures in benchmarks/README.md, which may only go up."""
    run = subprocess.run([sys.executable, str(BENCHMARK), str(PAGES)], capture_output=True,
                         text=True, check=True)
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["pages"] == len(FURNITURE)
    assert summary["cleaned"]["article_kept"] == 1.0
    assert summary["cleaned"]["boilerplate_removed"] >= 0.98


def test_paragraphs_are_separated_by_blank_lines_like_a_text_file() -> None:
    doc = read_page("coast-observer-dated-url")
    assert doc.extracted.split("\n\n") == article_lines("coast-observer-dated-url")


def test_the_html_is_kept_for_audit_and_the_main_text_is_extracted() -> None:
    html = page_html("daily-courier")
    doc = html_document(html, id="p", source="p.html")
    assert doc.raw == html
    assert doc.content_hash == identity_hash("p", html)   # the page as fetched, not the text
    assert "<" not in doc.extracted and "dataLayer" not in doc.extracted
    assert doc.extracted.startswith("Ghana and Germany sign vocational training pact\n\n")


def test_a_headline_above_the_article_body_opens_the_text() -> None:
    doc = read_page("gulf-ledger-jsonld")
    assert doc.extracted.startswith("Oman and India step up maritime security talks\n\n"
                                    "Muscat and New Delhi agree")


def test_a_table_laid_out_page_does_not_glue_the_sidebar_to_the_story() -> None:
    doc = read_page("harbour-times-1252")
    assert "Abidjan: 14 vessels" not in doc.extracted
    assert "|" not in doc.extracted
    assert doc.extracted.split("\n\n") == article_lines("harbour-times-1252")


def test_inline_markup_in_a_short_fragment_does_not_split_its_sentence() -> None:
    doc = html_document("<p>President Ruto met <b>Christopher Landau</b> in <a href='/n'>Nairobi</a>.</p>",
                        id="f", source="f")
    assert doc.extracted == "President Ruto met Christopher Landau in Nairobi."


def test_the_same_page_reads_the_same_whatever_was_read_before() -> None:
    """No cache shared between pages (trafilatura's deduplication is off)."""
    first = read_page("daily-courier").extracted
    read_page("capital-wire")
    assert read_page("daily-courier").extracted == first


def test_a_page_without_article_text_is_refused() -> None:
    with pytest.raises(NoArticleText, match="no article text"):
        html_document("<html><body><script>track()</script></body></html>", id="x", source="x")


# ------------------------------------------------------------------ metadata


def test_title_author_site_name_and_canonical_url_come_from_the_page() -> None:
    doc = read_page("daily-courier")
    assert doc.title == "Ghana and Germany sign vocational training pact"
    assert doc.author == "Ama Mensah"
    assert doc.site_name == doc.outlet == "The Daily Courier"
    assert doc.url == doc.canonical_url == "https://dailycourier.example/news/ghana-germany-training-pact"


def test_json_ld_author_and_publisher() -> None:
    doc = read_page("gulf-ledger-jsonld")
    assert (doc.author, doc.site_name) == ("Leila Haddad", "The Gulf Ledger")


def test_the_url_a_page_was_fetched_from_is_its_url_and_the_outlet_given_wins() -> None:
    doc = read_page("daily-courier", url="https://dailycourier.example/news/ghana-germany-training-pact?utm_source=x",
                    outlet="Daily Courier (Accra)")
    assert doc.url.endswith("?utm_source=x")
    assert doc.outlet == "Daily Courier (Accra)" and doc.site_name == "The Daily Courier"


def test_a_canonical_link_to_the_home_page_is_ignored() -> None:
    html = page_html("daily-courier").replace(
        "https://dailycourier.example/news/ghana-germany-training-pact", "https://dailycourier.example/")
    assert html_document(html, id="p", source="p").canonical_url is None


# ------------------------------------------------------------------ publication date


def test_the_meta_tag_dates_the_page_and_is_quoted_as_evidence() -> None:
    doc = read_page("daily-courier")
    assert doc.published == date(2025, 3, 14)
    assert doc.published_evidence == "meta article:published_time: 2025-03-14T09:30:00+00:00"


def test_json_ld_date_published_dates_the_page() -> None:
    doc = read_page("gulf-ledger-jsonld")
    assert doc.published == date(2024, 11, 5)   # datePublished, not dateModified
    assert doc.published_evidence == "JSON-LD datePublished: 2024-11-05T07:15:00+04:00"


def test_a_date_starting_a_path_segment_of_the_url_dates_a_page_without_metadata() -> None:
    doc = read_page("coast-observer-dated-url")
    assert doc.published == date(2025, 3, 11)
    assert doc.published_evidence == \
        "URL: https://coastobserver.example/world/2025/03/11/tanzania-japan-rail-loan/"


def test_a_date_inside_a_slug_does_not_date_the_page() -> None:
    doc = read_page("island-post-slug-date")
    assert doc.url.endswith("fiji-australia-policing-deal-2025-03-11.html")
    assert doc.published is None and doc.published_evidence is None


def test_the_url_the_page_was_read_from_is_checked_for_a_date() -> None:
    doc = read_page("island-post-slug-date", url="https://islandpost.example/2025/03/10/fiji-police/")
    assert doc.published == date(2025, 3, 10)


@pytest.mark.parametrize("url, day", [
    ("https://x.example/world/2025/03/11/story", date(2025, 3, 11)),
    ("https://x.example/2025-03-11-story.html", date(2025, 3, 11)),
    ("https://x.example/news/20250311/story", date(2025, 3, 11)),
    ("https://x.example/news/story-2025-03-11.html", None),
    ("https://x.example/news/story_2025/03/11", None),
    ("https://x.example/2025/13/40/story", None),
    ("https://x.example/story?date=2025-03-11", None),
])
def test_url_dates_count_only_at_the_start_of_a_path_segment(url: str, day: date | None) -> None:
    assert url_path_date(url) == day


def test_a_date_later_than_the_fetch_is_refused_with_a_warning() -> None:
    html = page_html("daily-courier").replace("2025-03-14T09:30:00+00:00", "2025-06-01T09:30:00+00:00")
    doc = html_document(html, id="p", source="p",
                        fetched_at=datetime(2025, 5, 1, 12, 0, tzinfo=timezone.utc))
    assert doc.published is None
    assert doc.fetched_at == datetime(2025, 5, 1, 12, 0, tzinfo=timezone.utc)
    assert doc.warnings == ["the page's date 2025-06-01 (meta article:published_time: "
                            "2025-06-01T09:30:00+00:00) is later than the fetch; not used"]


def test_a_url_date_later_than_the_fetch_is_refused_too() -> None:
    doc = read_page("coast-observer-dated-url", fetched_at=datetime(2025, 3, 1, tzinfo=timezone.utc))
    assert doc.published is None
    assert "2025-03-11 in the URL is later than the fetch" in doc.warnings[0]


def test_when_the_page_and_its_text_disagree_the_page_wins_and_the_note_says_why() -> None:
    doc = cleaned(read_page("daily-courier"))
    assert doc.published == date(2025, 3, 14)
    assert doc.date_note == (
        "published 2025-03-14 is taken from the source's metadata (meta article:published_time: "
        "2025-03-14T09:30:00+00:00), which is preferred to the text's date line "
        "'Posted on 12 March 2025' (2025-03-12)")
    assert "Posted on" not in doc.text   # a date line is metadata, not prose


def test_an_update_line_later_than_the_pages_date_is_no_disagreement() -> None:
    html = page_html("daily-courier").replace("Posted on 12 March 2025", "Updated on 15 March 2025")
    doc = cleaned(html_document(html, id="p", source="p"))
    assert doc.published == date(2025, 3, 14) and doc.date_note is None


def test_the_texts_date_line_dates_a_page_without_metadata() -> None:
    html = page_html("daily-courier").replace('<meta property="article:published_time" '
                                              'content="2025-03-14T09:30:00+00:00">', "")
    doc = cleaned(html_document(html, id="p", source="p"))
    assert doc.published == date(2025, 3, 12)
    assert doc.published_evidence == "Posted on 12 March 2025" and doc.date_note is None


# ------------------------------------------------------------------ encodings


def test_a_windows_1252_page_declared_in_a_meta_tag_keeps_its_quotes_and_accents() -> None:
    html, encoding, sniffed = decode_html((PAGES / "harbour-times-1252.html").read_bytes())
    assert (encoding, sniffed) == ("windows-1252", False)
    doc = html_document(html, id="h", source="h")
    assert "“This terminal will make Abidjan the gateway for the whole region,” Mr Koné said" in doc.extracted
    assert doc.author == "Désiré Kouassi"


def test_an_undeclared_legacy_page_is_sniffed_and_the_reader_warns(tmp_path: Path) -> None:
    data = (PAGES / "harbour-times-1252.html").read_bytes().replace(
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b"")
    text, encoding, sniffed = decode_html(data)
    assert (encoding, sniffed) == ("windows-1252", True)
    assert "Côte d’Ivoire" in text
    (tmp_path / "harbour.html").write_bytes(data)
    (doc,) = read_inputs([str(tmp_path / "harbour.html")])
    assert isinstance(doc, Document)
    assert doc.warnings[0] == "decoded as windows-1252 (detected; the page declares no charset)"


def test_the_http_header_charset_wins_over_the_meta_tag() -> None:
    data = '<meta charset="windows-1252"><p>Café talks</p>'.encode("utf-8")
    assert decode_html(data, declared="utf-8")[:2] == ('<meta charset="windows-1252"><p>Café talks</p>', "utf-8")


def test_a_declaration_the_bytes_contradict_is_passed_over() -> None:
    data = '<meta charset="windows-1252"><p>Café talks</p>'.encode("cp1252")
    assert decode_html(data, declared="utf-8")[1:] == ("windows-1252", False)


def test_latin_1_is_read_as_windows_1252_like_browsers_do() -> None:
    data = "<p>“Agreed,” she said.</p>".encode("cp1252")
    assert decode_html(data, declared="ISO-8859-1")[0] == "<p>“Agreed,” she said.</p>"


def test_binary_data_is_not_a_page() -> None:
    with pytest.raises(NotText, match="PDF"):
        decode_html(b"%PDF-1.7 \x00\x01")


# ------------------------------------------------------------------ readers


def test_html_and_htm_files_in_a_directory_are_read_as_pages(tmp_path: Path) -> None:
    (tmp_path / "courier.html").write_bytes((PAGES / "daily-courier.html").read_bytes())
    (tmp_path / "coast.HTM").write_bytes((PAGES / "coast-observer-dated-url.html").read_bytes())
    (tmp_path / "empty.html").write_text("<html><body><script>track()</script></body></html>")
    items = list(read_inputs([str(tmp_path)]))
    docs = [d for d in items if isinstance(d, Document)]
    assert [(d.id, d.title) for d in docs] == [
        ("coast", "Tanzania and Japan sign loan for central railway upgrade"),
        ("courier", "Ghana and Germany sign vocational training pact")]
    assert [str(e) for e in items if isinstance(e, InputError)] == [
        f"error: {tmp_path / 'empty.html'}: no article text in the page"]


def test_a_page_is_exported_with_its_metadata(tmp_path: Path) -> None:
    db, out = str(tmp_path / "kb.db"), tmp_path / "export"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(PAGES / "daily-courier.html"), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    assert runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", db]).exit_code == 0
    (doc,) = map(json.loads, (out / "documents.jsonl").open())
    assert (doc["id"], doc["published"], doc["language"]) == ("daily-courier", "2025-03-14", "en")
    assert (doc["author"], doc["site_name"], doc["fetched_at"]) == ("Ama Mensah", "The Daily Courier", None)
    assert doc["date_note"].startswith("published 2025-03-14 is taken from the source's metadata")
    assert doc["text"].startswith("Ghana and Germany sign vocational training pact\n\nAccra — Ghana")
    assert "Share on Facebook" not in doc["text"]


def test_a_tag_with_100_000_attributes_keeps_its_name_only() -> None:
    """libxml2 compares each attribute with the others: such a tag took minutes to parse."""
    attributes = " ".join(f'a{i}="v"' for i in range(100_000))
    html = (f"<html><body><p {attributes}>Kenya met the United States in Nairobi on Monday.</p>"
            "<p class=\"lead\">The talks were on trade.</p></body></html>")
    paragraphs = parse_html(html).findall(".//p")
    assert [dict(p.attrib) for p in paragraphs] == [{}, {"class": "lead"}]
    doc = html_document(html, id="x", source="x.html")
    assert "Kenya met the United States in Nairobi on Monday." in doc.raw
