"""Money mentions on the seed articles and on short reports about other countries."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier.annotate.money import annotate_money
from dossier.annotate.nlp import annotate_nlp
from dossier.document import Document, MoneyMention
from dossier.pipeline import REGISTRY

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"

NIGERIA_UK = (
    "ABUJA — Nigeria and the United Kingdom on Tuesday signed a trade deal worth £1.2bn in "
    "March 2024, officials said. Separately, the federal government set aside N500 billion "
    "for port upgrades. Inflation eased to 15% in 2023, and clinics ordered N95 masks.\n"
    "Britain also pledged US$300m and $50m for flood relief in Kano.\n"
)
KENYA_LOAN = (
    "NAIROBI — The World Bank approved a $2.5 billion (Sh322 billion) loan to Kenya on Monday. "
    "Treasury officials said KSh 1.5 trillion of debt falls due in 2026, while USD 300,000 "
    "went to audits. Analysts put the gap at $2-3 billion.\n"
)


def annotate(text: str, doc_id: str = "snippet") -> Document:
    doc = Document(id=doc_id, source=doc_id, raw=text, text=text)
    return annotate_money(annotate_nlp(doc))


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    return {p.stem[:3]: annotate(p.read_text(encoding="utf-8"), p.stem) for p in sorted(SEEDS.glob("*.txt"))}


def by_text(doc: Document) -> dict[str, MoneyMention]:
    return {m.text: m for m in doc.money}


def test_stage_is_registered_for_the_pipeline() -> None:
    st = REGISTRY["dossier.annotate.money.v1"]
    assert st.needs == ("text", "sentences") and st.adds == ("money",)


def test_seed_003_gives_the_three_shilling_figures(seeds: dict[str, Document]) -> None:
    money = by_text(seeds["003"])
    assert list(money) == ["Ksh95 billion", "Ksh99 billion", "Ksh208 billion"]
    assert [m.value for m in money.values()] == [95e9, 99e9, 208e9]
    assert {m.currency for m in money.values()} == {"KES"}
    # The trade figures are for 2024 ("demonstrated in 2024 when Kenya sold ..."); the
    # framework's value has no period.
    assert money["Ksh95 billion"].period == money["Ksh99 billion"].period == "2024"
    assert money["Ksh208 billion"].period is None
    assert "sold" in money["Ksh95 billion"].what and "United States" in money["Ksh95 billion"].what
    assert money["Ksh208 billion"].what == "Kenya–U.S. Health Cooperation Framework"


def test_seed_004_gives_dollar_trade_figures_for_2024(seeds: dict[str, Document]) -> None:
    money = by_text(seeds["004"])
    assert (money["$737 million"].value, money["$737 million"].currency) == (737e6, "USD")
    assert (money["$771 million"].value, money["$771 million"].currency) == (771e6, "USD")
    assert money["$737 million"].period == money["$771 million"].period == "2024"
    assert money["$737 million"].what == "Kenya exported goods to the US"
    assert money["$771 million"].what.startswith("imports from the United States")
    framework = money["Ksh.208 billion"]
    assert (framework.value, framework.currency) == (208e9, "KES")
    assert framework.what == "Kenya–US Health Cooperation Framework"


def test_meeting_reports_without_figures_give_none(seeds: dict[str, Document]) -> None:
    # Years ("2024"), counts ("five African Heads of State") and ages are not money.
    assert [seeds[k].money for k in ("000", "001", "002")] == [[], [], []]


def test_every_span_is_the_amount_as_written(seeds: dict[str, Document]) -> None:
    for doc in [*seeds.values(), annotate(NIGERIA_UK), annotate(KENYA_LOAN)]:
        for m in doc.money:
            assert doc.text[m.span.start:m.span.end] == m.text
            assert len(m.what.split()) <= 12


def test_pounds_and_naira_in_a_nigeria_uk_report() -> None:
    money = by_text(annotate(NIGERIA_UK))
    assert (money["£1.2bn"].value, money["£1.2bn"].currency, money["£1.2bn"].period) == (1.2e9, "GBP", "2024-03")
    assert "deal" in money["£1.2bn"].what
    assert (money["N500 billion"].value, money["N500 billion"].currency) == (500e9, "NGN")
    # "$X and $Y" is two figures; percentages, years and "N95 masks" are none.
    assert (money["US$300m"].value, money["$50m"].value) == (300e6, 50e6)
    assert set(money) == {"£1.2bn", "N500 billion", "US$300m", "$50m"}


def test_a_figure_restated_in_shillings_is_a_second_figure_about_the_same_thing() -> None:
    money = by_text(annotate(KENYA_LOAN))
    dollars, shillings = money["$2.5 billion"], money["Sh322 billion"]
    assert (dollars.value, dollars.currency, shillings.value, shillings.currency) == (2.5e9, "USD", 322e9, "KES")
    assert dollars.what == shillings.what == "World Bank approved loan to Kenya"
    debt = money["KSh 1.5 trillion"]
    assert (debt.value, debt.what, debt.period) == (1.5e12, "debt", "2026")
    assert money["USD 300,000"].value == 300_000


def test_a_range_gives_both_ends_with_the_shared_multiplier() -> None:
    money = by_text(annotate(KENYA_LOAN))
    assert (money["$2"].value, money["3 billion"].value) == (2e9, 3e9)


def test_shillings_follow_the_country_the_report_is_about() -> None:
    uganda = annotate("KAMPALA — Uganda's parliament passed a Shs 72 trillion budget for 2024/25.")
    assert [(m.value, m.currency, m.period) for m in uganda.money] == [(72e12, "UGX", "2024/25")]
    # No shilling country named: the currency cannot be known, so the figure is left out.
    assert annotate("The council spent 5 billion shillings on roads.").money == []
