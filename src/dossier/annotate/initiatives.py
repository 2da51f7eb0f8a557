"""Named agreements, programmes, laws, missions and negotiations, with their status.

Relations between countries are told through the instruments they create ("the African Growth
and Opportunity Act", "a comprehensive trade agreement", "the Multinational Security Support
Mission in Haiti"). The NER model labels these inconsistently (ORG, PERSON or nothing), so they
are found by their shape instead: a capitalised name ending in a head noun such as Agreement or
Mission, or a lowercase domain phrase such as "free trade agreement". Only general rules are
used, never a list of known initiatives, so that the same code works for any pair of countries.

Within one document every mention is named by the fullest form the document gives: an acronym
("AGOA") or a shortened name ("Health Cooperation Framework") points to the full name it stands
for, so that cross-document resolution compares like with like.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from dossier.document import Document, InitiativeMention, Span
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.organisations import organisation_code
from dossier.places import country_code
from dossier.pipeline import stage

HEADS = {"Agreement", "Partnership", "Act", "Framework", "Mission", "Force", "Initiative",
         "Programme", "Program", "Plan", "Strategy", "Treaty", "Accord", "Accords", "Pact",
         "Compact", "Protocol", "Memorandum", "Fund", "Deal", "Dialogue", "Facility", "Corridor",
         "Project", "Convention", "Charter", "Declaration", "Pledge", "Mechanism", "Summit",
         "Coalition"} | {"Council", "Group", "Team", "Network", "Secretariat", "Commission",
                         "Committee"}
# Heads that name a body, which is an initiative only when countries set it up together:
# "U.S.-EU Energy Council", "Trilateral Secretariat", but not "National Security Council".
BODY_HEADS = {"Council", "Group", "Team", "Network", "Secretariat", "Commission", "Committee"}
JOINT_WORDS = {"trilateral", "bilateral", "multilateral", "binational", "quadrilateral", "quad"}
# A declaration of a state of affairs at home, not an instrument between countries
DOMESTIC_DECLARATION = {"Emergency", "Disaster", "Major"}
PLACE_HEADS = {"Mission", "Force"}  # "Mission in Haiti": the place is part of the name
CONNECTORS = {"and", "of", "for", "in", "on", "the", "&"}
TRAILING = {"of", "for", "on"}  # "Memorandum of Understanding", "Convention on ..."
# Bodies, not instruments, although their names end in a head noun ("International Monetary
# Fund", "World Food Programme", "US Air Force").
INSTITUTION_FIRST = {"World", "International", "United", "UN", "Global"}
INSTITUTION_HEADS = {"Fund", "Programme", "Program"}
SERVICE_BEFORE_FORCE = {"Air", "Defence", "Defense", "Police", "Space"}
# Heads that name an instrument on their own only with a domain word before them.
GENERIC_HEADS = r"agreement|deal|pact|treaty|accord"
DOMAIN_WORDS = (r"comprehensive|free|bilateral|multilateral|preferential|strategic|economic|trade|"
                r"investment|security|defen[cs]e|health|military|peace|ceasefire|nuclear|climate|"
                r"energy|debt|loan|financing|migration|cooperation|partnership|\w+-to-\w+")
GENERIC = re.compile(
    rf"(?:(?P<pair>[A-Z][\w.]*[-–][A-Z][\w.]*)\s+)?"  # "US-Kenya trade deal"
    rf"(?<![\w-])(?P<mods>(?:(?:{DOMAIN_WORDS})\s+){{1,4}})(?P<head>{GENERIC_HEADS})\b"
)
LOWER_AFTER_CAPS = {"mission", "force", "programme", "program", "initiative", "plan",
                    "strategy", "framework", "partnership", "project", "fund", "coalition"}
SENTENCE_OPENERS = {"following", "despite", "amid", "according", "under", "regarding", "including"}
_WORD = r"(?:[A-Z]\.){2,}|\w+(?:['’]\w+)*"
# A parenthesised acronym, a word (dash-joined: "Kenya–U.S.", "Government-to-Government") or
# any other character, which ends a name.
TOKEN = re.compile(rf"\((?P<acr>[A-Z][A-Za-z&]*[A-Z])\)|(?P<word>(?:{_WORD})(?:[-–/](?:{_WORD}))*)|\S")


def _before(cue: str) -> re.Pattern[str]:
    """The cue, at most three words (article, adjective, country pair), then the mention."""
    return re.compile(rf"\b(?:{cue})\s+(?:[\w’'.–-]+\s+){{0,3}}$", re.I)


def _after(cue: str) -> re.Pattern[str]:
    """The mention, at most six words, then the cue."""
    return re.compile(rf"^\W*(?:[\w.$]+\W+){{0,6}}?(?:{cue})\b", re.I)


# Status from the words around the mention in its sentence; the first matching rule wins.
STATUS_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    # "request for the US to consider extending the X"
    ("requested", "before",
     _before(r"(?:request|ask|urg|call|consider|seek)\w*\b.*\b(?:extend\w*|extension of|renew\w*)")),
    # "expedite negotiations on the X", "negotiations aimed at concluding a X"
    ("negotiating", "before",
     _before(r"(?:negotiat\w*|talks) (?:on|of|for|over|towards?|aimed at conclud\w*)")),
    ("extended", "before", _before(r"extend\w*|extension of|renew\w*|renewal of")),
    ("signed", "before", _before(r"sign(?:ed|s|ing)?")),
    ("signed", "after", _after(r"signed")),  # "X valued at Ksh.208 billion, signed last year"
    ("expiring", "after",  # "X beyond its expiry next year"
     _after(r"(?:beyond|before|ahead of|after) its (?:\w+ )?expir\w*|due to expire|expires|expiring")),
    ("expired", "after", _after(r"expired|lapsed")),
    ("implementing", "before", _before(r"implement\w*(?: of)?")),
    ("proposed", "before", _before(r"propos\w*|plans? for")),
    ("negotiating", "before", re.compile(r"\b(?:negotiat\w*|talks)\b", re.I)),  # anywhere before
]


@dataclass
class _Found:
    start: int
    end: int
    name: str
    acronym: str | None = None


@stage("dossier.annotate.initiatives.v1", needs=("text", "sentences", "entities"), adds=("initiatives",),
       languages=EXTRACTION_LANGUAGES)
def annotate_initiatives(doc: Document) -> Document:
    found: list[_Found] = []
    for sent in doc.sentences:
        if not _is_headline(doc.text[sent.start:sent.end]):
            found.extend(_capitalised_names(doc, sent))
        found.extend(f for f in _generic_names(doc.text, sent) if not _overlaps(f, found))
    found.extend(_acronym_mentions(doc.text, found))
    found.sort(key=lambda f: f.start)
    _use_fullest_names(found)
    doc.initiatives = [
        InitiativeMention(Span(f.start, f.end), f.name, f.acronym, _status(doc, f)) for f in found
    ]
    return doc


def _capitalised_names(doc: Document, sent: Span) -> list[_Found]:
    """Runs of capitalised words and connectors, cut after their last head noun."""
    out: list[_Found] = []
    run: list[re.Match[str]] = []
    for tok in [*TOKEN.finditer(doc.text, sent.start, sent.end), None]:
        spaced = tok is not None and (not run or re.fullmatch(r"[ \t]*", doc.text[run[-1].end():tok.start()]))
        if spaced and _runs_on(tok, run):  # only spaces between: the run goes on
            run.append(tok)
            continue
        for part in _split_at_new_article(run):
            out.extend(_name_in_run(doc, part))
        run = [tok] if tok is not None and _runs_on(tok, []) else []
    return out


def _runs_on(tok: re.Match[str], run: list[re.Match[str]]) -> bool:
    """Whether the token may extend the run (or, with an empty run, start one)."""
    word = tok.group("word")
    if tok.group("acr"):
        return bool(run)
    if not word:
        return False
    if word in LOWER_AFTER_CAPS:  # "Multinational Security Support mission"
        return bool(run) and _is_name_word(run[-1].group())
    if word in CONNECTORS:
        return bool(run)
    return _is_name_word(word) and not (run and run[-1].group() in LOWER_AFTER_CAPS)


def _is_name_word(word: str) -> bool:
    """Capitalised, not possessive, not "Kenyan-led": a word that can sit inside a name."""
    if not word[0].isupper() or re.search(r"['’]s$", word):
        return False
    return not any(p.endswith("ed") and p.islower() for p in re.split(r"[-–/]", word)[1:])


def _starts_sentence(word: str) -> bool:
    """"The", "Under", "Following", "Despite": capitalised only because a sentence starts."""
    return (word.lower() in STOP_WORDS or word.lower() in SENTENCE_OPENERS) and not word.isupper()


def _split_at_new_article(run: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """"the Paris Agreement and the Kyoto Protocol" is two names, and so is "the Global Methane
    Pledge and Global Methane Pledge Energy Pathway" (a head noun before "and" ends a name);
    "and" alone is not a cut ("African Growth and Opportunity Act")."""
    parts, start = [], 0
    for i in range(len(run) - 1):
        if run[i].group() == "and" and run[i + 1].group() == "the":
            parts.append(run[start:i])
            start = i + 2
        elif run[i].group() == "and" and i > start and run[i - 1].group() in HEADS:
            parts.append(run[start:i])
            start = i + 1
    return parts + [run[start:]]


def _name_in_run(doc: Document, run: list[re.Match[str]]) -> list[_Found]:
    while run and (run[0].group() in CONNECTORS or run[0].group("acr") or _starts_sentence(run[0].group())):
        run = run[1:]
    heads = [i for i, t in enumerate(run) if t.group() in HEADS or
             (t.group() in LOWER_AFTER_CAPS and i >= 2 and run[i - 2].group("word")
              and _is_name_word(run[i - 2].group()))]
    if not heads:
        return []
    h = heads[-1]
    cut = [i for i in range(h) if run[i].group() in ("in", "on")
           or (run[i].group() == "of" and run[i + 1].group() == "the")]
    if cut:  # "the US in the ... Partnership", "Mr Smith of the ... Fund": not part of a name
        return _name_in_run(doc, run[cut[-1] + 1:])
    end = h + 1
    head = run[h].group()
    if _place_follows(doc, run, end, head):
        end += 2  # "Mission in Haiti", "Convention on the Rights of the Child"
        while end < len(run) and (run[end].group() in CONNECTORS or _is_name_word(run[end].group())):
            end += 1
    while end > h + 1 and run[end - 1].group() in CONNECTORS:
        end -= 1
    if end < len(run) and run[end].group("acr"):
        end += 1  # "(AGOA)" right after the name belongs to it
    words = [t for t in run[:end] if t.group("word")]
    acronyms = [t.group("acr") for t in run[:end] if t.group("acr")]
    acronym = next((a for a in acronyms if _abbreviates(a, [w.group() for w in words])), None)
    if not _is_initiative(doc, words, [w for w in words if w.start() < run[h].start()], head):
        return []
    name = " ".join(w.group() for w in words)
    return [_Found(run[0].start(), run[end - 1].end(), name, acronym)]


def _place_follows(doc: Document, run: list[re.Match[str]], end: int, head: str) -> bool:
    """Whether "in/for/on/of (the) <Name>" right after the head belongs to the name; a date
    does not ("... Project on Saturday")."""
    trailing = TRAILING | ({"in"} if head.capitalize() in PLACE_HEADS else set())
    if end + 1 >= len(run) or run[end].group() not in trailing:
        return False
    nxt = run[end + 2] if run[end + 1].group() == "the" and end + 2 < len(run) else run[end + 1]
    return _is_name_word(nxt.group()) and not _in_entity(doc, nxt, ("DATE", "TIME"))


def _is_initiative(doc: Document, words: list[re.Match[str]], before: list[re.Match[str]],
                   head: str) -> bool:
    """Drop single words, bodies named like instruments, and "Kenya Mission"-style names of a
    country's body. `before` are the words of the name before its head noun."""
    if len([w for w in words if w.group() not in CONNECTORS]) < 2:
        return False
    first, last = words[0].group(), before[-1].group() if before else ""
    if first in INSTITUTION_FIRST and head in INSTITUTION_HEADS:
        return False
    if head.capitalize() == "Force" and last in SERVICE_BEFORE_FORCE:
        return False
    if head in BODY_HEADS:
        return any(w.group().lower() in JOINT_WORDS or _country_pair(w.group()) for w in before)
    if head == "Declaration" and any(w.group() in DOMESTIC_DECLARATION for w in before):
        return False
    if head.capitalize() in {"Mission", "Force", "Fund"} or head.islower():
        return not all(_in_entity(doc, w, ("GPE", "NORP")) for w in before if w.group() not in CONNECTORS)
    return True


