"""What each event is about, from the passage that tells it, not its sentence alone.

A readout says who met in one sentence and what they discussed in the next ones ("The leaders
discussed trade, climate and Russia's war against Ukraine"). An event's passage is its sentence
and those after it in its paragraph, up to the next sentence that tells another event. Its topics
are the vocabulary's (`topics.py`) and the subjects it names: the countries (by their usual
names, "Ukrainian" as Ukraine), the regions of `REGIONS` and the international bodies of
`organisations.py` ("NATO", "ASEAN"), so an analyst can ask for the events about Ukraine.
"""
from __future__ import annotations

import re
from collections import Counter

from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.annotate.topics import topics_of
from dossier.document import Document, EventMention, Span
from dossier.organisations import organisation_code, organisation_name
from dossier.pipeline import stage
from dossier.places import country_code, country_name

# Regions and seas news about relations between countries is about, which are no country
REGIONS = ("Indo-Pacific", "South China Sea", "East China Sea", "Taiwan Strait", "Middle East",
           "Gaza", "West Bank", "Red Sea", "Black Sea", "Caribbean", "Arctic", "Sahel",
           "Horn of Africa", "Western Balkans", "Korean Peninsula", "Central America",
           "Western Hemisphere", "Pacific Islands", "Crimea", "Donbas", "Great Lakes region")
_REGION = re.compile(r"\b(?:" + "|".join(map(re.escape, REGIONS)) + r")\b")
PASSAGE_CHARS = 1500     # a passage longer than this is not one event's any more
SUBJECT_COUNTRIES = 6    # the countries named most in the passage: a long list names everyone


def passages(doc: Document, event: EventMention, starts: list[int]) -> list[Span]:
    """The event's sentences, each run on to the end of its paragraph or to the next sentence
    that tells another event, whichever comes first."""
    spans = []
    for span in event.evidence:
        end = doc.text.find("\n\n", span.end)
        end = len(doc.text) if end < 0 else end
        later = [s for s in starts if span.end <= s < end]
        end = min([end, *later, span.start + PASSAGE_CHARS])
        spans.append(Span(span.start, max(end, span.end)))
    return spans


def subjects(doc: Document, spans: list[Span]) -> list[str]:
    """The countries, regions and international bodies the passage names."""
    inside = [e for e in doc.entities if any(s.start <= e.span.start < s.end for s in spans)]
    countries = Counter(code for e in inside if e.label in ("GPE", "NORP")
                        and (code := country_code(e.text)))
    found = {country_name(code) for code, _ in countries.most_common(SUBJECT_COUNTRIES)}
    found |= {organisation_name(code) for e in inside if e.label == "ORG"
              and (code := organisation_code(e.text))}
    found |= {m.group() for s in spans for m in _REGION.finditer(doc.text, s.start, s.end)}
    return sorted(found)


@stage("dossier.annotate.event_topics.v1", needs=("interactions", "entities"),
       adds=("event_topics",), languages=EXTRACTION_LANGUAGES)
def annotate_event_topics(doc: Document) -> Document:
    starts = sorted({e.evidence[0].start for e in doc.events if e.evidence})
    for event in doc.events:
        spans = passages(doc, event, starts)
        text = " ".join(doc.text[s.start:s.end] for s in spans)
        event.topics = sorted(set(event.topics) | set(topics_of(text)) | set(subjects(doc, spans)))
    return doc
