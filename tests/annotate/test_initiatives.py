"""Initiative mentions on the seed articles and on short reports about other countries."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dossier.annotate.initiatives import annotate_initiatives
from dossier.annotate.nlp import annotate_nlp
from dossier.document import Document, InitiativeMention
from dossier.pipeline import REGISTRY

SHARED = Path(__file__).parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"

NIGERIA_UK = (
    "LONDON — Britain and Nigeria on Tuesday signed the UK-Nigeria Enhanced Trade and Investment "
    "Partnership (ETIP), which officials said could lift bilateral trade.\n"
    "Under the ETIP, both governments will cut non-tariff barriers. Talks on a free trade "
    "agreement have not started, and the Economic Partnership Agreement with the European Union "
    "expired in 2020.\n"
    "Secretary of State Antony Blinken later met leaders of the East African Community. The "
    "International Monetary Fund and the US Air Force were not involved. The Agreement was "
    "welcomed by traders.\n"
)
INDIA_JAPAN = (
    "NEW DELHI — Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida reviewed "
    "progress on the Mumbai-Ahmedabad High Speed Rail Project on Saturday.\n"
    "The leaders welcomed the India-Japan Comprehensive Economic Partnership Agreement (CEPA), "
    "signed in 2011, and agreed to begin negotiations on a defence pact. India asked Japan to "
    "consider extending the Clean Energy Partnership beyond its expiry in 2026. Trade under the "
    "CEPA has doubled.\n"
)


def annotate(text: str, doc_id: str = "snippet") -> Document:
    doc = Document(id=doc_id, source=doc_id, raw=text, text=text)
    return annotate_initiatives(annotate_nlp(doc))


def fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower())


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    return {p.stem: annotate(p.read_text(encoding="utf-8"), p.stem) for p in sorted(SEEDS.glob("*.txt"))}


def in_doc(doc: Document, name: str) -> list[InitiativeMention]:
    return [m for m in doc.initiatives if m.name == name]


def test_stage_is_registered_for_the_pipeline() -> None:
    st = REGISTRY["dossier.annotate.initiatives.v1"]
    assert st.needs == ("text", "sentences", "entities") and st.adds == ("initiatives",)


def test_every_gold_initiative_is_found_in_every_document_that_mentions_it(seeds: dict[str, Document]) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["initiatives"]
    for g in gold:
        forms = {fold(x) for x in [g["name"], *g.get("aliases", [])]}
        for doc_id in g["docs"]:
            names = {fold(m.name) for m in seeds[doc_id].initiatives}
            assert any(a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))
                       for a in names for b in forms), (g["key"], doc_id, names)


def test_agoa_status_follows_each_report(seeds: dict[str, Document]) -> None:
    agoa = "African Growth and Opportunity Act"
    # 2024: Kenya asks the US "to consider extending" it; 2026: "the extension of" / "decision to extend".
    assert in_doc(seeds["001_f13660d5e4250ff1"], agoa)[0].status == "requested"
    assert in_doc(seeds["003_2efd09c22e395e7f"], agoa)[0].status == "extended"
    assert in_doc(seeds["004_a7afc1ded1988888"], agoa)[0].status == "extended"


def test_statuses_of_trade_agreement_and_health_framework(seeds: dict[str, Document]) -> None:
    fta = in_doc(seeds["002_b855b2cfa0b1d2b6"], "Kenya–U.S. Free Trade Agreement")[0]
    assert (fta.acronym, fta.status) == ("FTA", "negotiating")  # "expedite negotiations on the ..."
    deal = in_doc(seeds["004_a7afc1ded1988888"], "comprehensive trade agreement")[0]
    assert deal.status == "negotiating"  # "negotiations aimed at concluding a ..."
    framework = in_doc(seeds["004_a7afc1ded1988888"], "Kenya–US Health Cooperation Framework")[0]
    assert framework.status == "signed"  # "... valued at Ksh.208 billion, signed last year"


def test_an_acronym_inside_the_name_is_taken_out_of_it(seeds: dict[str, Document]) -> None:
    doc = seeds["002_b855b2cfa0b1d2b6"]
    mss = in_doc(doc, "Multinational Security Support Mission in Haiti")[0]
    assert mss.acronym == "MSS"
    assert doc.text[mss.span.start:mss.span.end] == "Multinational Security Support (MSS) Mission in Haiti"


def test_a_bare_acronym_later_names_the_full_initiative(seeds: dict[str, Document]) -> None:
    doc = seeds["003_2efd09c22e395e7f"]
    bare = [m for m in doc.initiatives if doc.text[m.span.start:m.span.end] == "AGOA"]
    assert len(bare) == 2
    assert {m.name for m in bare} == {"African Growth and Opportunity Act"}


def test_a_shortened_name_takes_the_fullest_name_in_the_document(seeds: dict[str, Document]) -> None:
    doc = seeds["001_f13660d5e4250ff1"]
    written = [doc.text[m.span.start:m.span.end] for m in doc.initiatives]
    assert "Strategic Trade and Investment Partnership" in written
    assert {m.name for m in doc.initiatives} == {"Kenya-US Strategic Trade and Investment Partnership",
                                                 "African Growth and Opportunity Act"}


def test_organisations_titles_and_headlines_are_not_initiatives(seeds: dict[str, Document]) -> None:
    names = {m.name for doc in seeds.values() for m in doc.initiatives}
    for wrong in ("East African Community", "Southern African Development Community", "Secretary of State",
                  "Strategic Partnership", "National Security Advisor"):
        assert not any(wrong in n for n in names), wrong


def test_a_nigeria_uk_report() -> None:
    doc = annotate(NIGERIA_UK)
    etip = in_doc(doc, "UK-Nigeria Enhanced Trade and Investment Partnership")
    assert [(m.acronym, m.status) for m in etip] == [("ETIP", "signed"), ("ETIP", None)]
    assert in_doc(doc, "free trade agreement")[0].status == "negotiating"
    assert in_doc(doc, "Economic Partnership Agreement")[0].status == "expired"
    # The IMF, an air force, a title, a regional body and a bare "Agreement" are not instruments.
    assert {m.name for m in doc.initiatives} == {
        "UK-Nigeria Enhanced Trade and Investment Partnership", "free trade agreement",
        "Economic Partnership Agreement"}


def test_an_india_japan_report() -> None:
    doc = annotate(INDIA_JAPAN)
    status = {m.name: m.status for m in doc.initiatives if doc.text[m.span.start:m.span.end] != "CEPA"}
    assert status == {
        "Mumbai-Ahmedabad High Speed Rail Project": None,
        "India-Japan Comprehensive Economic Partnership Agreement": "signed",
        "defence pact": "negotiating",
        "Clean Energy Partnership": "requested",
    }
    later = [m for m in doc.initiatives if doc.text[m.span.start:m.span.end] == "CEPA"]
    assert [m.name for m in later] == ["India-Japan Comprehensive Economic Partnership Agreement"]


def test_joint_bodies_declarations_pledges_and_summits_are_initiatives() -> None:
    doc = annotate("The leaders welcomed the Trilateral Secretariat, the U.S.-EU Energy Council "
                   "and the Multilateral Sanctions Monitoring Team. They joined the Global "
                   "Methane Pledge and Global Methane Pledge Energy Pathway, endorsed the Los "
                   "Angeles Declaration on Migration and Protection and will attend the North "
                   "American Leaders Summit.")
    assert {"Trilateral Secretariat", "U.S.-EU Energy Council",
            "Multilateral Sanctions Monitoring Team", "Global Methane Pledge",
            "Los Angeles Declaration on Migration and Protection",
            "North American Leaders Summit"} <= {i.name for i in doc.initiatives}
    assert not [i.name for i in doc.initiatives if " and Global" in i.name]   # two names


def test_a_country_s_own_bodies_and_emergencies_are_not_initiatives() -> None:
    doc = annotate("The National Security Council met the Biden-Harris Presidential Transition "
                   "Team and the Joint Committee on Taxation after the Federal Emergency "
                   "Declaration for the storm; the European Council issued a statement.")
    assert [i.name for i in doc.initiatives] == []
