"""People, the roles the text gives them, and their country, within one document.

The NER model finds most names but also glues neighbours onto them ("Nigeria Yusuf Tuggar"),
labels some surnames as organisations and some names of missions as people. So a name is taken
from the model and then checked: titles and country words are peeled off its edges, it must look
like a person's name, and once a full name is known every later bare surname ("Tuggar") is a
mention of it whatever the model said. Roles come from the words around a name: a title before
it ("British Foreign Secretary David Lammy"), an apposition after it ("Jane Doe, the
Permanent Secretary for Trade at the Ministry of Commerce") or a relative clause ("Tuggar who is
also Cabinet Secretary for ..."). A title with no name ("Kenya's Prime Cabinet Secretary") is a
role-only mention, resolved here when the document names its holder and later across documents.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan

from dossier.annotate.titles import (CONNECTORS, HONORIFICS, has_head_word, is_foreign_to,
                                     is_head_word, is_plural_head, parse_title, split_titles,
                                     title_and_name, title_key)
from dossier.document import Document, PersonMention, Role, Span
from dossier.organisations import organisation_code, organisation_name
from dossier.places import adjective_country, country_code, place_country, url_country
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.pipeline import stage
from dossier.annotate.nlp import ents_starting_within
from dossier.names import same_person
from dossier.public_figures import figure_country

NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.|[a-z]{1,3}\b)$")
PARTICLES = {"de", "da", "van", "von", "bin", "bint", "ibn", "al", "el", "la", "le", "du", "wa",
             "der", "den", "di", "del", "della", "dos", "das"}
NOT_NAME_END = {"force", "mission", "act", "agreement", "partnership", "framework", "house",
                "department", "ministry", "office", "council", "community", "union", "bank",
                "fund", "strategy", "programme", "program", "initiative", "court", "party",
                "plan", "administration", "association", "district", "caucus", "committee",
                "group", "company", "corporation", "university", "college", "school", "agency",
                "hospital", "airport", "county", "province", "region", "republic", "kingdom",
                "communities", "natives", "native", "notifications", "nutrition", "lady",
                "gentleman", "room", "hall", "garden", "grants", "grant", "article", "affairs",
                "day", "week", "month", "summit", "operation", "order", "bill", "law",
                "diaspora", "people", "peoples", "nation", "nations", "alliance",
                "relationship", "declaration", "treaty", "coalition", "forum", "dialogue",
                "center", "centre", "board", "register", "clinic", "clinics", "response",
                "service", "services", "policy", "institute", "foundation", "network",
                "project", "fuels", "tempore", "extraordinary", "plenipotentiary", "start"}
# Words that open the names of laws, places and operations, never of people ("Article II",
# "Camp David", "Operation Warp Speed", "St. Sabina Church").
NOT_NAME_START = {"article", "section", "chapter", "title", "operation", "executive", "camp", "fort",
                  "lake", "mount", "mt", "st", "saint", "day", "eid", "rosh", "dia", "día"}
GROUP_NOUNS = r"(?:delegation|team|officials?|government|negotiators|side|counterparts?)"


def _name_from_entity(text: str) -> str | None:
    """The person's name inside an NER span, or None when it does not look like one."""
    words = text.replace("\u2019", "'").split()
    while words and (words[0].lower().strip(".") in HONORIFICS or is_head_word(words[0])
                     or country_code(words[0].rstrip("'s")) or words[0].lower() == "the"):
        words = words[1:]
    # "Second Gentleman Douglas Emhoff", "Majority Leader Chuck Schumer": a title the model
    # took into the name ends at its head word
    titled = [i for i, w in enumerate(words[:-1]) if i and is_head_word(w)
              and all(x[:1].isupper() for x in words[:i])]
    if titled:
        words = words[titled[-1] + 1:]
    while words and words[-1] in ("'s", "'"):
        words = words[:-1]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    # "Tamim bin Hamad Al Thani": names with particles run longer
    longest = MAX_NAME_WORDS + 2 if any(w.lower() in PARTICLES for w in words) else MAX_NAME_WORDS
    if not words or len(words) > longest or words[-1].lower() in NOT_NAME_END \
            or words[0].lower().strip(".") in NOT_NAME_START \
            or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if not all(NAME_TOKEN.match(w) or w.lower() in PARTICLES for w in words):
        return None
    if any(_joins_countries(w) for w in words):
        return None   # "U.S.-Japan": a relationship, not a person
    if organisation_code(" ".join(words)):
        return None   # "Tren de Aragua": a body of its own, not a person
    if len(words) == 1 and (len(words[0]) < 3 or words[0].isupper()):
        return None
    return " ".join(words)


def _joins_countries(word: str) -> bool:
    parts = word.split("-")
    return len(parts) >= 2 and all(country_code(p) for p in parts)


