"""Dates: what a date expression says, as a window with the precision the text actually gave.

spaCy finds the expressions (its DATE entities); `normalise()` turns one into a `DateValue`
against an anchor (the publication date). dateparser does the calendar work for explicit and
most relative forms; what it gets wrong for news is handled here first: a bare weekday means the
most recent such day *including* the anchor day ("on Thursday" in a Thursday paper is that day),
"this week" is a week-long window, and qualified or unusual forms ("early 2026", "the 1990s",
"the third quarter", "mid-November", "early next year") become windows rather than the
arbitrary day dateparser would pick. Without an anchor a relative expression stays open (weekday
remembered) instead of being guessed. A bare number ("Jorge Hernandez, 49,") is never a date.

Which way an expression without a year points (a weekday, "March", "Oct. 23", "the fourth
quarter") depends on the clause it belongs to: the stage reads the tense of the verb that
governs the expression ("said Friday" looks back, "will meet Friday" ahead), and falls back to
cue words in the sentence when there is no such verb. The stage also keeps the extent to the
expression (no trailing punctuation or possessive "'s"), finds a date inside a longer entity
("the quarter ended Sept. 30"), and reads "a year earlier" against the last date the text gave.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from dossier.document import DateMention, DateValue, Document, Span
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.pipeline import stage

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
            r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")

# Expressions that name a length of time, not a point in it ("a two-day visit", "30 years").
DURATION = re.compile(
    r"^(?:the\s+)?(?:(?:more|less|fewer)\s+than\s+|over\s+|about\s+|nearly\s+|almost\s+|some\s+|"
    r"an?\s+additional\s+|another\s+|the\s+(?:past|last|next|coming|first)\s+)?(?:an?\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"several|few|many|more)(?:[\s-]+more)?[\s-]+(?:day|week|month|quarter|year|decade)s?"
    r"(?:\s+\w+)?$",
    re.I)
# "the past decade", "the last century": a stretch of time up to now, not a calendar decade.
PAST_STRETCH = re.compile(r"^(?:the\s+)?(?:past|last|next|coming)\s+(?:decade|century)$", re.I)
RELATIVE_WORDS = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|ago|last|this|next|coming|past|previous|recent|"
    r"earlier|later|current|weekday|" + "|".join(WEEKDAYS) + r")\b", re.I)
WEEKDAY = re.compile(r"^(?:(last|this|next|on|coming|past)\s+)?(" + "|".join(WEEKDAYS) + r")$", re.I)
PART_OF_YEAR = re.compile(r"^(early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?start\s+of|"
                          r"(?:the\s+)?beginning\s+of|(?:the\s+)?first\s+half\s+of|"
                          r"(?:the\s+)?(?:second|last)\s+half\s+of)[\s-]+(\d{4})$", re.I)
# A part of some other window: "early next year", "mid-November", "the end of this month".
PART_OF = re.compile(r"^(early|mid|late|(?:the\s+)?(?:end|start|beginning|middle)\s+of|"
                     r"(?:the\s+)?(?:first|second|last)\s+half\s+of)[\s-]+(.+)$", re.I)
DECADE = re.compile(r"^(?:the\s+)?(?:(early|mid|late)[\s-]+)?(\d{3})0'?s$", re.I)
SHORT_DECADE = re.compile(r"^(?:the\s+)?(?:(early|mid|late)[\s-]+)?'(\d)0s$", re.I)
CENTURY = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century$", re.I)
WEEK_WORDS = {"last week": -1, "this week": 0, "next week": 1, "the past week": -1,
              "the coming week": 1, "earlier this week": 0, "past week": -1, "coming week": 1}
YEAR_ONLY = re.compile(r"^(?:in\s+|the\s+year\s+|fiscal\s+(?:year\s+)?|fy\s*)?((?:19|20)\d{2})$",
                       re.I)
SHORT_YEAR = re.compile(r"^(?:fiscal\s+(?:year\s+)?|fy\s*)?'(\d{2})$", re.I)
TRIM = re.compile(r"^(?:on|in|at|by|since|from|until|during|of|the)\s+|[\s,.;:]+$", re.I)
QUALIFIER = re.compile(r"^(?:just|only|as\s+(?:early|soon|late)\s+as|some\s*time)\s+", re.I)
ABOUT_AGO = re.compile(r"^(?:nearly|almost|about|around|roughly|some|(?:more|less)\s+than|over|"
                       r"just\s+(?:over|under)|well\s+over)\s+(.+\sago)$", re.I)
CURRENT = re.compile(r"^(?:the\s+)?current\s+(?:fiscal\s+|calendar\s+)?(year|month|week)$", re.I)
SPELLED_DECADE = re.compile(r"^(?:the\s+)?(?:(early|mid|late)[\s-]+)?(twenties|thirties|forties|"
                            r"fifties|sixties|seventies|eighties|nineties)$", re.I)
EARLIER_THIS = re.compile(r"^(?:earlier|later)\s+(?:in\s+)?((?:this|next|last)\s+\w+|today|"
                          r"yesterday|tomorrow)$", re.I)
MONTH_ALONE = re.compile(r"^(?:(last|this|next|this\s+past|this\s+coming|past|coming)\s+)?("
                         + MONTH_RE + r")$", re.I)
MONTH_OF_YEAR = re.compile(r"^(" + MONTH_RE + r"),?\s+(?:of\s+)?(last|this|next)\s+year$", re.I)
WEEK_OF = re.compile(r"^(?:the\s+)?week\s+(?:of|beginning|starting)\s+(.+)$", re.I)
WEEKDAY_AND_DATE = re.compile(r"^(?:(?:this\s+coming|this\s+past|this|next|last|coming)\s+)?("
                              + "|".join(WEEKDAYS) + r")\b,?\s*(.+)$", re.I)
QUARTER = re.compile(
    r"^(?:(?P<year>(?:19|20)\d{2})(?:'s)?\s+|(?P<relyear>last|this|next)\s+year'?s\s+|"
    r"(?:the\s+)?(?P<yearago>year[\s-](?:earlier|ago))\s+)?"
    r"(?:the\s+)?(?P<fiscal>fiscal(?:[\s-]+year)?\s+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<fiscal2>fiscal\s+)?quarter"
    r"(?:\s+(?:of\s+)?(?:(?:(?P<fiscal3>fiscal\s+(?:year\s+)?)?(?P<year2>(?:19|20)\d{2}))|"
    r"(?P<relyear2>last|this|next)\s+(?:fiscal\s+)?year|the\s+year))?$", re.I)
QUARTER_CODE = re.compile(r"^q([1-4])(?:\s+|-|/)?((?:19|20)\d{2})?$", re.I)
RELATIVE_QUARTER = re.compile(r"^(?:the\s+)?(last|latest|past|previous|current|this|next|coming)"
                              r"\s+(?:fiscal\s+)?quarter$", re.I)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# Spelled-out years and days, as in broadcast transcripts: "nineteen ninety-six", "March eighth".
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                  "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth")
SPELLED_YEAR = re.compile(
    r"\b(?:(nineteen|eighteen)\s+(" + "|".join(_TENS) + r")(?:[\s-]+(" + "|".join(_UNITS) + r"))?"
    r"|two\s+thousand(?:\s+and)?(?:\s+(" + "|".join(_UNITS + _TEENS) + r"))?)\b", re.I)
SPELLED_DAY = re.compile(r"\b(" + MONTH_RE + r")\s+(?:(twenty|thirty)[\s-]+)?("
                         + "|".join(_ORDINAL_WORDS + ("thirtieth",)) + r")\b", re.I)


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
    if kind == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        last = date(day.year, first + 2, calendar.monthrange(day.year, first + 2)[1])
        return DateValue(date(day.year, first, 1), last, "quarter")
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
    if q.startswith("late") or "end" in q or "second half" in q or "last half" in q:
        return DateValue(date(year, 7, 1), date(year, 12, 31), "year")
    return DateValue(date(year, 4, 1), date(year, 9, 30), "year")


def _part_of(qualifier: str, value: DateValue) -> DateValue:
    """Narrow a window to the part the qualifier names: the early / middle / late part of a
    year (as for "early 2026") or of a month (its first, middle or last ten days or so). Other
    windows (a day, a week, a quarter) are kept whole: the text gives no finer date."""
    if value.earliest is None or value.latest is None:
        return value
    if value.precision == "year" and value.earliest.year == value.latest.year:
        return _part_of_year(qualifier, value.earliest.year)
    if value.precision == "month":
        q, first, last = qualifier.lower(), value.earliest, value.latest
        if q.startswith("early") or "start" in q or "beginning" in q or "first half" in q:
            lo, hi = first, first.replace(day=15 if "half" in q else 10)
        elif q.startswith("late") or "end" in q or "second half" in q or "last half" in q:
            lo, hi = first.replace(day=16 if "half" in q else 21), last
        else:
            lo, hi = first.replace(day=11), first.replace(day=20)
        return DateValue(lo, hi, "month")
    return value


def _quarter(year: int, number: int) -> DateValue:
    return _window("quarter", date(year, 3 * number - 2, 1))


def _quarter_of(day: date, shift: int = 0) -> DateValue:
    index = day.year * 4 + (day.month - 1) // 3 + shift
    return _quarter(index // 4, index % 4 + 1)


def _year_of(relative: str | None, anchor: date | None) -> int | None:
    if anchor is None:
        return None
    return anchor.year + {"last": -1, "next": 1}.get((relative or "this").lower(), 0)


def _named_quarter(m: re.Match, anchor: date | None, future: bool, past: bool) -> DateValue:
    """"the third quarter", "third-quarter", "the fourth quarter of 1989", "last year's second
    quarter". A fiscal quarter without its fiscal calendar is kept but left open."""
    number = ORDINALS[m.group("ord").lower()]
    if m.group("fiscal") or m.group("fiscal2") or m.group("fiscal3") or \
            re.search(r"\bfiscal\s+year\b", m.group(0)):
        return DateValue(None, None, "quarter")
    year = m.group("year") or m.group("year2")
    if year:
        return _quarter(int(year), number)
    relative = m.group("relyear") or m.group("relyear2") or ("last" if m.group("yearago") else None)
    if anchor is None:
        return DateValue(None, None, "quarter")
    if relative:
        return _quarter(_year_of(relative, anchor), number)
    value = _quarter(anchor.year, number)
    if past and value.earliest > anchor:   # "reported fourth-quarter profit" in a January paper
        value = _quarter(anchor.year - 1, number)
    elif future and (anchor - value.latest).days > 92:   # not the quarter that just ended
        value = _quarter(anchor.year + 1, number)
    return value


