"""The document text with evidence marked: escaped everywhere, our own tags only."""
from __future__ import annotations

from dossier.web.highlight import marked_text


def test_spans_are_marked_with_their_anchor_and_the_text_is_escaped() -> None:
    text = 'Ruto met <b>Landau</b> <script>alert(1)</script> in Nairobi.'
    html = str(marked_text(text, [{"start": 0, "end": 4, "kind": "actor"},
                                  {"start": 9, "end": 22, "kind": "quote"}]))
    assert html.startswith('<mark id="ev-0-4" class="ev-actor" data-ev="ev-0-4">Ruto</mark> met ')
    assert ('<mark id="ev-9-22" class="ev-quote" data-ev="ev-9-22">&lt;b&gt;Landau&lt;/b&gt;</mark>'
            in html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html and "<b>" not in html


def test_overlapping_and_nested_spans_each_get_an_anchor() -> None:
    text = "President William Ruto said so."
    html = str(marked_text(text, [{"start": 0, "end": 22, "kind": "event"},
                                  {"start": 10, "end": 22, "kind": "actor"},
                                  {"start": 10, "end": 17, "kind": "actor"},
                                  {"start": 18, "end": 27, "kind": "x\" onclick=\"y"}]))
    for anchor in ("ev-0-22", "ev-10-22", "ev-10-17", "ev-18-27"):
        assert html.count(f'id="{anchor}"') == 1
    assert 'onclick="' not in html and 'class="ev-event"' in html
    assert "".join(part.split(">")[-1] for part in html.split("<")) == text
    assert 'data-ev="ev-0-22 ev-10-17 ev-10-22"' in html    # "William": inside three spans


def test_out_of_range_and_empty_spans_are_ignored() -> None:
    assert str(marked_text("a < b", [{"start": 3, "end": 3, "kind": "x"},
                                     {"start": 4, "end": 99, "kind": "x"}])) \
        == 'a &lt; <mark id="ev-4-99" class="ev-x" data-ev="ev-4-99">b</mark>'
