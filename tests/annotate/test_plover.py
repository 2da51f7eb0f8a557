"""PLOVER event types, actors, plans and negation on short news sentences."""
from __future__ import annotations

import pytest

from dossier.annotate.nlp import load_model
from dossier.annotate.plover import PloverMention, classify


def mentions(text: str) -> list[PloverMention]:
    parsed = load_model()(text)
    return [m for sent in parsed.sents for m in classify(sent)]


def first(text: str) -> PloverMention:
    found = mentions(text)
    assert found, f"no event in {text!r}"
    return found[0]


def words(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize("text, expected", [
    ("Kenyan President William Ruto held talks with US Secretary of State Antony Blinken in "
     "Nairobi on Thursday.", "CONSULT"),
    ("The United States pledged $100 million in humanitarian aid to Kenya to help families "
     "hit by floods.", "AGREE"),
    ("Kenya and the United States signed a defence cooperation agreement on Friday.", "SUPPORT"),
    ("Ruto praised the United States for its support in the fight against al-Shabaab.",
     "SUPPORT"),
    ("Ruto urged Washington to support Kenya's bid for a seat on the Security Council.",
     "REQUEST"),
    ("The US Agency for International Development provided 50,000 tonnes of food to "
     "drought-stricken regions of northern Kenya.", "AID"),
    ("Kenyan and American troops began joint military exercises near Lamu on Monday.",
     "COOPERATE"),
    ("The government lifted the curfew in the capital.", "CONCEDE"),
    ("The minister resigned on Friday after weeks of pressure.", "RETREAT"),
    ("Somalia accused Kenya of interfering in its internal affairs.", "ACCUSE"),
    ("Kenya rejected calls by Western donors to delay the vote.", "REJECT"),
    ("Al-Shabaab threatened to attack Kenyan forces in Somalia.", "THREATEN"),
    ("Thousands of teachers went on strike on Monday over unpaid salaries.", "PROTEST"),
    ("Washington imposed sanctions on two Kenyan officials over corruption.", "SANCTION"),
    ("Kenya deployed 400 police officers to Haiti.", "MOBILIZE"),
    ("Police arrested 30 protesters in Nairobi.", "COERCE"),
    ("Gunmen killed three police officers in an ambush near the Somali border.", "ASSAULT"),
])
def test_main_event_type(text: str, expected: str) -> None:
    assert first(text).codebook_type == expected


def test_dismay_voiced_in_the_passive_disapproves_of_the_act_it_names() -> None:
    text = "The United States is alarmed by the Burmese security forces’ violence against protesters."
    m = first(text)
    assert (m.type, m.mode) == ("ACCUSE", "disapprove")
    assert words(text, m.source) == "United States"
    assert "Burmese" in words(text, m.target)
    assert mentions("The attack alarmed officials in Nairobi.")[0].type != "ACCUSE"


def test_two_leaders_launching_a_partnership_cooperate() -> None:
    text = "Today, Presidents Biden and Lula launched the Partnership for Workers' Rights."
    m = first(text)
    assert m.codebook_type == "COOPERATE"
    assert "Biden" in words(text, m.source)
    assert "COOPERATE" not in {m.type for m in mentions("Kenya launched a new satellite.")}


def test_a_strike_by_forces_is_an_assault_on_its_target_and_a_walkout_is_not() -> None:
    text = "We discussed the strike that U.S. forces took last night against ISIS-K in Afghanistan."
    m = next(m for m in mentions(text) if m.type == "ASSAULT")
    assert words(text, m.source) == "U.S. forces" and "ISIS-K" in words(text, m.target)
    assert first("The teachers' strike entered its third week.").type == "PROTEST"


def test_looking_forward_to_working_with_someone_is_an_agreement_to() -> None:
    text = "I look forward to working with Prime Minister Bennett of Israel."
    m = first(text)
    assert (m.codebook_type, words(text, m.source)) == ("AGREE", "I")
    assert "Bennett" in words(text, m.target)


def test_money_to_help_a_country_names_it_and_meeting_a_target_is_no_agreement() -> None:
    text = ("Canada also intends to provide $3.5 million to help Fiji and Samoa reduce methane "
            "emissions and achieve their Paris Agreement targets.")
    assert [(m.codebook_type, words(text, m.source), words(text, m.target))
            for m in mentions(text)] == [("AGREE", "Canada", "Fiji and Samoa")]


def test_a_cancelled_trip_names_the_country_it_was_to() -> None:
    text = "President Biden made the decision to cancel his upcoming trip to Italy."
    m = first(text)
    assert (m.codebook_type, m.mode) == ("REJECT", "meet")
    assert words(text, m.target) == "Italy"


def test_a_thing_that_allows_enables_and_concedes_nothing() -> None:
    assert mentions("They announced a joint investment that will allow Mexico and the United States "
                    "to address the root causes of migration.") == []
    assert first("Israel allowed aid trucks to enter Gaza.").type == "CONCEDE"


def test_reporting_clause_does_not_hide_the_event() -> None:
    m = first("Kenya and Uganda will hold talks on the border dispute next week, officials said.")
    assert (m.type, m.planned, m.codebook_type) == ("CONSULT", True, "AGREE")


def test_visitor_is_the_actor_and_the_place_visited_the_recipient() -> None:
    text = "Prime Cabinet Secretary Musalia Mudavadi visited Washington last week."
    m = first(text)
    assert (m.type, m.mode) == ("CONSULT", "visit")
    assert words(text, m.source) == "Prime Cabinet Secretary Musalia Mudavadi"
    assert words(text, m.target) == "Washington"


def test_host_is_the_recipient_of_a_visit() -> None:
    text = "Biden hosted Ruto at the White House on Thursday."
    m = first(text)
    assert (m.type, m.mode) == ("CONSULT", "visit")
    assert (words(text, m.source), words(text, m.target)) == ("Ruto", "Biden")


def test_meeting_without_a_host_lists_every_participant_as_actor() -> None:
    text = "Talks between Ethiopia and Egypt over the dam collapsed on Tuesday."
    m = first(text)
    assert m.type == "CONSULT"
    assert words(text, m.source) == "Ethiopia and Egypt"
    assert m.target is None


def test_talks_name_the_other_side_as_recipient() -> None:
    text = ("Kenyan President William Ruto held talks with US Secretary of State Antony Blinken "
            "in Nairobi on Thursday.")
    m = first(text)
    assert words(text, m.source) == "Kenyan President William Ruto"
    assert words(text, m.target) == "US Secretary of State Antony Blinken"
    assert load_model()(text)[m.trigger].text == "talks"
    assert "diplomatic" in m.context


def test_phone_call_mode() -> None:
    m = first("The president spoke by phone with his Tanzanian counterpart on Sunday.")
    assert (m.type, m.mode) == ("CONSULT", "phone")


@pytest.mark.parametrize("text", [
    "President Ruto will visit Washington next month for a state visit, the White House said.",
    "Blinken is expected to meet Kenyan officials on Monday.",
    "Japan plans to send a trade delegation to Nairobi in March.",
    "Ruto's state visit to the United States is scheduled for May.",
    "Museveni announced his intention to visit Nairobi in June.",
])
def test_planned_meetings_are_planned_and_coded_agree(text: str) -> None:
    m = first(text)
    assert m.type == "CONSULT" and m.planned and not m.negated
    assert m.codebook_type == "AGREE"


def test_a_meeting_that_happened_is_not_planned() -> None:
    m = first("Ruto and Biden met at the White House on Monday.")
    assert (m.type, m.planned, m.negated) == ("CONSULT", False, False)
    assert m.codebook_type == "CONSULT"


def test_a_meeting_that_did_not_happen_is_negated_and_left_out() -> None:
    m = first("Ruto did not meet Biden during the trip.")
    assert m.type == "CONSULT" and m.negated
    assert m.codebook_type is None


def test_refusing_a_future_agreement_is_a_rejection() -> None:
    m = first("Kenya will not sign the agreement until its concerns are addressed.")
    assert m.negated and m.planned and m.codebook_type == "REJECT"


def test_a_pledge_of_aid_is_one_agree_event_with_the_recipient() -> None:
    text = "The United States pledged $100 million in humanitarian aid to Kenya."
    found = mentions(text)
    assert [m.type for m in found] == ["AGREE"]      # the aid is promised, not given
    assert words(text, found[0].target) == "Kenya"


def test_aid_names_giver_recipient_and_kind() -> None:
    text = "The European Union gave Kenya 20 million euros in budget support."
    m = first(text)
    assert m.type == "AID"
    assert (words(text, m.source), words(text, m.target)) == ("European Union", "Kenya")
    assert "economic" in m.context


def test_request_mode_follows_what_is_asked() -> None:
    text = "The UN called on the junta to release all political prisoners."
    m = first(text)
    assert (m.type, m.mode) == ("REQUEST", "yield")
    assert words(text, m.target) == "junta"
    urged = first("Ruto urged Washington to support Kenya's bid for a seat on the Council.")
    assert urged.mode == "assist"


def test_sanction_recipient_comes_from_the_object_phrase() -> None:
    text = "Washington imposed sanctions on two Kenyan officials over corruption."
    m = first(text)
    assert words(text, m.target) == "two Kenyan officials"
    assert "corruption" in m.context


def test_joint_exercises_cooperate_but_one_sided_drills_mobilize() -> None:
    joint = first("Kenyan and American troops began joint military exercises near Lamu.")
    alone = first("The Chinese navy held military drills in the strait on Monday.")
    assert (joint.type, alone.type) == ("COOPERATE", "MOBILIZE")
    assert "military" in joint.context


def test_exercises_with_another_army_are_joint() -> None:
    text = "Kenyan troops held exercises with the British army near Nanyuki."
    m = first(text)
    assert m.type == "COOPERATE"
    assert (words(text, m.source), words(text, m.target)) == ("Kenyan troops", "British army")


def test_agreeing_to_call_off_a_protest_is_not_a_threat() -> None:
    m = first("Opposition leaders agreed to postpone the demonstration until next week.")
    assert m.codebook_type == "AGREE"
    vow = first("The rebels vowed to attack government positions.")
    assert (vow.type, vow.mode) == ("THREATEN", "violence")


def test_a_protest_in_words_is_an_accusation() -> None:
    m = first("A human rights group protested that police had beaten detainees.")
    assert (m.type, m.mode) == ("ACCUSE", "disapprove")


def test_threat_mode_and_target() -> None:
    text = "Al-Shabaab threatened to attack Kenyan forces in Somalia."
    m = first(text)
    assert (m.type, m.mode) == ("THREATEN", "violence")
    assert words(text, m.source) == "Al-Shabaab"
    assert words(text, m.target) == "Kenyan forces"


def test_expelling_diplomats_is_a_sanction_expelling_migrants_is_coercion() -> None:
    assert first("Kenya expelled two Chinese diplomats for spying.").type == "SANCTION"
    assert first("The government expelled hundreds of migrants last week.").type == "COERCE"


def test_no_event_in_a_sentence_without_one() -> None:
    assert mentions("The weather in Nairobi was warm and sunny on Tuesday.") == []


def test_a_phrasal_verb_s_object_is_its_target_and_condolences_support() -> None:
    text = "The United States stands by Mexico at this difficult time."
    m = first(text)
    assert (m.type, words(text, m.source), words(text, m.target)) == (
        "SUPPORT", "United States", "Mexico")
    text = "President Biden offered his condolences to the people of Nigeria."
    assert first(text).type == "SUPPORT"
