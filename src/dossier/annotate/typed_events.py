"""Events of the other PLOVER types (AGREE, SUPPORT, REQUEST, AID, COOPERATE, ...).

Meetings are gathered across sentences by `events`; the other types are told in one sentence
each ("Nigeria asked the UK to review its visa rules"), so each classified sentence gives one
event. The PLOVER classifier says who acts (source) and on whom (target); here those phrases
become participants: the people named in them, the countries named in them, and each person's
country, since these are acts of states as much as of people. A signing with no named parties
("the Kenya–US Health Cooperation Framework ..., signed last year") takes the countries the
agreement's name gives. An event without two participants is not recorded: it cannot be
placed in a relationship.
"""
from __future__ import annotations

import re

from dossier.annotate.events import clause_date, sentence_location
from dossier.annotate.modes import planned_mode
from dossier.annotate.nlp import entities_between
from dossier.annotate.joint_statements import is_first_person, parties_named, signatories
from dossier.annotate.plover import PloverMention, classify
from dossier.annotate.plover_lexicon import DESIGNATING_VERBS, NAMED_MEETINGS
from dossier.annotate.plover_roles import lemma
from dossier.annotate.topics import topics_of
from dossier.document import DateValue, Document, EventMention, Span
from dossier.organisations import ORGANISATION_KEY, organisation_code
from dossier.places import COUNTRY_KEY, adjective_country, country_code, place_country
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.pipeline import stage
from dossier.participants import PERSON, ROLE, kind_of, role_key

AGREEMENT_TYPES = {"SUPPORT", "AGREE", "COOPERATE"}
GOVERNMENT_OF = re.compile(r"^(?:the\s+)?(?:government|people)\s+of\s+", re.I)


def _countries_in(doc: Document, start: int, end: int) -> set[str]:
    """Countries and international organisations named between `start` and `end`."""
    found = set()
    for e in entities_between(doc, start, end):
        if doc.text[max(0, e.span.start - 9):e.span.start] == "American " and e.text.startswith("Indian"):
            continue   # "American Indian and Alaska Native communities" are American
        if e.label in ("GPE", "NORP") and (code := country_code(e.text) or adjective_country(e.text)):
            found.add(COUNTRY_KEY + code)
        elif e.label == "ORG" and (code := country_code(GOVERNMENT_OF.sub("", e.text))):
            # the model reads "the Democratic People's Republic of Korea" as a body, and
            # "the Government of Mexico" is Mexico acting
            found.add(COUNTRY_KEY + code)
        elif e.label in ("ORG", "GPE", "NORP") and (org := organisation_code(e.text)):
            found.add(ORGANISATION_KEY + org)
        elif e.label in ("ORG", "EVENT"):
            found |= _meeting_parties(e.text)
    return found


def _meeting_parties(name: str) -> set[str]:
    """The parties a meeting's name names: "the G7 Summit" the G7, "the U.S.–EU Summit" the
    United States and the European Union."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in NAMED_MEETINGS:
        return set()
    return parties_named(" ".join(words[:-1]))


def _actors_in(doc: Document, span: tuple[int, int] | None) -> set[str]:
    """People (with their countries) and countries named in a source or target phrase."""
    if span is None:
        return set()
    start, end = span
    found = _countries_in(doc, start, end)
    for p in doc.people:
        if start <= p.span.start < end:
            if p.name:
                found.add(p.name)
            elif p.roles:
                found.add(role_key(p.roles[0].title, p.country))
            if p.country:
                found.add(COUNTRY_KEY + p.country)
    return found


def _thanked_for(mentions: list[PloverMention], doc: Document) -> PloverMention | None:
    """ "X thanked Y for helping ...": the help is Y's, given to X."""
    return next((m for m in mentions if doc.nlp[m.trigger].lemma_.lower() == "thank"), None)


def _is_person_key(key: str) -> bool:
    return kind_of(key) in (PERSON, ROLE)


