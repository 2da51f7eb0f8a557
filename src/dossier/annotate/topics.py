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
    "conflict": ("conflict", "war ", "fighting", "crisis", "crises", "violence"),
    "terrorism": ("terror", "extremis"),
    "military": ("military", "defence", "defense", "troops", "armed forces"),
    "logistics": ("logistic", "shipping", "supply chain"),
    "climate": ("climate",),
    "environment": ("environment", "conservation"),
    "energy": ("energy", "oil", "gas ", "electricity", "power plant"),
    "development finance": ("development finance", "financing", "finance", "debt", "loan"),
    "health": ("health", "medical", "hospital", "disease", "vaccin"),
    "humanitarian": ("humanitarian", "relief", "refugee", "emergency supplies"),
    "human rights": ("human rights",),
    "democracy": ("democra", "governance", "election"),
    "diplomacy": ("diplomat", "bilateral relation", "ties"),
    "migration": ("migra", "visa", "diaspora"),
    "technology": ("digital", "technolog", "cyber", "tech "),
    "education": ("education", "school", "universit", "scholarship"),
    "infrastructure": ("infrastructure", "railway", "road ", "port "),
}
_PATTERNS = {topic: re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + ")", re.I)
             for topic, stems in TOPIC_STEMS.items()}


def topics_of(text: str) -> list[str]:
    """The topics a passage touches, in vocabulary order."""
    return [topic for topic, pattern in _PATTERNS.items() if pattern.search(text + " ")]
