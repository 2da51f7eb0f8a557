"""People in one document: names, the roles the text gives them, and their country."""
from __future__ import annotations

from datetime import date

import pytest

from dossier.document import Document
from dossier.pipeline import Pipeline


def named(doc) -> dict[str, list]:
    """Mentions grouped by the person's (fullest) name; role-only mentions under ""."""
    out: dict[str, list] = {}
    for m in doc.people:
        out.setdefault(m.name, []).append(m)
    return out


def titles(mentions) -> set[str]:
    return {r.title for m in mentions for r in m.roles}


def countries(mentions) -> set[str | None]:
    return {m.country for m in mentions}


# --- seeds -------------------------------------------------------------------------------------

def test_seed_000_officials_roles_and_countries(seed_docs) -> None:
    people = named(seed_docs["000"])
    assert {"Rebecca Miano", "Meg Whitman", "Musalia Mudavadi", "Alfred K. Ombudo"} <= set(people)
    assert "Cabinet Secretary for Investment, Trade, and Industry" in titles(people["Rebecca Miano"])
    assert "Ambassador to Kenya" in titles(people["Meg Whitman"])
    assert "Prime Cabinet Secretary" in titles(people["Musalia Mudavadi"])
    assert countries(people["Rebecca Miano"]) == {"KEN"}
    assert countries(people["Musalia Mudavadi"]) == {"KEN"}
    assert countries(people["Meg Whitman"]) == {"USA"}   # "United States Ambassador to Kenya"


def test_seed_000_apposition_gives_title_and_organisation(seed_docs) -> None:
    # "Alfred K. Ombudo, the Principal Secretary for Trade at the State Department, ..."
    ombudo = named(seed_docs["000"])["Alfred K. Ombudo"]
    roles = [r for m in ombudo for r in m.roles]
    assert [(r.title, r.organization) for r in roles] == [("Principal Secretary for Trade",
                                                           "State Department")]
    assert countries(ombudo) == {"KEN"}   # he leads "Kenya's negotiation team"


def test_seed_000_bare_surname_is_the_full_name(seed_docs) -> None:
    miano = named(seed_docs["000"])["Rebecca Miano"]
    # Introduced once in full, then "Miano said" / "Miano emphasized" four times.
    assert [m.surface for m in miano].count("Miano") == 4
    assert all(m.name == "Rebecca Miano" for m in miano)


def test_seed_001_nickname_is_the_same_person(seed_docs) -> None:
    people = named(seed_docs["001"])
    surfaces = {m.surface for m in people["Antony Blinken"]}
    # "US Secretary of State Mr Tony Blinken" in Mudavadi's post is Antony Blinken.
    assert {"Antony Blinken", "Tony Blinken", "Blinken"} <= surfaces
    assert "Tony Blinken" not in people
    assert countries(people["Antony Blinken"]) == {"USA"}


def test_seed_001_relative_clause_gives_second_role(seed_docs) -> None:
    # "Mudavadi who is also Cabinet Secretary for Foreign and Diaspora Affairs said ..."
    mudavadi = named(seed_docs["001"])["Musalia Mudavadi"]
    assert {"Prime Cabinet Secretary",
            "Cabinet Secretary for Foreign and Diaspora Affairs"} <= titles(mudavadi)


def test_seed_001_prime_cs_is_resolved_to_its_holder(seed_docs) -> None:
    doc = seed_docs["001"]
    prime_cs = [m for m in doc.people if m.surface.endswith("Prime CS")]
    assert len(prime_cs) == 2
    for m in prime_cs:
        assert m.name == "Musalia Mudavadi"
        assert m.roles[0].title == "Prime Cabinet Secretary"


def test_seed_002_unnamed_prime_cabinet_secretary_stays_unnamed(seed_docs) -> None:
    # Seed 002 never names the Prime Cabinet Secretary: the mention is role-only, and Kenyan.
    doc = seed_docs["002"]
    first = next(m for m in doc.people if "Prime Cabinet Secretary" in m.surface)
    assert first.surface == "Kenya\u2019s Prime Cabinet Secretary"
    assert first.name == ""
    assert first.country == "KEN"
    assert [(r.title, r.country) for r in first.roles] == [("Prime Cabinet Secretary", "KEN")]
    assert "Prime Cabinet Secretary" not in titles(named(doc).get("Marco Rubio", []))


