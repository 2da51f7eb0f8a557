from datetime import date

import pytest

from dossier.document import Document
from dossier.pipeline import REGISTRY

META = "dossier.clean.metadata.v1"

POSTED_ON = "Posted on :Thursday , 12th February 2026"
SEED_003_TITLE = (
    "As Trade, Security and Health Cooperation Continue to Grow, "
    "the U.S. Reaffirms Strategic Partnership with Kenya"
)
BODY = "Kenya and the United States on Monday agreed to speed up talks on a trade agreement."


def test_stage_is_registered_with_what_it_adds():
    st = REGISTRY[META]
    assert st.needs == ("raw",)
    assert set(st.adds) == {"text", "published", "dateline"}


# --- the seed articles ----------------------------------------------------------------------


def test_seed_003_posted_on_line_becomes_the_publication_date(seed, clean):
    doc = clean(seed("003_2efd09c22e395e7f.txt"), META)
    assert doc.published == date(2026, 2, 12)
    assert doc.published_evidence == POSTED_ON
    assert "Posted on" not in doc.text


def test_seed_003_headline_is_the_title_and_stays_in_the_text(seed, clean):
    doc = clean(seed("003_2efd09c22e395e7f.txt"), META)
    assert doc.title == SEED_003_TITLE
    assert doc.text.startswith(SEED_003_TITLE + "\n\nThe United States and Kenya have reaffirmed")
    assert doc.dateline is None


def test_seed_003_nbsp_paragraphs_are_gone(seed, clean):
    doc = clean(seed("003_2efd09c22e395e7f.txt"), META)
    assert "\u00a0" not in doc.text
    assert "\n\n\n" not in doc.text
    assert "humanitarian situation" in doc.text
    assert not any(line != line.rstrip() for line in doc.text.split("\n"))


def test_seed_000_dateline_is_nairobi_and_stays_in_the_text(seed, clean):
    doc = clean(seed("000_0588961eb53c14e0.txt"), META)
    assert doc.dateline == "Nairobi"
    assert doc.text.startswith("Nairobi \u2014 Kenya and the United States on Monday")
    assert doc.title is None


def test_seed_002_dateline_keeps_dc(seed, clean):
    doc = clean(seed("002_b855b2cfa0b1d2b6.txt"), META)
    assert doc.dateline == "Washington, D.C."
    assert doc.text.startswith("Washington, D.C. \u2013 Kenya and the United States")


@pytest.mark.parametrize("name", ["001_f13660d5e4250ff1.txt", "004_a7afc1ded1988888.txt"])
def test_seeds_without_metadata_get_none_and_keep_every_sentence(seed, clean, name):
    raw = seed(name)
    doc = clean(raw, META)
    assert (doc.published, doc.dateline, doc.title) == (None, None, None)
    assert doc.text == raw.strip()


# --- publication-date lines from other sites --------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Published: 3 March 2025", date(2025, 3, 3)),
        ("Updated on 2025-04-01 10:00", date(2025, 4, 1)),
        ("Posted: January 5, 2026", date(2026, 1, 5)),
        ("PUBLISHED ON 3 March 2025", date(2025, 3, 3)),
        ("First published: Tue 4 Mar 2025 10.00 GMT", date(2025, 3, 4)),
        ("Date: 1st April 2025", date(2025, 4, 1)),
    ],
)
def test_date_line_sets_published_and_leaves_the_text(clean, line, expected):
    doc = clean(f"Kenya and US agree on trade\n\n{line}\n\n{BODY}", META)
    assert doc.published == expected
    assert doc.published_evidence == line
    assert doc.text == f"Kenya and US agree on trade\n\n{BODY}"


def test_publication_date_beats_an_earlier_listed_update(clean):
    doc = clean(f"Updated: 5 March 2025\nPublished: 3 March 2025\n\n{BODY}", META)
    assert doc.published == date(2025, 3, 3)
    assert doc.text == BODY


def test_future_date_is_not_used_and_says_why(clean):
    doc = clean(f"Published: 5 January 2099\n\n{BODY}", META)
    assert doc.published is None
    assert doc.text == BODY
    assert any("later than today" in w for w in doc.warnings)


def test_day_month_ambiguous_date_is_not_guessed(clean):
    doc = clean(f"Published: 03/04/2025\n\n{BODY}", META)
    assert doc.published is None
    assert any("day/month" in w for w in doc.warnings)


