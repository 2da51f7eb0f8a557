"""Events as one document tells them (PLOVER CONSULT: meetings, talks, visits, calls).

A report mentions one meeting several times: "held talks" in the lead, "the conference took
place on January 29 at State House" in the next sentence, "the talks with Lammy centred on"
further down. Each trigger word gives a mention with the people, place and date of its
sentence; mentions then gather into events: a mention whose people are a subset of an event's
(or the reverse) joins it unless its date or place contradicts, and a mention that names nobody
("the conference ...") joins the nearest event it does not contradict. Planned meetings ("his
intention to visit Kenya") are not meetings that happened and are left out here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.annotate.topics import topics_of
from dossier.document import DateValue, Document, EventMention, Span
from dossier.annotate.titles import is_leader
from dossier.places import country_code, place_country
from dossier.public_figures import figure_country
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.annotate.nlp import ents_in
from dossier.participants import role_key
from dossier.pipeline import stage

VERB_TRIGGERS = {"meet": None, "talk": None, "discuss": None, "confer": None, "convene": None,
                 "visit": "visit", "host": None, "welcome": None, "receive": None, "call": "phone",
                 "phone": "phone"}
GUEST_VERBS = {"welcome", "receive"}   # a meeting only with a guest as their object
BRIEFING_WORDS = {"press", "media", "background", "conference", "earnings", "news"}
NOUN_TRIGGERS = {"meeting": None, "talk": None, "talks": None, "discussion": None,
                 "visit": "visit", "trip": "visit", "summit": "multilateral", "conference": None,
                 "consultation": None, "call": "phone", "engagement": None}
PLANNED = {"intention", "intend", "plan", "expect", "hope", "invite", "invitation", "propose",
           "wish", "want", "schedule", "agree", "promise", "pledge", "set"}
AHEAD = {"upcoming", "forthcoming", "planned", "proposed", "future", "scheduled", "expected",
         "anticipated", "next", "possible", "potential"}
PLACE_LABELS = {"GPE", "FAC", "LOC"}


@dataclass
class _Mention:
    sentence: int
    span: Span
    participants: set[str]
    location: str | None
    date: DateValue | None
    mode: str | None


@dataclass
class _Event:
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def participants(self) -> set[str]:
        return set().union(*(m.participants for m in self.mentions))

    @property
    def location(self) -> str | None:
        places = [m.location for m in self.mentions if m.location]
        return min(places, key=_place_rank) if places else None

    @property
    def date(self) -> DateValue | None:
        dates = [m.date for m in self.mentions if m.date]
        return min(dates, key=_date_rank) if dates else None


def _place_rank(place: str) -> tuple[int, int]:
    """A city ("State House, Nairobi") says more than a country ("Kenya"); lower is better."""
    return (1 if country_code(place) else 0, -len(place))


def _date_rank(value: DateValue) -> int:
    return {"day": 0, "week": 1, "month": 2}.get(value.precision, 3) if value.earliest else 4


PHONE = {"phone", "telephone", "call", "video"}
CALLERS = {"PERSON", "GPE", "NORP", "ORG"}   # whose call can be a phone call


def _is_trigger(tok) -> str | None | bool:
    """The mode for a trigger token, None for a trigger without one, False for no trigger."""
    if tok.lemma_.lower() == "speak" and any(t.lower_ in PHONE for t in tok.subtree):
        return "phone"   # "spoke by phone with"
    if tok.lemma_.lower() == "speak" and any(
            c.lower_ == "with" or (c.lower_ == "to" and any(g.pos_ == "PROPN" for g in c.children))
            for c in tok.children):
        return None   # "spoke today with President Ruto", "spoke today to President Herzog"
    if tok.lemma_.lower() == "speak" and any(
            c.dep_ == "nsubj" and any(g.dep_ in ("conj", "appos") and g.pos_ == "PROPN"
                                      for g in c.subtree) for c in tok.children):
        return None   # "President Biden, Prime Minister Trudeau ... and Prime Minister Sunak spoke"
    if tok.lower_ in ("call", "calls", "briefing") and any(c.lower_ in BRIEFING_WORDS for c in tok.children):
        return False   # "our background press call to preview the meeting": with reporters
    if tok.lower_ in ("call", "calls") and tok.pos_ == "NOUN" and any(
            (c.dep_ == "acl" and any(g.lower_ == "to" for g in c.children))
            or (c.dep_ == "prep" and c.lower_ in ("for", "on"))
            or (c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in CALLERS)
            for c in tok.children):
        return False   # "the Agreement's call to pursue efforts", "calls for restraint": asked
    if tok.lemma_.lower() in GUEST_VERBS and not any(
            c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children):
        return False   # "welcomed Prime Minister Kishida", not "welcomed the decision"
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "so":
        return False   # "the so-called DNR": a name given, no call
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in VERB_TRIGGERS:
        return VERB_TRIGGERS[tok.lemma_.lower()]
    if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in NOUN_TRIGGERS:
        return NOUN_TRIGGERS[tok.lower_]
    return False


def _is_planned(tok) -> bool:
    """'will visit', 'his intention to visit', 'expected to meet', 'plans for a meeting',
    'did not meet'. Only the trigger's own clause counts: 'agreed on Wednesday ..., as X held
    talks' is a meeting that happened."""
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in ("will", "would",
                                                                            "shall", "to")):
            return True
        if child.dep_ == "amod" and child.lower_ in AHEAD:
            return True   # "the upcoming visit to Washington"
    head = tok.head
    if tok.dep_ == "acomp" and any(t.dep_ == "aux" and t.lower_ in ("will", "would", "shall")
                                   for t in head.subtree if t.i < tok.i):
        return True   # "will be co-hosted", parsed "will be co | hosted"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass") and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "to")
            for c in (head.head if tok.dep_ == "pobj" else head).children):
        return True   # "would attend the summit", "to hold talks", "the meeting will be co-hosted"
    if tok.dep_ == "xcomp" or (tok.dep_ == "pobj" and head.dep_ == "prep"):
        head = head.head if tok.dep_ == "pobj" else head
        return head.lemma_.lower() in PLANNED or head.lower_ in PLANNED
    return tok.dep_ in ("dobj", "nsubj") and head.lemma_.lower() in PLANNED


