"""Reading a title of office apart: the title, its organisation and the sending country."""
from __future__ import annotations

import pytest

from dossier.annotate.titles import has_head_word, is_head_word, parse_title, split_titles


@pytest.mark.parametrize("phrase, title, country", [
    ("US Secretary of State", "Secretary of State", "USA"),
    ("U.S. Deputy Secretary of State", "Deputy Secretary of State", "USA"),
    ("United States Ambassador to Kenya", "Ambassador to Kenya", "USA"),
    ("British Foreign Secretary", "Foreign Secretary", "GBR"),
    ("Indian Prime Minister", "Prime Minister", "IND"),
    ("Ethiopian Prime Minister", "Prime Minister", "ETH"),
    ("Chinese Foreign Minister", "Foreign Minister", "CHN"),
    ("Nigeria's Foreign Minister", "Foreign Minister", "NGA"),
    ("Nigeria\u2019s Foreign Minister", "Foreign Minister", "NGA"),
    ("Japan's Minister for Foreign Affairs", "Minister for Foreign Affairs", "JPN"),
])
def test_country_word_before_a_title_names_its_country(phrase: str, title: str, country: str) -> None:
    parsed = parse_title(phrase)
    assert (parsed.title, parsed.country) == (title, country)


def test_country_is_the_sender_not_the_destination() -> None:
    # A Kenyan ambassador posted to Washington is Kenyan.
    parsed = parse_title("Kenyan Ambassador to the United States")
    assert parsed.country == "KEN"
    assert parsed.title == "Ambassador to the United States"
    # The British High Commissioner in Abuja is British.
    assert parse_title("the United Kingdom's High Commissioner to Nigeria").country == "GBR"


def test_trailing_institution_is_the_organisation() -> None:
    parsed = parse_title("Principal Secretary for Trade at the State Department")
    assert parsed.title == "Principal Secretary for Trade"
    assert parsed.organization == "State Department"
    assert parsed.country is None
    wto = parse_title("Director General at the World Trade Organization")
    assert (wto.title, wto.organization) == ("Director General", "World Trade Organization")


def test_title_without_country_or_organisation() -> None:
    parsed = parse_title("Cabinet Secretary for Investment, Trade, and Industry")
    assert parsed.title == "Cabinet Secretary for Investment, Trade, and Industry"
    assert parsed.country is None and parsed.organization is None


def test_kenyan_abbreviations_are_spelled_out() -> None:
    assert parse_title("Prime CS").title == "Prime Cabinet Secretary"
    assert parse_title("Trade CS").title == "Trade Cabinet Secretary"
    assert parse_title("NSA").title == "National Security Advisor"   # "NSA Sullivan"


def test_address_title_after_an_office_is_a_second_role() -> None:
    # Seed 002: "U.S. Secretary of State Senator Marco Rubio".
    assert split_titles("Secretary of State Senator") == ["Secretary of State", "Senator"]


@pytest.mark.parametrize("phrase", ["Deputy Ambassador", "Foreign Minister", "President",
                                    "Acting Ambassador"])
def test_single_titles_are_not_split(phrase: str) -> None:
    assert split_titles(phrase) == [phrase]


def test_head_words_recognise_titles_not_names_or_countries() -> None:
    assert is_head_word("Ambassador.") and is_head_word("CS") and is_head_word("Premier")
    assert not is_head_word("Kenya") and not is_head_word("the")
    assert has_head_word("Principal Secretary for Foreign Affairs")
    assert has_head_word("High Commissioner")
    assert not has_head_word("Strategic Trade and Investment Partnership")


@pytest.mark.parametrize("phrase", ["God Bless President", "Like President", "Thanks to President",
                                    "Our President"])
def test_words_around_a_title_are_not_part_of_it(phrase: str) -> None:
    assert parse_title(phrase).title == "President"


def test_the_republic_an_ambassador_is_sent_to_is_not_their_country() -> None:
    title = parse_title("Ambassador Extraordinary and Plenipotentiary to the Republic of Burundi")
    assert title.country is None
    assert parse_title("Foreign Minister of Nigeria").country == "NGA"
