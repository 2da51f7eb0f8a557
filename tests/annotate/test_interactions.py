"""Only interactions between countries are events, one per act, and every event of a dated
report has a date or a window."""
from __future__ import annotations

from datetime import date

from dossier.annotate.interactions import participant_countries

READOUT = (
    "This afternoon, President Biden spoke with Prime Minister Netanyahu of Israel. "
    "The President reaffirmed his ironclad commitment to Israel’s security. "
    "The two leaders agreed to remain in close contact."
)


def test_a_domestic_act_is_not_an_event(annotate):
    doc = annotate("Today, President Donald J. Trump of the United States signed an Executive Order "
                   "launching an investigation into copper imports. The Secretary of Commerce "
                   "welcomed the decision of the President.", published=date(2025, 2, 25))
    assert doc.events == []


def test_a_call_of_this_afternoon_and_what_was_said_in_it_take_the_report_s_day(annotate):
    doc = annotate(READOUT, published=date(2024, 4, 28))
    call = next(e for e in doc.events if e.type == "CONSULT")
    assert sorted(call.participants) == ["Biden", "Netanyahu"]
    assert call.date.exact == date(2024, 4, 28)
    assert all(e.date is not None and e.date.exact == date(2024, 4, 28) for e in doc.events)
    # nothing says whose President Biden is; what is known is that he is not Israel's
    assert all("ISR" in participant_countries(doc, e) for e in doc.events)


def test_an_act_without_a_day_in_a_dated_report_gets_a_window_ending_on_that_day(annotate):
    doc = annotate("Kenya asked the United States to extend the trade programme. "
                   "Kenyan officials said the talks would continue.", published=date(2025, 3, 4))
    assert doc.events, "the request is an event"
    for event in doc.events:
        assert event.date is not None and event.date.latest == date(2025, 3, 4)


def test_one_sentence_gives_one_event(annotate):
    doc = annotate("Kenya’s President William Ruto thanked the United States for helping the Kenyan-led "
                   "mission in Haiti with vehicles and equipment.", published=date(2025, 6, 1))
    sentences = [e.evidence[0] for e in doc.events if e.type != "CONSULT"]
    assert len(sentences) == len(set(sentences)) == 1
    assert doc.events[0].type == "AID"


def test_what_presidents_can_do_and_cooperation_with_no_one_named_as_doing_it_are_no_events(annotate):
    doc = annotate("And I expect our presidents to continue discussing ways that they can support "
                   "Ukraine with security assistance. Accelerate achieving goals, collaborating "
                   "with Italy’s G7 and Brazil’s G20 presidencies.", published=date(2022, 11, 29))
    assert [e for e in doc.events if e.type != "CONSULT"] == []


def test_an_attack_whose_attacker_is_unnamed_and_a_fight_on_poverty_are_no_events(annotate):
    doc = annotate("He expressed appreciation for Iraqi condolences for the recent attack in Kabul "
                   "that killed U.S. service members and Afghan civilians. President Biden and G20 "
                   "partners will increase the capacity of development banks to better fight "
                   "poverty.", published=date(2021, 8, 27))
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_a_hypothetical_invasion_is_not_an_event(annotate):
    doc = annotate("The United States and the EU are working jointly towards a timely supply of "
                   "natural gas to avoid shocks, including those that could result from a further "
                   "Russian invasion of Ukraine.", published=date(2022, 1, 28))
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_he_who_acts_is_the_last_subject_named(annotate):
    doc = annotate("President Joseph R. Biden, Jr. of the United States spoke today with President "
                   "Uhuru Kenyatta of Kenya. He also emphasized the United States’ continued "
                   "commitment to working closely with Kenya.", published=date(2021, 2, 25))
    typed = [e for e in doc.events if e.type != "CONSULT"]
    assert typed and all("Joseph R. Biden" in e.participants for e in typed)


def test_a_date_inside_another_phrase_is_not_the_day_of_the_act(annotate):
    doc = annotate("President Biden of the United States today met Prime Minister Kishida of Japan "
                   "in Phnom Penh. In the meeting, President Biden reinforced the United States’ "
                   "ironclad commitment to the defense of Japan following the missile launch over "
                   "Japan on October 3.", published=date(2022, 11, 13))
    assert doc.events and all(e.date.exact == date(2022, 11, 13) for e in doc.events)


