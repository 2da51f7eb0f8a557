"""Country and place names as news text writes them resolve to the right ISO alpha-3 code."""
from __future__ import annotations

import csv
from importlib.resources import files

import pycountry
import pytest

from dossier.places import (
    adjective_country,
    country_code,
    country_name,
    is_country_name,
    place_country,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kenya", "KEN"), ("Republic of Kenya", "KEN"),
        ("the United States", "USA"), ("United States of America", "USA"), ("US", "USA"),
        ("U.S.", "USA"), ("USA", "USA"), ("America", "USA"),
        ("UK", "GBR"), ("U.K.", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR"),
        ("United Kingdom", "GBR"),
        ("DRC", "COD"), ("Democratic Republic of Congo", "COD"),
        ("the Democratic Republic of the Congo", "COD"), ("Republic of the Congo", "COG"),
        ("China", "CHN"), ("People's Republic of China", "CHN"), ("South Korea", "KOR"),
        ("North Korea", "PRK"), ("Russia", "RUS"), ("Iran", "IRN"),
        ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"),
        ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Vietnam", "VNM"), ("Tanzania", "TZA"),
        ("Syria", "SYR"), ("Laos", "LAO"), ("Bolivia", "BOL"), ("Venezuela", "VEN"),
        ("Moldova", "MDA"), ("Czech Republic", "CZE"), ("Czechia", "CZE"),
        ("Palestine", "PSE"), ("Taiwan", "TWN"), ("Holland", "NLD"),
        ("the Netherlands", "NLD"), ("The Gambia", "GMB"), ("St. Lucia", "LCA"),
        ("Guinea Bissau", "GNB"), ("Kosovo", "XKX"),
    ],
)
def test_country_names_short_forms_and_official_names(text: str, code: str) -> None:
    assert country_code(text) == code
    assert is_country_name(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [("Kenya's", "KEN"), ("Kenya\u2019s", "KEN"), ("US'", "USA"), ("U.S.'s", "USA"),
     ("Philippines'", "PHL"), ("KENYA", "KEN"), ("  kenya ", "KEN")],
)
def test_possessives_case_and_spacing_do_not_matter(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kenyan", "KEN"), ("American", "USA"), ("British", "GBR"), ("Chinese", "CHN"),
        ("Nigerian", "NGA"), ("Nigerien", "NER"), ("Ethiopian", "ETH"), ("Somali", "SOM"),
        ("Sudanese", "SDN"), ("South Sudanese", "SSD"), ("Haitian", "HTI"),
        ("Ugandan", "UGA"), ("Tanzanian", "TZA"), ("South African", "ZAF"),
        ("Emirati", "ARE"), ("Saudi", "SAU"), ("Filipino", "PHL"), ("Dutch", "NLD"),
        ("Swiss", "CHE"), ("Congolese", "COD"), ("Dominican", "DOM"),
    ],
)
def test_demonyms_name_their_country(text: str, code: str) -> None:
    assert country_code(text) == code
    assert adjective_country(text) == code


@pytest.mark.parametrize(
    "text",
    ["Africa", "East Africa", "Middle East", "Washington", "us", "Us", "Korea",
     "Latin America", "Americas", ""],
)
def test_regions_cities_and_the_pronoun_are_not_countries(text: str) -> None:
    assert country_code(text) is None
    assert not is_country_name(text)


def test_a_nationality_is_not_a_country_name() -> None:
    assert country_code("Kenyan") == "KEN"
    assert not is_country_name("Kenyan")


@pytest.mark.parametrize(
    ("word", "code"),
    [("Kenyan", "KEN"), ("Kenyans", "KEN"), ("Americans", "USA"), ("Britons", "GBR"),
     ("U.S.", "USA"), ("UK", "GBR"), ("UAE", "ARE")],
)
def test_adjectives_and_plural_nationalities(word: str, code: str) -> None:
    assert adjective_country(word) == code


