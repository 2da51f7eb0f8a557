"""When two written names can be the same person.

"Tony Smith" and "Antony Smith", "Anthony Smith" (a common misspelling), "A. Smith" and
"Smith", "Wale Edun" and "Adewale Edun" are one person; "Christopher Smith" and "Christopher
Jones" are not, and neither are "Joe Biden" and "Hunter Biden". Surnames must agree; given
names must be equal, an initial of each other, a clipped form of each other, nickname and full
form (the `nicknames` package's table), or one spelling slip apart.
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from nicknames import NickNamer


@lru_cache(maxsize=100_000)   # the same few thousand names, compared over and over
def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes or dots: the key two spellings must share."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"['.]", "", re.sub(r"[-‐–]", " ", text)).split())


GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}


def _words(name: str) -> list[str]:
    """Folded words of a name without a generational suffix ("Joseph R. Biden, Jr.")."""
    words = fold(name).replace(",", " ").split()
    while len(words) > 1 and words[-1] in GENERATIONS:
        words = words[:-1]
    return words


def surname(name: str) -> str:
    words = _words(name)
    return words[-1] if words else ""


def surname_key(name: str) -> str:
    """A surname as transliterations agree on it: doubled letters single and a closing -iy,
    -yy or -ii as -y ("Zelenskyy", "Zelensky", "Zelenskiy" -> "zelensky"). Names whose keys
    differ are never the same person, so this is what a corpus is blocked by."""
    key = re.sub(r"(.)\1+", r"\1", surname(name))
    return re.sub(r"(?:iy|yi|ij)$", "y", key)


def given_name(name: str) -> str | None:
    words = _words(name)
    return words[0] if len(words) > 1 else None


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=4096)
def _forms(first: str) -> frozenset[str]:
    nn = _nicknamer()
    return frozenset({first} | nn.nicknames_of(first) | nn.canonicals_of(first))


def _close(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85


@lru_cache(maxsize=1 << 16)   # fuzzy matching is slow, and the same pairs come back
def given_names_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, full = sorted((a, b), key=len)
    if len(short) >= 4 and (full.startswith(short) or full.endswith(short)):
        return True   # "Chris" / "Christopher", "Wale" / "Adewale"
    fa, fb = _forms(a), _forms(b)
    if fa & fb:
        return True
    return any(_close(x, y) for x in fa for y in fb)


def is_name_tail(short: str, full: str) -> bool:
    """ "López Obrador" ends "Andrés Manuel López Obrador": two or more last words of a name are
    how news writing shortens a double surname."""
    ws, wf = _words(short), _words(full)
    return 2 <= len(ws) < len(wf) and wf[-len(ws):] == ws


def same_person(a: str, b: str) -> bool:
    """Could these two names denote one person? (Surname equal, given names compatible; or
    the same given name and a surname transliterated apart: "Volodymyr Zelenskyy" and
    "Volodymyr Zelensky".)"""
    sa, sb = surname(a), surname(b)
    ga, gb = given_name(a), given_name(b)
    if is_name_tail(a, b) or is_name_tail(b, a):
        return True
    if sa == sb:
        return given_names_compatible(ga, gb)
    return ga is not None and ga == gb and len(ga) > 1 and min(len(sa), len(sb)) >= 6 \
        and surname_key(a) == surname_key(b)
