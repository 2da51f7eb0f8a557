"""Meetings, talks, visits and calls as one document tells them."""
from __future__ import annotations

from datetime import date

import pytest

from dossier.annotate.events import _is_trigger
from dossier.annotate.nlp import load_model
from dossier.document import Document


def event_with(doc, *names: str):
    found = [e for e in doc.events if e.type == "CONSULT" and set(names) <= set(e.participants)]
    assert len(found) == 1, [e.participants for e in doc.events]
    return found[0]


# --- seeds -------------------------------------------------------------------------------------

def test_seed_000_one_meeting_of_the_negotiating_teams(seed_docs) -> None:
    doc = seed_docs["000"]
    [event] = [e for e in doc.events if e.type == "CONSULT"]
    assert event.type == "CONSULT"
    assert set(event.participants) == {"Rebecca Miano", "Meg Whitman", "Musalia Mudavadi"}
    assert event.location == "Nairobi" and event.country == "KEN"
    assert {"trade", "investment", "agriculture", "regulation", "labor"} <= set(event.topics)
    assert any("Strategic Trade and Investment Partnership" in i for i in event.initiatives)


def test_seed_001_two_meetings_in_two_capitals(seed_docs) -> None:
    doc = seed_docs["001"]
    assert len([e for e in doc.events if e.type == "CONSULT"]) == 2
    washington = event_with(doc, "Antony Blinken")
    assert set(washington.participants) == {"Musalia Mudavadi", "Antony Blinken"}
    assert washington.country == "USA" and washington.location.startswith("Washington")
    # "on Thursday" with no publication date: the weekday is kept, the day is not guessed.
    assert washington.date.weekday == 3 and washington.date.earliest is None
    assert {"security", "conflict", "logistics"} <= set(washington.topics)
    nairobi = event_with(doc, "Meg Whitman")
    assert set(nairobi.participants) == {"Rebecca Miano", "Meg Whitman", "Musalia Mudavadi"}
    assert nairobi.location == "Nairobi" and nairobi.country == "KEN"
    assert nairobi.date.precision == "week"   # "This emerged this week in Nairobi"


def test_seed_002_unnamed_official_meets_rubio_and_intended_visit_is_no_event(seed_docs) -> None:
    doc = seed_docs["002"]
    # "expressed his intention to visit Kenya in the near future" is not a meeting in Kenya.
    [event] = [e for e in doc.events if e.type == "CONSULT"]
    assert "Marco Rubio" in event.participants
    assert any(p.startswith("role:Prime Cabinet Secretary") for p in event.participants)
    assert event.country == "USA" and event.location.startswith("Washington")
    assert "Kenya–U.S. Free Trade Agreement" in event.initiatives


def test_seed_003_talks_on_january_29_at_state_house(seed_docs) -> None:
    [event] = [e for e in seed_docs["003"].events if e.type == "CONSULT"]
    assert set(event.participants) == {"William Ruto", "Christopher Landau"}
    assert event.date.exact == date(2026, 1, 29)
    assert "Nairobi" in event.location and event.country == "KEN"
    assert {"trade", "health", "security", "terrorism", "humanitarian"} <= set(event.topics)
    assert "African Growth and Opportunity Act" in event.initiatives


def test_seed_004_talks_at_state_house_nairobi(seed_docs) -> None:
    [event] = [e for e in seed_docs["004"].events if e.type == "CONSULT"]
    assert set(event.participants) == {"William Ruto", "Christopher Landau"}
    assert event.location == "State House, Nairobi" and event.country == "KEN"
    assert event.date.weekday == 3
    assert {"trade", "health", "security", "terrorism", "humanitarian"} <= set(event.topics)
    assert event.summary.startswith("President William Ruto on Thursday held talks")


def test_event_evidence_is_sentences_of_the_document(seed_docs) -> None:
    for doc in seed_docs.values():
        for event in doc.events:
            assert event.evidence
            for span in event.evidence:
                assert span in doc.sentences


# --- other outlets, other countries ------------------------------------------------------------

def test_nigeria_uk_meeting_in_london(annotate) -> None:
    doc = annotate("ABUJA — Foreign Minister Yusuf Tuggar met British Foreign Secretary David Lammy "
                   "in London on Tuesday to discuss trade and security.",
                   published=date(2024, 10, 15))
    [event] = [e for e in doc.events if e.type == "CONSULT"]
    assert set(event.participants) == {"Yusuf Tuggar", "David Lammy"}
    # Filed from Abuja, but the meeting was in London.
    assert event.location == "London" and event.country == "GBR"
    assert event.date.exact == date(2024, 10, 15)
    assert {"trade", "security"} <= set(event.topics)