def test_date_from_the_reader_is_kept(clean):
    doc = clean(f"Published: 3 March 2025\n\n{BODY}", META, published=date(2025, 3, 2))
    assert doc.published == date(2025, 3, 2)
    assert doc.text == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Updated figures released on 3 March 2025 show exports to the US grew by a tenth.",
        "Posted by Jane Wanjiru",
        "Updated 5 hours ago",
        "Date: to be confirmed",
    ],
)
def test_lines_that_are_not_a_label_plus_a_date_stay(clean, line):
    doc = clean(f"{line}\n\n{BODY}", META)
    assert doc.published is None
    assert doc.text.startswith(line)


# --- whitespace ------------------------------------------------------------------------------


def test_line_endings_and_unicode_spaces_are_normalised(clean):
    raw = "\ufeff  Kenya\u00a0and\u2009the US  \r\nsigned a deal.\r\n\r\n\r\n\r\n\t\r\nTalks resume in May.  \n\n"
    doc = clean(raw, META)
    assert doc.text == "Kenya and the US\nsigned a deal.\n\nTalks resume in May."


# --- datelines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph, place",
    [
        ("NAIROBI, Kenya (Reuters) - Kenya's president said on Monday the deal would be signed.", "Nairobi"),
        ("LONDON (AP) \u2014 Britain's foreign secretary met his Kenyan counterpart on Tuesday.", "London"),
        ("ADDIS ABABA, Ethiopia, May 3 (Reuters) - Ethiopia's prime minister said talks would resume.",
         "Addis Ababa"),
        ("WASHINGTON, D.C. (AP) \u2014 The State Department said on Friday the visit was postponed.",
         "Washington, D.C."),
        ("DAR ES SALAAM (Reuters) -- Tanzania said on Monday it would join the talks next week.",
         "Dar es Salaam"),
        ("Mombasa \u2013 Port officials said on Monday that cargo volumes to the US had doubled.", "Mombasa"),
    ],
)
def test_wire_and_outlet_datelines(clean, paragraph, place):
    doc = clean(f"Kenya and US agree on trade\n\n{paragraph}\n\nMore text follows here.", META)
    assert doc.dateline == place
    assert doc.title == "Kenya and US agree on trade"
    assert paragraph in doc.text


@pytest.mark.parametrize(
    "paragraph",
    [
        "President Ruto \u2014 The talks went well, the president said after meeting the envoy.",
        "Mudavadi \u2014 who is also foreign minister \u2014 said the talks went well today.",
        "Kenya and the US \u2014 two old partners \u2014 signed a new deal on Monday in Nairobi.",
        "Kenya, US Reaffirm Ties \u2014 Ruto Hails Partnership",
        "The talks in Nairobi - the third this year - ended on Friday without a deal.",
    ],
)
def test_a_dash_later_in_a_sentence_or_a_headline_is_not_a_dateline(clean, paragraph):
    doc = clean(f"{paragraph}\nKenya and the United States on Monday agreed to speed up talks.", META)
    assert doc.dateline is None


# --- headlines -------------------------------------------------------------------------------


def test_title_from_the_reader_is_not_replaced(clean):
    doc = clean(f"Kenya and US agree on trade\n\n{BODY}", META, title="Kenya, US agree")
    assert doc.title == "Kenya, US agree"
    assert doc.text.startswith("Kenya and US agree on trade\n\n")


@pytest.mark.parametrize(
    "raw",
    [
        f"Kenya and the US agreed on trade.\n\n{BODY}",  # prose, not a headline
        f"Kenya and US agree on trade\n{BODY}",  # no blank line after it
        "Kenya and US agree on trade",  # nothing follows
    ],
)
def test_no_title_when_the_first_line_is_not_a_headline(clean, raw):
    assert clean(raw, META).title is None


def test_site_chrome_above_the_headline_is_not_the_title(clean):
    doc = clean(f"Home | News | Africa | Business\n\nKenya and US agree on trade\n\n{BODY}", META)
    assert doc.title == "Kenya and US agree on trade"


def test_a_date_alone_in_the_header_and_a_byline_with_a_date_give_the_publication_date():
    from dossier.clean.metadata import clean_metadata

    readout = Document(id="r", source="r", raw=(
        "Secretary Rubio's Call with Kenyan President Ruto\n\nOffice of the Spokesperson\n"
        "March 3, 2025\n\nSecretary of State Marco Rubio spoke today with Kenyan President "
        "William Ruto about trade and security in the region."))
    assert clean_metadata(readout).published == date(2025, 3, 3)
    story = Document(id="s", source="s", raw=(
        "Ruto, Biden hold talks at White House\n\nBy Standard Reporter | Thursday, May 23, 2024\n\n"
        "WASHINGTON — President William Ruto held talks with US President Joe Biden at the "
        "White House on Thursday."))
    cleaned = clean_metadata(story)
    assert cleaned.published == date(2024, 5, 23)
    assert cleaned.dateline == "Washington"   # found after the byline
    assert "Standard Reporter" not in cleaned.text