def _officials_over(doc: Document, trigger) -> set[str]:
    """When states act through a place name ("Abuja's request"), the people who speak and
    answer for them are the subjects of the clauses above the act ("Tuggar said Lammy
    responded positively to Abuja's request")."""
    found = set()
    for verb in trigger.ancestors:
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            for p in doc.people:
                if p.name and p.span.start <= subject.idx < p.span.end:
                    found.add(p.name)
    return found


PRONOUNS = {"he", "she"}
LOOK_BACK = 3   # sentences


def _pronoun_subject(doc: Document, sent, m: PloverMention) -> set[str]:
    """ "President Biden spoke with President Kenyatta. He also emphasized ...": a he or she
    acting is the person who last acted as a sentence's subject, within a few sentences."""
    trigger = doc.nlp[m.trigger]
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PRONOUNS
                               for c in verb.children):
        return set()
    earlier = [s for s in doc.sentences if s.end <= sent.start_char][-LOOK_BACK:]
    for before in reversed(earlier):
        for p in doc.people:
            if p.name and before.start <= p.span.start < before.end:
                span = doc.nlp.char_span(p.span.start, p.span.end, alignment_mode="expand")
                if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                    return {p.name} | ({COUNTRY_KEY + p.country} if p.country else set())
    return set()


def _participants(doc: Document, sent, m: PloverMention, mentions: list[PloverMention],
                  we: set[str]) -> set[str]:
    """`we`: who "we" are (the signatories of a joint statement), else nobody."""
    source, target = m.source, m.target
    thanks = _thanked_for(mentions, doc)
    if thanks is not None and thanks is not m and (
            (m.codebook_type == "AID" and source is None)
            or any(t.i == m.trigger for t in doc.nlp[thanks.trigger].subtree)):
        # "thanked the Prime Minister for Singapore's sanctions on Russia": the act thanked
        # for is the thanked one's, done to its own target
        source, target = thanks.target, (target if m.source is not None else None) or thanks.source
    ours = we if we and source is not None and is_first_person(doc.text[source[0]:source[1]]) \
        else set()
    if m.codebook_type in MATERIAL and not (_actors_in(doc, source) or ours):
        # "delivering aid to Israel and Ukraine", "the attack that killed U.S. service members":
        # the recipients, and no one who gave or struck
        return set()
    if m.codebook_type in MATERIAL - {"COOPERATE"} and target is not None \
            and not _actors_in(doc, target):
        return set()   # "to better fight poverty": an act on no one
    found = _actors_in(doc, source) | _actors_in(doc, target)
    if we and source is not None and is_first_person(doc.text[source[0]:source[1]]):
        found |= we
        if found <= we and m.codebook_type not in AGREEMENT_TYPES:
            return set()   # "we condemn violations ... by the DPRK": whom, the parse lost
    if not any(_is_person_key(k) for k in found) and m.codebook_type not in MATERIAL:
        # who speaks for a state in a statement; an attack or aid named in passing ("calls to
        # discuss the response to Russia's invasion") is not the speaker's act
        found |= _officials_over(doc, doc.nlp[m.trigger]) or _pronoun_subject(doc, sent, m)
    if m.codebook_type in AGREEMENT_TYPES and len(found) < 2:
        for ini in doc.initiatives:
            if sent.start_char <= ini.span.start < sent.end_char:
                found |= _countries_in(doc, ini.span.start, ini.span.end)
    return found


