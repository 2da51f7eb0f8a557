"""Dates: what a date expression says, as a window with the precision the text actually gave.

spaCy finds the expressions (its DATE entities); `normalise()` turns one into a `DateValue`
against an anchor (the publication date). dateparser does the calendar work for explicit and
most relative forms; what it gets wrong for news is handled here first: a bare weekday means the
most recent such day *including* the anchor day ("on Thursday" in a Thursday paper is that day),
"this week" is a week-long window, and qualified or unusual forms ("early 2026", "the 1990s")
become windows rather than the arbitrary day dateparser would pick. Without an anchor a relative
expression stays open (weekday remembered) instead of being guessed.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from dossier.document import DateMention, DateValue, Document, Span
from dossier.pipeline import stage

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9

# Expressions that name a length of time, not a point in it ("a two-day visit", "30 years").
DURATION = re.compile(
    r"^(?:the\s+)?(?:(?:more|less|fewer)\s+than\s+|over\s+|about\s+|nearly\s+|almost\s+|some\s+|"
    r"an?\s+additional\s+|another\s+|the\s+(?:past|last|next|coming)\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"several|few|many|more)(?:[\s-]+more)?[\s-]+(?:day|week|month|year|decade)s?(?:\s+\w+)?$",
    re.I)
RELATIVE_WORDS = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|ago|last|this|next|coming|past|previous|recent|"
    r"earlier|later|current|weekday|" + "|".join(WEEKDAYS) + r")\b", re.I)
WEEKDAY = re.compile(r"^(?:(last|this|next|on|coming|past)\s+)?(" + "|".join(WEEKDAYS) + r")$", re.I)
PART_OF_YEAR = re.compile(r"^(early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|"
                          r"the\s+first\s+half\s+of|the\s+second\s+half\s+of)[\s-]+(\d{4})$", re.I)
DECADE = re.compile(r"^(?:the\s+)?(?:(early|mid|late)[\s-]+)?(\d{3})0'?s$", re.I)
WEEK_WORDS = {"last week": -1, "this week": 0, "next week": 1, "the past week": -1,
              "the coming week": 1, "earlier this week": 0}
YEAR_ONLY = re.compile(r"^(?:in\s+|the\s+year\s+|fiscal\s+year\s+|fy\s*)?((?:19|20)\d{2})$", re.I)
TRIM = re.compile(r"^(?:on|in|at|by|since|from|until|during|of|the)\s+|[\s,.;:]+$", re.I)


@lru_cache(maxsize=256)
def _parser(anchor: date | None) -> DateDataParser:
    """One parser per anchor: dateparser fixes the relative base when a parser is built."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime.combine(anchor, datetime.min.time())
    return DateDataParser(languages=["en"], settings=settings)


def _window(kind: str, day: date) -> DateValue:
    if kind == "year":
        return DateValue(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    if kind == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return DateValue(day.replace(day=1), day.replace(day=last), "month")
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return DateValue(monday, monday + timedelta(days=6), "week")
    return DateValue(day, day, "day", day.weekday())


def _weekday(match: re.Match, anchor: date | None, future: bool) -> DateValue:
    modifier, name = (match.group(1) or "").lower(), match.group(2).lower()
    wd = WEEKDAYS.index(name)
    if anchor is None:
        return DateValue(None, None, "day", wd)
    forward = modifier in ("next", "coming") or (future and modifier != "last")
    if forward:
        delta = (wd - anchor.weekday()) % 7 or (7 if modifier == "next" else 0)
        return _window("day", anchor + timedelta(days=delta))
    delta = (anchor.weekday() - wd) % 7
    if modifier == "last" and delta == 0:
        delta = 7
    return _window("day", anchor - timedelta(days=delta))


def _part_of_year(qualifier: str, year: int) -> DateValue:
    q = qualifier.lower()
    if q.startswith("early") or "start" in q or "beginning" in q or "first half" in q:
        return DateValue(date(year, 1, 1), date(year, 6, 30), "year")
    if q.startswith("late") or "end" in q or "second half" in q:
        return DateValue(date(year, 7, 1), date(year, 12, 31), "year")
    return DateValue(date(year, 4, 1), date(year, 9, 30), "year")


def normalise(expression: str, anchor: date | None, future: bool = False) -> DateValue | None:
    """The window a date expression denotes, or None when it is not a date (a duration, a time
    of day, nonsense). `future` says the sentence looks ahead ("will meet on Thursday")."""
    text = " ".join(expression.replace("\u2019", "'").split())
    text = TRIM.sub("", TRIM.sub("", text))
    if not text or (DURATION.match(text) and not text.lower().endswith("ago")):
        return None
    low = text.lower()
    if m := WEEKDAY.match(low):
        return _weekday(m, anchor, future)
    if m := YEAR_ONLY.match(low):
        return _window("year", date(int(m.group(1)), 1, 1))
    if m := PART_OF_YEAR.match(low):
        return _part_of_year(m.group(1), int(m.group(2)))
    if m := DECADE.match(low):
        start = int(m.group(2)) * 10
        return DateValue(date(start, 1, 1), date(start + 9, 12, 31), "decade")
    if low in WEEK_WORDS:
        if anchor is None:
            return DateValue(None, None, "week")
        return _window("week", anchor + timedelta(weeks=WEEK_WORDS[low]))
    relative = bool(RELATIVE_WORDS.search(low)) and not re.search(r"\b\d{4}\b", low)
    if relative and anchor is None:
        return DateValue(None, None, "unknown")
    return _parse_with_dateparser(text, anchor, relative)


def _parse_with_dateparser(text: str, anchor: date | None, relative: bool) -> DateValue | None:
    """Explicit dates ("29 January 2026", "Jan. 29", "February 2026") and relative phrases
    dateparser knows ("last year", "two days ago"). A result that depends on the anchor but has
    no anchor to depend on is refused by the caller before this point."""
    if not re.search(r"\d|" + "|".join(MONTHS) + r"|year|month|week|day|ago", text, re.I):
        return None
    data = _parser(anchor).get_date_data(text)
    if data is None or data.date_obj is None or data.period == "time":
        return None
    day = data.date_obj.date()
    has_year = bool(re.search(r"\b\d{4}\b|'\d{2}\b", text))
    if not has_year and not relative:
        if anchor is None:   # "January 29" with no publication date: the year is unknown
            return None
        day = _nearest_year(day, anchor)
    return _window(data.period if data.period in ("year", "month", "week") else "day", day)


def _nearest_year(day: date, anchor: date) -> date:
    """A month-day without a year is taken in the year that puts it nearest the anchor (news
    reports recent or imminent days), so "December 30" in a January paper is last December."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:   # 29 February
            continue
    return min(options, key=lambda d: abs((d - anchor).days))


FUTURE_CUES = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|plans?\s+to|scheduled|expected\s+to|"
                         r"set\s+to|due\s+to|going\s+to|next|upcoming)\b", re.I)


@stage("dossier.annotate.dates.v1", needs=("text", "sentences", "entities", "published"),
       adds=("dates",))
def annotate_dates(doc: Document) -> Document:
    """Every DATE entity that denotes a date, normalised against the publication date."""
    mentions = []
    for ent in doc.entities:
        if ent.label != "DATE":
            continue
        sent = doc.sentence_of(ent.span.start)
        future = bool(FUTURE_CUES.search(doc.text[sent.start:sent.end]))
        value = normalise(ent.text, doc.published, future)
        if value is not None:
            mentions.append(DateMention(ent.span, ent.text, value))
    doc.dates = mentions
    return doc
