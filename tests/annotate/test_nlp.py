"""Sentences: where the parser alone would cut them wrong."""
from __future__ import annotations

from dossier.annotate.nlp import load_model, parse, pieces, readable


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load_model()(text).sents]


def test_a_sentence_starts_only_after_what_can_end_one() -> None:
    text = ("National Security Advisor Jake Sullivan met today with Republic of Korea 1st Vice "
            "Foreign Minister Cho Hyundong and Vice Defense Minister Shin Beomchul. They "
            "discussed the alliance.")
    assert sentences(text) == [text[:text.index(" They")], "They discussed the alliance."]


def test_an_abbreviated_title_and_a_line_break() -> None:
    assert len(sentences("It was signed by the Minister of Foreign Affairs, Amb. Yusuf Tuggar, "
                         "in London.")) == 1
    assert sentences("Kenya and the US\nTalks resumed today.") == ["Kenya and the US",
                                                                  "Talks resumed today."]


def test_runs_of_symbols_and_overlong_words_are_blanked_for_the_model() -> None:
    text = "Kenya met Uganda!!!!!!!! Then " + "x" * 300 + " ended ----- here..."
    seen = readable(text)
    assert len(seen) == len(text)
    assert seen.startswith("Kenya met Uganda!!!      Then ")
    assert "x" not in seen and seen.endswith(" ended ---   here...")


def test_a_long_text_is_read_in_pieces_with_the_offsets_of_the_whole() -> None:
    text = "\n\n".join(f"President Ruto of Kenya met President Museveni of Uganda in Kampala on "
                       f"day {i}. They discussed trade." for i in range(12))
    assert "".join(pieces(text, 300)) == text and len(pieces(text, 300)) > 3
    whole, pieced = parse(text), parse(text, size=300)
    assert pieced.text == text
    assert [(s.start_char, s.end_char) for s in pieced.sents] == \
        [(s.start_char, s.end_char) for s in whole.sents]
    assert [(e.start_char, e.end_char, e.label_) for e in pieced.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in whole.ents]