def _modifies_title(tok, title: list) -> bool:
    """Wire style writes titles in lower case ("British trade minister Gareth Thomas"): a
    lower-case word belongs to the title when it modifies a word already in it."""
    inside = {t.i for t in title}
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.i in inside \
        and tok.lower_ not in ("then", "former", "late", "new")


ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")   # "1st Vice Foreign Minister"


def _title_before(doc: Document, start_token: int, sent_start: int) -> str | None:
    """The title phrase that ends right before a name ("... Trade Cabinet Secretary | Rebecca")."""
    toks = doc.nlp
    i = start_token - 1
    while i >= sent_start and (toks[i].text.lower().strip(".") in HONORIFICS or (
            toks[i].text == "." and i > sent_start and toks[i - 1].lower_ in HONORIFICS)):
        i -= 1   # "the Minister of Foreign Affairs, Amb. Yusuf Tuggar"
    if i >= sent_start and toks[i].text == ",":
        i -= 1   # "Minister of Industry, Trade, and Investment, Jumoke Oduwole"
    words: list = []
    while i >= sent_start:
        t = toks[i]
        if t.ent_type_ == "PERSON" and not is_head_word(t.text) and not country_code(t.text):
            break
        if t.text == "," and has_head_word(" ".join(w.text for w in words)):
            break   # "... across West Africa, Foreign Secretary David Cameron"
        if t.text[:1].isupper() or t.text.lower() in CONNECTORS or t.text in ("'s", "’s") \
                or is_head_word(t.text) or _modifies_title(t, words) or ORDINAL.fullmatch(t.text) \
                or _not_yet_in_office(toks, i):
            words.append(t)
            i -= 1
            continue
        break
    words.reverse()
    # "Nigeria's Foreign Minister and U.K. Foreign Secretary Lord David Cameron", "Prime
    # Minister Ishiba of Japan and President Yoon": the title is the last of two coordinated
    # ones ("Investment, Trade, and Industry" is one).
    for k in range(len(words) - 1, 0, -1):
        if words[k].lower_ == "and" and has_head_word(" ".join(w.text for w in words[k + 1:])) \
                and (has_head_word(" ".join(w.text for w in words[:k]))
                     or not adjective_country(words[0].text)):
            words = words[k + 1:]   # not "German Chancellery Foreign and Security Policy Advisor"
            break
    while words and (words[0].text.lower() in CONNECTORS or words[0].text in ("'s", "’s")):
        words = words[1:]
    while words and (words[-1].text.lower() in CONNECTORS
                     or words[-1].text.lower().strip(".") in HONORIFICS):
        words = words[:-1]
    if not words or not has_head_word(" ".join(w.text for w in words)):
        return None
    # Keep the title from its first head word or country word onwards.
    return doc.text[words[0].idx:words[-1].idx + len(words[-1].text)]


APPOSITION = re.compile(
    r"^\s*(?:,\s*(?:the\s+|a\s+|who\s+is\s+(?:also\s+)?(?:the\s+)?)?|\s+(?:who\s+is\s+(?:also\s+)?"
    r"(?:the\s+)?|the\s+))"
    r"((?:[A-Z][\w'’.\-]*|of|for|and|the|to|at|in|on|&|,(?=\s+(?:[A-Z]|and\s)))"
    r"(?:\s*(?:[A-Z][\w'’.\-]*|of|for|and|the|to|at|in|on|&|,(?=\s+(?:[A-Z]|and\s))))*)")


def _title_after(doc: Document, end: int, sent_end: int) -> str | None:
    """An apposition or relative clause right after a name that is a title."""
    m = APPOSITION.match(doc.text[end:sent_end])
    if not m:
        return None
    phrase = m.group(1).strip(" ,")
    phrase = re.sub(r"(?:\s+(?:of|for|and|the|to|at|in|on|&))+$", "", phrase)
    first = phrase.split()[0] if phrase.split() else ""
    if not has_head_word(phrase) or first.lower() in ("and",):
        return None
    return phrase


def _roles(phrase: str | None, span: Span) -> list[Role]:
    if not phrase:
        return []
    roles = []
    for part in split_titles(phrase):
        t = parse_title(part)
        if t.title and has_head_word(t.title) and t.title.lower().strip(".") not in HONORIFICS:
            roles.append(Role(t.title, t.organization, t.country, span))
    return roles