# Prepositions that put a person inside a meeting ("talks with X", "between X and Y", "led by
# X", "alongside X"); others mention someone in passing ("reforms under President X").
PARTICIPANT_PREPOSITIONS = {"with", "between", "among", "by", "alongside", "of", "to", "from",
                            "and"}


TOPIC_PREPOSITIONS = {"on", "about", "regarding", "concerning", "including"}
TOPIC_HEADS = {"view", "views", "discuss", "exchange", "update", "brief", "discussion",
               "conversation", "consultation"}


def _in_passing(person_root, trigger, word_before) -> bool:
    """Is this person only mentioned in passing: as a possessor of something else, after a
    preposition that does not join them to the meeting ("reforms under President X"), or inside
    a relative clause the trigger is not in ("the partnership, which was signed by X")?"""
    tok = person_root
    while tok.head.i != tok.i and tok.i != trigger.i:
        if tok.dep_ in ("conj", "ccomp", "parataxis") and tok.pos_ in ("VERB", "AUX") \
                and trigger.i not in {t.i for t in tok.subtree}:
            return True   # "They discussed the visit, and Mr. Sullivan conveyed that ...": another clause
        tok = tok.head
    if trigger.lemma_.lower() == "discuss" and any(
            person_root.i in {t.i for t in obj.subtree}
            for obj in trigger.children if obj.dep_ == "dobj"):
        return True   # "discussed the upcoming visit by Prime Minister Bennett": a topic
    if any(t.lower_ in TOPIC_PREPOSITIONS and t.dep_ == "prep"
           and t.head.lemma_.lower() in TOPIC_HEADS
           and not any(g.lemma_.lower() in ("margin", "sideline") for g in t.children)
           for t in person_root.ancestors):
        return True   # "to exchange views on the DPRK, including the summit between Putin and Kim"
    if person_root.dep_ == "poss" and person_root.head != trigger \
            and person_root.head.lower_ not in NOUN_TRIGGERS:
        return True
    if any(t.lower_ == "by" and t.head.pos_ == "NOUN" and t.head.i != trigger.i
           and t.head.lower_ not in NOUN_TRIGGERS for t in person_root.ancestors):
        return True   # "in line with the decision by Presidents X and Y to establish ...": whose
    if word_before is not None and word_before.pos_ == "ADP" and word_before.dep_ != "cc" \
            and word_before.lower_ not in PARTICIPANT_PREPOSITIONS:
        return True   # not "... group of Allies as well as | Secretary General X": a conjunction
    trigger_line = {t.i for t in trigger.ancestors} | {trigger.i}
    tok = person_root
    while tok.i not in trigger_line and tok.head != tok:
        if tok.dep_ == "relcl" and trigger.i not in {t.i for t in tok.subtree}:
            return True
        tok = tok.head
    return False