def test_seed_002_rubio_is_secretary_of_state_and_called_senator(seed_docs) -> None:
    rubio = named(seed_docs["002"])["Marco Rubio"]
    assert {"Secretary of State", "Senator"} <= titles(rubio)
    assert countries(rubio) == {"USA"}
    assert {"Marco Rubio", "Rubio"} == {m.surface for m in rubio}


def test_seed_002_kenyan_delegation_members(seed_docs) -> None:
    # "a high-level Kenyan delegation, including Dr. Korir Sing'oei, Principal Secretary for
    # Foreign Affairs; Ambassador Monica Juma, National Security Advisor; David Kerich, Kenyan
    # Ambassador to the United States; and Deputy Ambassador Christopher Kirigua."
    people = named(seed_docs["002"])
    expected = {"Korir Sing'oei": "Principal Secretary for Foreign Affairs",
                "Monica Juma": "National Security Advisor",
                "David Kerich": "Ambassador to the United States",
                "Christopher Kirigua": "Deputy Ambassador"}
    for name, title in expected.items():
        assert title in titles(people[name]), name
        assert countries(people[name]) == {"KEN"}, name


def test_seed_002_two_christophers_are_two_people(seed_docs) -> None:
    people = named(seed_docs["002"])
    assert "Christopher Landau" in people and "Christopher Kirigua" in people
    assert all(m.surface != "Kirigua" for m in people["Christopher Landau"])


def test_seeds_003_004_ruto_and_landau(seed_docs) -> None:
    for key in ("003", "004"):
        people = named(seed_docs[key])
        assert "President" in titles(people["William Ruto"]), key
        assert "Deputy Secretary of State" in titles(people["Christopher Landau"]), key
        assert countries(people["William Ruto"]) == {"KEN"}, key
        assert countries(people["Christopher Landau"]) == {"USA"}, key


def test_seed_003_site_chrome_is_nobody(seed_docs) -> None:
    names = {m.name for m in seed_docs["003"].people} | {m.surface for m in seed_docs["003"].people}
    assert not names & {"Expogroup", "Facebook", "Instant Reply", "Privacy"}


def test_person_spans_quote_the_text(seed_docs) -> None:
    for doc in seed_docs.values():
        for m in doc.people:
            assert m.span.text_in(doc.text) == m.surface


# --- other outlets, other countries ------------------------------------------------------------

NIGERIA_UK = ("ABUJA — Foreign Minister Yusuf Tuggar met British Foreign Secretary David Lammy in "
              "London on Tuesday to discuss trade and security. Tuggar said the two countries "
              "would deepen cooperation on migration. Lammy said Britain would back Nigeria's "
              "reforms.")


def test_nigeria_uk_roles_countries_and_surnames(annotate) -> None:
    people = named(annotate(NIGERIA_UK, published=date(2024, 10, 15)))
    assert set(people) == {"Yusuf Tuggar", "David Lammy"}
    assert titles(people["Yusuf Tuggar"]) == {"Foreign Minister"}
    assert titles(people["David Lammy"]) == {"Foreign Secretary"}
    # Lammy is qualified as British; Tuggar, unqualified in an Abuja report, is Nigerian.
    assert countries(people["David Lammy"]) == {"GBR"}
    assert countries(people["Yusuf Tuggar"]) == {"NGA"}
    assert [m.surface for m in people["Yusuf Tuggar"]] == ["Yusuf Tuggar", "Tuggar"]
    assert [m.surface for m in people["David Lammy"]] == ["David Lammy", "Lammy"]


def test_india_japan_demonyms_give_countries(annotate) -> None:
    doc = annotate("Japanese Prime Minister Shigeru Ishiba held talks with Indian Prime Minister "
                   "Narendra Modi in Tokyo on Friday. Modi is on a two-day visit to Japan.",
                   published=date(2025, 8, 30))
    people = named(doc)
    assert countries(people["Shigeru Ishiba"]) == {"JPN"}
    assert countries(people["Narendra Modi"]) == {"IND"}
    assert titles(people["Shigeru Ishiba"]) == titles(people["Narendra Modi"]) == {"Prime Minister"}