def test_india_japan_talks_and_visit_are_one_event(annotate) -> None:
    doc = annotate("NEW DELHI — Japanese Prime Minister Shigeru Ishiba held talks with Indian Prime "
                   "Minister Narendra Modi in Tokyo on Friday. Modi is on a two-day visit to Japan. "
                   "The two leaders discussed semiconductor supply chains, defence cooperation and "
                   "the Mumbai-Ahmedabad high-speed railway.", published=date(2025, 8, 30))
    [event] = [e for e in doc.events if e.type == "CONSULT"]
    assert set(event.participants) == {"Shigeru Ishiba", "Narendra Modi"}
    assert event.location == "Tokyo" and event.country == "JPN"
    assert event.date.exact == date(2025, 8, 29)
    assert event.mode == "visit"
    assert {"military", "logistics", "infrastructure"} <= set(event.topics)


def test_phone_call_has_phone_mode(annotate) -> None:
    held = annotate("Ethiopian Prime Minister Abiy Ahmed held a phone call with Chinese President Xi "
                    "Jinping on Wednesday. The two leaders discussed debt relief and infrastructure "
                    "financing.", published=date(2024, 3, 6))
    [event] = [e for e in held.events if e.type == "CONSULT"]
    assert event.mode == "phone"
    assert set(event.participants) == {"Abiy Ahmed", "Xi Jinping"}
    assert event.date.exact == date(2024, 3, 6)
    called = annotate("Chinese President Xi Jinping called Ethiopian Prime Minister Abiy Ahmed on "
                      "Wednesday to discuss debt relief.", published=date(2024, 3, 6))
    [event] = [e for e in called.events if e.type == "CONSULT"]
    assert event.mode == "phone"
    assert set(event.participants) == {"Abiy Ahmed", "Xi Jinping"}


def test_planned_visit_and_invitation_are_not_events(annotate) -> None:
    doc = annotate("ADDIS ABABA — Ethiopian Prime Minister Abiy Ahmed met Chinese Foreign Minister "
                   "Wang Yi in Addis Ababa on Monday. Wang Yi invited Abiy Ahmed to visit Beijing "
                   "later this year. Abiy Ahmed is expected to meet President Xi Jinping at a summit "
                   "in Beijing in September.", published=date(2024, 3, 6))
    [event] = [e for e in doc.events if e.type == "CONSULT"]
    assert set(event.participants) == {"Abiy Ahmed", "Wang Yi"}
    assert event.location == "Addis Ababa" and event.country == "ETH"
    assert event.date.exact == date(2024, 3, 4)
    # planned meetings are at most promises (AGREE, per the codebook), never meetings
    assert all("Xi Jinping" not in e.participants for e in doc.events if e.type == "CONSULT")
    assert all(e.country != "CHN" for e in doc.events if e.type == "CONSULT")


def test_will_visit_is_not_an_event(annotate) -> None:
    doc = annotate("ADDIS ABABA — Ethiopian Prime Minister Abiy Ahmed met Chinese Foreign Minister "
                   "Wang Yi in Addis Ababa on Monday. Abiy Ahmed will visit Beijing next month, "
                   "where he plans to meet President Xi Jinping.", published=date(2024, 3, 6))
    assert [set(e.participants) for e in doc.events if e.type == "CONSULT"] == [
        {"Abiy Ahmed", "Wang Yi"}]


def test_same_people_on_two_days_are_two_events(annotate) -> None:
    doc = annotate("NEW DELHI — Indian Prime Minister Narendra Modi met Japanese Prime Minister "
                   "Shigeru Ishiba in Tokyo on Friday. Modi and Ishiba met again on Saturday in "
                   "Hiroshima.", published=date(2025, 8, 31))
    assert len(doc.events) == 2
    days = sorted(e.date.exact for e in doc.events)
    assert days == [date(2025, 8, 29), date(2025, 8, 30)]
    by_day = {e.date.exact: e for e in doc.events}
    assert by_day[date(2025, 8, 29)].location == "Tokyo"
    assert by_day[date(2025, 8, 30)].location == "Hiroshima"
    for e in doc.events:
        assert set(e.participants) == {"Narendra Modi", "Shigeru Ishiba"}