def _country_pair(word: str) -> bool:
    """ "U.S.-EU", "US–Japan": countries or international bodies joined by a dash (not
    "Biden-Harris" or "Co-Chairs")."""
    parts = re.split(r"[-–]", word)
    return len(parts) >= 2 and all(country_code(p) or organisation_code(p) for p in parts)


def _in_entity(doc: Document, word: re.Match[str], labels: tuple[str, ...]) -> bool:
    return any(e.label in labels and e.span.start <= word.start() and word.end() <= e.span.end
               for e in doc.entities)


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether the acronym's letters appear in order in the name, the first one starting a
    word: "FTA" for "Kenya–U.S. Free Trade Agreement", "NEPAD" for "New Partnership for Africa's
    Development"."""
    parts = [p.upper() for w in words for p in re.split(r"[-–/]", w) if p]
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    for i, part in enumerate(parts):
        if letters and part[0] == letters[0]:
            it = iter("".join(parts[i:]))
            return all(ch in it for ch in letters)
    return False


def _generic_names(text: str, sent: Span) -> list[_Found]:
    """Lowercase instruments with a domain word: "comprehensive trade agreement"."""
    out = []
    for m in GENERIC.finditer(text, sent.start, sent.end):
        start = m.start("pair") if m.group("pair") else m.start("mods")
        out.append(_Found(start, m.end(), re.sub(r"\s+", " ", text[start:m.end()])))
    return out


