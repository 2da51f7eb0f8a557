"""The first cleaning stage: fix the text, and lift the publication date, dateline and title.

`doc.text` is created here, once, from `doc.raw`; every later offset points into it, so the
whitespace rules live in one place. Scraped articles carry their publication date as a line of
site chrome ("Posted on :Thursday , 12th February 2026"): that line is metadata, not prose, so
it leaves the text and becomes `doc.published`, with the line kept as evidence. The dateline
("NAIROBI, Kenya (Reuters) -") and the headline are part of what the report says, so they stay
in the text and are only recorded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import dateparser

from dossier.clean.boilerplate import is_boilerplate_line
from dossier.clean.prose import to_prose
from dossier.document import Document
from dossier.pipeline import stage

# ---------------------------------------------------------------------------------------------
# Whitespace

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c]")
_UNICODE_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_line_breaks(raw: str, spaces: bool = True) -> str:
    """One kind of line break and (unless `spaces` is false) one kind of space; trailing spaces
    (a Markdown hard break) are kept."""
    text = _LINE_BREAKS.sub("\n", raw)
    text = _INVISIBLE.sub("", text)
    return _UNICODE_SPACES.sub(" ", text) if spaces else text


def normalise_whitespace(raw: str) -> str:
    """One line break, one kind of space, at most one blank line in a row.

    Scraped pages mix CRLF, NBSP paragraphs ("\\xa0" lines between paragraphs) and runs of empty
    lines; downstream rules (paragraphs, headings, sentence splitting at line breaks) rely on a
    blank line meaning "new paragraph" and nothing else.
    """
    text = normalise_line_breaks(raw)
    text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


# ---------------------------------------------------------------------------------------------
# Publication-date lines

_LABEL = (
    r"first\s+published|last\s+(?:updated|modified)|date\s+published|publication\s+date"
    r"|published|posted|updated|modified|dated|date"
)
_META_LINE = re.compile(
    rf"^\s*(?P<label>{_LABEL})\b(?:\s+(?:on|at))?\s*[:|\-\u2013\u2014]?\s*(?P<date>\S.{{0,59}})$",
    re.IGNORECASE,
)
# A publication date names its year; "5 hours ago" is relative to the scrape, not to the report.
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}\b")
_NUMERIC_DAY_MONTH = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\b")
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
}


@dataclass(frozen=True)
class MetadataLine:
    """A line that only states when the article was published or updated."""

    index: int
    line: str
    label: str
    day: date | None  # None when the date is ambiguous or in the future
    problem: str | None = None
    place: str | None = None  # "Abuja, 22nd May, 2025": a press release's place-and-date line

    @property
    def rank(self) -> int:
        """Lower is better: a first-publication date beats a publication date beats an update."""
        label = self.label.lower()
        if label.startswith("first"):
            return 0
        if "updated" in label or "modified" in label:
            return 2
        return 1


def parse_metadata_line(index: int, line: str, today: date) -> MetadataLine | None:
    """The line as a publication-date line, or None when it is anything else.

    The whole line must be a label plus a full date (day, month and year), so a sentence that
    starts with "Updated figures ..." or "Posted by ..." is never taken for metadata.
    """
    match = _META_LINE.match(line)
    place = None
    if not match and index < MAX_HEADER_LINES:
        # A header's place-and-date line ("Abuja, 22nd May, 2025"), a date alone on its line
        # ("March 3, 2025") or a byline with a date ("By Staff Reporter | Thursday, May 23, 2024")
        match = (_PLACE_DATE_LINE.match(line.strip()) or _DATE_ONLY_LINE.match(line.strip())
                 or _BYLINE_DATE.match(line.strip()))
        place = match.groupdict().get("place") if match else None
    if not match:
        return None
    when = match["date"]
    if not _HAS_YEAR.search(when):
        return None
    parsed = dateparser.parse(when, settings=_DATEPARSER_SETTINGS, languages=["en"])
    if parsed is None:
        return None
    label = match.groupdict().get("label") or "dated"
    found = MetadataLine(index, line.strip(), label, parsed.date(), place=place)
    numeric = _NUMERIC_DAY_MONTH.search(when)
    if numeric and numeric[1] != numeric[2] and int(numeric[1]) <= 12 and int(numeric[2]) <= 12:
        return MetadataLine(index, found.line, found.label, None,
                            f"the date in {found.line!r} could be day/month or month/day; not used")
    if found.day and found.day > today:
        return MetadataLine(index, found.line, found.label, None,
                            f"the date in {found.line!r} is later than today; not used")
    return found


def find_metadata_lines(lines: list[str], today: date) -> list[MetadataLine]:
    return [m for i, line in enumerate(lines) if (m := parse_metadata_line(i, line, today))]


def best_publication_line(found: list[MetadataLine]) -> MetadataLine | None:
    """The line to date the article by: the best-ranked usable one, the first on a tie."""
    usable = [m for m in found if m.day is not None]
    return min(usable, key=lambda m: (m.rank, m.index)) if usable else None


def date_note(doc: Document, line: MetadataLine) -> str:
    """Why the source's date stands when the text's date line says another day: a page's or a
    record's metadata is written for machines and is kept up to date by the publisher's system,
    while a line in the text may be copied from an earlier version or another story."""
    return (f"published {doc.published.isoformat()} is taken from the source's metadata "
            f"({doc.published_evidence}), which is preferred to the text's date line "
            f"{line.line!r} ({line.day.isoformat()})")


# ---------------------------------------------------------------------------------------------
# Headline

_FINAL_PUNCTUATION = ".!?:;,\u2026"
MAX_HEADLINE_WORDS = 20


def headline_index(lines: list[str]) -> int | None:
    """Where the headline is: the first line that is not site chrome, if it looks like one.

    A headline is short, has no final punctuation and is followed by a blank line and then more
    text. A first paragraph that is already prose (ends with a full stop) is not a headline.
    """
    first = next((i for i, line in enumerate(lines) if line and not is_boilerplate_line(line)), None)
    if first is None or first + 2 >= len(lines):
        return None
    line = lines[first]
    if lines[first + 1] != "" or not lines[first + 2]:
        return None
    if not 2 <= len(line.split()) <= MAX_HEADLINE_WORDS:
        return None
    if line[-1] in _FINAL_PUNCTUATION or "|" in line or "\u00a9" in line:
        return None
    return first


# ---------------------------------------------------------------------------------------------
# Dateline

_WORD = r"[A-Z\u00c0-\u00de][^\W\d_]*(?:['\u2019\-][^\W\d_]+)*\.?"
_PARTICLE = r"(?:de|da|do|dos|das|del|des|du|la|le|es|el|al|of)"
_PLACE = rf"{_WORD}(?: (?:{_PARTICLE} )?{_WORD}){{0,3}}"
_INITIALS = r"(?:[A-Z]\.){2,}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:, (?P<region>{_INITIALS}|{_WORD}(?: {_WORD})?))?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"  # ", May 3" in wire copy
    r"(?: ?\((?P<agency>[^()\n]{2,40})\))?"
    r"(?:\s*[\u2014\u2013]\s*|\s+--?\s+)"
    r"(?=[\"\u201c\u2018'\d]|[A-Z])"  # the report's first sentence starts right after
)
# A person followed by a dash ("President Ruto — ...") has the shape of a dateline.
_TITLE_WORDS = frozenset(
    "president minister secretary senator sen ambassador governor gov mr mrs ms dr prof sir "
    "king queen prince princess pope general gen chief cs ps mp rep judge justice spokesman "
    "spokeswoman spokesperson chairman chairperson ceo director deputy".split()
)
_NOT_FIRST_WORDS = frozenset(
    "a an and but he she it we i they you this that these those there here however meanwhile "
    "according in on at during after while when".split()
)
MIN_WORDS_AFTER_DATELINE = 6  # a headline with a dash is shorter than a first sentence


MAX_HEADER_LINES = 10   # a place-and-date line belongs to the header of a release
_DATE_ONLY_LINE = re.compile(r"^(?P<date>(?:[A-Z][a-z]+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?"
                             r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4})\.?$")
_BYLINE_DATE = re.compile(r"^[Bb]y\s+[^|•\n]{2,60}?\s*[|•,–—-]\s*(?P<date>(?:[A-Z][a-z]+,?\s+)?"
                          r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?|[A-Z][a-z]+\.?\s+\d{1,2}"
                          r"(?:st|nd|rd|th)?,?)\s+\d{4})(?:\s*[|•,]?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?.*)?$")
_PLACE_DATE_LINE = re.compile(rf"^(?P<place>{_PLACE}),\s*(?P<date>[^,]*\d[^a-z]{{0,3}}.{{0,30}}\d{{4}})\.?$")


def dateline_of(paragraph: str) -> str | None:
    """The place a report was filed from, when its first paragraph opens with a dateline.

    The place is written as the report wrote it, title-cased when the wire wrote it in capitals
    ("ADDIS ABABA" -> "Addis Ababa"). A trailing country or state is dropped ("NAIROBI, Kenya"
    -> "Nairobi"), but initials that are part of the name are kept ("Washington, D.C.").
    """
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    words = [w.rstrip(".").lower() for w in match["place"].split()]
    if words[0] in _NOT_FIRST_WORDS or _TITLE_WORDS.intersection(words):
        return None
    if len(paragraph[match.end():].split()) < MIN_WORDS_AFTER_DATELINE:
        return None
    place = _as_written(match["place"])
    region = match["region"]
    if region and re.fullmatch(_INITIALS, region):
        place = f"{place}, {region}"
    return place


def _as_written(place: str) -> str:
    """Title case for a place the wire wrote in capitals; otherwise the place unchanged."""
    if not place.isupper():
        return place
    words = place.title().split()
    return " ".join(
        w.lower() if i and re.fullmatch(_PARTICLE, w, re.IGNORECASE) else w for i, w in enumerate(words)
    )


# ---------------------------------------------------------------------------------------------
# The stage


@stage("dossier.clean.metadata.v1", needs=("raw",), adds=("text", "published", "dateline"))
def clean_metadata(doc: Document) -> Document:
    """Create `doc.text` from the page's main text (`extracted`) or else `raw`; set `published`
    (if unset), `dateline` and `title` (if unset)."""
    source = doc.extracted if doc.extracted is not None else doc.raw
    # no-break spaces tell where a wrapper could not break a line (`clean/prose.py`)
    lines = normalise_whitespace(to_prose(normalise_line_breaks(source, spaces=False))).split("\n")
    latest = doc.fetched_at.date() if doc.fetched_at else date.today()
    found = find_metadata_lines(lines, latest)
    best = best_publication_line(found)
    if doc.published is None and best is not None:
        doc.published = best.day
        doc.published_evidence = best.line
    elif best is not None and best.day != doc.published and best.rank < 2:
        doc.date_note = date_note(doc, best)   # an "Updated" line may differ: that is no conflict
    if doc.published is None:
        doc.warnings.extend(m.problem for m in found if m.problem)
    dropped = {m.index for m in found}
    lines = normalise_whitespace("\n".join(l for i, l in enumerate(lines) if i not in dropped)).split("\n")

    head = headline_index(lines)
    if head is not None and doc.title is None:
        doc.title = lines[head]
    body_start = 0 if head is None else head + 1
    # the dateline opens the body, after what a header may still hold (a byline, a desk name)
    first_paragraphs = [l for l in lines[body_start:] if l and not is_boilerplate_line(l)][:3]
    doc.dateline = next((d for l in first_paragraphs if (d := dateline_of(l))), None) or next(
        (_as_written(m.place) for m in found if m.place and m.day), None)
    doc.text = "\n".join(lines)
    return doc
