"""People across documents: one actor per person, with aliases, country and roles over time."""
from __future__ import annotations

import random
from datetime import date

from dossier.resolve.actors import Actor, MentionIn, OfficeHolder, resolve_people


def role(title: str, country: str | None = None, organization: str | None = None,
         doc: str = "d") -> dict:
    return {"title": title, "organization": organization, "country": country, "doc_id": doc,
            "start": 0, "end": len(title)}


def mention(id: int, doc: str, surface: str, name: str | None = None, country: str | None = None,
            published: date | None = None, roles: tuple = ()) -> MentionIn:
    return MentionIn(id, doc, surface, surface if name is None else name, country, published,
                     list(roles))


def by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def owner(actors: list[Actor], mention_id: int) -> str | None:
    return next((a.name for a in actors if mention_id in a.mention_ids), None)


BLINKEN_2024 = date(2024, 3, 7)
RUBIO_2025 = date(2025, 3, 13)


def test_nickname_and_misspelling_are_one_actor() -> None:
    actors = resolve_people([
        mention(1, "001", "Antony Blinken", country="USA", published=BLINKEN_2024,
                roles=[role("Secretary of State", "USA", doc="001")]),
        mention(2, "001", "Tony Blinken", "Antony Blinken", "USA", BLINKEN_2024),
        mention(3, "101", "Antony Blinken", country="USA"),
        mention(4, "102", "Anthony Blinken", country="USA"),
        mention(5, "103", "Tony Blinken", country="USA"),
        mention(6, "103", "Blinken", "Tony Blinken", "USA"),
    ])
    [blinken] = actors
    # The spelling most reports use wins over the misspelling and the nickname.
    assert blinken.name == "Antony Blinken"
    assert {"Tony Blinken", "Anthony Blinken", "Blinken"} <= set(blinken.aliases)
    assert sorted(blinken.mention_ids) == [1, 2, 3, 4, 5, 6]
    assert blinken.country == "USA"
    assert blinken.id == "person-antony-blinken"


def test_same_first_name_different_people_stay_apart() -> None:
    actors = by_name(resolve_people([
        mention(1, "002", "Christopher Landau", country="USA"),
        mention(2, "002", "Christopher Kirigua", country="KEN",
                roles=[role("Deputy Ambassador", doc="002")]),
        mention(3, "003", "Christopher Landau", country="USA",
                roles=[role("Deputy Secretary of State", "USA", doc="003")]),
    ]))
    assert set(actors) == {"Christopher Landau", "Christopher Kirigua"}
    assert sorted(actors["Christopher Landau"].mention_ids) == [1, 3]
    assert actors["Christopher Landau"].country == "USA"
    assert actors["Christopher Kirigua"].country == "KEN"
    assert [r["title"] for r in actors["Christopher Kirigua"].roles] == ["Deputy Ambassador"]


def test_bare_surname_joins_the_full_name() -> None:
    actors = resolve_people([
        mention(1, "003", "Christopher Landau", country="USA"),
        mention(2, "003", "Landau", "Landau", "USA"),
        mention(3, "004", "Landau", "Landau", "USA"),
    ])
    [landau] = actors
    assert landau.name == "Christopher Landau"
    assert sorted(landau.mention_ids) == [1, 2, 3]
    assert "Landau" in landau.aliases


def test_bare_surname_goes_to_the_better_known_of_two_namesakes() -> None:
    actors = by_name(resolve_people([
        mention(1, "a", "Joe Biden", country="USA"),
        mention(2, "b", "Joe Biden", country="USA"),
        mention(3, "b", "Hunter Biden", country="USA"),
        mention(4, "c", "Biden", "Biden", "USA"),
    ]))
    assert set(actors) == {"Joe Biden", "Hunter Biden"}
    assert 4 in actors["Joe Biden"].mention_ids
    assert actors["Hunter Biden"].mention_ids == [3]


def test_surname_alone_in_the_corpus_is_its_own_actor() -> None:
    [lammy] = resolve_people([mention(1, "a", "Lammy", "Lammy", "GBR")])
    assert lammy.name == "Lammy" and lammy.mention_ids == [1] and lammy.country == "GBR"