def _acronym_mentions(text: str, found: list[_Found]) -> list[_Found]:
    """"AGOA" on its own names the initiative the document introduced it for."""
    full = {f.acronym: f.name for f in found if f.acronym}
    out = []
    for acronym, name in full.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])", text):
            candidate = _Found(m.start(), m.end(), name, acronym)
            if not _overlaps(candidate, found):
                out.append(candidate)
    return out


def _use_fullest_names(found: list[_Found]) -> None:
    """"Health Cooperation Framework" after "Kenya–US Health Cooperation Framework" is the same
    thing: a name that ends another, longer name in the document takes that name, when only one
    longer name fits."""
    names = {f.name for f in found}
    for f in found:
        longer = {n for n in names if len(n) > len(f.name) and n.lower().endswith(" " + f.name.lower())}
        if len(longer) == 1:
            f.name = longer.pop()
            f.acronym = f.acronym or next((g.acronym for g in found if g.name == f.name and g.acronym), None)


def _status(doc: Document, f: _Found) -> str | None:
    sent = doc.sentence_of(f.start)
    before = doc.text[sent.start:f.start]
    after = doc.text[f.end:max(f.end, sent.end)]
    for status, side, pattern in STATUS_RULES:
        if pattern.search(before if side == "before" else after):
            return status
    return None


def _is_headline(sentence: str) -> bool:
    """Title-case lines capitalise every word but the small ones, so capitals say nothing
    about names there."""
    words = re.findall(r"[A-Za-z]+", sentence)
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= 4 and all(w[0].isupper() or w.lower() in STOP_WORDS for w in words)


def _overlaps(f: _Found, others: list[_Found]) -> bool:
    return any(f.start < o.end and o.start < f.end for o in others)