def _month_alone(m: re.Match, anchor: date | None, future: bool, past: bool) -> DateValue:
    """A month without a day or year: "last June", "this September", "next March", "March".
    "last June" is the most recent June before this month, "next March" the first after it;
    a bare month is the one nearest the anchor unless that is more than two months away, when
    the tense of its clause decides (looking back: the most recent one, ahead: the next one)."""
    modifier = " ".join((m.group(1) or "").lower().split())
    month = MONTHS[m.group(2).lower().rstrip(".")]
    if anchor is None:   # a bare month stays unread, as a month-day does; "last June" is open
        return DateValue(None, None, "month") if modifier else None
    if modifier == "this":
        year = anchor.year
    elif modifier in ("last", "past", "this past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif modifier in ("next", "coming", "this coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        nearest = _nearest_year(date(anchor.year, month, 15), anchor)
        year = nearest.year
        if abs((nearest - anchor).days) > 62 and past:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        elif abs((nearest - anchor).days) > 62 and future:
            year = anchor.year if month >= anchor.month else anchor.year + 1
    return _window("month", date(year, month, 1))


def _century_year(two_digits: int, anchor: date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the year with those last digits nearest the anchor (or before
    2030 when there is none)."""
    pivot = anchor.year if anchor else 2000
    options = [c + two_digits for c in (pivot // 100 * 100 - 100, pivot // 100 * 100,
                                         pivot // 100 * 100 + 100)]
    return min(options, key=lambda y: abs(y - pivot))


def _spell_out(text: str) -> str:
    """Spelled-out years and days as digits: "nineteen ninety-six" -> "1996", "the year two
    thousand" -> "the year 2000", "March eighth" -> "March 8"."""
    def year(m: re.Match) -> str:
        if m.group(1):
            value = (1900 if m.group(1).lower() == "nineteen" else 1800)
            value += 10 * (_TENS.index(m.group(2).lower()) + 2)
            return str(value + (_UNITS.index(m.group(3).lower()) + 1 if m.group(3) else 0))
        rest = (m.group(4) or "").lower()
        if rest in _UNITS:
            return str(2001 + _UNITS.index(rest))
        return str(2010 + _TEENS.index(rest) if rest else 2000)

    def day(m: re.Match) -> str:
        tens = {"twenty": 20, "thirty": 30}.get((m.group(2) or "").lower(), 0)
        word = m.group(3).lower()
        unit = 30 if word == "thirtieth" else _ORDINAL_WORDS.index(word) + 1
        if tens and unit >= 10:
            return m.group(0)
        return f"{m.group(1)} {tens + unit}"

    return SPELLED_DAY.sub(day, SPELLED_YEAR.sub(year, text))


def _clean(expression: str) -> str:
    text = " ".join(expression.replace("\u2019", "'").split())
    text = re.sub(r"'s?$", "", text) if re.search(r"\w's$|s'$", text) else text
    text = QUALIFIER.sub("", text)
    return TRIM.sub("", TRIM.sub("", text))


# "June 11-13", "11–13 June 2021": the days of a summit, one window
DAY_RANGE = re.compile(r"^(?P<month>" + MONTH_RE + r")\.?\s+(?P<first>\d{1,2})(?:st|nd|rd|th)?"
                       r"\s*(?:-|–|—|to|through)\s*(?P<last>\d{1,2})(?:st|nd|rd|th)?"
                       r"(?P<year>,?\s+(?:19|20)\d{2})?$", re.I)
DAY_RANGE_FIRST = re.compile(r"^(?P<first>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*"
                             r"(?P<last>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + MONTH_RE + r")"
                             r"(?P<year>,?\s+(?:19|20)\d{2})?$", re.I)


def _day_range(m: re.Match, anchor: date | None, future: bool, past: bool) -> DateValue | None:
    first = normalise(f"{m['month']} {m['first']}{m['year'] or ''}", anchor, future, past=past)
    if first is None or first.exact is None or int(m["last"]) <= first.exact.day:
        return first
    try:
        return DateValue(first.exact, first.exact.replace(day=int(m["last"])), "day")
    except ValueError:   # "June 11-31"
        return first


def normalise(expression: str, anchor: date | None, future: bool = False, *,
              past: bool = False) -> DateValue | None:
    """The window a date expression denotes, or None when it is not a date (a duration, a time
    of day, a bare number, nonsense). `future` says the clause looks ahead ("will meet on
    Thursday"), `past` that it reports what happened ("met on Thursday"); with neither, an
    expression without a year takes the occurrence nearest the anchor (a weekday: the most
    recent one, including the anchor day)."""
    text = _clean(expression)
    if not text or (DURATION.match(text) and not text.lower().endswith("ago")):
        return None
    text = _spell_out(text)
    low = text.lower()
    if PAST_STRETCH.match(low):
        return None
    if m := DAY_RANGE.match(text) or DAY_RANGE_FIRST.match(text):
        return _day_range(m, anchor, future, past)
    if m := WEEKDAY.match(low):
        return _weekday(m, anchor, future)
    if m := YEAR_ONLY.match(low):
        return _window("year", date(int(m.group(1)), 1, 1))
    if m := SHORT_YEAR.match(low):
        return _window("year", date(_century_year(int(m.group(1)), anchor), 1, 1))
    if re.fullmatch(r"\d+", low):   # an age, a count, a clock time: never a date on its own
        return _window("year", date(int(low), 1, 1)) if 1000 <= int(low) <= 2099 else None
    if m := PART_OF_YEAR.match(low):
        return _part_of_year(m.group(1), int(m.group(2)))
    if m := DECADE.match(low):
        start = int(m.group(2)) * 10
        return DateValue(date(start, 1, 1), date(start + 9, 12, 31), "decade")
    if m := ABOUT_AGO.match(low):
        return normalise(m.group(1), anchor, future, past=past)
    if m := CURRENT.match(low):
        return normalise("this " + m.group(1), anchor, future, past=past)
    if m := SPELLED_DECADE.match(low):
        tens = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                "nineties").index(m.group(2)) * 10 + 20
        start = _century_year(tens, anchor)
        return DateValue(date(start, 1, 1), date(start + 9, 12, 31), "decade")
    if m := SHORT_DECADE.match(low):
        start = _century_year(int(m.group(2)) * 10, anchor)
        return DateValue(date(start, 1, 1), date(start + 9, 12, 31), "decade")
    if m := CENTURY.match(low):
        number = int(m.group(1))
        if not 1 <= number <= 21:
            return None
        return DateValue(date(100 * number - 99, 1, 1), date(100 * number, 12, 31), "century")
    if low in WEEK_WORDS:
        if anchor is None:
            return DateValue(None, None, "week")
        return _window("week", anchor + timedelta(weeks=WEEK_WORDS[low]))
    if m := QUARTER.match(low):
        return _named_quarter(m, anchor, future, past)
    if m := QUARTER_CODE.match(low):
        if m.group(2):
            return _quarter(int(m.group(2)), int(m.group(1)))
        if anchor is None:
            return DateValue(None, None, "quarter")
        return _quarter(anchor.year, int(m.group(1)))
    if m := RELATIVE_QUARTER.match(low):
        if anchor is None:
            return DateValue(None, None, "quarter")
        shift = {"current": 0, "this": 0, "next": 1, "coming": 1}.get(m.group(1).lower(), -1)
        return _quarter_of(anchor, shift)
    if m := EARLIER_THIS.match(low):
        return normalise(m.group(1), anchor, future, past=past)
    if m := PART_OF.match(low):
        inner = normalise(m.group(2), anchor, future, past=past)
        return _part_of(m.group(1), inner) if inner is not None else None
    if m := MONTH_ALONE.match(low):
        return _month_alone(m, anchor, future, past)
    if m := MONTH_OF_YEAR.match(low):
        if anchor is None:
            return DateValue(None, None, "month")
        month = MONTHS[m.group(1).rstrip(".")]
        return _window("month", date(_year_of(m.group(2), anchor), month, 1))
    if m := WEEK_OF.match(low):
        inner = normalise(m.group(1), anchor, future, past=past)
        if inner is not None and inner.precision == "day" and inner.earliest is not None:
            return _window("week", inner.earliest)
        return DateValue(None, None, "week") if inner is not None else None
    if (m := WEEKDAY_AND_DATE.match(text)) and re.search(MONTH_RE + r"\s*\d|\d\s*" + MONTH_RE,
                                                       m.group(2), re.I):
        rest = normalise(m.group(2), anchor, future, past=past)
        if rest is not None and rest.precision == "day" and rest.earliest is not None:
            if not re.search(r"\b\d{4}\b|'\d{2}\b", m.group(2)) and anchor is not None:
                # "Monday, Oct. 26": the year whose Oct. 26 is a Monday, nearest the anchor.
                wd = WEEKDAYS.index(m.group(1).lower())
                return _window("day", _nearest_year(rest.earliest, anchor, weekday=wd))
            return rest
    relative = bool(RELATIVE_WORDS.search(low)) and not re.search(r"\b\d{4}\b", low)
    if relative and anchor is None:
        return DateValue(None, None, "unknown")
    return _parse_with_dateparser(text, anchor, relative, future, past)


