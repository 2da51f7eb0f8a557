"""The last word on a report's events: only interactions between countries, one per act, dated.

The meeting and typed-event stages find candidates sentence by sentence; here they are judged
as a whole report, as an analyst reading it would:

- An event is an interaction between international actors (countries, their people,
  international organisations) that the text states; a question states none, nor do words
  quoted from someone who takes no part in the act (a lawmaker's "I support the President's
  decision"), which stay quotes. When everyone taking part belongs to one country (a President
  signing an executive order, a task force meeting, a nomination), it is a domestic act, not an
  event. Where a person's country is only assumed (the report's own, for an official it names
  bare), the cross-document stage judges again with what the other reports say of that person
  (`resolve/rebuild.py`).
- One act is one event: a sentence classified under several types keeps one, the material act
  between the same parties if there is one ("thanked the United States for helping ..." is
  aid), else the first the sentence states; and the same act told again in another sentence
  of the report (same type, same participants, no other date) joins the first telling.
- Every event gets a confidence: how sure this reading of the report is.
- Every event of a dated report has a date or a window. What those who met did, told in a
  readout of one meeting with no day of its own, was done there and then; any other act
  happened on or before the report's date; a planned one on or after it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.annotate.joint_statements import JOINT_STATEMENT, signatories
from dossier.annotate.modes import is_planned, planned_mode
from dossier.annotate.nlp import ents_in
from dossier.annotate.typed_events import MATERIAL
from dossier.document import DateValue, Document, EventMention
from dossier.participants import COUNTRY, ORGANISATION, PERSON, ROLE, Participant, kind_of
from dossier.pipeline import stage
from dossier.places import COUNTRY_KEY, country_code, place_country


def participant_countries(doc: Document, event: EventMention) -> set[str]:
    """The countries of an event's participants: named countries, people's own countries,
    and the countries of role-only mentions (`role:TITLE@CC`). A country the report only
    assumes for its own officials counts too."""
    country_of = {p.name: p.country for p in doc.people if p.name and p.country}
    found = set()
    for key in event.participants:
        participant = Participant.of(key)
        if participant.kind == COUNTRY:
            found.add(participant.value)
        elif participant.kind == ROLE:
            found.add(participant.country)
        elif key in country_of:
            found.add(country_of[key])
    return found - {""}


def is_international(doc: Document, event: EventMention) -> bool:
    """Two countries take part, or an international organisation and anyone else, or one
    country and a person whose country the report does not say (the President in a report
    naming only the country he called)."""
    parties = participant_countries(doc, event) | {
        k for k in event.participants if kind_of(k) == ORGANISATION}
    if len(parties) >= 2:
        return True
    known = _with_country(doc)
    assumed = {p.name for p in doc.people if p.name and p.country_assumed}
    # someone whose country the report does not say, or only assumes to be its own: other
    # reports may say otherwise, and the cross-document stage decides with what they say
    return len(parties) == 1 and any(k not in known or k in assumed for k in _named_people(event))


def _with_country(doc: Document) -> set[str]:
    """The people of the report to whom it gives a country (perhaps only by assumption)."""
    return {p.name for p in doc.people if p.name and p.country}


def _named_people(event: EventMention) -> list[str]:
    """The participants that are people named in the report (not countries, organisations or
    bare titles)."""
    return [k for k in event.participants if kind_of(k) == PERSON]


def _asked(doc: Document, event: EventMention) -> bool:
    """A question states nothing ("Did the President ask Japan to ...?", a reporter at a
    briefing): an event only a question tells is none."""
    return all(doc.text[span.start:span.end].rstrip(" \"'”’)").endswith("?")
               for span in event.evidence)


QUOTE_OPENING = 2   # characters: a quotation mark, a space


def _opinion_quoted(doc: Document, event: EventMention) -> bool:
    """ "'I support President Trump's decision on Ukraine,' said Senator X": words quoted from
    someone who takes no part in the act are an opinion, kept as a quote, not an event."""
    if event.type == "CONSULT":
        return False
    for span in event.evidence:
        if (speaker := _labelled_speaker(doc, span)) is not None:
            if speaker in event.participants:
                return False
            continue   # "Jeremy Ben-Ami, President, J Street: The President did a great job"
        # the sentence is the quote: it opens inside one (a narrative that ends on a quote,
        # "Trump said he arranged a meeting: “...”", is the reporter's)
        quoted = [q for q in doc.quotes if q.span.start <= span.start + QUOTE_OPENING < q.span.end
                  or (span.start < q.span.start < span.end and _attributed(doc, span.start, q.span.start))]
        if not quoted or any(q.speaker and q.speaker in event.participants for q in quoted):
            return False
    return True


LABEL_CHARS = 120   # how far into a sentence a "Name, Title:" label may run


def _labelled_speaker(doc: Document, span) -> str | None:
    """ "Jeremy Ben-Ami, President, J Street: The President did a great job ...", as lists of
    reactions print them without quotation marks: a name and a colon opening the sentence say
    whose words follow. The name, or None when the sentence opens otherwise."""
    start, end = span.start, doc.text.find(":", span.start, min(span.end, span.start + LABEL_CHARS))
    if end < 0:   # the label may be a sentence of its own, just before
        before = doc.text[:span.start].rstrip()
        if not before.endswith(":"):
            return None
        end = len(before) - 1
        start = max(doc.text.rfind("\n", 0, end) + 1, end - LABEL_CHARS)
    if not _is_label(doc, start, end):
        return None
    return next((p.name for p in doc.people if p.name and start <= p.span.start < end), None)


def _is_label(doc: Document, start: int, end: int) -> bool:
    """Words with no verb, such as a name and a title: what says whose words follow a colon
    (a sentence with a verb before its colon is the reporter's own)."""
    words = doc.nlp.char_span(start, end, alignment_mode="contract")
    return words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _attributed(doc: Document, start: int, quote_start: int) -> bool:
    """ "Sen. James Lankford: “For 47 years, Iran has attacked ...”": a name and a colon before
    the quote say only whose words follow."""
    head = doc.text[start:quote_start].rstrip(" “\"")
    return head.endswith(":") and _is_label(doc, start, start + len(head))


def _one_visit_per_country(doc: Document, trip: EventMention) -> list[EventMention]:
    """ "President Biden will visit Egypt, Cambodia, and Indonesia": three visits, each on the
    days the report gives for that country ("On November 11th, ... in Sharm el-Sheikh, Egypt"),
    else in the trip's window."""
    if trip.mode != planned_mode("visit"):
        return [trip]
    travellers = {p.country for p in doc.people if p.name in trip.participants}
    hosts = sorted(participant_countries(doc, trip) - travellers)
    if len(hosts) < 2 or not travellers:
        return [trip]
    visits = []
    for host in hosts:
        visit = replace(trip, participants=sorted(
            {k for k in trip.participants if kind_of(k) != COUNTRY}
            | {COUNTRY_KEY + c for c in travellers} | {COUNTRY_KEY + host}))
        visit.date = _days_in(doc, host, trip) or trip.date
        visits.append(visit)
    return visits


def _days_in(doc: Document, country: str, trip: EventMention) -> DateValue | None:
    """The one run of days (ahead of the report) a sentence after the trip's gives for a place
    in `country`."""
    found = []
    for sent in doc.nlp.sents:
        if sent.start_char <= trip.evidence[0].start:
            continue
        places = [e.text for e in ents_in(sent) if e.label_ in ("GPE", "LOC", "FAC")]
        # "in Bali, Indonesia": the country named, and no other country
        if country not in {place_country(p) for p in places} \
                or {c for p in places if (c := country_code(p))} - {country}:
            continue
        found += [(d.value.earliest, d.value.latest) for d in doc.dates
                  if sent.start_char <= d.span.start < sent.end_char and d.value.precision == "day"
                  and d.value.earliest and (not doc.published or d.value.earliest >= doc.published)]
    return DateValue(*found[0], "day") if len(set(found)) == 1 else None


def _one_per_act(doc: Document, events: list[EventMention]) -> list[EventMention]:
    """Meetings and the joint statement first, then at most one typed event per sentence, then
    tellings of the same act merged."""
    kept: list[EventMention] = [e for e in events if _stands_alone(e)]
    group = _group_speaking(doc, kept)
    by_sentence: dict[tuple[int, int], list[EventMention]] = {}
    for event in events:
        if not _stands_alone(event):
            by_sentence.setdefault((event.evidence[0].start, event.evidence[0].end), []).append(event)
    for told in by_sentence.values():
        # "thanked the United States for helping ...": between the same parties, the help is
        # the act the sentence states; "thanked Draghi for Italy's support to Afghans" states
        # the thanks
        event = next((e for e in told if e.type in MATERIAL
                      and set(e.participants) == set(told[0].participants)), told[0])
        same = next((k for k in kept if (
            k.type == event.type and k.participants == event.participants and k.mode == event.mode
            and not _other_day(k.date, event.date)) or _agreed_in(doc, event, k)
            or _committed_together(group, event, k)), None)
        if same is None:
            kept.append(event)
        else:
            same.evidence.extend(event.evidence)
            # the leaders who speak a joint statement's words are its signatories too
            same.participants = sorted(set(same.participants) | set(event.participants))
            same.date = same.date or event.date
            same.topics = sorted(set(same.topics) | set(event.topics))
            same.initiatives = sorted(set(same.initiatives) | set(event.initiatives))
    return kept


def _stands_alone(event: EventMention) -> bool:
    return event.type == "CONSULT" or event.mode == JOINT_STATEMENT


STATED_TOGETHER = {"AGREE", "SUPPORT"}   # what signatories commit to, or stand by, together


def _agreed_in(doc: Document, event: EventMention, statement: EventMention) -> bool:
    """What the signatories of a joint statement commit to among themselves alone ("We commit
    to intensifying our strategic energy cooperation", "will also convene a working group") is
    what the statement agrees; a meeting it announces for a time ("will meet again next
    year") stays an event of its own, to be linked to the meeting when it is held."""
    return statement.mode == JOINT_STATEMENT and event.type in STATED_TOGETHER \
        and not (_is_planned(event) and event.date is not None) and (
        {COUNTRY_KEY + c for c in participant_countries(doc, event)}
        | {k for k in event.participants if kind_of(k) == ORGANISATION}
    ) <= set(statement.participants)


def _group_speaking(doc: Document, statements: list[EventMention]) -> set[str]:
    """The group of states a statement speaks for alone ("We, the leaders of the G7"), with no
    joint statement event of its own; else nobody."""
    we = signatories(doc)
    alone = len(we) == 1 and not any(e.mode == JOINT_STATEMENT for e in statements)
    return we if alone else set()


def _committed_together(group: set[str], event: EventMention, first: EventMention) -> bool:
    """What a group commits to in its one statement ("we reaffirm our commitment to the people
    of Syria ... will continue to work with the OPCW") is one agreement, the statement's."""
    return bool(group) and event.type == first.type == "AGREE" \
        and group <= set(event.participants) and group <= set(first.participants) \
        and not _is_planned(event) and not _is_planned(first) \
        and not _other_day(first.date, event.date)


def _announced_if_ahead(doc: Document, meeting: EventMention) -> None:
    """ "President Biden looks forward to welcoming Amir Tamim to the White House on January
    31", in a report of January 25: a meeting on a day after the report has not happened; it
    is announced, which the codebook reads as an agreement to meet."""
    if meeting.type == "CONSULT" and doc.published and meeting.date and meeting.date.earliest \
            and meeting.date.earliest > doc.published:
        meeting.type, meeting.mode = "AGREE", planned_mode(meeting.mode)


def _other_day(a: DateValue | None, b: DateValue | None) -> bool:
    return bool(a and b and a.exact and b.exact and a.exact != b.exact)


def _is_planned(event: EventMention) -> bool:
    return is_planned(event.mode)


# "In the meeting, President Biden reinforced ... the launch on October 3": said then and there
AT_THE_MEETING = re.compile(r"^(?:in|during|on|at)\s+(?:the|their|his|her|today[’']s)\s+"
                            r"(?:meeting|call|talks|conversation|visit|discussion|phone call)\b",
                            re.I)


def _done_by_those_who_met(doc: Document, event: EventMention, meeting: EventMention) -> bool:
    """Only what those who met did happened at the meeting: "Russia's renewed attacks on
    Ukraine", told in a readout of a meeting in Washington, did not happen there, then."""
    bodies = {k for k in event.participants if kind_of(k) == ORGANISATION}
    return event.type != "CONSULT" and not _is_planned(event) and bool(
        set(meeting.participants) & set(event.participants)
        or (participant_countries(doc, event) <= participant_countries(doc, meeting)
            and bodies <= set(meeting.participants)))   # not "the Houthis' attacks" they discussed


def _said_at(meeting: EventMention, event: EventMention) -> bool:
    """Words said at the meeting whatever day they name: "In the meeting, President Biden
    reinforced ... the launch on October 3", or, by one who met, "He condemned Iran's attack on
    October 1" in a readout of a later meeting."""
    if event.type == "CONSULT":
        return False
    return bool(AT_THE_MEETING.match(event.summary)) or (
        event.type not in MATERIAL and bool(set(meeting.participants) & set(event.participants))
        and event.date is not None and event.date.latest is not None
        and event.date.latest < meeting.date.exact)


def _of_one_country(doc: Document, event: EventMention) -> bool:
    """Everyone taking part is known, and of one country (perhaps only by the report's
    assumption)."""
    known = _with_country(doc)
    return len(participant_countries(doc, event)) == 1 and all(k in known for k in _named_people(event))


def _the_meeting(doc: Document, events: list[EventMention]) -> EventMention | None:
    """The meeting a report tells of, when its meetings of several countries fall on one day;
    a meeting of one country's people (a roundtable of officials) is none."""
    meetings = [e for e in events if e.type == "CONSULT" and e.date and e.date.exact
                and not _of_one_country(doc, e)]
    return meetings[0] if len({e.date.exact for e in meetings}) == 1 else None


def _acted_through_those_who_met(doc: Document, events: list[EventMention]) -> None:
    """ "Britain and Nigeria extended their defence pact on Tuesday, as Lammy hosted Tuggar": the
    countries acted through the people who met that day, who take part in the act too."""
    meeting = _the_meeting(doc, events)
    if meeting is None:
        return
    for event in events:
        if event.type != "CONSULT" and event.mode != JOINT_STATEMENT and event.date is not None \
                and event.date.exact == meeting.date.exact \
                and all(kind_of(k) == COUNTRY for k in event.participants) \
                and participant_countries(doc, event) == participant_countries(doc, meeting):
            event.participants = sorted(set(event.participants) | set(meeting.participants))


def _date_and_place(doc: Document, events: list[EventMention]) -> None:
    """Acts told in a readout of one meeting, with no day of their own, were done there, then;
    whatever else a dated report tells happened on or before its date (or, planned, after)."""
    meeting = _the_meeting(doc, events)
    # "On Monday, December 5, Sullivan will travel to Brasilia ... Sullivan will meet with
    # President-elect Lula": an announced trip of one day is the day of the meetings it plans
    # (a trip of one side alone is no event, but still says when its meetings are)
    # (a trip "in June" that includes a summit "on June 14" is longer: its day dates nothing)
    trip_days = {(e.date.earliest, e.date.latest) for e in doc.events
                 if _is_planned(e) and e.date and e.date.latest}
    first, last = trip_days.pop() if len(trip_days) == 1 else (None, None)
    trip_day = DateValue(first, first, "day") if first and first == last else None
    for event in events:
        if doc.published and event.date is not None and event.date.earliest \
                and event.date.earliest > doc.published and not _is_planned(event):
            event.date = None   # "commit to continue ... through May 11": a term, not the act's day
        dated = event.date is not None and (event.date.earliest or event.date.latest)
        if dated and not (meeting is not None and _said_at(meeting, event)):
            continue
        if meeting is not None and _done_by_those_who_met(doc, event, meeting):
            # a place the sentence names ("the situation in Gaza") is what was talked about;
            # the act's place is the meeting's, none for a call
            event.date, event.location, event.country = meeting.date, meeting.location, meeting.country
        elif doc.published is None:
            continue
        elif _is_planned(event):
            event.date = trip_day or DateValue(doc.published, None, "unknown")
        else:
            event.date = DateValue(None, doc.published, "unknown")


# Weights set by hand from what the audits found: a meeting is the most reliably read, a
# material act less than a statement, and each of the marks below moves the reading.
BASE_CONFIDENCE = {"CONSULT": 0.7}
VERBAL_CONFIDENCE, MATERIAL_CONFIDENCE = 0.55, 0.5


def confidence(doc: Document, event: EventMention) -> float:
    """How sure this reading is: the kind of event, then both sides named as people of two
    countries, an exact day, and no side known only by a title."""
    score = BASE_CONFIDENCE.get(event.type,
                                MATERIAL_CONFIDENCE if event.type in MATERIAL else VERBAL_CONFIDENCE)
    country_of = {p.name: p.country for p in doc.people if p.name}
    named = [k for k in event.participants if k in country_of]
    if len({country_of[k] for k in named}) >= 2 or (len(named) >= 2 and None in map(country_of.get, named)):
        score += 0.15
    elif named:
        score += 0.05
    if event.date is not None and event.date.exact:
        score += 0.1
    if any(kind_of(k) == ROLE for k in event.participants):
        score -= 0.1
    return round(min(max(score, 0.05), 0.95), 2)


@stage("dossier.annotate.interactions.v1", needs=("events", "typed_events", "people"),
       adds=("interactions",), languages=EXTRACTION_LANGUAGES)
def keep_interactions(doc: Document) -> Document:
    events = [e for e in doc.events
              if is_international(doc, e) and not _asked(doc, e) and not _opinion_quoted(doc, e)]
    for event in events:
        _announced_if_ahead(doc, event)
    events = _one_per_act(doc, events)
    events = [visit for event in events for visit in _one_visit_per_country(doc, event)]
    _date_and_place(doc, events)
    _acted_through_those_who_met(doc, events)
    for event in events:
        event.confidence = confidence(doc, event)
    doc.events = events
    return doc