def test_role_only_mention_takes_the_holder_named_in_the_document(annotate) -> None:
    doc = annotate("ABUJA — Nigeria's Foreign Minister Yusuf Tuggar met the British High Commissioner "
                   "Richard Montgomery on Monday. Later, Nigeria's Foreign Minister told reporters "
                   "the meeting was productive.", published=date(2024, 10, 14))
    later = [m for m in doc.people if m.surface == "Nigeria's Foreign Minister"]
    assert len(later) == 1
    assert later[0].name == "Yusuf Tuggar" and later[0].country == "NGA"
    montgomery = named(doc)["Richard Montgomery"]
    assert titles(montgomery) == {"High Commissioner"} and countries(montgomery) == {"GBR"}


def test_role_only_mention_without_holder_keeps_its_country(annotate) -> None:
    doc = annotate("LAGOS — Nigeria's Foreign Minister said on Monday that the country would seek "
                   "new trade deals with Britain.", published=date(2024, 10, 14), events=False)
    [m] = doc.people
    assert m.name == "" and m.surface == "Nigeria's Foreign Minister"
    assert m.country == "NGA" and m.roles[0].title == "Foreign Minister"


def test_same_surname_different_people_kept_apart(annotate) -> None:
    doc = annotate("WASHINGTON — President Joe Biden met Kenyan President William Ruto at the White "
                   "House on Thursday. Biden's son Hunter Biden was not present. Biden said the "
                   "partnership was strong.", published=date(2024, 5, 23))
    people = named(doc)
    assert "Joe Biden" in people and "Hunter Biden" in people
    # Bare "Biden" is the Biden introduced first, as news writing introduces people.
    assert [m.surface for m in people["Hunter Biden"]] == ["Hunter Biden"]
    assert [m.surface for m in people["Joe Biden"]].count("Biden") == 2
    assert countries(people["William Ruto"]) == {"KEN"}


def test_honorific_is_not_part_of_the_name(annotate) -> None:
    doc = annotate("Dr. S. Jaishankar, India's External Affairs Minister, met Japanese Foreign "
                   "Minister Takeshi Iwaya in Tokyo on Monday.", published=date(2025, 8, 26))
    people = named(doc)
    assert "S. Jaishankar" in people
    assert titles(people["S. Jaishankar"]) == {"External Affairs Minister"}
    assert countries(people["S. Jaishankar"]) == {"IND"}
    assert countries(people["Takeshi Iwaya"]) == {"JPN"}


def test_delegation_gives_its_members_a_country(annotate) -> None:
    doc = annotate("ADDIS ABABA — The Chinese delegation, including Vice Minister Chen Xiaodong, "
                   "arrived on Monday for talks with Ethiopian officials.",
                   published=date(2024, 10, 14), events=False)
    chen = named(doc)["Chen Xiaodong"]
    assert countries(chen) == {"CHN"}   # not Ethiopia, where the report is filed
    assert titles(chen) == {"Vice Minister"}


def test_a_readout_with_no_dateline_gives_its_unqualified_official_the_other_party(annotate):
    doc = annotate("Secretary of State Marco Rubio spoke today with Kenyan President William Ruto. "
                   "The Secretary thanked President Ruto for Kenya's leadership of the mission in "
                   "Haiti and discussed the ongoing negotiations toward a U.S.-Kenya trade agreement.")
    countries = {p.name: p.country for p in doc.people if p.name}
    assert countries["Marco Rubio"] == "USA"      # not Haiti, the third country named
    assert countries["William Ruto"] == "KEN"


def test_a_name_the_model_swallowed_into_an_office_is_still_a_person(annotate):
    doc = annotate("Foreign Affairs Principal Secretary Korir Sing'oei on Thursday met US Assistant "
                   "Secretary of State for African Affairs Molly Phee in Nairobi.")
    phee = next(p for p in doc.people if p.name == "Molly Phee")
    assert phee.country == "USA"
    assert phee.roles[0].title == "Assistant Secretary of State for African Affairs"
    assert not any(p.name == "United States" for p in doc.people)


def test_a_name_the_model_left_untagged_after_a_title_is_a_person(annotate):
    doc = annotate("National Security Advisor Jake Sullivan met today with Nigerian National "
                   "Security Adviser Nuhu Ribadu about bilateral security cooperation.")
    people = {(m.name, m.country) for m in doc.people}
    assert ("Nuhu Ribadu", "NGA") in people


