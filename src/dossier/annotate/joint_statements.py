"""A joint statement is itself an event: its signatories agree, on the day it is issued.

(So is the published text of an agreement: "Memorandum of Understanding between the Government
of the United States of America and the Government of Malaysia ...".)

"Joint Statement of Japan, the Republic of Korea, and the United States", "United
States-Kenya Joint Leaders' Statement", "Joint Statement from the United States and Norway on
...": the headline says who speaks, and the body speaks as "we". Sentence by sentence nothing
says "Japan and Korea agreed", so without this the act the whole document records is lost, and
what "we" condemn or support has no source.

- The signatories are the countries and international organisations the headline names, read
  from its "by/from/of/between ..." part when it has one ("Joint Statement on F-16s for Ukraine
  from U.S. President ..., Dutch Prime Minister ..." is not Ukraine's), or else from the
  opening's "We, the leaders of ...".
- The statement is one AGREE between them, dated the report's day, its evidence the body's
  first sentence. A meeting of the signatories the statement tells of with no day of its own
  ("We, the leaders of ..., convened") is where it was issued, that day. What the signatories
  commit to among themselves alone is what they agreed, and joins it
  (`annotate/interactions.py`); what they say to or about others stays an event of its own,
  with "we" read as the signatories (`annotate/typed_events.py`).
"""
from __future__ import annotations

import re

from dossier.annotate.events import sentence_location
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.annotate.titles import title_and_name
from dossier.document import DateValue, Document, EventMention, Span
from dossier.organisations import ORGANISATION_KEY, organisation_code
from dossier.participants import ORGANISATION, kind_of
from dossier.pipeline import stage
from dossier.places import (COUNTRY_KEY, adjective_country, country_code, is_country_name,
                            place_country)
from dossier.public_figures import figure_country

JOINT_STATEMENT = "joint statement"   # the event's mode
JOINT_TITLE = re.compile(r"\b(?:joint|leaders[’']?)\s+(?:leaders[’']?\s+|joint\s+)?"
                         r"(?:statement|declaration|communiqu[eé])\b"
                         # the text of an agreement itself: "Memorandum of Understanding between ..."
                         r"|^(?:the\s+)?(?:memorandum\s+of\s+(?:understanding|cooperation)|agreement|"
                         r"arrangement)(?=\s+between\b)", re.I)
# "We, the leaders of Japan, the Republic of Korea (ROK), and the United States (U.S.), ..."
WE_THE = re.compile(r"\bwe,?\s+the\s+(?:co-)?(?:leaders|governments|heads\s+of\s+state(?:\s+and\s+"
                    r"government)?|partners|ministers|members)\s+of\s+", re.I)
LIST_WORDS = {"and", "the", "of", "&"}
# "... from the United States and Norway on ...": who speaks, up to what they speak on
SPEAKERS = re.compile(r"\b(?:by|from|of|between)\s+(.+?)(?=\s+(?:on|regarding|concerning)\s|:|$)",
                      re.I)
# "U.S.-EU", "United States – Italy": a dash between two names separates them
NAME_DASH = re.compile(r"(?<=[\w.])\s*[-–—]\s*(?=[A-Z])")
MAX_NAME_WORDS = 5
FIRST_PERSON = {"we", "us"}
OUR = {"our"}


def parties_named(text: str) -> set[str]:
    """The countries and international organisations a headline names, as participant keys.

    A headline is a few words with no sentence to parse, so names are looked up word run by
    word run, longest first, rather than asked of the model.
    """
    # a comma stays a word of its own: it ends a name, and no name runs across it
    words = [w.strip(":;()“”\"") for w in NAME_DASH.sub(" , ", text).replace(",", " , ").split()]
    found: set[str] = set()
    i = 0
    while i < len(words):
        for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            run = " ".join(words[i:i + n])
            run = re.sub(r"[’']s$", "", run)
            if not run[:1].isupper():
                continue
            if n == 1 and not is_country_name(run) and (code := adjective_country(run)):
                found.add(COUNTRY_KEY + code)
                # "Russian Security Council Secretary ...": what the adjective qualifies is
                # that country's, not another party
                while i + 1 < len(words) and words[i + 1][:1].isupper():
                    i += 1
            elif code := country_code(run):
                found.add(COUNTRY_KEY + code)
            elif org := organisation_code(run):
                found.add(ORGANISATION_KEY + org)
            else:
                continue
            i += n - 1
            break
        i += 1
    return found


