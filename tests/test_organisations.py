"""International organisations are actors of their own, found however news writes them."""
from __future__ import annotations

import pytest

from dossier.organisations import is_armed_group, organisation_code, organisation_name


@pytest.mark.parametrize("text, code", [
    ("the European Union", "EU"), ("E.U.", "EU"), ("the EU’s", "EU"), ("NATO", "NATO"),
    ("Nato", "NATO"), ("the United Nations", "UN"), ("African Union", "AU"), ("WHO", "WHO"),
    ("Economic Community of West African States", "ECOWAS"),
    ("al-Shabaab", "ALSHABAAB"), ("Al Shabab", "ALSHABAAB"), ("ISIS-K", "ISISK"),
    ("the Houthis", "HOUTHIS"), ("Hamas", "HAMAS"), ("the Syrian Democratic Forces", "SDF"),
    ("the Major Economies Forum on Energy and Climate", "MEF"), ("the OPCW", "OPCW"),
    ("the Defeat-ISIS Coalition", "DISIS"), ("the International Labour Organization", "ILO"),
])
def test_names_acronyms_and_possessives_are_found(text: str, code: str) -> None:
    assert organisation_code(text) == code


@pytest.mark.parametrize("text", ["who", "Who", "un", "us", "Kenya", "the Alliance", "Congress"])
def test_common_words_and_countries_are_not_organisations(text: str) -> None:
    assert organisation_code(text) is None


def test_every_code_has_a_name() -> None:
    assert organisation_name("EU") == "European Union" and organisation_name("IMF")


def test_armed_groups_are_told_from_intergovernmental_bodies() -> None:
    assert is_armed_group("ALSHABAAB") and is_armed_group("HAMAS")
    assert not is_armed_group("EU") and not is_armed_group("UN")