def _home_country(doc: Document, qualifiers: set[str]) -> str | None:
    """The country a report is written from, whose officials it names without qualification.

    News writing qualifies foreign officials ("US Ambassador Jane Doe") and not its own
    ("Trade Minister Jumoke Oduwole"). So the home country is the dateline's, unless the
    report uses it to qualify titles (a Kenyan outlet writing from Washington); else the
    publisher's, by its web domain (a government's own site names its officials bare even
    when it writes "U.S. Ambassador"); else the country named most among those never used to
    qualify a title.
    """
    dateline = place_country(doc.dateline) if doc.dateline else None
    if dateline and dateline not in qualifiers:
        return dateline
    if publisher := url_country(doc.canonical_url or doc.url):
        return publisher
    partners = {c for pair in _bilateral_pairs(doc.text) if pair & qualifiers for c in pair} - qualifiers
    if len(partners) == 1:   # "Kenyan President Ruto" ... "a U.S.-Kenya trade agreement"
        return partners.pop()
    counts: Counter[str] = Counter()
    for e in doc.entities:
        if e.label in ("GPE", "NORP") and (code := country_code(e.text) or adjective_country(e.text)):
            counts[code] += 1
    unqualified = Counter({c: n for c, n in counts.items() if c not in qualifiers})
    # every country named qualifies someone: the unqualified are from a country not named
    best = unqualified.most_common(1)
    return best[0][0] if best else None


PAIR = re.compile(r"\b((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z]\w*)?)\s*(?:[–-]|\s+and\s+)"
                  r"((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z]\w*)?)")


def _bilateral_pairs(text: str) -> list[set[str]]:
    """Pairs of countries the text names together ("U.S.-Kenya", "Kenya and the United
    States"): the parties of the relationship it reports on."""
    pairs = []
    for m in PAIR.finditer(text):
        a, b = (country_code(g.removeprefix("the ")) for g in m.groups())
        if a and b and a != b:
            pairs.append({a, b})
    return pairs


def _group_country(doc: Document, start: int) -> str | None:
    """ "a high-level Kenyan delegation, including Dr. X" / "Kenya's negotiation team": the
    country of a group named earlier in the same sentence that a person belongs to."""
    sent = doc.sentence_of(start)
    before = doc.text[sent.start:start]
    found = None
    for m in re.finditer(r"([A-Z][\w.]*(?:\s+[A-Z]\w*)?)(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}" + GROUP_NOUNS,
                         before):
        code = adjective_country(m.group(1)) or country_code(m.group(1))
        found = code or found
    if found:
        return found
    after = doc.text[start:sent.end]
    m = re.search(r"\b(?:leading|led|lead|heading|headed)\s+([A-Z]\w*)(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}"
                  + GROUP_NOUNS, after)
    return (country_code(m.group(1)) or adjective_country(m.group(1))) if m else None


BYLINE = re.compile(r"^\W*(?:by|(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|"
                    r"photo(?:graph)?s?\s+by|compiled\s+by)\b|(?:reporting|editing|writing)\s+by\b",
                    re.I)


def _in_byline(doc: Document, start: int) -> bool:
    """Reporters and editors named in a byline are not actors of the story."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", start)
    line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
    return bool(BYLINE.search(line)) and len(line.split()) <= 25


# Words of office names ("Assistant Secretary of State for African Affairs"), never of a person's.
OFFICE_WORDS = frozenset("""
affairs state foreign trade industry investment defence defense finance health interior security
national development african africa cabinet principal deputy assistant general economic commerce
justice education energy agriculture treasury environment labour labor public works transport
infrastructure communications information technology tourism culture sports youth women gender
water mining petroleum lands housing urban diaspora immigration services planning budget
relations international cooperation regional east west north south central ministry department
office house council commission committee agency bureau union affair
""".split())


def _titled_name_in(ent) -> tuple[int, int] | None:
    """A person's name ending an entity the model took for an organisation because a title
    runs into it ("[Assistant Secretary of] State for African Affairs Molly Phee")."""
    lead = ent.doc[max(0, ent.start - 4):ent.end]   # "Secretary of [State ...]"
    if not any(is_head_word(t.text) for t in lead):
        return None
    name = []
    for tok in reversed(ent):
        if not tok.text[:1].isupper() or tok.lower_ in OFFICE_WORDS or is_head_word(tok.text) \
                or country_code(tok.text) or adjective_country(tok.text):
            break
        name.insert(0, tok)
    text = " ".join(t.text for t in name)
    if not 2 <= len(name) <= 3 or len(name) == len(ent) or ent.label_ in ("GPE", "LOC", "NORP") \
            or country_code(text) or place_country(text) \
            or name[-1].lower_ in NOT_NAME_END or name[0].lower_ in NOT_NAME_START:
        return None   # "chair of the Caribbean Community": a body, not a person
    return name[0].idx, name[-1].idx + len(name[-1].text)


def _proper_nouns(doc: Document, start: int, end: int) -> bool:
    """A name is made of proper nouns (and particles, initials): "Additional Biden-Harris
    Administration" or "Advancing Effective" are the model's mistakes, not people."""
    span = doc.nlp.char_span(start, end, alignment_mode="expand")
    return span is not None and all(
        t.pos_ == "PROPN" or t.lower_ in PARTICLES or t.is_punct or len(t.text.rstrip(".")) == 1
        for t in span)


