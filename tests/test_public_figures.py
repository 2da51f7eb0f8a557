"""Well-known public figures keep their own country when the reports can only assume one."""
from __future__ import annotations

from dossier.resolve.actors import resolve_people
from dossier.public_figures import figure_country
from tests.resolve.test_actors import by_name, mention


def test_spellings_and_bare_surnames_of_a_figure_find_the_country() -> None:
    assert figure_country("Nguyen Phu Trong") == "VNM"            # accents dropped
    assert figure_country("Volodymyr Zelensky") == "UKR"          # transliterated apart
    assert figure_country("Ishiba") == "JPN"
    assert figure_country("Amir", aliases=["Tamim bin Hamad Al Thani"]) == "QAT"


def test_short_or_unknown_names_find_nothing() -> None:
    assert figure_country("Kim") is None, "a short bare name is anyone's"
    assert figure_country("Jill Biden") is None, "a relative is not the figure"
    assert figure_country("Jane Doe") is None


def test_a_short_bare_name_under_a_leader_s_title_is_the_leader() -> None:
    assert figure_country("Lula") is None
    assert figure_country("Lula", leader=True) == "BRA"   # "Presidents Biden and Lula"
    lula = mention(1, "fact-sheet", "Lula", country="USA", roles=(
        {"title": "President", "organization": None, "country": None},))
    lula.country_assumed = True
    assert by_name(resolve_people([lula]))["Lula"].country == "BRA"


def test_a_figure_the_reports_only_assumed_american_is_of_their_own_country() -> None:
    yoon = mention(1, "us-statement", "Yoon Suk Yeol", country="USA")
    yoon.country_assumed = True
    stated = mention(2, "readout", "Narendra Modi", country="GBR")   # a report said so: it stands
    actors = by_name(resolve_people([yoon, stated]))
    assert actors["Yoon Suk Yeol"].country == "KOR"
    assert actors["Narendra Modi"].country == "GBR"


def test_a_figure_of_the_past_a_statement_recalls_keeps_their_country() -> None:
    # "... the trial team prosecuting Slobodan Milosevic", in a White House announcement
    milosevic = mention(1, "us-announcement", "Slobodan Milosevic", country="USA")
    milosevic.country_assumed = True
    mandela = mention(2, "us-speech", "Nelson Mandela", country="USA")
    mandela.country_assumed = True
    actors = by_name(resolve_people([milosevic, mandela]))
    assert actors["Slobodan Milosevic"].country == "SRB"
    assert actors["Nelson Mandela"].country == "ZAF"


def test_every_row_names_a_country_iso_3166_knows() -> None:
    import csv
    from importlib.resources import files

    import pycountry
    with (files("dossier") / "data" / "public_figures.csv").open(encoding="utf-8") as rows:
        table = list(csv.DictReader(rows))
    assert len(table) > 200
    assert [r["name"] for r in table if pycountry.countries.get(alpha_3=r["country"]) is None] == []


def test_when_reports_disagree_a_known_figure_keeps_the_country_one_of_them_gives() -> None:
    misread = [mention(i, f"iran-{i}", "Donald J. Trump", roles=(
        {"title": "President", "organization": None, "country": "IRN"},)) for i in range(3)]
    stated = mention(9, "us", "Donald J. Trump", roles=(
        {"title": "President of the United States", "organization": None, "country": "USA"},))
    assert by_name(resolve_people([*misread, stated]))["Donald J. Trump"].country == "USA"