def test_an_act_after_a_dated_clause_takes_its_day_or_the_window_to_the_report(annotate):
    doc = annotate("After returning this evening from Los Angeles, President Biden made the "
                   "decision to cancel his upcoming trip to Italy.", published=date(2025, 1, 8))
    cancelled = next(e for e in doc.events if e.type == "REJECT")
    assert cancelled.date.exact == date(2025, 1, 8)
    doc = annotate("After arriving in Rome on Monday, President Biden decided to cancel his "
                   "trip to Italy's north.", published=date(2025, 1, 10))
    for event in doc.events:
        assert (event.date.earliest, event.date.latest) == (date(2025, 1, 6), date(2025, 1, 10))


def test_a_pledge_of_support_for_a_country_at_a_venue(annotate):
    doc = annotate("On Wednesday evening, President Biden spoke with leaders from the American "
                   "Jewish community at the White House to pledge his full and continued support "
                   "for the Government and people of Israel.", published=date(2023, 10, 12))
    pledge = next(e for e in doc.events if e.type == "AGREE")
    assert "country:ISR" in pledge.participants
    assert (pledge.date.exact, pledge.location) == (date(2023, 10, 11), "White House")


def test_an_armed_group_is_an_actor_and_an_act_told_in_a_relative_clause_is_dated(annotate):
    doc = annotate("This morning, I met with my national security team. We discussed the strike "
                   "that U.S. forces took last night against the terrorist group ISIS-K in "
                   "Afghanistan.", published=date(2021, 8, 28))
    strike = next(e for e in doc.events if e.type == "ASSAULT")
    assert {"country:USA", "org:ISISK"} <= set(strike.participants)
    assert strike.date.exact == date(2021, 8, 27)


def test_aid_without_a_giver_is_no_event_between_its_recipients(annotate):
    doc = annotate("The President's supplemental request is critical to advancing our national "
                   "security interests, from delivering aid to Israel and Ukraine to providing "
                   "humanitarian assistance.", published=date(2023, 12, 6))
    assert doc.events == []


def test_an_announced_summit_is_with_the_body_its_name_names_on_its_days(annotate):
    doc = annotate("President Joseph R. Biden, Jr. will travel to the United Kingdom and Belgium in "
                   "June 2021. President Biden will attend the G7 Summit in Cornwall, U.K., which "
                   "is happening from June 11-13, where he will reinforce our commitment to "
                   "multilateralism and demonstrate solidarity among major democracies. He will "
                   "also hold bilateral meetings with fellow G7 leaders.", published=date(2021, 4, 23))
    summit = next(e for e in doc.events if e.location == "Cornwall, U.K.")
    assert (summit.type, summit.mode) == ("AGREE", "planned meeting (multilateral)")
    assert "org:G7" in summit.participants
    assert (summit.date.earliest, summit.date.latest) == (date(2021, 6, 11), date(2021, 6, 13))
    assert not [e for e in doc.events if e.type in ("PROTEST", "THREATEN")], "a show of solidarity"
    bilaterals = next(e for e in doc.events if "bilateral" in e.summary)
    assert bilaterals.date.exact is None, "a trip of many days does not date them"


def test_an_agreement_today_s_announcement_tells_of_is_dated_today(annotate):
    doc = annotate("Today’s announcement that the US and European Union (EU) have reached an "
                   "agreement in the Boeing-Airbus dispute does just that.", published=date(2021, 6, 15))
    agreement = next(e for e in doc.events if e.type == "AGREE")
    assert agreement.participants == ["country:USA", "org:EU"]
    assert agreement.date.exact == date(2021, 6, 15)


def test_a_call_with_a_president_elect_and_a_meeting_with_a_taoiseach(annotate):
    doc = annotate("President Joseph R. Biden, Jr. spoke today with President-elect Prabowo Subianto "
                   "of Indonesia to congratulate him. On St. Patrick's Day, President Biden met "
                   "virtually with Taoiseach Micheál Martin of Ireland.", published=date(2024, 3, 22))
    met = {tuple(e.participants) for e in doc.events if e.type == "CONSULT"}
    assert met == {("Joseph R. Biden", "Prabowo Subianto"), ("Joseph R. Biden", "Micheál Martin")}
    assert {(p.name, p.country) for p in doc.people} >= {("Prabowo Subianto", "IDN"),
                                                          ("Micheál Martin", "IRL")}