def _entities(doc: Document) -> list[SpacySpan]:
    """The model's entities, with two names that only a space parts made one ("President Samia
    Suluhu Hassan", tagged "Samia Suluhu" and "Hassan")."""
    ents: list[SpacySpan] = []
    for ent in doc.nlp.ents:
        if ents and ent.start < ents[-1].end:
            continue   # the end of a name cut at a particle, already taken into it
        ent = _through_particles(doc, ent)
        last = ents[-1] if ents else None
        if last is not None and ent.label_ == last.label_ == "PERSON" \
                and doc.text[last.end_char:ent.start_char] == " " \
                and len(last) + len(ent) <= MAX_NAME_WORDS:
            ents[-1] = SpacySpan(doc.nlp, last.start, ent.end, label="PERSON")
        else:
            ents.append(_with_given_name(doc, ent))
    return ents


INITIAL = re.compile(r"^[A-Z]\.$")


def _through_particles(doc: Document, ent: SpacySpan) -> SpacySpan:
    """ "Ursula von | der Leyen": a name the model ends at a lower-case particle (tagging the
    rest as something else) runs on through the particles to the capitalised word after them."""
    tokens, end = doc.nlp, ent.end
    if ent.label_ != "PERSON" or not ent[-1].text.islower() or ent[-1].lower_ not in PARTICLES:
        return ent
    while end < len(tokens) and tokens[end].text.islower() and tokens[end].lower_ in PARTICLES:
        end += 1
    if end < len(tokens) and tokens[end].is_alpha and tokens[end].text[:1].isupper():
        return SpacySpan(tokens, ent.start, end + 1, label="PERSON")
    return ent


def _with_given_name(doc: Document, ent: SpacySpan) -> SpacySpan:
    """ "Lloyd J. Austin III", tagged "J. Austin III": a name that starts with a middle initial
    has its given name just before it."""
    before = doc.nlp[ent.start - 1] if ent.start > 0 else None
    if ent.label_ == "PERSON" and INITIAL.match(ent[0].text) and before is not None \
            and before.text[:1].isupper() and before.text.isalpha() and not before.ent_type_ \
            and not is_head_word(before.text) and before.lower_ not in HONORIFICS:
        return SpacySpan(doc.nlp, ent.start - 1, ent.end, label="PERSON")
    return ent


def _mentions_from_entities(doc: Document) -> list[PersonMention]:
    mentions = []
    for ent in _entities(doc):
        if ent.label_ != "PERSON" and (span := _titled_name_in(ent)) and not _in_byline(doc, span[0]):
            mentions.append(PersonMention(Span(*span), doc.text[span[0]:span[1]],
                                          doc.text[span[0]:span[1]]))
            continue
        if ent.label_ != "PERSON" or _in_byline(doc, ent.start_char):
            continue
        name = _name_from_entity(ent.text)
        if not name or place_country(name):
            continue
        start = ent.start_char + ent.text.replace("\u2019", "'").find(name.split()[0])
        end = start + len(name)
        if not _proper_nouns(doc, start, end):
            continue
        mentions.append(PersonMention(Span(start, end), doc.text[start:end], name))
    return _joined_at_particles(doc, mentions) + _untagged_names_after_titles(doc, mentions)