def test_role_only_mention_is_attached_to_the_title_holder() -> None:
    actors = resolve_people([
        mention(1, "001", "Musalia Mudavadi", country="KEN", published=BLINKEN_2024,
                roles=[role("Prime Cabinet Secretary", "KEN", doc="001")]),
        mention(2, "002", "Kenya\u2019s Prime Cabinet Secretary", "", "KEN", RUBIO_2025,
                roles=[role("Prime Cabinet Secretary", "KEN", doc="002")]),
        mention(3, "002", "Marco Rubio", country="USA", published=RUBIO_2025,
                roles=[role("Secretary of State", "USA", doc="002")]),
    ])
    assert owner(actors, 2) == "Musalia Mudavadi"
    mudavadi = by_name(actors)["Musalia Mudavadi"]
    assert "Kenya\u2019s Prime Cabinet Secretary" in mudavadi.aliases
    assert len(actors) == 2   # no actor is made of the role alone


def test_role_only_mention_of_another_country_is_not_attached() -> None:
    actors = resolve_people([
        mention(1, "a", "David Lammy", country="GBR", published=date(2024, 10, 15),
                roles=[role("Foreign Secretary", "GBR")]),
        mention(2, "b", "India's Foreign Secretary", "", "IND", date(2024, 10, 20),
                roles=[role("Foreign Secretary", "IND")]),
    ])
    assert owner(actors, 2) is None
    assert by_name(actors)["David Lammy"].mention_ids == [1]


def test_two_holders_of_one_title_told_apart_by_date() -> None:
    secretary = [role("Secretary of State", "USA")]
    actors = resolve_people([
        mention(1, "001", "Antony Blinken", country="USA", published=BLINKEN_2024, roles=secretary),
        mention(2, "002", "Marco Rubio", country="USA", published=RUBIO_2025, roles=secretary),
        mention(3, "x1", "the US Secretary of State", "", "USA", date(2024, 1, 10), secretary),
        mention(4, "x2", "the US Secretary of State", "", "USA", date(2025, 4, 1), secretary),
    ])
    assert owner(actors, 3) == "Antony Blinken"
    assert owner(actors, 4) == "Marco Rubio"


def test_roles_are_valid_over_the_reports_that_give_them() -> None:
    [ruto] = resolve_people([
        mention(1, "a", "William Ruto", country="KEN", published=date(2024, 5, 23),
                roles=[role("President", "KEN")]),
        mention(2, "b", "William Ruto", country="KEN", published=date(2026, 1, 29),
                roles=[role("President", "KEN")]),
        mention(3, "c", "William Ruto", country="KEN", published=None, roles=[role("President")]),
    ])
    [president] = ruto.roles
    assert (president["valid_from"], president["valid_to"]) == (date(2024, 5, 23), date(2026, 1, 29))
    assert president["country"] == "KEN"


def test_country_comes_from_roles_before_the_document_guess() -> None:
    # A Tokyo report may guess "JPN" for an unqualified Indian official; his title says India.
    [modi] = resolve_people([
        mention(1, "a", "Narendra Modi", country="JPN"),
        mention(2, "b", "Narendra Modi", country="IND", roles=[role("Prime Minister", "IND")]),
    ])
    assert modi.country == "IND"


def test_a_country_a_report_states_outvotes_those_others_assume() -> None:
    # two U.S. statements name "President Bolsonaro" bare; a readout says "of Brazil" once
    assumed = [mention(i, "us", "Bolsonaro", country="USA") for i in (1, 2)]
    for m in assumed:
        m.country_assumed = True
    [bolsonaro] = resolve_people([*assumed, mention(3, "readout", "Jair Bolsonaro", country="BRA")])
    assert bolsonaro.country == "BRA"


