"""Initiatives across documents: every mention of one agreement or programme in one record."""
from __future__ import annotations

import random

from dossier.resolve.initiatives import (Initiative, InitiativeMentionIn, initiative_key,
                                         resolve_initiatives)

KENYA_US = frozenset({"KEN", "USA"})   # the parties of every seed report
SEED_MENTIONS = [
    InitiativeMentionIn(1, "000", "Strategic Trade and Investment Partnership", None, KENYA_US),
    InitiativeMentionIn(2, "001", "Kenya-US Strategic Trade and Investment Partnership", None, KENYA_US),
    InitiativeMentionIn(3, "001", "African Growth and Opportunity Act", None, KENYA_US),
    InitiativeMentionIn(4, "002", "Kenya\u2013U.S. Free Trade Agreement", "FTA", KENYA_US),
    InitiativeMentionIn(5, "002", "Multinational Security Support Mission in Haiti", "MSS", KENYA_US),
    InitiativeMentionIn(6, "003", "comprehensive trade agreement", None, KENYA_US),
    InitiativeMentionIn(7, "003", "African Growth and Opportunity Act", "AGOA", KENYA_US),
    InitiativeMentionIn(8, "003", "AGOA", "AGOA", KENYA_US),
    InitiativeMentionIn(9, "003", "Kenya\u2013U.S. Health Cooperation Framework", None, KENYA_US),
    InitiativeMentionIn(10, "004", "Kenya\u2013US Health Cooperation Framework", None, KENYA_US),
    InitiativeMentionIn(11, "004", "comprehensive trade agreement", None, KENYA_US),
    InitiativeMentionIn(12, "004", "Multinational Security Support Mission in Haiti", None, KENYA_US),
    InitiativeMentionIn(13, "003", "Multinational Security Support mission in Haiti", None, KENYA_US),
]


def groups(initiatives: list[Initiative]) -> set[frozenset[int]]:
    return {frozenset(i.mention_ids) for i in initiatives}


def test_seed_initiatives_form_five_records() -> None:
    found = resolve_initiatives(SEED_MENTIONS)
    assert groups(found) == {
        frozenset({1, 2}),            # STIP
        frozenset({3, 7, 8}),         # AGOA, by name and by acronym
        frozenset({4, 6, 11}),        # the Kenya–US trade agreement under three names
        frozenset({9, 10}),           # the health framework, "U.S." and "US"
        frozenset({5, 12, 13}),       # the mission in Haiti, "Mission" or "mission"
    }


def test_record_is_named_by_its_capitalised_name_and_lists_aliases() -> None:
    by_ids = {frozenset(i.mention_ids): i for i in resolve_initiatives(SEED_MENTIONS)}
    trade = by_ids[frozenset({4, 6, 11})]
    assert trade.name == "Kenya\u2013U.S. Free Trade Agreement"
    assert {"FTA", "comprehensive trade agreement"} <= set(trade.aliases)
    agoa = by_ids[frozenset({3, 7, 8})]
    assert agoa.name == "African Growth and Opportunity Act" and "AGOA" in agoa.aliases
    assert agoa.name not in agoa.aliases


def test_health_framework_stays_apart_from_trade_agreement() -> None:
    assert initiative_key("Kenya\u2013U.S. Health Cooperation Framework") == \
        initiative_key("Kenya\u2013US Health Cooperation Framework")
    assert initiative_key("Kenya\u2013U.S. Health Cooperation Framework") != \
        initiative_key("Kenya\u2013U.S. Free Trade Agreement")


def test_nigeria_uk_partnership_by_name_and_acronym() -> None:
    found = resolve_initiatives([
        InitiativeMentionIn(1, "a", "UK-Nigeria Enhanced Trade and Investment Partnership", "ETIP"),
        InitiativeMentionIn(2, "b", "Enhanced Trade and Investment Partnership", None),
        InitiativeMentionIn(3, "c", "ETIP", "ETIP"),
        InitiativeMentionIn(4, "c", "Belt and Road Initiative", "BRI"),
        InitiativeMentionIn(5, "d", "China's Belt and Road Initiative", None),
    ])
    assert groups(found) == {frozenset({1, 2, 3}), frozenset({4, 5})}
    etip = next(i for i in found if 1 in i.mention_ids)
    assert etip.name == "UK-Nigeria Enhanced Trade and Investment Partnership"


def test_ids_are_unique_and_readable() -> None:
    found = resolve_initiatives(SEED_MENTIONS)
    ids = [i.id for i in found]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("initiative-") for i in ids)
    assert "initiative-african-growth-and-opportunity-act" in ids


def test_result_does_not_depend_on_input_order() -> None:
    def summary(found: list[Initiative]) -> set:
        return {(i.id, i.name, frozenset(i.mention_ids)) for i in found}

    expected = summary(resolve_initiatives(SEED_MENTIONS))
    for seed in range(5):
        shuffled = SEED_MENTIONS[:]
        random.Random(seed).shuffle(shuffled)
        assert summary(resolve_initiatives(shuffled)) == expected


def test_two_countries_trade_agreements_stay_apart():
    mentions = [InitiativeMentionIn(1, "a", "US-Kenya Trade Agreement", None),
                InitiativeMentionIn(2, "b", "US-Japan Trade Agreement", None),
                InitiativeMentionIn(3, "c", "trade agreement", None, frozenset({"USA", "JPN"}))]
    groups = {frozenset(i.mention_ids) for i in resolve_initiatives(mentions)}
    assert groups == {frozenset({1}), frozenset({2, 3})}
