"""A joint statement is an agreement of the parties its headline names, on its day; "we" in it
are those parties."""
from __future__ import annotations

from datetime import date

import pytest

from dossier.annotate.joint_statements import JOINT_STATEMENT, parties_named, signatories
from dossier.document import Document


@pytest.mark.parametrize("title, parties", [
    ("United States-Kenya Joint Leaders’ Statement", {"country:KEN", "country:USA"}),
    ("Joint Statement of Japan, the Republic of Korea, and the United States",
     {"country:JPN", "country:KOR", "country:USA"}),
    ("U.S.-EU Joint Statement of the Trade and Technology Council", {"country:USA", "org:EU"}),
    # who speaks, not what they speak about
    ("Joint Statement on F-16s for Ukraine from U.S. President Joseph R. Biden, Dutch Prime "
     "Minister Dick Schoof, and Danish Prime Minister Mette Frederiksen",
     {"country:USA", "country:NLD", "country:DNK"}),
    ("Joint Statement Between Costa Rica, the Netherlands, the Republic of Korea, and the United "
     "States on the Announcement of the Second Summit for Democracy",
     {"country:CRI", "country:NLD", "country:KOR", "country:USA"}),
    ("Memorandum of Understanding between the Government of the United States of America and "
     "the Government of Malaysia Concerning Cooperation to Diversify Global Critical Minerals",
     {"country:USA", "country:MYS"}),
    # leaders the table of public figures knows, named in the headline
    ("Joint Statement by President Joe Biden and President Andrés Manuel López Obrador",
     {"country:USA", "country:MEX"}),
    ("President Biden and President Lopez Obrador Joint Statement", {"country:USA", "country:MEX"}),
    # one party named is no joint statement we can read; nor is a joint session or a fact sheet
    ("Joint Statement on National Security Advisor Jake Sullivan’s Meeting with Russian Security "
     "Council Secretary Nikolay Patrushev", set()),
    ("Joint Statement on Israel", set()),
    ("First Lady Invites Guests to Joint Session of Congress", set()),
    ("Statement on the United States and Kenya", set()),
])
def test_the_headline_names_the_signatories(title, parties):
    assert signatories(Document(id="x", source="x", raw="", title=title)) == parties


def test_a_statement_on_a_country_is_not_that_country_s():
    title = "G7 Leaders’ Statement on Ukraine"
    assert signatories(Document(id="x", source="x", raw="", title=title)) == {"org:G7"}


def test_a_headline_naming_no_one_leaves_the_opening_to_say_who_we_are():
    opening = ("A year and a half ago, we the leaders of Australia, Fiji, India, the Philippines, "
               "Republic of Korea, the United States, and Viet Nam launched the Indo-Pacific "
               "Economic Framework for Prosperity (IPEF) with Japan.")
    doc = Document(id="x", source="x", raw="", text=opening,
                   title="Leaders’ Statement on Indo-Pacific Economic Framework for Prosperity")
    assert signatories(doc) == {"country:AUS", "country:FJI", "country:IND", "country:PHL",
                                "country:KOR", "country:USA", "country:VNM"}


def test_an_adjective_qualifies_what_follows_it():
    assert parties_named("Dutch Prime Minister Dick Schoof, German Chancellor Olaf Scholz") \
        == {"country:NLD", "country:DEU"}


STATEMENT = (
    "We, the leaders of Japan, the Republic of Korea, and the United States, convened in Lima to "
    "review our partnership. We commit to intensifying our trilateral cooperation on energy "
    "security. We strongly condemn Russia’s attacks on Ukraine’s energy infrastructure. "
    "President Joseph R. Biden, Prime Minister Shigeru Ishiba of Japan and President Yoon Suk "
    "Yeol of the Republic of Korea will meet again next year."
)
TITLE = "Joint Statement of Japan, the Republic of Korea, and the United States"


def test_the_statement_is_one_agreement_of_its_signatories_on_its_day(annotate):
    doc = annotate(STATEMENT, published=date(2024, 11, 15), title=TITLE)
    agreements = [e for e in doc.events if e.type == "AGREE"
                  and not (e.mode or "").startswith("planned")]
    assert len(agreements) == 1, "what they commit to among themselves is the statement"
    statement = agreements[0]
    assert statement.mode == JOINT_STATEMENT
    assert statement.participants == ["country:JPN", "country:KOR", "country:USA"]
    assert statement.date.exact == date(2024, 11, 15)
    assert len(statement.evidence) == 2, "the commitment is evidence of the agreement"
    assert statement.location == "Lima", "the statement is made where they convened"