def _joined_at_particles(doc: Document, mentions: list[PersonMention]) -> list[PersonMention]:
    """ "Reema | bint | Bandar Al Saud": the model may cut a name at a lower-case particle;
    two names with only a particle between are one."""
    out: list[PersonMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        between = doc.text[prev.span.end:m.span.start].split() if prev is not None else []
        if prev is not None and len(between) == 1 and between[0] in PARTICLES \
                and prev.span.end < m.span.start:
            prev.span = Span(prev.span.start, m.span.end)
            prev.surface = prev.name = doc.text[prev.span.start:m.span.end]
        else:
            out.append(m)
    return out


MAX_NAME_WORDS = 4


def _untagged_names_after_titles(doc: Document, found: list[PersonMention]) -> list[PersonMention]:
    """ "Nigerian National Security Adviser Nuhu Ribadu": proper nouns right after a title
    word that the model tagged as nothing (or as the tail of an office) are a name."""
    taken = [(m.span.start, m.span.end) for m in found]
    out = []
    tokens = doc.nlp
    for t in tokens:
        if not is_head_word(t.text) or t.i + 2 > len(tokens):
            continue
        first = t.i + 3 if _not_yet_in_office(tokens, t.i + 2) else t.i + 1
        words = []
        for w in tokens[first:first + MAX_NAME_WORDS + 1]:
            if w.pos_ != "PROPN" or not w.text[:1].isupper() or w.ent_type_ in ("GPE", "NORP"):
                break
            words.append(w)
        if not 2 <= len(words) <= MAX_NAME_WORDS or words[-1].i + 1 < len(tokens) \
                and tokens[words[-1].i + 1].pos_ == "PROPN":
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if any(s < end and start < e for s, e in taken) or _in_byline(doc, start):
            continue
        name = _name_from_entity(doc.text[start:end])
        if name is None or place_country(name) or name != doc.text[start:end]:
            continue
        out.append(PersonMention(Span(start, end), name, name))
        taken.append((start, end))
    return out


def _not_yet_in_office(tokens, i: int) -> bool:
    """ "President-elect", "Secretary-designate": the parser's "President", "-", "elect"."""
    return 0 < i < len(tokens) and tokens[i].lower_ in ("elect", "designate") \
        and tokens[i - 1].text == "-"


def _link_names(mentions: list[PersonMention], doc: Document) -> list[PersonMention]:
    """One name per person in the document: variants of a full name ("Wale Edun" after
    "Adewale Edun") and bare surnames take the name as first introduced, which is how news
    writing introduces people; surnames the model labelled otherwise are caught here too."""
    canonical: list[str] = []   # in the order they are introduced
    known: set[str] = set(canonical)
    named: dict[str, str] = {}   # a name seen before is the person it was then
    for m in mentions:
        if len(m.name.split()) > 1:
            if m.name not in named:
                named[m.name] = next((c for c in canonical if same_person(c, m.name)), m.name)
            m.name = named[m.name]
            if m.name not in known:
                canonical.append(m.name)
                known.add(m.name)
    full = {}
    for name in canonical:
        full.setdefault(name.split()[-1], name)
    # a first word alone is the one person whose name it starts: a given name ("Mark") or, in
    # a family-name-first name, the family name ("Kishida" after "Kishida Fumio")
    firsts = Counter(name.split()[0] for name in canonical)
    for name in canonical:
        first = name.split()[0]
        if firsts[first] == 1 and len(first) > 2 and not first.endswith(".") and first not in full:
            full[first] = name
    # and a middle word of a long name, when no other name has it ("Lula" after "Luiz Inácio
    # Lula da Silva")
    middles = Counter(w for name in canonical for w in set(name.split()[1:-1]))
    for name in canonical:
        for word in name.split()[1:-1]:
            if middles[word] == 1 and len(word) > 3 and word[:1].isupper() \
                    and not word.endswith(".") and word not in full:
                full[word] = name
    taken = bytearray(len(doc.text) + 1)   # 1 where a mention is: a check per hit, not a scan
    for m in mentions:
        taken[m.span.start:m.span.end] = b"\1" * (m.span.end - m.span.start)
    word_starts = _word_starts(doc.text)
    for surname_, name in full.items():
        for hit in _bare_uses(doc.text, surname_, word_starts):
            if taken[hit.start()]:
                continue
            mentions.append(PersonMention(Span(*hit.span()), surname_, name))
            taken[hit.start():hit.end()] = b"\1" * (hit.end() - hit.start())
    for m in mentions:
        if len(m.name.split()) == 1 and m.name in full:
            m.name = full[m.name]
    mentions.sort(key=lambda m: m.span.start)
    return mentions


def _word_starts(text: str) -> dict[str, list[int]]:
    """Where each word may start, by its first three characters: a name can only start where a
    run of letters does."""
    starts: dict[str, list[int]] = defaultdict(list)
    for run in re.finditer(r"(?<![\w'’])\w", text):
        starts[text[run.start():run.start() + 3]].append(run.start())
    return starts


def _bare_uses(text: str, word: str, word_starts: dict[str, list[int]]) -> Iterator[re.Match]:
    """Each use of `word` alone, in order: what `re.finditer` of the pattern would give, but
    tried only where a word with its first three characters starts, since a long report has
    thousands of names and one scan of the whole text for each grew with the square of its
    length."""
    pattern = re.compile(r"(?<![\w'’])" + re.escape(word) + r"(?![\w’]|'(?!s))")
    if len(word) < 3 or not re.match(r"\w", word):
        yield from pattern.finditer(text)
        return
    for start in word_starts.get(word[:3], ()):
        if hit := pattern.match(text, start):
            yield hit


ROLE_ONLY = re.compile(
    r"(?:(?<=\s)|^)((?:[A-Z][\w.]*(?:['’]s)?\s+)?(?:(?:Deputy|Vice|Prime|Chief|Principal|Acting|"
    r"Senior|Special|Foreign|Trade|Defen[cs]e|Finance|Health|Interior)\s+)*(?:Cabinet\s+Secretary|"
    r"Secretary\s+of\s+State|Secretary|President|Minister|Ambassador|CS|PS|Premier|Chancellor|"
    r"Foreign\s+Minister|Prime\s+Minister)(?:\s+(?:of|for)\s+[A-Z][\w]*(?:\s+(?:and\s+)?[A-Z]\w*)*)?)"
    r"(?!\s+[A-Z][a-z])")


def _role_only_mentions(doc: Document, mentions: list[PersonMention]) -> list[PersonMention]:
    """Titles that stand for a person not named there ("Kenya's Prime Cabinet Secretary")."""
    claimed = [(m.span.start, m.span.end) for m in mentions] + \
        [(r.span.start, r.span.end) for m in mentions for r in m.roles]
    out = []
    for hit in ROLE_ONLY.finditer(doc.text):
        s, e = hit.span(1)
        if any(a < e and s < b for a, b in claimed):
            continue   # part of a named person's title
        phrase = re.sub(r"^(?:the|The)\s+", "", hit.group(1))
        if is_plural_head(phrase.split()[-1]) or doc.text[e:e + 1].isalpha():
            continue   # "the Foreign Ministers of Australia, Japan ...": several people
        first = phrase.split()[0]
        if doc.text[max(0, s - 4):s].lower().endswith("the ") or phrase != hit.group(1) or \
                country_code(first.rstrip("'s’")) or adjective_country(first):
            roles = _roles(phrase, Span(s, e))
            if roles:
                out.append(PersonMention(Span(s, e), hit.group(1), "", roles))
    return out


# right after a name (made whole first: `_extend_cut_names`)
OF_COUNTRY = re.compile(r",?\s+of\s+((?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,3})")


HEADLINE_NAME_OF = re.compile(r"([A-Z][\w’'.-]+)\s*,?\s+of\s+")


# "... Amir Tamim | bin Hamad Al Thani of Qatar": capitalised words, and the particles of names
HYPHEN_TAIL = re.compile(r"-[a-z]+\b")   # the model cuts "Han Duck-soo" at the hyphen
CUT_NAME_TAIL = re.compile(r"(?:\s+(?:[A-Z][\w’'-]+|(?:" + "|".join(sorted(PARTICLES)) + r")\b)){1,4}"
                           r"(?=,?\s+of\s)")


def _extend_cut_names(doc: Document, mentions: list[PersonMention]) -> list[PersonMention]:
    """ "Prime Minister Lee Hsien Loong of Singapore", where the model's name ends at
    "Hsien": the words up to "of <country>" belong to the name."""
    renamed: dict[str, str] = {}
    for m in mentions:
        if hyphen := HYPHEN_TAIL.match(doc.text, m.span.end):   # "Han Duck" | "-soo"
            renamed[m.name] = f"{m.name}{hyphen.group()}"
            m.span = Span(m.span.start, hyphen.end())
            m.surface = doc.text[m.span.start:m.span.end]
        tail = CUT_NAME_TAIL.match(doc.text, m.span.end)
        if tail is None or not _of_country(doc.text, tail.end()) \
                or not tail.group().split()[-1][:1].isupper() \
                or any(is_head_word(w) or country_code(w) for w in tail.group().split()):
            continue
        end = tail.end()
        renamed[m.name] = f"{renamed.get(m.name, m.name)}{doc.text[m.span.end:end]}"
        m.span, m.surface = Span(m.span.start, end), doc.text[m.span.start:end]
    for m in mentions:
        m.name = renamed.get(m.name, m.name)
    return mentions


PLURAL_TITLE = re.compile(r"((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+s)\s+$")
NAME_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and|&)?\s*")