def _parse_with_dateparser(text: str, anchor: date | None, relative: bool, future: bool = False,
                           past: bool = False) -> DateValue | None:
    """Explicit dates ("29 January 2026", "Jan. 29", "February 2026") and relative phrases
    dateparser knows ("last year", "two days ago"). A result that depends on the anchor but has
    no anchor to depend on is refused by the caller before this point."""
    if not re.search(r"\d|" + "|".join(MONTHS) + r"|year|month|week|day|ago|tomorrow|tonight",
                     text, re.I):
        return None
    data = _parser(anchor).get_date_data(text)
    if data is None or data.date_obj is None or data.period == "time":
        return None
    day = data.date_obj.date()
    has_year = bool(re.search(r"\b\d{4}\b|'\d{2}\b", text))
    if not has_year and not relative:
        if anchor is None:   # "January 29" with no publication date: the year is unknown
            return None
        day = _nearest_year(day, anchor, future=future, past=past)
    if data.period == "quarter":
        return _window("quarter", day)
    return _window(data.period if data.period in ("year", "month", "week") else "day", day)


def _nearest_year(day: date, anchor: date, future: bool = False, past: bool = False,
                  weekday: int | None = None) -> date:
    """A month-day without a year is taken in the year that puts it nearest the anchor (news
    reports recent or imminent days), so "December 30" in a January paper is last December.
    When the nearest is more than two months away, the clause decides: a report of the past
    takes the last such day, a look ahead the next one ("the Oct. 23 slaying" in a May paper is
    last October's). A named weekday ("Monday, Oct. 26") picks the year it fits."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:   # 29 February
            continue
    if weekday is not None and any(d.weekday() == weekday for d in options):
        options = [d for d in options if d.weekday() == weekday]
    best = min(options, key=lambda d: abs((d - anchor).days))
    if abs((best - anchor).days) > 60 and (past or future):
        side = [d for d in options if (d <= anchor if past else d >= anchor)]
        if side:
            best = min(side, key=lambda d: abs((d - anchor).days))
    return best


# --- the stage ----------------------------------------------------------------------------------

FUTURE_CUES = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|plans?\s+to|scheduled|expected\s+to|"
                         r"set\s+to|due\s+to|going\s+to|next|upcoming)\b", re.I)
AHEAD_BEFORE = re.compile(r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s*$", re.I)
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "may", "might", "should", "must"}
# A date attached to these verbs is when the plan is for ("scheduled for Tuesday").
PLAN_VERBS = {"schedule", "slate", "due", "expect"}
# An infinitive under these looks ahead ("is set to meet Tuesday", "plans to visit Friday",
# "is to resume trading Tuesday").
PLAN_HEADS = PLAN_VERBS | {"plan", "set", "intend", "aim", "hope", "want", "prepare", "promise",
                           "threaten", "seek", "vow", "pledge", "go", "be"}
UNIT_WORDS = re.compile(r"^(?:day|week|month|quarter|year|decade|century)s?$", re.I)
ANCHOR_WORD = re.compile(r"^(?:" + MONTH_RE + r"|" + "|".join(WEEKDAYS)
                         + r"|today|yesterday|tomorrow|(?:1\d|20)\d\d)$", re.I)
START_WORD = re.compile(r"^(?:" + MONTH_RE + r"|" + "|".join(WEEKDAYS)
                        + r"|today|yesterday|tomorrow|\d+(?:st|nd|rd|th)?|early|mid|late)$", re.I)
END_WORD = re.compile(r"^(?:" + MONTH_RE + r"|" + "|".join(WEEKDAYS)
                      + r"|today|yesterday|tomorrow|\d+(?:st|nd|rd|th)?)$", re.I)
TOKEN = re.compile(r"[A-Za-z]+\.?|\d+(?:st|nd|rd|th)?|'\d\d|[^\sA-Za-z\d]")
COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# "a year earlier", "two weeks later", "the year-ago quarter": relative to the story's time.
ANAPHORIC = re.compile(
    r"^(?:(?P<n>\d+|" + "|".join(COUNT) + r")[\s-]+(?P<unit>day|week|month|quarter|year)s?[\s-]+"
    r"(?P<dir>earlier|later|before|after)|(?:the\s+)?(?:comparable\s+|corresponding\s+)?"
    r"(?P<unit2>year|quarter|month)[\s-](?:earlier|ago)(?:\s+(?P<noun>quarter|period|month|year|"
    r"level|time))?)$", re.I)
SAME_AS_REFERENCE = re.compile(r"^(?:(?:later|earlier)\s+(?:in\s+)?)?(?:that|the\s+same)\s+"
                               r"(day|week|month|year)$")
NEXT_TO_REFERENCE = re.compile(r"^the\s+(following|previous|preceding|prior)\s+"
                               r"(day|week|month|year)$")
# A date said relative to another one is no reference for the next such expression.
NOT_A_REFERENCE = re.compile(r"\b(?:ago|earlier|later|before|after|previous|prior|preceding|"
                             r"following|that|same)\b", re.I)
PRECISION_ORDER = ("day", "week", "month", "quarter", "year", "decade", "century")


def _clause_tense(span) -> str | None:
    """'future', 'past' or 'present' from the verb governing a date (a spaCy span), or None
    when there is no verb to go by."""
    tok, steps = span.root, 0
    while steps < 8:
        inside = span.start <= tok.i < span.end
        if not inside and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return _verb_tense(tok)
        if tok.head is tok:
            return None
        tok, steps = tok.head, steps + 1
    return None


def _verb_tense(verb, depth: int = 0) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & FUTURE_AUX:
        return "future"
    if verb.lemma_.lower() in PLAN_VERBS:
        return "future"
    if "to" in words and verb.tag_ == "VB":   # an infinitive: the verb above it decides
        head = verb.head
        if head is verb or depth >= 3:
            return None
        above = _verb_tense(head, depth + 1)
        if head.lemma_.lower() in PLAN_HEADS:
            return "future" if above in ("future", "present") else None
        return above
    if any(c.lemma_.lower() == "have" or c.tag_ == "VBD" for c in aux):
        return "past"   # "has met", "was announced", "did not say"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        return "present" if aux else "past"
    if verb.tag_ == "VBG":
        return "future" if aux else None   # "is leaving Thursday"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _direction(doc: Document, start: int, end: int) -> tuple[bool, bool]:
    """(future, past) for the expression at start..end: from the tense of the verb it belongs
    to when the parse is at hand, else from cue words anywhere in its sentence."""
    if AHEAD_BEFORE.search(doc.text[max(0, start - 20):start]):
        return True, False
    if doc.nlp is not None:
        span = doc.nlp.char_span(start, end, alignment_mode="expand")
        tense = _clause_tense(span) if span is not None else None
        if tense is not None:
            return tense == "future", tense == "past"
    sent = doc.sentence_of(start)
    return bool(FUTURE_CUES.search(doc.text[sent.start:sent.end])), False


SPAN_LEAD = re.compile(r"(?:just|only|as\s+(?:early|soon|late)\s+as|some\s*time|the(?=\s+"
                       + MONTH_RE + r"\s*\d))\s+", re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The expression without surrounding space and punctuation, a trailing possessive ("last
    year's results") or a leading "just", "as early as", "sometime", or "the" before a calendar
    date ("the Aug. 7, 1998 bombings")."""
    while start < end and (text[start].isspace() or text[start] in ",;:(\"'`"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:)\"'`"):
        end -= 1
    if m := re.search(r"['\u2019]s$", text[start:end]):
        end = start + m.start()
    if m := SPAN_LEAD.match(text[start:end]):
        start += m.end()
    return start, end


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shifted(text: str, reference: DateValue | None, anchor: date | None = None
             ) -> DateValue | None:
    """"a year earlier", "the year-ago quarter", "that year", "the following day" read against
    the last date the text gave ("third-quarter profit ... from $2 million a year earlier" ->
    the third quarter of the year before). The result is never finer than the shift (a year
    before a day is that month), and a shift by days or weeks needs a day or week to start from."""
    low = " ".join(text.lower().split())
    if reference is None or reference.earliest is None or reference.latest is None \
            or reference.precision not in PRECISION_ORDER:
        return None
    lo, hi, precision = reference.earliest, reference.latest, reference.precision
    if m := SAME_AS_REFERENCE.match(low):   # "that year", "later that month", "the same day"
        unit = m.group(1)
        if PRECISION_ORDER.index(precision) > PRECISION_ORDER.index(unit):
            return None
        return _window(unit, lo)
    if m := NEXT_TO_REFERENCE.match(low):   # "the following year", "the previous day"
        unit = m.group(2)
        sign = -1 if m.group(1) in ("previous", "preceding", "prior") else 1
        if PRECISION_ORDER.index(precision) > PRECISION_ORDER.index(unit):
            return None
        if unit in ("day", "week"):
            return _window(unit, lo + timedelta(days=sign * (7 if unit == "week" else 1)))
        return _window(unit, _shift_months(lo, sign * (12 if unit == "year" else 1)))
    if m := ANAPHORIC.match(low):
        count = int(m.group("n")) if (m.group("n") or "").isdigit() else \
            COUNT.get(m.group("n") or "a", 1)
        unit = m.group("unit") or m.group("unit2")
        sign = 1 if (m.group("dir") or "") in ("later", "after") else -1
        noun = m.group("noun")
        if m.group("unit2") and anchor is not None and \
                (anchor - reference.latest).days > 300:
            # "the year-ago results" after "the 1988 period": that period is the year-ago one
            if noun == "quarter":
                return _window("quarter", lo) if PRECISION_ORDER.index(precision) <= 3 else None
            return DateValue(lo, hi, precision, reference.weekday)
    else:
        return None
    if unit in ("day", "week"):
        if PRECISION_ORDER.index(precision) > PRECISION_ORDER.index(unit):
            return None
        delta = timedelta(days=sign * count * (7 if unit == "week" else 1))
        return _window(unit if unit == "week" else precision, lo + delta)
    months = sign * count * {"month": 1, "quarter": 3, "year": 12}[unit]
    lo, hi = _shift_months(lo, months), _shift_months(hi, months)
    if noun == "quarter":   # "the year-ago quarter"
        return _window("quarter", lo) if PRECISION_ORDER.index(precision) <= 3 else None
    if PRECISION_ORDER.index(precision) < PRECISION_ORDER.index("month"):
        return _window("month", lo)
    if precision in ("month", "quarter") or (
            precision == "year" and (reference.earliest.month, reference.latest.month) == (1, 12)):
        return _window(precision, lo)
    return DateValue(lo, hi, precision)