def test_sadness_at_a_disaster_accuses_no_one_and_a_government_is_its_country(annotate):
    doc = annotate("The United States is deeply saddened by the devastation caused by Hurricane "
                   "Otis in Mexico. The United States will work closely with our partners in the "
                   "Government of Mexico to offer our full support.", published=date(2023, 10, 27))
    assert not [e for e in doc.events if e.type == "ACCUSE"]
    assert any("country:MEX" in e.participants for e in doc.events)


def test_a_day_of_what_was_talked_about_and_a_so_called_name_date_and_make_no_meeting(annotate):
    doc = annotate("Today, President Joseph R. Biden, Jr. met with Foreign Minister Dmytro Kuleba of "
                   "Ukraine. President Biden updated Foreign Minister Kuleba on the response to "
                   "Russia’s decision to recognize the so-called DNR, including the Executive Order "
                   "issued last night.", published=date(2022, 2, 22))
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert [(m.date.exact, m.mode) for m in meetings] == [(date(2022, 2, 22), None)]


def test_people_named_in_what_was_talked_about_did_not_take_part(annotate):
    doc = annotate("National Security Advisor Jake Sullivan held a call today with Secretary General "
                   "Akiba Takeo of Japan to exchange views on the DPRK, including the recent summit "
                   "meeting between Russian President Putin and DPRK leader Kim. President Biden "
                   "spoke today on the margins of the NATO Summit with President Andrzej Duda of "
                   "Poland.", published=date(2023, 9, 14))
    met = [sorted(e.participants) for e in doc.events if e.type == "CONSULT"]
    assert ["Akiba Takeo", "Jake Sullivan"] in met and ["Andrzej Duda", "Biden"] in met


def test_his_majesty_is_a_form_of_address_not_a_name(annotate):
    doc = annotate("President Biden of the United States spoke today with His Majesty King "
                   "Abdullah II of Jordan.", published=date(2024, 4, 14))
    assert {(p.name, p.country) for p in doc.people if p.name != "Biden"} == {("Abdullah II", "JOR")}


def test_aid_announced_today_by_the_author(annotate):
    doc = annotate("Today, I am proud to announce nearly $2.5 billion in security assistance for "
                   "Ukraine, as the Ukrainian people continue to defend their independence.",
                   published=date(2024, 12, 30),
                   title="Statement from President Joe Biden on U.S. Support for Ukraine’s Defense")
    assert [(e.type, e.participants, e.date.exact) for e in doc.events] == [
        ("AID", ["Joe Biden", "country:UKR"], date(2024, 12, 30))]


def test_a_tariff_on_a_country_is_a_sanction_on_it(annotate):
    doc = annotate("Today, President Donald J. Trump of the United States signed an Executive Order "
                   "implementing an additional 40% tariff on Brazil.", published=date(2025, 7, 30))
    assert [(e.type, e.participants, e.date.exact) for e in doc.events] == [
        ("SANCTION", ["Donald J. Trump", "country:BRA", "country:USA"], date(2025, 7, 30))]


def test_countries_act_through_the_ministers_who_met_that_day(annotate):
    doc = annotate("Britain and Nigeria extended their security partnership on Tuesday. Foreign "
                   "Secretary David Lammy of the United Kingdom hosted Foreign Minister Yusuf Tuggar "
                   "of Nigeria in London on Tuesday.", published=date(2025, 3, 14))
    pact = next(e for e in doc.events if e.type != "CONSULT")
    assert {"David Lammy", "Yusuf Tuggar", "country:GBR", "country:NGA"} <= set(pact.participants)
    assert pact.date.exact == date(2025, 3, 11)


def test_a_place_talked_about_is_not_where_they_met(annotate):
    doc = annotate("Vice President Kamala Harris met today with Foreign Minister Yair Lapid of "
                   "Israel. The two leaders also discussed the need to improve living conditions "
                   "and ensure calm in Gaza.", published=date(2021, 10, 12))
    assert all(e.location is None for e in doc.events)