def signatories(doc: Document) -> set[str]:
    """Who speaks in a joint statement (two or more parties, or a group of states: "G7 Leaders'
    Statement on Syria"), or nobody if it is not one."""
    title = " ".join((doc.title or "").split())
    joint = JOINT_TITLE.search(title)
    if joint is None:   # "Commitment to Consult": "We, the leaders of Japan, ... commit"
        named = _named_as_we(doc.text[:OPENING])
        return named if len(named) >= 2 else set()
    # who speaks: named before the words "joint statement" ("U.S.-ROK Leaders' Statement", "G7
    # Leaders' Statement on Ukraine", not Ukraine's), else after "by/from/of", else anywhere
    # ("Joint Statement on U.S.-China Economic and Trade Meeting")
    parties = parties_named(title[:joint.start()])
    if not parties:
        speakers = SPEAKERS.search(title, joint.end())
        parties = parties_named(speakers.group(1)) if speakers else set()
        if len(parties) < 2:   # "by President Biden and President von der Leyen on U.S.-EU ..."
            parties = parties_named(title)
    if len(parties) < 2:   # "Joint Statement by President Joe Biden and President Andrés ..."
        parties |= _countries_of_people_named(title)
    if len(parties) < 2:
        parties = _named_as_we(doc.text[:OPENING]) or parties
    group = len(parties) == 1 and kind_of(next(iter(parties))) == ORGANISATION
    return parties if len(parties) >= 2 or group else set()


def _countries_of_people_named(text: str) -> set[str]:
    """The countries of the well-known figures a headline lists ("by President Joe Biden and
    President Andrés Manuel López Obrador")."""
    found = set()
    for part in re.split(r",\s*|\s+and\s+|\s+on\s+|\s+by\s+|\s+from\s+|\s+joint\s+", text,
                         flags=re.I):
        _, name = title_and_name(part)
        if name and (code := figure_country(name)):
            found.add(COUNTRY_KEY + code)
    return found


OPENING = 1500   # characters: where a statement says who "we" are


def _named_as_we(opening: str) -> set[str]:
    """ "We, the leaders of Australia, Brunei Darussalam, ... and Viet Nam, launched": the
    parties the statement's opening lists as its "we", up to the first word after the list."""
    found = WE_THE.search(opening)
    if found is None:
        return set()
    listed = []
    for word in opening[found.end():].split():
        if not (word[:1].isupper() or word[:1] == "(" or word.lower().strip(",") in LIST_WORDS):
            break
        listed.append(word)
    return parties_named(" ".join(listed))


def is_first_person(phrase: str) -> bool:
    """ "We", "our three countries", "our governments": the statement's own voice."""
    words = phrase.lower().split()
    return bool(words) and (words[0] in FIRST_PERSON and len(words) == 1 or words[0] in OUR)


@stage("dossier.annotate.joint_statements.v1", needs=("sentences", "typed_events"),
       adds=("joint_statements",), languages=EXTRACTION_LANGUAGES)
def annotate_joint_statement(doc: Document) -> Document:
    parties = signatories(doc)
    if len(parties) < 2 or not doc.sentences:
        return doc   # a group speaking alone ("We, the leaders of the G7") agrees with no one
    first = doc.sentences[0]
    day = DateValue(doc.published, doc.published, "day") if doc.published else None
    for meeting in doc.events:
        # "We, the leaders of ..., convened": a joint statement is issued where its signatories
        # meet, on that day
        if meeting.type == "CONSULT" and not (meeting.date and meeting.date.exact) \
                and len(parties.intersection(meeting.participants)) >= 2:
            meeting.date = day
    place = _issued_at(doc)
    doc.events.append(EventMention(
        type="AGREE", evidence=[Span(first.start, first.end)], participants=sorted(parties),
        summary=" ".join((doc.title or "").split())[:300], mode=JOINT_STATEMENT, date=day,
        location=place, country=place_country(place) if place else None))
    return doc


LEAD_SENTENCES = 3


def _issued_at(doc: Document) -> str | None:
    """Where the statement is made, as its opening says: "President Biden is honored to welcome
    President Marcos to Washington, DC", "Here in San Francisco, our ministers signed"."""
    for sent in list(doc.nlp.sents)[:LEAD_SENTENCES]:
        for verb in (t for t in sent if t.pos_ == "VERB"):
            if (place := sentence_location(doc, sent, verb)) is not None:
                return place
    return None
