"""Topics: what a passage is about, as a small fixed vocabulary.

A fixed list (close to PLOVER's contexts, finer on economics and security) keeps topics
comparable across reports and outlets; each topic is recognised by word stems, so "regulatory",
"regulations" and "regulation" all count.
"""
from __future__ import annotations

import re

TOPIC_STEMS: dict[str, tuple[str, ...]] = {
    "trade": ("trade", "tariff", "export", "import", "market access", "duty-free", "commerce"),
    "investment": ("investment", "investor", "fdi"),
    "agriculture": ("agricultur", "farm", "food security"),
    "regulation": ("regulat",),
    "labor": ("worker", "labour", "labor", "employment", "jobs"),
    "security": ("security", "peace", "stability"),
    "conflict": ("conflict", "war", "wars", "fighting", "crisis", "crises", "violence"),
    "terrorism": ("terror", "counterterror", "counter-terror", "extremis", "jihadi"),
    "military": ("military", "defence", "defense", "troops", "armed forces"),
    "logistics": ("logistic", "shipping", "supply chain"),
    "climate": ("climate",),
    "environment": ("environment", "conservation"),
    "energy": ("energy", "crude oil", "oil and gas", "petroleum", "natural gas", "electricity",
               "power plant"),
    "development finance": ("development finance", "financing", "finance", "debt", "loan"),
    "health": ("health", "medical", "hospital", "disease", "vaccin"),
    "humanitarian": ("humanitarian", "disaster relief", "relief aid", "refugee",
                     "emergency supplies", "famine", "malnutrition"),
    "human rights": ("human rights",),
    "democracy": ("democra", "governance", "election"),
    "diplomacy": ("diplomat", "bilateral relation", "ties"),
    "migration": ("migra", "visa", "diaspora"),
    "technology": ("digital", "technolog", "cyber", "tech"),
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
