"""An event's topics come from the passage that tells it: its sentence and the ones after it
that say what was discussed, up to the next event; the countries, regions and bodies it names
are topics too."""
from __future__ import annotations

from datetime import date

READOUT = ("President Biden met Prime Minister Kishida of Japan at the White House on Monday.\n"
           "The leaders discussed trade, Russia's war against Ukraine, the South China Sea and "
           "NATO. They condemned North Korean missile launches.\n\n"
           "Separately, Secretary of State Antony Blinken spoke with Foreign Minister "
           "Subrahmanyam Jaishankar of India about the pandemic.")


def test_a_meeting_takes_the_topics_of_the_sentences_that_follow_it(annotate) -> None:
    doc = annotate(READOUT, published=date(2024, 4, 8))
    meeting = next(e for e in doc.events if "Kishida" in e.participants)
    assert {"trade", "missiles", "Ukraine", "Russia", "North Korea", "South China Sea",
            "NATO"} <= set(meeting.topics)
    assert "covid-19" not in meeting.topics   # the next paragraph is another event's


def test_the_next_event_keeps_its_own_passage(annotate) -> None:
    doc = annotate(READOUT, published=date(2024, 4, 8))
    call = next(e for e in doc.events if any("Blinken" in p for p in e.participants))
    assert "covid-19" in call.topics and "India" in call.topics
    assert not {"NATO", "Ukraine", "trade"} & set(call.topics)