def test_a_trip_to_three_countries_is_three_visits_each_on_its_days(annotate):
    doc = annotate("U.S. President Joe Biden will visit Egypt, Cambodia, and Indonesia. On "
                   "November 11th, President Biden will attend COP27 in Sharm el-Sheikh, Egypt. The "
                   "President will then be in Phnom Penh, Cambodia from November 12-13 for the "
                   "U.S.-ASEAN Summit. In Cambodia, he will reaffirm the United States’ commitment "
                   "to ASEAN, building on the Special Summit in Washington, DC. The President will "
                   "be in Bali, Indonesia from November 13th-16th for the G20 Leaders’ Summit.",
                   published=date(2022, 10, 28))
    visits = {next(k for k in e.participants if k.startswith("country:") and k != "country:USA"):
              (e.date.earliest, e.date.latest) for e in doc.events if e.mode == "planned meeting (visit)"}
    assert visits == {"country:EGY": (date(2022, 11, 11), date(2022, 11, 11)),
                      "country:KHM": (date(2022, 11, 12), date(2022, 11, 13)),
                      "country:IDN": (date(2022, 11, 13), date(2022, 11, 16))}
    pledge = next(e for e in doc.events if "org:ASEAN" in e.participants)
    assert pledge.location == "Cambodia", "the place its own clause names, not one further on"


def test_an_organisation_and_one_country_make_an_international_event(annotate):
    doc = annotate("Kenya asked the International Monetary Fund to extend its programme on "
                   "Monday.", published=date(2025, 3, 4))
    assert any("org:IMF" in e.participants for e in doc.events)


def test_an_organisation_s_officer_does_not_take_the_report_s_country(annotate):
    doc = annotate("Secretary of State Antony Blinken of the United States met NATO Secretary "
                   "General Jens Stoltenberg in Brussels on Monday.", published=date(2023, 4, 3))
    people = {m.name: m for m in doc.people}
    assert people["Jens Stoltenberg"].country is None
    assert people["Jens Stoltenberg"].roles[0].organization == "NATO"
    assert any(e.type == "CONSULT" for e in doc.events)


def test_every_event_has_a_confidence_and_a_named_dated_meeting_ranks_highest(annotate):
    doc = annotate(READOUT, published=date(2024, 4, 28))
    assert doc.events and all(0 < e.confidence < 1 for e in doc.events)
    call = next(e for e in doc.events if e.type == "CONSULT")
    assert call.confidence == max(e.confidence for e in doc.events)


def test_a_month_and_year_date_an_act_the_text_gives_no_day_for(annotate):
    doc = annotate("In December 1984, Iran-backed Hezbollah terrorists attacked a Kuwaiti airliner and "
                   "killed two American officials of the United States in Tehran.",
                   published=date(2026, 3, 2))
    dated = [e for e in doc.events if e.type == "ASSAULT"]
    assert dated and dated[0].date.earliest == date(1984, 12, 1) and dated[0].date.latest == date(1984, 12, 31)


def test_a_statement_in_the_present_is_made_on_the_report_s_day(annotate):
    doc = annotate("The United States condemns Russia’s attacks on Ukraine’s energy grid.",
                   published=date(2024, 8, 30))
    assert doc.events and doc.events[0].date.exact == date(2024, 8, 30)


def test_a_question_states_no_event(annotate):
    doc = annotate("Did President Biden of the United States ask Prime Minister Kishida of Japan to "
                   "send more aid to Ukraine?", published=date(2023, 5, 1))
    assert doc.events == []


def test_a_lawmaker_s_quoted_opinion_is_a_quote_not_an_event(annotate):
    doc = annotate("“I support President Trump’s decision to send more weapons to Ukraine,” said "
                   "Senator Lindsey Graham of the United States.", published=date(2025, 7, 15))
    assert doc.quotes and not [e for e in doc.events if e.type != "CONSULT"]


def test_an_announced_visit_is_dated_with_the_one_day_to_come_its_sentence_gives(annotate):
    doc = annotate("President Joe Biden will host President Yoon Suk Yeol of the Republic of Korea "
                   "for a State Visit to the United States, which will include a state dinner, on "
                   "April 26, 2023.", published=date(2023, 3, 7))
    visit = next(e for e in doc.events if (e.mode or "").startswith("planned meeting"))
    assert visit.date.exact == date(2023, 4, 26)