def test_role_only_participant_resolved_in_document(annotate) -> None:
    doc = annotate("ABUJA — Nigeria's Foreign Minister Yusuf Tuggar met the British High Commissioner "
                   "Richard Montgomery on Monday. Later, Nigeria's Foreign Minister told reporters "
                   "the meeting was productive.", published=date(2024, 10, 14))
    [event] = [e for e in doc.events if e.type == "CONSULT"]
    # The second sentence's "Nigeria's Foreign Minister" is Tuggar, not a third participant.
    assert set(event.participants) == {"Yusuf Tuggar", "Richard Montgomery"}
    assert len(event.evidence) == 2


def test_leaders_who_spoke_together_held_a_call(annotate) -> None:
    doc = annotate("Today, President Joseph R. Biden of the United States, President Emmanuel Macron "
                   "of France, and Prime Minister Rishi Sunak of the United Kingdom spoke regarding "
                   "the conflict.", published=date(2023, 10, 22))
    calls = [e for e in doc.events if e.type == "CONSULT"]
    assert len(calls) == 1
    assert {"Joseph R. Biden", "Emmanuel Macron", "Rishi Sunak"} <= set(calls[0].participants)
    assert calls[0].date.exact == date(2023, 10, 22)


def test_a_background_attack_told_in_a_readout_does_not_take_the_meeting_s_day(annotate) -> None:
    doc = annotate("National Security Advisor Jake Sullivan of the United States met today with Foreign "
                   "Minister Dmytro Kuleba of Ukraine at the White House. They discussed Russia’s "
                   "renewed aerial attacks on Ukraine’s energy infrastructure.",
                   published=date(2024, 8, 30))
    for e in doc.events:
        if e.type == "ASSAULT":
            assert not (e.date and e.date.exact) and e.location is None


def test_unnamed_delegations_bring_their_countries_to_a_meeting(annotate) -> None:
    doc = annotate("Today at the White House, National Security Advisor Phil Gordon hosted diplomatic "
                   "representatives from Argentina, Canada and Peru to discuss the situation in "
                   "Venezuela.", published=date(2024, 8, 2))
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    assert {"Phil Gordon", "country:ARG", "country:CAN", "country:PER"} <= set(meeting.participants)
    assert "country:VEN" not in meeting.participants   # what was discussed
    assert meeting.date.exact == date(2024, 8, 2) and meeting.location == "White House"


def test_welcoming_a_leader_is_a_meeting_and_welcoming_a_decision_is_not(annotate) -> None:
    doc = annotate("Today, President Biden of the United States welcomed Prime Minister Kishida Fumio "
                   "of Japan to the White House.", published=date(2024, 4, 10))
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    assert (meeting.date.exact, meeting.location) == (date(2024, 4, 10), "White House")
    doc = annotate("President Biden of the United States welcomed the decision of Prime Minister "
                   "Kishida of Japan to raise defense spending.", published=date(2024, 4, 10))
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_a_meeting_takes_the_day_attached_to_it_not_the_day_of_the_report_about_it(annotate) -> None:
    doc = annotate("In an exclusive interview this morning, President Donald J. Trump of the United "
                   "States provided an inside look at yesterday’s historic peace summit with "
                   "Ukrainian President Volodymyr Zelenskyy.", published=date(2025, 8, 19))
    summit = next(e for e in doc.events if e.type == "CONSULT")
    assert summit.date.exact == date(2025, 8, 18)


def test_words_said_at_a_meeting_are_of_its_day_whatever_day_they_name(annotate) -> None:
    doc = annotate("President Biden of the United States spoke this morning with Prime Minister "
                   "Netanyahu of Israel. He condemned unequivocally Iran’s ballistic missile attack "
                   "against Israel on October 1.", published=date(2024, 10, 9))
    said = [e for e in doc.events if e.type == "ACCUSE"]
    assert said and said[0].date.exact == date(2024, 10, 9)


def test_a_call_made_during_a_summit_is_an_event_of_its_own(annotate):
    doc = annotate("In an interview this morning, President Donald J. Trump provided an inside look at "
                   "yesterday’s historic White House peace summit with Ukrainian President Volodymyr "
                   "Zelenskyy. Trump said he called Russian President Vladimir Putin to set up a "
                   "meeting.", published=date(2025, 8, 19))
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    summit = next(e for e in meetings if "Volodymyr Zelenskyy" in e.participants)
    assert summit.location == "White House", "a venue can name the meeting"
    assert "Vladimir Putin" not in summit.participants
    call = next(e for e in meetings if "Vladimir Putin" in e.participants)
    assert call.mode == "phone" and call.location is None