def _share_plural_titles(doc: Document, mentions: list[PersonMention]) -> None:
    """ "Presidents Biden and Lula", "Prime Ministers Modi and Albanese": a plural title is each
    listed name's, in the singular."""
    ordered = sorted(mentions, key=lambda m: m.span.start)
    for first, second in zip(ordered, ordered[1:]):
        found = PLURAL_TITLE.search(doc.text[max(0, first.span.start - 40):first.span.start])
        if found is None or not is_plural_head(found.group(1).split()[-1]) \
                or not NAME_LIST_GAP.fullmatch(doc.text[first.span.end:second.span.start]):
            continue
        title = found.group(1)[:-1]
        for m in (first, second):
            m.roles = [r for r in m.roles if not is_plural_head(r.title.split()[-1])]
            m.roles.append(Role(title, None, None, m.span))


# "Statement by President Joe Biden on ...", "Statement from National Security Advisor Jake
# Sullivan": one author, who writes "I"
STATEMENT_BY = re.compile(r"^(?:statement|letter|message)\s+(?:by|from)\s+(.+?)"
                          r"(?:\s+(?:on|regarding|welcoming|marking|in)\s|:|$)", re.I)


def _statement_speaker(doc: Document) -> tuple[str, str] | None:
    """(name, title) of the one author a statement's headline names; the name is "" when only
    the title is given ("Statement by the President")."""
    found = STATEMENT_BY.match(" ".join((doc.title or "").split()))
    if found is None or re.search(r"\band\b|&", found.group(1)):
        return None
    phrase = re.sub(r"^the\s+", "", re.sub(r",?\s+Jr\.?$", "", found.group(1)), flags=re.I)
    title, name = title_and_name(phrase)
    if not has_head_word(title) or len(name.split()) > MAX_NAME_WORDS:
        return None
    return name, title