def _parts(doc: Document, start: int, end: int, future: bool, past: bool
           ) -> list[tuple[int, int, DateValue]]:
    """Dates inside an entity that is not one as a whole: "the quarter ended Sept. 30",
    "today through Nov. 17". Only stretches that name a month, a weekday, a year or a day word
    and no unit of time are tried, longest first, so a duration never turns into a date."""
    text = doc.text[start:end]
    tokens = list(TOKEN.finditer(text))
    found: list[tuple[int, int, DateValue]] = []
    windows = [(i, j) for i in range(len(tokens)) for j in range(i, len(tokens))
               if (i, j) != (0, len(tokens) - 1)]
    windows.sort(key=lambda w: (w[0] - w[1], w[0]))
    for i, j in windows:
        words = [t.group() for t in tokens[i:j + 1]]
        if not (START_WORD.match(words[0]) and END_WORD.match(words[-1])):
            continue
        if not any(ANCHOR_WORD.match(w) for w in words) or any(UNIT_WORDS.match(w) for w in words):
            continue
        lo, hi = start + tokens[i].start(), start + tokens[j].end()
        if any(lo < b and a < hi for a, b, _ in found):
            continue
        value = normalise(doc.text[lo:hi], doc.published, future, past=past)
        if value is not None:
            found.append((lo, hi, value))
    return sorted(found, key=lambda f: f[0])