HYPOTHETICAL_MODIFIERS = {"further", "potential", "possible", "future", "hypothetical", "any"}
MODALS = {"could", "might", "may", "can"}
CONDITIONS = {"if", "unless", "whether", "lest"}
# PLOVER's material types: what was done, rather than said
MATERIAL = {"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def is_hypothetical(trigger) -> bool:
    """ "shocks that could result from a further Russian invasion", "if Iran attacks": an act
    that may happen, not one the text says happened. (A pledge, "would continue to support",
    is a verbal act of its own and is not asked about.)"""
    if trigger.pos_ in ("NOUN", "PROPN") and any(
            c.lower_ in HYPOTHETICAL_MODIFIERS for c in trigger.children if c.dep_ in ("amod", "det")):
        return True
    return any(tok.pos_ in ("VERB", "AUX") and any(
        (c.dep_ == "aux" and c.lower_ in MODALS) or (c.dep_ == "mark" and c.lower_ in CONDITIONS)
        for c in tok.children) for tok in [trigger, *trigger.ancestors])


def _said_now(doc: Document, trigger, kind: str) -> DateValue | None:
    """ "The United States condemns ...", "The First Lady urges ...": a statement in the simple
    present is made as the report is issued, on its day."""
    if doc.published is None or kind in MATERIAL:
        return None
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.dep_ == "aux" for c in verb.children):
        return None
    passive = [c for c in verb.children if c.dep_ == "auxpass"]
    # "condemns", or in the passive "is alarmed by"; "We, the leaders of the G7, reaffirm",
    # which the tagger takes for a bare infinitive, has a subject and so a tense
    tag = verb.tag_ if not passive else passive[0].tag_
    if tag not in ("VBZ", "VBP") and not (
            tag == "VB" and not passive and any(c.dep_ == "nsubj" for c in verb.children)):
        return None
    return DateValue(doc.published, doc.published, "day")


def _planned_day(doc: Document, sent) -> DateValue | None:
    """ "will host President Yoon for a State Visit, which will include a state dinner, on April
    26": a meeting announced in a sentence that gives one day (or one run of days: "the G7
    Summit, which is happening from June 11-13") to come is held then, however the parse
    attaches it."""
    if doc.published is None:
        return None
    ahead = {(d.value.earliest, d.value.latest) for d in doc.dates
             if sent.start_char <= d.span.start < sent.end_char and d.value.precision == "day"
             and d.value.earliest and d.value.earliest >= doc.published}
    if len(ahead) > 1:   # "today announced ... to attend on June 17": today is the announcing
        ahead.discard((doc.published, doc.published))
    return DateValue(*ahead.pop(), "day") if len(ahead) == 1 else None


@stage("dossier.annotate.typed_events.v1", needs=("nlp", "people", "dates", "initiatives", "events"),
       adds=("typed_events",), languages=EXTRACTION_LANGUAGES)
def annotate_typed_events(doc: Document) -> Document:
    we = signatories(doc)
    for sent in doc.nlp.sents:
        mentions = classify(sent)
        for m in mentions:
            kind = m.codebook_type
            if kind in (None, "CONSULT") or m.negated \
                    or (kind in MATERIAL and is_hypothetical(doc.nlp[m.trigger])):
                continue
            participants = _participants(doc, sent, m, mentions, we)
            if len(participants) < 2:
                continue
            trigger = doc.nlp[m.trigger]
            location = sentence_location(doc, sent, trigger)
            # a meeting announced (the codebook's AGREE) is marked, to be linked to the meeting
            announced = m.type == "CONSULT" and m.planned
            mode = planned_mode(m.mode) if announced else m.mode
            planned_day = _planned_day(doc, sent) if announced else None
            doc.events.append(EventMention(
                type=kind, evidence=[Span(sent.start_char, sent.end_char)],
                participants=sorted(participants), summary=" ".join(sent.text.split())[:300],
                mode=mode, location=location,
                # a delegation named today travels on the day it attends, not today
                date=(planned_day if lemma(trigger) in DESIGNATING_VERBS else None)
                or clause_date(doc, sent, trigger) or planned_day or _said_now(doc, trigger, kind),
                country=place_country(location) if location else None,
                topics=sorted(set(topics_of(sent.text)) | set(m.context)),
                initiatives=sorted({i.name for i in doc.initiatives
                                    if sent.start_char <= i.span.start < sent.end_char})))
    return doc