def test_an_incoming_official_keeps_the_country_of_the_title(annotate):
    doc = annotate("Jake Sullivan met today with incoming Israeli National Security Advisor "
                   "Dr. Eyal Hulata in Washington.")
    assert {m.name: m.country for m in doc.people}["Eyal Hulata"] == "ISR"


def test_of_country_after_a_name_gives_the_country_and_the_bare_title_later_is_that_person(annotate):
    doc = annotate("Vice President Kamala Harris of the United States today met with Prime "
                   "Minister Lee Hsien Loong of Singapore. The Prime Minister thanked the Vice "
                   "President.")
    lee = [m for m in doc.people if m.name.startswith("Lee")]
    assert lee and all(m.country == "SGP" for m in lee)
    assert any(m.surface.endswith("Prime Minister") for m in lee)


@pytest.mark.parametrize("junk", ["Article II", "Benjamin Franklin Room", "Pell Grants",
                                  "Second Gentleman", "Operation Warp Speed", "St. Sabina Church",
                                  "African Diaspora"])
def test_laws_rooms_programmes_and_titles_are_not_names(junk: str) -> None:
    from dossier.annotate.people import _name_from_entity

    assert _name_from_entity(junk) is None


def test_a_sentence_opener_is_not_part_of_a_title() -> None:
    from dossier.annotate.titles import parse_title

    assert parse_title("Today President").title == "President"
    assert parse_title("Thanks to President").title == "President"


def test_the_country_right_after_a_name_is_its_own(annotate):
    doc = annotate("Jake Sullivan will welcome National Security Secretariat Secretary General Shigeru "
                   "Kitamura of Japan and National Security Advisor Suh Hoon of the Republic of "
                   "Korea for a trilateral dialogue.")
    countries = {m.name: m.country for m in doc.people}
    assert countries["Shigeru Kitamura"] == "JPN" and countries["Suh Hoon"] == "KOR"


def test_an_ambassador_of_a_country_to_another_is_the_sender_s() -> None:
    from dossier.annotate.titles import parse_title

    title = parse_title("Ambassador of Ukraine to the United States")
    assert (title.title, title.country) == ("Ambassador to the United States", "UKR")


def test_names_the_model_splits_or_lengthens_are_made_whole(annotate):
    doc = annotate("Vice President Harris of the United States met with President Samia Suluhu "
                   "Hassan today in Dar es Salaam, Tanzania. President Biden looks forward to "
                   "welcoming Amir Tamim bin Hamad Al Thani of Qatar.", events=False)
    names = {p.name: p.country for p in doc.people}
    assert "Samia Suluhu Hassan" in names
    assert names.get("Tamim bin Hamad Al Thani") == "QAT"


def test_a_plural_title_is_each_listed_name_s(annotate):
    doc = annotate("Today, Presidents Biden and Lula launched the Partnership for Workers’ Rights "
                   "between the United States and Brazil.", events=False)
    titles = {p.name: [r.title for r in p.roles] for p in doc.people}
    assert titles.get("Biden") == ["President"] and titles.get("Lula") == ["President"]


def test_a_bare_the_president_is_the_report_s_own(full_pipeline):
    doc = full_pipeline(Document(
        id="readout", source="readout", url="https://www.whitehouse.gov/briefing-room/readout/",
        raw="President Joseph R. Biden, Jr. spoke today with President Uhuru Kenyatta of Kenya. "
            "The President affirmed the importance of the U.S.-Kenya relationship."))
    bare = next(p for p in doc.people if p.surface == "The President")
    assert bare.name == "Joseph R. Biden"


def test_a_plural_title_alone_is_several_people_not_one(annotate):
    doc = annotate("Secretary Blinken and the Foreign Ministers of Australia, Japan and New Zealand "
                   "intend to meet later this year.", events=False)
    assert not any(not p.name and "Minister" in p.surface for p in doc.people)