@stage("dossier.annotate.dates.v1", needs=("text", "sentences", "entities", "published"),
       adds=("dates",), languages=EXTRACTION_LANGUAGES)
def annotate_dates(doc: Document) -> Document:
    """Every DATE entity that denotes a date (or the dates inside one that does not as a
    whole), normalised against the publication date."""
    mentions = []
    reference: DateValue | None = None   # the last date the text gave, for "a year earlier"
    for ent in doc.entities:
        if ent.label != "DATE":
            continue
        start, end = _trim(doc.text, ent.span.start, ent.span.end)
        if start >= end or _a_wish(doc.text, start, end):
            continue
        future, past = _direction(doc, start, end)
        value = normalise(doc.text[start:end], doc.published, future, past=past)
        if value is None:
            value = _shifted(doc.text[start:end], reference, doc.published)
        found = [(start, end, value)] if value is not None else \
            _parts(doc, start, end, future, past)
        for lo, hi, v in found:
            mentions.append(DateMention(Span(lo, hi), doc.text[lo:hi], v))
            if v.earliest is not None and v.latest is not None \
                    and not NOT_A_REFERENCE.search(doc.text[lo:hi]):
                reference = v
    doc.dates = mentions + _parts_of_the_day(doc, mentions)
    doc.dates.sort(key=lambda m: m.span.start)
    return doc


