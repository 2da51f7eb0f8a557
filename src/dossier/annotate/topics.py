"""Topics: what a passage is about, as a small fixed vocabulary.

A fixed list (close to PLOVER's contexts, finer on economics and security) keeps topics
comparable across reports and outlets; each topic is recognised by word stems, so "regulatory",
"regulations" and "regulation" all count.
"""
from __future__ import annotations

import re

TOPIC_STEMS: dict[str, tuple[str, ...]] = {
    "trade": ("trade", "tariff", "export", "import", "market access", "duty-free", "commerce"),
    "tariffs": ("tariff",),
    "sanctions": ("sanction",),
    "export controls": ("export control",),
    "supply chains": ("supply chain",),
    "critical minerals": ("critical mineral", "rare earth"),
    "investment": ("investment", "investor", "fdi"),
    "agriculture": ("agricultur", "farm", "food security"),
    "regulation": ("regulat",),
    "labor": ("worker", "labour", "labor", "employment", "jobs"),
    "security": ("security", "peace", "stability"),
    "conflict": ("conflict", "war", "wars", "fighting", "crisis", "crises", "violence"),
    "terrorism": ("terror", "counterterror", "counter-terror", "extremis", "jihadi"),
    "counterterrorism": ("counterterror", "counter-terror"),
    "military": ("military", "defence", "defense", "troops", "armed forces"),
    "alliance": ("alliance", "allies", "ally"),
    "deterrence": ("deter",),
    "nuclear": ("nuclear",),
    "missiles": ("missile", "icbm", "ballistic"),
    "ceasefire": ("ceasefire", "cease-fire", "truce"),
    "hostages": ("hostage",),
    "sovereignty": ("sovereign",),
    "logistics": ("logistic", "shipping", "supply chain"),
    "climate": ("climate",),
    "environment": ("environment", "conservation"),
    "energy": ("energy", "crude oil", "oil and gas", "petroleum", "natural gas", "electricity",
               "power plant"),
    "clean energy": ("clean energy", "renewable", "solar", "wind power", "offshore wind"),
    "development finance": ("development finance", "financing", "finance", "debt", "loan"),
    "health": ("health", "medical", "hospital", "disease", "vaccin"),
    "covid-19": ("covid", "coronavirus", "pandemic"),
    "food security": ("food security", "food insecurity", "hunger"),
    "humanitarian": ("humanitarian", "disaster relief", "relief aid", "refugee",
                     "emergency supplies", "famine", "malnutrition"),
    "human rights": ("human rights",),
    "democracy": ("democra", "governance", "election"),
    "press freedom": ("press freedom", "journalist"),
    "diplomacy": ("diplomat", "bilateral relation", "ties"),
    "migration": ("migra", "visa", "diaspora"),
    "technology": ("digital", "technolog", "cyber", "tech"),
    "cybersecurity": ("cyber",),
    "space": ("outer space", "space exploration", "lunar", "moon landing", "satellite"),
    "education": ("education", "school", "universit", "scholarship"),
    "infrastructure": ("infrastructure", "railway", "roads", "road", "ports", "port"),
}
# Stems match at the start of a word ("regulat" in "regulatory"); the short whole words
# ("war", "port", "tech", "ties") must end there too, so "warning" or "portfolio" do not count.
WHOLE_WORDS = {"war", "wars", "port", "ports", "road", "roads", "tech", "ties", "jobs"}
_PATTERNS = {topic: re.compile(r"\b(?:" + "|".join(
    re.escape(s) + (r"\b" if s in WHOLE_WORDS else "") for s in stems) + ")", re.I)
    for topic, stems in TOPIC_STEMS.items()}


def topics_of(text: str) -> list[str]:
    """The topics a passage touches, in vocabulary order."""
    return [topic for topic, pattern in _PATTERNS.items() if pattern.search(text)]