def test_a_readout_headlined_as_a_call_tells_of_a_call_not_of_the_trip_it_recalls(full_pipeline):
    doc = full_pipeline(Document(
        id="readout", source="readout", published=date(2022, 6, 8),
        title="Readout of President Biden’s Call with President Andrzej Duda of Poland",
        raw="President Joseph R. Biden, Jr. spoke today with President Andrzej Duda of Poland. "
            "Following President Biden’s trip to Poland in March, the leaders reaffirmed their "
            "shared commitment to further strengthening our bilateral security cooperation."))
    call = next(e for e in doc.events if e.type == "CONSULT" and "Andrzej Duda" in e.participants)
    assert call.mode == "phone" and call.location is None
    assert call.date.exact == date(2022, 6, 8)


def test_a_press_call_about_a_meeting_is_no_call_between_leaders(annotate):
    doc = annotate("Thank you for joining our background press call to preview President Biden’s "
                   "upcoming meeting with President López Obrador of Mexico.",
                   published=date(2022, 7, 11))
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_speaking_to_a_leader_is_a_call_of_that_day(annotate):
    doc = annotate("Vice President Kamala Harris spoke today to President Isaac Herzog of Israel on "
                   "her flight to Washington, D.C., from Dubai. The Vice President reiterated the "
                   "strong U.S. support for Israel.", published=date(2023, 12, 3))
    call = event_with(doc, "Kamala Harris", "Isaac Herzog")
    assert call.date.exact == date(2023, 12, 3)


def test_a_meeting_that_will_be_hosted_has_not_happened(annotate):
    doc = annotate("The U.S.-Caribbean Leaders Meeting will be co-hosted by the Vice President and "
                   "Prime Minister Philip Davis of The Commonwealth of The Bahamas, current chair of "
                   "the Caribbean Community.", published=date(2023, 5, 25))
    assert not [e for e in doc.events if e.type == "CONSULT"]
    assert "Caribbean Community" not in {p.name for p in doc.people}, "a body, not a person"


def test_someone_joined_by_as_well_as_takes_part(annotate):
    doc = annotate("President Joseph R. Biden, Jr. met today with the Bucharest Nine (B9) group of our "
                   "eastern flank NATO Allies as well as NATO Secretary General Jens Stoltenberg to "
                   "underscore the U.S. commitment to Transatlantic security.",
                   published=date(2023, 2, 22))
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    assert meeting.participants == ["Jens Stoltenberg", "Joseph R. Biden"]
    assert meeting.date.exact == date(2023, 2, 22)


def test_those_whose_decision_led_to_a_meeting_did_not_meet(annotate):
    doc = annotate("In line with the historic decision by President Joseph R. Biden, Jr. and President "
                   "Yoon Suk Yeol to establish the Nuclear Consultative Group (NCG), the national "
                   "security authorities of the United States and the Republic of Korea launched the "
                   "inaugural meeting of the NCG on July 18, 2023, in Seoul. The NCG will be an "
                   "enduring mechanism. The inaugural NCG meeting was convened by Dr. Kim Tae-hyo, "
                   "Principal Deputy National Security Advisor of the ROK, and Dr. Kurt Campbell, "
                   "Coordinator for the Indo-Pacific at the U.S. National Security Council.",
                   published=date(2023, 7, 18))
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    assert set(meeting.participants) == {"Kim Tae-hyo", "Kurt Campbell"}
    assert (meeting.date.exact, meeting.location) == (date(2023, 7, 18), "Seoul")


@pytest.mark.parametrize("sentence, is_call", [
    ("Recalling the Agreement’s call to pursue efforts to limit warming, they will work together.",
     False),
    ("The G7 welcomed calls for restraint.", False),
    ("President Biden’s call with Prime Minister Trudeau was warm.", True),
    ("In their call, the leaders discussed trade.", True),
])
def test_a_call_is_a_phone_call_only_when_someone_makes_it(sentence: str, is_call: bool) -> None:
    call = next(t for t in load_model()(sentence) if t.lower_ in ("call", "calls"))
    assert (_is_trigger(call) is not False) == is_call


def test_a_call_in_a_month_the_parser_hangs_on_another_verb_is_in_that_month(annotate):
    doc = annotate("On Monday, December 5, National Security Advisor Jake Sullivan will travel to "
                   "Brasilia, Brazil, to meet with President-elect Lula da Silva. The meetings follow "
                   "President Biden’s call with President-elect Lula in October 2022, where the "
                   "President committed to keeping open channels of communication between the two "
                   "countries.", published=date(2022, 12, 2))
    call = next(e for e in doc.events if e.type == "CONSULT")
    assert "Lula da Silva" in call.participants
    assert (call.date.earliest, call.date.latest) == (date(2022, 10, 1), date(2022, 10, 31))