# "May the best team win!", "May God bless": the verb of a wish, which opens its sentence
WISH = re.compile(r"May\s+(?:the|God|we|you|they|he|she|it|this|these|those|all|every|each|our|"
                  r"your|their|his|her|its)\b")


def _a_wish(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip(" \t\"“'‘")
    return text[start:end] == "May" and (not before or before[-1] in ".!?\n") \
        and WISH.match(text, start) is not None


# The model tags these as TIME, or not at all ("earlier today"), but they fix the day: the
# report's own, or the one before it.
PART_OF_DAY = re.compile(
    r"\b(?:(?:earlier|later)\s+)?(?:(this|yesterday)\s+(?:morning|afternoon|evening)|today|"
    r"tonight|(last)\s+night)\b", re.I)


def _parts_of_the_day(doc: Document, found: list[DateMention]) -> list[DateMention]:
    """"This afternoon", "earlier today", "last night": the day of a readout's call."""
    if doc.published is None:
        return []
    taken = [(m.span.start, m.span.end) for m in found]
    out = []
    for m in PART_OF_DAY.finditer(doc.text):
        if any(start < m.end() and m.start() < end for start, end in taken):
            continue
        which = (m.group(1) or m.group(2) or "").lower()
        day = doc.published - timedelta(days=1) if which in ("yesterday", "last") else doc.published
        out.append(DateMention(Span(m.start(), m.end()), m.group(0), DateValue(day, day, "day")))
    return out
