"""Topics of a passage, from a small fixed vocabulary."""
from __future__ import annotations

from dossier.annotate.topics import TOPIC_STEMS, topics_of


def test_word_forms_share_a_topic() -> None:
    for text in ("regulatory practices", "new regulations", "the regulation of trade"):
        assert "regulation" in topics_of(text), text
    for text in ("agriculture", "agricultural exports", "smallholder farmers"):
        assert "agriculture" in topics_of(text), text


def test_topics_come_in_vocabulary_order() -> None:
    text = ("Officials discussed humanitarian aid to Sudan, counter-terrorism in Somalia, "
            "and trade.")
    found = topics_of(text)
    order = list(TOPIC_STEMS)
    assert found == sorted(found, key=order.index)
    assert {"trade", "terrorism", "humanitarian"} <= set(found)


def test_case_does_not_matter() -> None:
    assert topics_of("TRADE AND INVESTMENT") == ["trade", "investment"]


def test_unrelated_passage_has_no_topic() -> None:
    assert topics_of("The ministers posed for photographs before lunch.") == []


def test_india_japan_passage() -> None:
    found = topics_of("The two leaders discussed semiconductor supply chains, defence cooperation "
                      "and the Mumbai-Ahmedabad high-speed railway.")
    assert {"logistics", "military", "infrastructure"} <= set(found)
    assert "health" not in found and "trade" not in found


def test_nigeria_uk_passage() -> None:
    found = topics_of("Britain will support Nigeria's visa reforms, and both sides pledged to "
                      "tackle terrorism and extremism in the Sahel and boost electricity supply.")
    assert {"migration", "terrorism", "energy"} <= set(found)


def test_seed_like_passage_on_kenya_us_security() -> None:
    found = topics_of("President Ruto thanked the United States for helping to transform the "
                      "Multinational Security Support mission in Haiti. The officials also talked "
                      "about counter-terrorism cooperation in Somalia and the humanitarian "
                      "situation in Sudan.")
    assert {"security", "terrorism", "humanitarian"} <= set(found)
    assert "trade" not in found


def test_food_security_is_agriculture() -> None:
    assert "agriculture" in topics_of("They agreed on food security and fertiliser supplies.")
