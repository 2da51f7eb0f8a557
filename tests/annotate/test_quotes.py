"""Quotations and who said them."""
from __future__ import annotations

from datetime import date


def speaker_of(doc, starts: str) -> str | None:
    [quote] = [q for q in doc.quotes if q.text.startswith(starts)]
    return quote.speaker


def test_seed_000_quotes_are_miano_including_she_said(seed_docs) -> None:
    doc = seed_docs["000"]
    assert speaker_of(doc, "Our goal is to foster economic prosperity") == "Rebecca Miano"
    assert speaker_of(doc, "The ongoing negotiations signify") == "Rebecca Miano"
    # '"The anticipated outcomes go beyond ...," she said.' follows a paragraph about Miano.
    assert speaker_of(doc, "The anticipated outcomes") == "Rebecca Miano"
    assert len(doc.quotes) == 3


def test_seed_001_mismatched_quote_marks_and_two_speakers(seed_docs) -> None:
    doc = seed_docs["001"]
    # Opened with “ and closed with ": still one quote, by Mudavadi.
    assert speaker_of(doc, "I held a constructive meeting") == "Musalia Mudavadi"
    assert speaker_of(doc, "We appreciate Kenya") == "Antony Blinken"
    # '"These initiatives will facilitate ...," he said.' after "He also said Washington ..."
    assert speaker_of(doc, "These initiatives will facilitate") == "Musalia Mudavadi"


def test_seed_003_speaker_named_after_the_quote_with_title(seed_docs) -> None:
    assert speaker_of(seed_docs["003"], "During his two-day visit to Kenya") == "William Ruto"


def test_seed_004_pull_quote_line_followed_by_speaker_line(seed_docs) -> None:
    # A bare line of speech, then "President Ruto" glued to the next sentence by the scraper.
    assert speaker_of(seed_docs["004"], "This agreement is a clear demonstration") == "William Ruto"


def test_seed_002_has_no_quotes(seed_docs) -> None:
    assert seed_docs["002"].quotes == []


def test_quote_spans_quote_the_text(seed_docs) -> None:
    for doc in seed_docs.values():
        for q in doc.quotes:
            assert q.span.text_in(doc.text).strip() == q.text


def test_said_before_and_after_the_name(annotate) -> None:
    doc = annotate("Japanese Prime Minister Shigeru Ishiba held talks with Indian Prime Minister "
                   "Narendra Modi in Tokyo on Friday.\n"
                   "\u201cJapan and India share a vision of a free and open Indo-Pacific,\u201d said "
                   "Ishiba.\n"
                   "\u201cWe agreed to expand cooperation on semiconductors and clean energy,\u201d Modi "
                   "said, adding that India welcomed Japanese investment.\n",
                   published=date(2025, 8, 30))
    assert speaker_of(doc, "Japan and India share") == "Shigeru Ishiba"
    assert speaker_of(doc, "We agreed to expand") == "Narendra Modi"


def test_attribution_introducing_the_quote(annotate) -> None:
    doc = annotate("LONDON — British Foreign Secretary David Lammy met Nigerian Foreign Minister "
                   "Yusuf Tuggar on Tuesday.\nLammy said: \"Britain stands ready to support "
                   "Nigeria's economic reforms this year.\"", published=date(2024, 10, 15))
    assert speaker_of(doc, "Britain stands ready") == "David Lammy"


def test_pronoun_goes_to_the_person_last_named(annotate) -> None:
    doc = annotate("LONDON — British Foreign Secretary David Lammy met Nigerian Foreign Minister "
                   "Yusuf Tuggar on Tuesday.\nTuggar said Nigeria wanted more British investment in "
                   "its ports.\n\"We are open for business and we want partners who stay for the "
                   "long term,\" he said.", published=date(2024, 10, 15))
    assert speaker_of(doc, "We are open for business") == "Yusuf Tuggar"


def test_unnamed_spokesperson_is_not_given_a_name(annotate) -> None:
    doc = annotate("Kenyan President William Ruto met Chinese President Xi Jinping in Beijing on "
                   "Friday. \"This is a new chapter for our two nations and our peoples,\" a "
                   "government spokesperson said.", published=date(2024, 10, 18))
    assert speaker_of(doc, "This is a new chapter") is None


def test_pull_quote_with_speaker_line(annotate) -> None:
    doc = annotate("Ethiopian Prime Minister Abiy Ahmed held a phone call with Chinese President Xi "
                   "Jinping on Wednesday.\n"
                   "China will always be a reliable partner for Ethiopia and its people\n"
                   "Xi Jinping\n"
                   "The statement did not give details.", published=date(2024, 3, 6))
    assert speaker_of(doc, "China will always be a reliable partner") == "Xi Jinping"
    # The ordinary sentence after the speaker line is not a quote.
    assert not any(q.text.startswith("The statement") for q in doc.quotes)