# A proclamation's or notice's signature: "JOSEPH R. BIDEN JR.", then "THE WHITE HOUSE,"
SIGNATURE = re.compile(r"\n[ \t]*([A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){1,4})[ \t]*\n+"
                       r"[ \t]*THE WHITE HOUSE\b")


def _signer(doc: Document) -> tuple[str, str] | None:
    """(name, "") of the one who signs a notice or proclamation at its foot, who is its "I"."""
    found = SIGNATURE.search(doc.text[-400:])
    if found is None:
        return None
    name = re.sub(r",?\s+JR\.?$", "", found.group(1).strip()).title()
    return name, ""


def _first_person(doc: Document, name: str, title: str) -> list[PersonMention]:
    """ "I congratulate Maia Sandu": each "I" the author says outside a quotation, as a mention
    of the author."""
    said = []
    for tok in doc.nlp:
        if tok.text != "I" or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        before = doc.text[tok.sent.start_char:tok.idx]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            continue   # someone else's words, quoted
        span = Span(tok.idx, tok.idx + 1)
        said.append(PersonMention(span, "I", name, [Role(title, None, None, span)] if title else []))
    return said


def _countries_in_headline(title: str) -> dict[str, str]:
    """Surnames the headline qualifies by country ("Readout of President Biden's Call with
    Prime Minister Netanyahu of Israel" -> {"Netanyahu": "ISR"}): a body that then says only
    "Prime Minister Netanyahu" means the same man."""
    return {m.group(1): _state_or_country(code, set(title[:m.start()].lower().split()[-4:]))
            for m in HEADLINE_NAME_OF.finditer(title) if (code := _of_country(title, m.end(1)))}


def organisation_in(title: str) -> str | None:
    """The international organisation a title names ("NATO Secretary General", "President of
    the European Commission"), by its name in our table."""
    words = title.split()
    for n in range(min(len(words), 6), 0, -1):
        for i in range(len(words) - n + 1):
            if code := organisation_code(" ".join(words[i:i + n])):
                return organisation_name(code)
    return None


def _add_roles(doc: Document, m: PersonMention, token_at: dict[int, int]) -> None:
    tok = token_at.get(m.span.start)
    if tok is not None and (before := _title_before(doc, tok, doc.nlp[tok].sent.start)):
        start = doc.text.rfind(before, 0, m.span.start)
        m.roles.extend(_roles(before, Span(start, m.span.end)))
    if after := _title_after(doc, m.span.end, doc.sentence_of(m.span.start).end):
        end = doc.text.find(after, m.span.end) + len(after)
        # "Daniel Erikson, Senior Director for ..., and Mark Wells": the title stops before
        # the next person; "President Biden, Prime Minister Trudeau of Canada": no title at all
        # (a one-word "name" opening the apposition is the model taking the title's first
        # word for one: "Kim Tae-hyo, Principal Deputy National Security Advisor of the ROK")
        other = next((e.start_char for e in ents_starting_within(doc.nlp, m.span.end, end)
                      if e.label_ == "PERSON"
                      and not (len(e) == 1 and not doc.text[m.span.end:e.start_char].strip(" ,"))),
                     None)
        if other is not None:
            cut = re.match(r"(.*?)[\s,]*(?:\band\s*)?$", doc.text[m.span.end:other], re.S).group(1)
            after = cut.lstrip(" ,")
            end = m.span.end + len(cut)
            if not doc.text[m.span.end + len(cut):other].strip(" ,") or not has_head_word(after):
                after = None   # the words run straight into the next name: its title
        if after:
            m.roles.extend(_roles(after, Span(m.span.start, end)))
    # "President Uhuru Kenyatta of Kenya", "Prime Minister Kishida Fumio of Japan"
    if code := _of_country(doc.text, m.span.end):
        code = _state_or_country(code, {w for r in m.roles for w in r.title.lower().split()})
        for r in m.roles:   # the closest qualifier wins: "Japan and ... Advisor Suh Hoon of Korea"
            r.country = code


# A country that is also the name of a US state, and the offices a state elects: "Governor
# Kemp of Georgia" is American, "Prime Minister Kobakhidze of Georgia" is not.
US_STATE_ALSO_COUNTRY = {"GEO"}
US_STATE_OFFICES = {"senator", "governor", "representative", "congressman", "congresswoman",
                    "congressmember", "mayor", "delegate", "legislator", "assemblyman",
                    "assemblywoman"}


