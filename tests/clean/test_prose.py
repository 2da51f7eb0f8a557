"""Hard-wrapped text and Markdown become prose; scraped text laid out a paragraph per line does not move."""
from __future__ import annotations

from dossier.clean.prose import to_prose, wrap_width

WRAPPED = (
    "Today, President Biden met with Prime Minister Kishida Fumio of Japan\n"
    "in Phnom Penh, Cambodia. The two leaders discussed the situation on the\n"
    "Korean Peninsula and their shared commitment to a free and open\n"
    "Indo-Pacific.\n"
    "\n"
    "The leaders also condemned the missile launches by the DPRK and agreed\n"
    "to keep coordinating closely with the Republic of Korea.\n"
)


def test_a_wrapped_paragraph_is_one_line() -> None:
    assert wrap_width(WRAPPED) == max(len(line) for line in WRAPPED.split("\n"))
    assert to_prose(WRAPPED) == (
        "Today, President Biden met with Prime Minister Kishida Fumio of Japan in Phnom Penh, "
        "Cambodia. The two leaders discussed the situation on the Korean Peninsula and their "
        "shared commitment to a free and open Indo-Pacific.\n\n"
        "The leaders also condemned the missile launches by the DPRK and agreed to keep "
        "coordinating closely with the Republic of Korea."
    )


def test_words_joined_by_no_break_spaces_wrap_as_one_word() -> None:
    # "state\xa0dinner,\xa0on" could not be broken, so the wrapper moved it whole
    text = ("President Joe Biden and First Lady Jill Biden will host President Yoon\n"
            "Suk Yeol and First Lady Kim Keon Hee of the Republic of Korea (ROK) for\n"
            "a State Visit to the United States, which will include a\n"
            "state\xa0dinner,\xa0on April 26, 2023. This will be the second State Visit of\n"
            "the Biden-Harris Administration.\n")
    assert to_prose(text) == (
        "President Joe Biden and First Lady Jill Biden will host President Yoon Suk Yeol and "
        "First Lady Kim Keon Hee of the Republic of Korea (ROK) for a State Visit to the United "
        "States, which will include a state dinner, on April 26, 2023. This will be the second "
        "State Visit of the Biden-Harris Administration.")


def test_markdown_marks_lists_and_links_leave_the_text() -> None:
    text = (
        "**SECURING SUPPLY:** Today, President Donald J. Trump signed an order\n"
        "on copper imports after talks with *Chile* and [the\n"
        "Secretary](https://www.commerce.gov/news/a-very-long-address-that-does-not-fit) of Commerce.\n"
        "\n"
        "-   The Order directs the Secretary of Commerce to initiate a Section\n"
        "    232 investigation under the Trade Expansion Act of 1962.\n"
        "-   The investigation will assess the risks arising from the United\n"
        "    States’ dependence on imported copper.\n"
        "\n"
        "### Background\n"
    )
    assert to_prose(text) == (
        "SECURING SUPPLY: Today, President Donald J. Trump signed an order on copper imports "
        "after talks with Chile and the Secretary of Commerce.\n\n"
        "The Order directs the Secretary of Commerce to initiate a Section 232 investigation "
        "under the Trade Expansion Act of 1962.\n\n"
        "The investigation will assess the risks arising from the United States’ dependence "
        "on imported copper.\n\n"
        "Background"
    )


def test_short_lines_of_a_wrapped_text_stay_lines_of_their_own() -> None:
    """An address list inside a wrapped readout: each line is a place, not a sentence part."""
    text = WRAPPED + "\nMayors joined the call from cities including:\n\nAtlanta, GA\nBaltimore, MD\n\n###\n"
    prose = to_prose(text)
    assert prose.endswith("including:\n\nAtlanta, GA\n\nBaltimore, MD")


def test_scraped_text_with_a_paragraph_per_line_is_unchanged() -> None:
    text = (
        "Home | News | Africa\n"
        "Kenya and US hold talks on trade and security\n"
        "Kenya's President William Ruto on Tuesday met the US Secretary of State in Nairobi, "
        "where the two discussed the trade agreement and a security compact for the region.\n"
        "The meeting came a week after the two countries' trade ministers met in Washington "
        "to speed up talks on a trade deal that has been in the works since 2022.\n"
    )
    assert wrap_width(text) is None
    assert to_prose(text) == text


def test_markdown_without_wrapping_keeps_each_line_a_block() -> None:
    text = "# Kenya and US hold talks\nRead [the statement](https://state.gov/x).\n- one item\n- two"
    assert to_prose(text) == "Kenya and US hold talks\n\nRead the statement.\n\none item\n\ntwo"


def test_inline_html_tags_leave_the_text_and_their_words_stay() -> None:
    text = "The two countries will **cooperate** to better <u>protect</u> the health of their citizens."
    assert to_prose(text) == "The two countries will cooperate to better protect the health of their citizens."