def _participants(doc: Document, sent, trigger) -> set[str]:
    """People named in the trigger's sentence, minus those only mentioned in passing."""
    names = set()
    for person in doc.people:
        if not (sent.start_char <= person.span.start < sent.end_char):
            continue
        tok = doc.nlp.char_span(person.span.start, person.span.end, alignment_mode="expand")
        # the word before the person as introduced, title included ("under | President X")
        start = min([person.span.start] + [r.span.start for r in person.roles])
        before = doc.nlp.char_span(start, person.span.end, alignment_mode="expand")
        word_before = doc.nlp[before.start - 1] if before is not None and before.start > 0 else None
        if tok is not None and _in_passing(tok.root, trigger, word_before):
            continue
        if person.name:
            names.add(person.name)
        elif person.roles:
            names.add(role_key(person.roles[0].title, person.country))
    return names | _delegations(doc, trigger)


GROUP_LEMMAS = {"representative", "delegation", "official", "ambassador", "leader", "minister",
                "diplomat", "counterpart", "envoy", "negotiator", "authority"}


def _delegations(doc: Document, trigger) -> set[str]:
    """ "hosted diplomatic representatives from Argentina, Canada and Peru": the countries a
    meeting's unnamed delegations come from take part in it; "the leaders of Japan, the ROK and
    the United States" are those countries' leaders the report names."""
    found = set()
    # "We, the leaders of ..., convened": the parser may hang the meeting on the group word
    groups = [*trigger.subtree, *([trigger.head] if trigger.dep_ == "acl" else [])]
    for tok in groups:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in GROUP_LEMMAS:
            continue
        # the parser hangs later countries of the list on the group word itself
        named = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
        if not named:
            continue
        named += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        countries = {code for part in named for ent in ents_in(tok.doc[part.left_edge.i:part.right_edge.i + 1])
                     if ent.label_ == "GPE" and (code := country_code(ent.text))}
        found |= {f"country:{code}" for code in countries}
        if tok.lemma_.lower() == "leader":
            found |= {p.name for p in doc.people
                      if p.name and any(is_leader(r.title) for r in p.roles)
                      and (p.country or figure_country(p.name, leader=True)) in countries}
    return found