def test_meetings_announced_for_a_trip_of_one_day_take_its_day(annotate):
    doc = annotate("On Monday, December 5, U.S. National Security Advisor Jake Sullivan will travel to "
                   "Brasilia, Brazil to meet with representatives of the administration of "
                   "President Bolsonaro. Sullivan will meet with Brazilian Foreign Minister Carlos "
                   "França and President-elect Lula da Silva.", published=date(2022, 12, 2))
    planned = [e for e in doc.events if (e.mode or "").startswith("planned meeting")]
    assert planned and all(e.date.exact == date(2022, 12, 5) for e in planned)


def test_a_meeting_on_a_day_after_the_report_is_announced_not_held(annotate):
    doc = annotate("President Biden looks forward to welcoming Amir Tamim bin Hamad Al Thani of "
                   "Qatar to the White House on January 31, 2022.", published=date(2022, 1, 25))
    visit = next(e for e in doc.events if "Tamim bin Hamad Al Thani" in e.participants)
    assert visit.type == "AGREE" and visit.mode.startswith("planned meeting")
    assert visit.date.exact == date(2022, 1, 31)


def test_words_a_colon_gives_to_a_lawmaker_are_his_opinion(annotate):
    doc = annotate("Sen. James Lankford: “For 47 years, Iran has attacked the United States, our "
                   "allies, and every American they could find in the region.”",
                   published=date(2026, 6, 19))
    assert doc.events == []
    told = annotate("President Trump said he arranged a meeting between President Putin and "
                    "President Zelenskyy of Ukraine: “I thought I’d first let them meet.”",
                    published=date(2025, 8, 19))
    assert told.events, "a sentence with a verb before its colon is the reporter's"


def test_standing_by_a_country_hit_by_a_storm_supports_it_on_the_day_it_is_said(annotate):
    doc = annotate("I am deeply saddened by the devastation caused by Hurricane Otis this week in "
                   "Mexico. The United States stands by Mexico — our neighbor and our friend — at "
                   "this difficult time.", published=date(2023, 10, 27))
    support = [e for e in doc.events if e.type == "SUPPORT"]
    assert [(e.participants, e.date.exact) for e in support] == [
        (["country:MEX", "country:USA"], date(2023, 10, 27))]


def test_a_delegation_named_today_visits_on_the_day_it_attends(annotate):
    doc = annotate("President Joseph R. Biden, Jr. today announced the designation of a Presidential "
                   "Delegation to Germany to attend the Opening Ceremony of the World Games in "
                   "Berlin on Saturday, June 17, 2023.", published=date(2023, 6, 14))
    visit = next(e for e in doc.events if e.mode == "planned meeting (visit)")
    assert visit.type == "AGREE"
    assert "country:DEU" in visit.participants and "Joseph R. Biden" in visit.participants
    assert visit.date.exact == date(2023, 6, 17)


def test_attacks_a_meeting_discussed_are_not_dated_by_the_meeting(annotate):
    doc = annotate("Today National Security Advisor Jake Sullivan met with UAE Ambassador to the "
                   "United States Yousef Al Otaiba to discuss ongoing Houthi attacks against "
                   "civilian targets in the UAE and Saudi Arabia.", published=date(2022, 1, 24))
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    assert meeting.date.exact == date(2022, 1, 24)
    attacks = next(e for e in doc.events if e.type == "ASSAULT")
    assert "org:HOUTHIS" in attacks.participants
    assert (attacks.date.earliest, attacks.date.latest) == (None, date(2022, 1, 24))


def test_a_reaction_printed_as_name_and_colon_is_an_opinion_not_an_event(annotate):
    doc = annotate("Last night, President Biden addressed the nation on Israel and Ukraine.\n\n"
                   "Jeremy Ben-Ami, President, J Street: The President did a great job balancing "
                   "the need to support Israel in its effort to hold those responsible to account.",
                   published=date(2023, 10, 20))
    assert not [e for e in doc.events if "country:ISR" in e.participants]