def test_a_working_group_the_signatories_will_convene_is_what_they_agree(annotate):
    doc = annotate("Mexico and the United States reaffirm their close partnership. Mexico and the "
                   "United States will also convene a working group to strengthen our cross-border "
                   "response to child migration.", published=date(2022, 7, 12),
                   title="President Biden and President Lopez Obrador Joint Statement")
    assert [(e.mode, len(e.evidence)) for e in doc.events if e.type == "AGREE"] == [
        (JOINT_STATEMENT, 2)]


def test_the_statement_is_made_where_its_opening_says(annotate):
    doc = annotate("President Joseph R. Biden, Jr. is honored to welcome Philippine President "
                   "Ferdinand R. Marcos Jr. to Washington, DC. The leaders recognize the ties of "
                   "friendship that serve as the foundation of the alliance.",
                   published=date(2023, 5, 1),
                   title="Joint Statement of the Leaders of the United States and the Philippines")
    statement = next(e for e in doc.events if e.mode == JOINT_STATEMENT)
    assert (statement.location, statement.country) == ("Washington, DC", "USA")


def test_we_are_the_signatories_and_the_leaders_who_met_are_named(annotate):
    doc = annotate(STATEMENT, published=date(2024, 11, 15), title=TITLE)
    accusation = next(e for e in doc.events if e.type == "ACCUSE")
    assert {"country:RUS", "country:JPN", "country:KOR", "country:USA"} <= set(accusation.participants)
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    # "the leaders of Japan, ..." are the heads of government the statement names
    assert {"Joseph R. Biden", "Shigeru Ishiba", "Yoon Suk Yeol"} <= set(meeting.participants)
    assert meeting.date.exact == date(2024, 11, 15), "the statement was issued where they met"


def test_without_a_joint_headline_or_an_opening_naming_us_we_is_nobody(annotate):
    doc = annotate(STATEMENT[STATEMENT.index("We commit"):], published=date(2024, 11, 15),
                   title="Statement on Energy")
    assert not any(e.mode == JOINT_STATEMENT for e in doc.events)
    assert not any("country:JPN" in e.participants for e in doc.events if e.type == "ACCUSE")


def test_the_leaders_who_speak_the_statement_are_among_its_signatories(annotate):
    doc = annotate("U.S. President Joe Biden and Philippine President Ferdinand Marcos welcome the "
                   "historic momentum in U.S.-Philippine relations.", published=date(2023, 5, 1),
                   title="Joint Statement of the Leaders of the United States and the Philippines")
    statement = next(e for e in doc.events if e.mode == JOINT_STATEMENT)
    assert {"country:PHL", "country:USA", "Ferdinand Marcos"} <= set(statement.participants)
    assert [e for e in doc.events if e.type in ("AGREE", "SUPPORT")] == [statement]


def test_a_group_of_states_speaks_as_we_and_agrees_with_whom_it_addresses(annotate):
    doc = annotate("We, the leaders of the Group of Seven (G7), reaffirm our commitment to the people "
                   "of Syria. We will continue to work with partners to secure, declare and destroy "
                   "Syria’s remaining chemical weapons stockpiles.", published=date(2024, 12, 12),
                   title="G7 Leaders’ Statement on Syria")
    assert [(e.type, e.participants, e.date.exact) for e in doc.events] == [
        ("AGREE", ["country:SYR", "org:G7"], date(2024, 12, 12))]


def test_what_a_group_commits_to_in_its_statement_is_one_agreement(annotate):
    doc = annotate("We, the leaders of the Group of Seven (G7), reaffirm our commitment to the people "
                   "of Syria. Furthermore, we will continue to work with the OPCW and other "
                   "partners to destroy Syria’s remaining chemical weapons stockpiles.",
                   published=date(2024, 12, 12), title="G7 Leaders’ Statement on Syria")
    agreements = [e for e in doc.events if e.type == "AGREE"]
    assert len(agreements) == 1
    assert agreements[0].participants == ["country:SYR", "org:G7", "org:OPCW"]
    assert agreements[0].date.exact == date(2024, 12, 12)
    assert len(agreements[0].evidence) == 2


def test_leaders_who_open_as_we_make_a_joint_statement_whatever_its_headline():
    doc = Document(id="x", source="x", raw="", title="Commitment to Consult",
                   text="We, the leaders of Japan, the Republic of Korea, and the United States, "
                        "commit our governments to consult trilaterally with each other.")
    assert signatories(doc) == {"country:JPN", "country:KOR", "country:USA"}
