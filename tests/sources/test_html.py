"""The stand-in HTML extractor: article paragraphs in, page furniture out."""
from __future__ import annotations

from dossier.sources.html import html_to_text


def test_paragraphs_headings_lists_and_quotes_are_kept_as_blocks() -> None:
    page = html_to_text(
        "<h2>Talks</h2><p>Line one<br>line two</p><ul><li>Trade</li><li>Security</li></ul>"
        "<blockquote>“We agreed,” he said.</blockquote>"
    )
    assert page.text == "Talks\n\nLine one line two\n\nTrade\n\nSecurity\n\n“We agreed,” he said."


def test_boilerplate_containers_are_dropped() -> None:
    page = html_to_text(
        "<header><p>Subscribe now</p></header><aside><p>Related: ...</p></aside>"
        "<p>Kenya and the US met.</p><footer><p>All rights reserved</p></footer>"
        "<noscript><p>Enable JavaScript</p></noscript>"
    )
    assert page.text == "Kenya and the US met."


def test_page_without_paragraphs_falls_back_to_visible_text() -> None:
    page = html_to_text("<div>Ruto met   Landau</div><div>at State House.</div><script>x()</script>")
    assert page.text == "Ruto met Landau at State House."
    assert page.title is None


def test_title_falls_back_to_first_h1() -> None:
    assert html_to_text("<h1>Kenya &amp; US</h1><p>Text.</p>").title == "Kenya & US"