def _state_or_country(code: str, title_words: set[str]) -> str:
    """ "Senator Max Cleland of Georgia": under a state's office, the state, not the country."""
    return "USA" if code in US_STATE_ALSO_COUNTRY and title_words & US_STATE_OFFICES else code


def _of_country(text: str, end: int) -> str | None:
    """The country in "of Kenya" right after a name, if that is what follows."""
    if not (of := OF_COUNTRY.match(text, end)):
        return None
    words = of.group(1).split()
    return next((code for n in range(len(words), 0, -1)
                 if (code := country_code(" ".join(words[:n]).rstrip(".,")))), None)


def _is_titled(doc: Document, m: PersonMention) -> bool:
    before = doc.text[max(0, m.span.start - 30):m.span.start].split()
    return bool(m.roles) or bool(before and before[-1].lower().strip(".") in HONORIFICS)


@stage("dossier.annotate.people.v1", needs=("nlp", "entities", "sentences"), adds=("people",),
       languages=EXTRACTION_LANGUAGES)
def annotate_people(doc: Document) -> Document:
    mentions = _link_names(_extend_cut_names(doc, _mentions_from_entities(doc)), doc)
    token_at = {t.idx: t.i for t in doc.nlp}
    for m in mentions:
        _add_roles(doc, m, token_at)
    _share_plural_titles(doc, mentions)
    speaker, speaker_said = _statement_speaker(doc) or _signer(doc), []
    if speaker is not None:
        speaker_said = _first_person(doc, *speaker)
        mentions += [m for m in speaker_said if m.name]
    # A one-word "name" that no full name explains and no title introduces is more often a
    # place or a platform the model mislabelled ("Sahel", "Twitter") than a person.
    titled = {m.name for m in mentions if _is_titled(doc, m)}
    mentions = [m for m in mentions if len(m.name.split()) > 1 or m.name in titled]
    home = _home_country(doc, {r.country for m in mentions for r in m.roles if r.country})
    by_name: dict[str, list[PersonMention]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    headline = _countries_in_headline(doc.title or "")
    for name, group in by_name.items():
        for r in (r for m in group for r in m.roles if not r.organization):
            r.organization = organisation_in(r.title)
        country = next((r.country for m in group for r in m.roles if r.country), None) \
            or next((c for m in group if (c := _group_country(doc, m.span.start))), None) \
            or headline.get(name.split()[-1])
        # an international organisation's officer ("NATO Secretary General") is no one's
        # official: the report's own country is not theirs
        if country is None and not any(r.organization and organisation_code(r.organization)
                                       for m in group for r in m.roles) \
                and not any(is_foreign_to(r.title, home) for m in group for r in m.roles):
            country, assumed = home, True
        else:
            assumed = False
        for m in group:
            m.country, m.country_assumed = country, assumed and country is not None
    role_only = _role_only_mentions(doc, mentions) + [m for m in speaker_said if not m.name]
    doc.people = mentions + _resolve_role_only(role_only, mentions, home)
    doc.people.sort(key=lambda m: m.span.start)
    return doc


def _resolve_role_only(role_only: list[PersonMention], named: list[PersonMention],
                       home: str | None) -> list[PersonMention]:
    """A role-only mention names whoever holds that title in this document, if anyone does:
    "the Prime Minister" after "Prime Minister Lee Hsien Loong of Singapore" is Lee, whatever
    the report's own country."""
    for m in role_only:
        wanted = m.roles[0]
        # (a holder the report gives no country is known by the public figures table: "the
        # Prime Minister of Papua New Guinea" is not Prime Minister Albanese)
        holders = [other for other in named
                   if (other.country or figure_country(other.name)) in (None, wanted.country)
                   or wanted.country is None
                   if any(title_key(r.title) == title_key(wanted.title) for r in other.roles)]
        # a report's bare "the President" is its own country's ("President Biden spoke with
        # President Kenyatta of Kenya. The President affirmed ..."); of those, the one named
        # last before ("President Biden's call with President-elect Lula, where the President
        # committed"), else the first after
        if wanted.country is None and (own := [h for h in holders if h.country == home]):
            holders = own
        if not holders and wanted.country:   # "Maia Sandu on her reelection as the President of
            holders = [other for other in named   # Moldova": the Moldovan the report names
                       if other.name and not other.country
                       and figure_country(other.name) == wanted.country]
        before = [h for h in holders if h.span.start < m.span.start]
        holder = max(before, key=lambda h: h.span.start) if before else \
            (min(holders, key=lambda h: h.span.start) if holders else None)
        if holder is not None:
            m.name = holder.name
        stated = wanted.country or (holder.country if holder and not holder.country_assumed else None)
        m.country = stated or (holder.country if holder else None) or home
        m.country_assumed = stated is None and m.country is not None
        for r in m.roles:
            r.country = r.country or stated
    return role_only