def sentence_location(doc: Document, sent, trigger) -> str | None:
    """The place introduced by 'in', 'at' or 'to' nearest the trigger word; a city
    ("State House, Nairobi") rather than a country when both are as near."""
    places = []
    anchors = [trigger.i] + [next((t.i for t in trigger.ancestors if t.pos_ in ("VERB", "AUX")),
                                  trigger.i)] * (trigger.pos_ in ("NOUN", "PROPN"))
    for ent in ents_in(sent):
        if ent.label_ not in PLACE_LABELS and not (ent.label_ == "ORG" and "House" in ent.text):
            continue
        prev = doc.nlp[ent.start - 1] if ent.start > sent.start else None
        venue = ent.label_ != "GPE" and prev is not None and prev.lower_ == "at"
        if prev is not None and prev.head.pos_ == "NOUN" and prev.head != trigger \
                and prev.head.lower_ not in NOUN_TRIGGERS and not venue:
            # "the mission in Haiti": a place of something else, not of the meeting; but "spoke
            # with leaders from the community at the White House" is the parser's attachment
            continue
        if prev is not None and prev.head.pos_ == "PROPN" and prev.head.lower_ in NOUN_TRIGGERS \
                and prev.head != trigger and trigger.lower_ not in NOUN_TRIGGERS:
            continue   # "building on the Special Summit in Washington": another meeting's place
        if trigger.lemma_.lower() in ("discuss", "talk") and any(
                ent.root.i in {t.i for t in c.subtree} for c in trigger.children
                if c.dep_ in ("dobj", "prep") and c.lower_ not in ("in", "at")):
            continue   # "discussed the need to ensure calm in Gaza": what they talked about
        allowed = ("in", "at", "to") if _is_trigger(trigger) == "visit" \
            or trigger.lemma_.lower() in GUEST_VERBS else ("in", "at")   # "welcomed X to the White House"
        # "the White House peace summit": a venue can also name the meeting
        names_it = ent.root.dep_ == "compound" and ent.root.head == trigger
        if not names_it and (prev is None or prev.lower_ not in allowed):
            continue
        text = ent.text.removeprefix("the ").removeprefix("The ")
        following = [e for e in ents_in(sent) if e.start_char in (ent.end_char + 2, ent.end_char + 4)]
        if following and doc.text[ent.end_char:].startswith((", ", " in ")) \
                and following[0].label_ in PLACE_LABELS:
            text = doc.text[ent.start_char:following[0].end_char].removeprefix("the ")
        if place_country(text) or place_country(text.split(",")[0]):
            # from the trigger or the verb a trigger noun depends on ("In Cambodia, he will
            # reaffirm the commitment"), a place before counting double
            distance = min(ent.start - at if ent.start > at else 2 * (at - ent.start)
                           for at in anchors)
            places.append((distance // 6, _place_rank(text), text))
    return min(places)[2] if places else None


def sentence_date(doc: Document, sent) -> DateValue | None:
    """The sentence's day, leaving out a day that belongs to something the sentence names
    ("updated him on ... the Executive Order issued last night"): a clause on a noun."""
    found = [d.value for d in doc.dates if sent.start_char <= d.span.start < sent.end_char
             and d.value.precision in ("day", "week") and not _in_noun_clause(doc, d.span)]
    return min(found, key=_date_rank) if found else None


def _in_noun_clause(doc: Document, span: Span) -> bool:
    found = doc.nlp.char_span(span.start, span.end, alignment_mode="expand")
    return found is not None and any(t.dep_ in ("acl", "relcl") for t in found.root.ancestors)


CLAUSE_PRECISIONS = ("day", "week", "month", "quarter", "year")
DAY_PARTS = {"morning", "afternoon", "evening", "night"}
# Prepositions of a clause that says when the act was: "upon arriving on Monday, she met",
# "after returning this evening, he decided" (then or later)
TIME_PREPOSITIONS = {"after", "upon", "on", "following", "during", "while", "when"}
# "since July 2021", "until 2030": the date bounds a stretch of time, it is not when the act was
BOUNDING_WORDS = {"since", "until", "till", "through", "by", "before", "after", "from", "to"}


def clause_date(doc: Document, sent, trigger, through_verb: bool = True) -> DateValue | None:
    """When the act the trigger states was: a date attached to the trigger, or to the verb a
    trigger noun depends on, not one inside another phrase ("reinforced the commitment ...
    following the missile launch over Japan on October 3"); a month or a year when that is all
    the text gives ("In December 1984, Hezbollah hijacked ...")."""
    governing = next((t for t in trigger.ancestors if t.pos_ in ("VERB", "AUX")), None)
    # "met today to discuss ongoing attacks": the day is the meeting's, not the attacks'
    talked_about = governing is not None and governing.lemma_.lower() in TOPIC_HEADS
    own = {trigger.i} | ({governing.i} if governing is not None and through_verb
                         and trigger.pos_ in ("NOUN", "PROPN") and not talked_about else set())
    for verb in [trigger.doc[i] for i in own if i >= 0]:
        while verb.dep_ in ("xcomp", "acomp") and verb.head != verb:
            verb = verb.head   # "Today, I am proud to announce ...": the day of "am"
            own.add(verb.i)
    if trigger.dep_ == "acl" and trigger.head.pos_ == "NOUN" and trigger.tag_ in ("VBN", "VBD") \
            and not any(c.lower_ in ("will", "would", "to") for c in trigger.children):
        own.add(trigger.head.i)   # "Today's announcement that the US and EU have reached"
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.dep_ == "dobj":
        own.add(trigger.head.head.i)   # "signed today an Executive Order implementing a tariff"
    if trigger.pos_ in ("NOUN", "PROPN"):   # "the strike that U.S. forces took last night"
        own |= {c.i for c in trigger.children if c.dep_ == "relcl"}
    if trigger.dep_ in ("xcomp", "advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                         for c in trigger.children):
        own.add(trigger.head.i)   # "On Wednesday, he spoke with ... to pledge": then and there
        if trigger.dep_ == "acl" and trigger.head.dep_ == "dobj":
            own.add(trigger.head.head.i)   # "made the decision to cancel"
    found = []
    for d in doc.dates:
        if not (sent.start_char <= d.span.start < sent.end_char) \
                or d.value.precision not in CLAUSE_PRECISIONS or d.value.earliest is None:
            continue
        before = doc.text[max(sent.start_char, d.span.start - 12):d.span.start].split()
        days = d.value.precision == "day" and d.value.earliest != d.value.latest
        if before and before[-1].lower() in BOUNDING_WORDS \
                and not (days and before[-1].lower() == "from"):   # "from June 11-13"
            continue
        span = doc.nlp.char_span(d.span.start, d.span.end, alignment_mode="expand")
        tok = span.root if span is not None else None
        after = False
        while tok is not None and tok.i not in own and tok.head.i != tok.i:
            tok = tok.head
            if tok.dep_ == "pcomp" and tok.head.lower_ in TIME_PREPOSITIONS:
                # "after returning this evening, he decided": then, or later
                after = after or tok.head.lower_ in ("after", "following")
            elif tok.i not in own and tok.pos_ not in ("ADP", "NUM", "PROPN", "DET", "ADJ",
                                                       "ADV") \
                    and tok.lower_ not in DAY_PARTS:   # "on Wednesday evening"
                tok = None
        if tok is not None and tok.i in own:
            later = after and doc.published and d.value.latest < doc.published
            found.append(DateValue(d.value.earliest, doc.published, "unknown") if later
                         else d.value)
    return min(found, key=_date_rank) if found else None


def _meeting_date(doc: Document, sent, trigger) -> DateValue | None:
    """The day of the meeting the trigger names: one attached to the trigger itself first ("an
    interview this morning ... on yesterday's summit" is the summit's yesterday), else the
    sentence's day."""
    attached = clause_date(doc, sent, trigger, through_verb=False)
    if attached is not None and attached.precision in ("day", "week"):
        return attached
    # a month the clause gives ("The meetings follow the President's call with Lula in
    # October 2022", the parser hanging the month on "follow"): the meeting was then
    clause = clause_date(doc, sent, trigger) if attached is None else None
    coarse = clause if clause is not None and clause.precision in ("month", "quarter") else None
    return sentence_date(doc, sent) or attached or coarse


def _mentions(doc: Document) -> list[_Mention]:
    out = []
    for i, sent in enumerate(doc.nlp.sents):
        if any(_is_trigger(t) is not False and any(c.dep_ == "neg" for c in t.children)
               for t in sent):
            continue   # "did not meet ... during the visit": no meeting in this sentence
        found = [_Mention(i, Span(sent.start_char, sent.end_char), _participants(doc, sent, tok),
                          sentence_location(doc, sent, tok), _meeting_date(doc, sent, tok), mode)
                 for tok in sent
                 if (mode := _is_trigger(tok)) is not False and not _is_planned(tok)]
        if found:   # one mention per sentence: the trigger that brings most people together
            best = max(found, key=lambda m: len(m.participants))
            best.location = best.location or next((m.location for m in found if m.location), None)
            best.mode = best.mode or next((m.mode for m in found if m.mode), None)
            out.append(best)
    if out and out[0].mode is None and out[0].location is None and CALL_HEADLINE.search(doc.title or ""):
        out[0].mode = "phone"   # "Readout of President Biden's Call with ...": "spoke today with"
    return out


# A headline that announces a call, and no meeting: its lead tells of the call
CALL_HEADLINE = re.compile(r"\b(?:phone\s+)?calls?\s+(?:with|between)\b(?!.*\bmeeting\b)", re.I)


def _contradicts(a: _Mention, event: _Event) -> bool:
    if a.date and event.date and a.date.exact and event.date.exact and \
            a.date.exact != event.date.exact:
        return True
    by_phone, event_by_phone = a.mode == "phone", any(m.mode == "phone" for m in event.mentions)
    if by_phone != event_by_phone and (event.location if by_phone else a.location):
        return True   # "I called President Putin" during the summit at the White House
    if a.location and event.location:
        ca, cb = place_country(a.location), place_country(event.location)
        return bool(ca and cb and ca != cb)
    return False


def _gather(mentions: list[_Mention]) -> list[_Event]:
    """Mentions naming two or more people found events; mentions naming nobody, then those
    naming one person, join the nearest event they do not contradict (one that includes that
    person), so that "his trip to the US" lands on the Washington talks, not the Nairobi ones."""
    events: list[_Event] = []
    for m in (m for m in mentions if len(m.participants) >= 2):
        home = next((e for e in events if (m.participants <= e.participants
                                           or e.participants <= m.participants)
                     and not _contradicts(m, e)), None)
        if home:
            home.mentions.append(m)
        else:
            events.append(_Event([m]))
    for m in sorted((m for m in mentions if len(m.participants) < 2),
                    key=lambda m: len(m.participants)):
        near = sorted((e for e in events if m.participants <= e.participants
                       and not _contradicts(m, e)),
                      key=lambda e: min(_distance(m, x) for x in e.mentions))
        if near and (m.participants or min(_distance(m, x) for x in near[0].mentions) <= 3):
            near[0].mentions.append(m)
    return events


def _distance(m: _Mention, other: _Mention) -> float:
    """Sentences apart; a nameless mention leans to the mention right after it ('a meeting of
    negotiating teams ... Led by X and Y, they convened')."""
    d = other.sentence - m.sentence
    return d - 0.5 if d > 0 else -d


def _segments(doc: Document, events: list[_Event]) -> dict[int, list[Span]]:
    """Sentences told about each event: from one of its mentions up to another event's."""
    if not events:
        return {}
    owner: dict[int, int] = {}
    for k, e in enumerate(events):
        for m in e.mentions:
            owner[m.sentence] = k
    current, spans = min(owner.items())[1] if owner else 0, {k: [] for k in range(len(events))}
    for i, sent in enumerate(doc.sentences):
        current = owner.get(i, current)
        spans[current].append(sent)
    return spans


@stage("dossier.annotate.events.v1", needs=("nlp", "people", "dates", "initiatives"),
       adds=("events",), languages=EXTRACTION_LANGUAGES)
def annotate_events(doc: Document) -> Document:
    events = _gather(_mentions(doc))
    segments = _segments(doc, events)
    doc.events = []
    for k, e in enumerate(events):
        first = min(e.mentions, key=lambda m: m.sentence)
        text = " ".join(doc.text[s.start:s.end] for s in segments[k])
        initiatives = sorted({i.name for i in doc.initiatives
                              if any(s.start <= i.span.start < s.end for s in segments[k])})
        modes = [m.mode for m in e.mentions if m.mode]
        # Where the report was filed stands in for the venue of a meeting the text does not
        # place, never for a call.
        location = (e.location or doc.dateline) if "phone" not in modes else None
        doc.events.append(EventMention(
            type="CONSULT", evidence=[m.span for m in sorted(e.mentions, key=lambda m: m.sentence)],
            participants=sorted(e.participants),
            summary=" ".join(doc.text[first.span.start:first.span.end].split())[:300],
            mode=("phone" if "phone" in modes else modes[0]) if modes else None, date=e.date,
            location=location,
            country=place_country(location) if location else None,
            topics=topics_of(text), initiatives=initiatives))
    return doc