def test_result_does_not_depend_on_input_order() -> None:
    secretary = [role("Secretary of State", "USA")]
    mentions = [
        mention(1, "001", "Antony Blinken", country="USA", published=BLINKEN_2024, roles=secretary),
        mention(2, "001", "Tony Blinken", "Antony Blinken", "USA", BLINKEN_2024),
        mention(3, "002", "Marco Rubio", country="USA", published=RUBIO_2025, roles=secretary),
        mention(4, "002", "Rubio", "Rubio", "USA", RUBIO_2025),
        mention(5, "002", "Christopher Landau", country="USA", published=RUBIO_2025),
        mention(6, "002", "Christopher Kirigua", country="KEN", published=RUBIO_2025),
        mention(7, "003", "Landau", "Landau", "USA", date(2026, 2, 12)),
        mention(8, "x", "the Secretary of State", "", "USA", date(2025, 5, 1), secretary),
        mention(9, "y", "Anthony Blinken", country="USA", published=date(2024, 6, 1)),
    ]

    def summary(actors: list[Actor]) -> set:
        return {(a.id, a.name, a.country, frozenset(a.mention_ids)) for a in actors}

    expected = summary(resolve_people(mentions))
    for seed in range(5):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        assert summary(resolve_people(shuffled)) == expected
    assert {name for _, name, _, _ in expected} == {"Antony Blinken", "Marco Rubio",
                                                    "Christopher Landau", "Christopher Kirigua"}


def test_copied_report_adds_evidence_but_no_new_actor() -> None:
    actors = resolve_people([
        mention(1, "orig", "Yusuf Tuggar", country="NGA"),
        mention(2, "copy", "Yusuf Tuggar", country="NGA"),
        mention(3, "copy", "Kemi Badenoch", country="GBR"),   # only the copy names her
    ], copies=frozenset({"copy"}))
    [tuggar] = actors
    assert tuggar.name == "Yusuf Tuggar" and sorted(tuggar.mention_ids) == [1, 2]


def test_dictionary_of_office_holders_names_the_unnamed() -> None:
    offices = [OfficeHolder("Antony Blinken", "Secretary of State", "USA", date(2021, 1, 26),
                            date(2025, 1, 20)),
               OfficeHolder("Marco Rubio", "Secretary of State", "USA", date(2025, 1, 21), None)]
    actors = resolve_people([
        mention(1, "a", "the US Secretary of State", "", "USA", date(2025, 3, 1),
                [role("Secretary of State", "USA")]),
    ], offices=offices)
    assert owner(actors, 1) == "Marco Rubio"
    assert by_name(actors)["Marco Rubio"].country == "USA"


def test_a_bare_surname_with_a_title_is_the_one_who_holds_it_or_no_one_known() -> None:
    actors = resolve_people([
        mention(1, "a", "Jill Biden", country="USA", roles=[role("First Lady", "USA")]),
        mention(2, "a", "Jill Biden", country="USA"),
        mention(3, "b", "Biden", country="USA", roles=[role("President", "USA")]),
        mention(4, "c", "Biden", country="USA"),
    ])
    assert owner(actors, 3) != owner(actors, 1)   # the President is not the First Lady
    assert owner(actors, 4) == owner(actors, 1)   # an untitled "Biden" joins the one named most


def test_a_leader_assumed_to_be_of_the_report_s_country_yields_to_its_known_holder() -> None:
    day = date(2023, 3, 7)
    biden = [mention(i, f"us{i}", "Joe Biden", country="USA", published=day,
                     roles=[role("President", doc=f"us{i}")]) for i in range(3)]
    # a President no table of public figures knows
    park = mention(9, "us9", "Park Min-jun", country="USA", published=day,
                   roles=[role("President", doc="us9")])
    for m in [*biden, park]:
        m.country_assumed = True
    actors = by_name(resolve_people([*biden, park]))
    assert actors["Joe Biden"].country == "USA"
    assert actors["Park Min-jun"].country is None, "one President of the United States at a time"


def test_a_family_name_written_first_or_a_middle_name_alone_is_that_person() -> None:
    actors = resolve_people([
        mention(1, "a", "Kishida Fumio", country="JPN"),
        mention(2, "b", "Kishida", country="JPN"),
        mention(3, "c", "Luiz Inácio Lula da Silva", country="BRA"),
        mention(4, "d", "Lula", country="BRA"),
        mention(5, "e", "Inácio", country="PRT"),   # another country: not him
    ])
    assert owner(actors, 2) == "Kishida Fumio" and owner(actors, 4) == "Luiz Inácio Lula da Silva"
    assert owner(actors, 5) == "Inácio"