@pytest.mark.parametrize("word", ["Kenya", "us", "Americas", "African"])
def test_country_names_and_non_nationalities_are_not_adjectives(word: str) -> None:
    assert adjective_country(word) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("State House, Nairobi", "KEN"), ("Nairobi", "KEN"), ("Nairobi, Kenya", "KEN"),
        ("Addis Ababa", "ETH"), ("Abuja", "NGA"), ("Lagos", "NGA"),
        ("Washington, D.C.", "USA"), ("Washington DC", "USA"), ("Washington", "USA"),
        ("Port-au-Prince", "HTI"), ("Mogadishu", "SOM"), ("Khartoum", "SDN"),
        ("New Delhi", "IND"), ("Texas", "USA"), ("Florida", "USA"), ("Georgia", "GEO"),
        ("Kenya", "KEN"), ("Bogota", "COL"), ("The Hague", "NLD"), ("Kiev", "UKR"),
        ("Calcutta", "IND"), ("Nairobi's", "KEN"),
    ],
)
def test_places_resolve_to_their_country(name: str, code: str) -> None:
    assert place_country(name) == code


@pytest.mark.parametrize(("name", "code"), [("Kingston", "JAM"), ("San Jose", "CRI")])
def test_a_capital_beats_a_namesake_unless_the_capital_is_a_village(name: str, code: str) -> None:
    # San José, Costa Rica beats the bigger San Jose, California; Norfolk Island's hamlet
    # of Kingston does not beat Jamaica's capital.
    assert place_country(name) == code


@pytest.mark.parametrize("name", ["State House", "Atlantis Prime", "East Africa", ""])
def test_unknown_places_are_none(name: str) -> None:
    assert place_country(name) is None


@pytest.mark.parametrize(
    ("code", "name"),
    [("KEN", "Kenya"), ("USA", "United States"), ("GBR", "United Kingdom"),
     ("COD", "DR Congo"), ("IRN", "Iran"), ("KOR", "South Korea"), ("TZA", "Tanzania"),
     ("ken", "Kenya"), ("XKX", "Kosovo")],
)
def test_country_name_is_short_and_readable(code: str, name: str) -> None:
    assert country_name(code) == name


def test_country_name_rejects_unknown_codes() -> None:
    with pytest.raises(KeyError):
        country_name("XYZ")


def test_no_readable_name_is_an_inverted_iso_form() -> None:
    # "Korea, Republic of" in a report or a chart label would be wrong twice over.
    for country in pycountry.countries:
        name = country_name(country.alpha_3)
        assert not name.endswith(" of") and not name.endswith(" the"), name


def test_demonym_table_covers_the_sovereign_states() -> None:
    with files("dossier").joinpath("data/demonyms.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {"alpha3", "demonym"} == set(rows[0])
    resolvable = {adjective_country(row["demonym"]) for row in rows} - {None}
    assert len({row["alpha3"] for row in rows}) >= 190
    assert len(resolvable) >= 190
    known = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    assert {row["alpha3"] for row in rows} <= known


def test_an_event_place_is_drawn_at_its_city_else_at_its_country_s_capital() -> None:
    from dossier.places import place_point

    nairobi = place_point("State House, Nairobi")
    assert nairobi is not None and nairobi.precision == "city"
    assert (round(nairobi.lat), round(nairobi.lon)) == (-1, 37)
    kenya = place_point(None, "KEN")
    assert kenya is not None and kenya.precision == "country" and (kenya.lat, kenya.lon) == (nairobi.lat, nairobi.lon)
    assert place_point("Phnom Penh, Cambodia").precision == "city"
    assert place_point(None, None) is None and place_point("Nowhere Land") is None


def test_the_united_states_territories_are_of_the_united_states():
    from dossier.places import country_code, place_country
    assert country_code("Guam") == country_code("Puerto Rico") == "USA"
    assert place_country("San Juan, Puerto Rico") == "USA"
