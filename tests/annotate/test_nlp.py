"""Sentences: where the parser alone would cut them wrong."""
from __future__ import annotations

from dossier.annotate.nlp import load_model


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