def test_the_author_of_a_statement_is_its_i(full_pipeline):
    doc = full_pipeline(Document(
        id="statement", source="statement", published=date(2024, 11, 4),
        title="Statement by President Joe Biden on Moldova’s Presidential Elections",
        raw="I congratulate Maia Sandu on her historic reelection as the President of Moldova. "
            "“I will keep fighting,” Sandu said."))
    authors = [p for p in doc.people if p.surface == "I"]
    assert len(authors) == 1, "the quoted 'I' is Sandu's"
    assert authors[0].name == "Joe Biden" and authors[0].roles[0].title == "President"
    congratulation = next(e for e in doc.events if "Maia Sandu" in e.participants)
    assert "Joe Biden" in congratulation.participants


def test_the_signer_of_a_notice_is_its_i(annotate):
    doc = annotate("Therefore, I am continuing for 1 year the national emergency with respect to "
                   "Iran.\n\nJOSEPH R. BIDEN JR.\n\nTHE WHITE HOUSE,\nNovember 9, 2021.", events=False)
    authors = [p for p in doc.people if p.surface == "I"]
    assert [a.name for a in authors] == ["Joseph R. Biden"]


def test_a_minister_named_bare_in_a_us_report_is_not_assumed_american(annotate):
    doc = Document(id="readout", source="x", published=date(2023, 4, 14),
                   url="https://www.whitehouse.gov/briefing-room/readout",
                   raw="They held constructive talks in Saudi Arabia with Minister of Defense Khalid "
                       "bin Salman. Secretary Antony Blinken joined.")
    people = {p.name: p.country for p in Pipeline()(doc).people}
    assert people["Khalid bin Salman"] != "USA" and people["Antony Blinken"] == "USA"


def test_a_name_with_a_middle_initial_keeps_its_given_name(annotate):
    doc = annotate("Secretary of State Antony J. Blinken, Secretary of Defense Lloyd J. Austin III, "
                   "and National Security Advisor Jake Sullivan met with Philippine Secretary of "
                   "Foreign Affairs Enrique Manalo in Washington. President Donald J. Trump and "
                   "Prime Minister Anwar Ibrahim of Malaysia signed it.", events=False)
    people = {p.name: [r.title for r in p.roles] for p in doc.people}
    assert people["Antony J. Blinken"] == ["Secretary of State"]
    assert people["Lloyd J. Austin III"] == ["Secretary of Defense"]
    assert "Donald J. Trump" in people


def test_an_alliance_of_two_countries_is_no_person(annotate):
    doc = annotate("President Biden met virtually today with Prime Minister Kishida Fumio of Japan to "
                   "highlight the strength of the U.S.-Japan relationship. President Biden and Prime "
                   "Minister Kishida agreed that the U.S.-Japan Alliance has never been stronger.",
                   events=False)
    names = {p.name for p in doc.people}
    assert "Kishida Fumio" in names
    assert not [n for n in names if "Japan" in n or "Alliance" in n]


def test_a_middle_name_alone_after_the_full_name_is_that_person(annotate):
    doc = annotate("President Joe Biden met today with President Luiz Inácio Lula da Silva of Brazil "
                   "in Rio de Janeiro. President Biden congratulated President Lula on the summit.",
                   events=False)
    assert {p.name for p in doc.people} == {"Joe Biden", "Luiz Inácio Lula da Silva"}


@pytest.mark.parametrize("text", [
    "He named Rahul Gupta Director of National Drug Control Policy at the Resource Center.",
    "Ambassador Extraordinary and Plenipotentiary Kent Logsdon met Head Start teachers.",
    "The United States designated Tren de Aragua as a terrorist organisation in Venezuela.",
])
def test_institutions_and_title_tails_are_no_people(annotate, text):
    names = {p.name for p in annotate(text, events=False).people}
    assert not names & {"Drug Control Policy", "Resource Center", "Extraordinary", "Start",
                        "Tren de Aragua"}


def test_a_title_whose_first_word_the_model_takes_for_a_name_is_still_the_title(annotate):
    doc = annotate("The meeting was convened by Dr. Kim Tae-hyo, Principal Deputy National Security "
                   "Advisor of the ROK; Dr. Kurt Campbell, Coordinator for the Indo-Pacific at the "
                   "U.S. National Security Council.", events=False)
    people = {p.name: (p.country, [r.title for r in p.roles]) for p in doc.people}
    assert people["Kim Tae-hyo"] == ("KOR", ["Principal Deputy National Security Advisor"])
    assert people["Kurt Campbell"][1] == ["Coordinator for the Indo-Pacific"]


def test_a_name_cut_at_its_hyphen_and_a_sheikh_named_by_his_given_name(annotate):
    doc = annotate("President Joseph R. Biden, Jr. spoke today with Acting President and Prime "
                   "Minister Han Duck-soo of the Republic of Korea (ROK). National Security Advisor "
                   "Jake Sullivan spoke with His Highness President Sheikh Mohamed bin Zayed Al "
                   "Nahyan of the United Arab Emirates. Mr. Sullivan and President Sheikh Mohamed "
                   "reaffirmed the shared commitment.", events=False)
    people = {p.name: p.country for p in doc.people}
    assert people["Han Duck-soo"] == "KOR"
    assert people["Mohamed bin Zayed Al Nahyan"] == "ARE" and "Sheikh Mohamed" not in people


def test_another_country_s_prime_minister_is_not_the_one_named(annotate):
    doc = annotate("The President spoke to Prime Minister Albanese earlier today to inform him that "
                   "he will be postponing his trip to Australia. The President's team engaged with "
                   "the Prime Minister of Papua New Guinea's team to inform them as well.",
                   events=False, published=date(2023, 5, 16))
    png = [p for p in doc.people if p.country == "PNG"]
    assert png and all(p.name != "Albanese" for p in png)


def test_a_name_the_model_cuts_at_a_particle_is_one_name(annotate):
    doc = annotate("Jake Sullivan met with Saudi Ambassador to the United States Reema bint Bandar Al "
                   "Saud to discuss Yemen. The United States and Saudi Arabia agreed.", events=False)
    people = {p.name: p.country for p in doc.people}
    assert people.get("Reema bint Bandar Al Saud") == "SAU" and "Bandar Al Saud" not in people


def test_a_name_the_model_ends_at_a_particle_runs_on_to_its_surname(annotate):
    # the model tags "Ursula von" a person and "Leyen" a place
    doc = annotate("President Joe Biden met European Commission President Ursula von der Leyen "
                   "in Brussels to discuss Ukraine. Later, President von der Leyen thanked the "
                   "United States.", events=False)
    names = {p.name for p in doc.people}
    assert "Ursula von der Leyen" in names and not {"Ursula von", "Leyen"} & names
    assert {p.surface for p in doc.people if p.name == "Ursula von der Leyen"} >= {
        "Ursula von der Leyen"}


def test_one_title_with_and_inside_keeps_its_country(annotate):
    doc = annotate("Jake Sullivan met with German Chancellery Foreign and Security Policy Advisor Jens "
                   "Ploetner and British National Security Advisor Tim Barrow in Washington.",
                   events=False)
    people = {p.name: p.country for p in doc.people}
    assert people["Jens Ploetner"] == "DEU" and people["Tim Barrow"] == "GBR"


@pytest.mark.parametrize("entity, name", [
    ("Second Gentleman Douglas Emhoff", "Douglas Emhoff"),
    ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),
    ("Majority Leader Chuck Schumer", "Chuck Schumer"),
    ("Martin Luther King", "Martin Luther King"),   # a head word last is part of the name
    ("Lloyd J. Austin III", "Lloyd J. Austin III"),
])
def test_a_title_the_model_took_into_a_name_is_left_out(entity: str, name: str) -> None:
    from dossier.annotate.people import _name_from_entity

    assert _name_from_entity(entity) == name


def test_a_state_office_of_georgia_is_american_and_a_national_one_georgian(annotate):
    doc = annotate("Senator Max Cleland of Georgia and Governor Brian Kemp of Georgia met Prime "
                   "Minister Irakli Kobakhidze of Georgia in Tbilisi.", events=False)
    people = {p.name: p.country for p in doc.people}
    assert people["Max Cleland"] == people["Brian Kemp"] == "USA"
    assert people["Irakli Kobakhidze"] == "GEO"


def test_a_headline_s_senator_of_georgia_is_american(annotate):
    doc = annotate("Max Cleland was an American hero who served the people of his home state.",
                   events=False, title="Statement on the Passing of Former United States Senator "
                                       "Max Cleland of Georgia")
    assert {p.name: p.country for p in doc.people}.get("Max Cleland") == "USA"
