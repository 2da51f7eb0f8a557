"""Titles of office: how news text names a role, and how to read one apart.

Kept apart from the person extractor because events, quotes and the resolver all need to know
whether a phrase is a title ("Prime Cabinet Secretary", "U.S. Deputy Secretary of State") and
which country and organisation it names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.places import country_code

# Words that make a phrase a title of office. General English usage, not any one country's.
HEAD_WORDS = frozenset("""
secretary president minister ambassador senator advisor adviser director governor chairman
chairperson chairwoman chair chief commissioner envoy spokesperson spokesman spokeswoman
premier chancellor king queen prince princess emir amir sultan mayor speaker leader representative
congressman congresswoman general admiral colonel commander officer attache consul
undersecretary under-secretary administrator head cs ps nsa ceo counsellor councillor counselor
attorney-general attorney justice judge registrar treasurer controller auditor
lady gentleman taoiseach coordinator
""".split())
# Honorifics: they stand before names but are not roles on their own.
HONORIFICS = frozenset("mr mrs ms miss dr prof professor hon honourable honorable sir dame amb "
                       "h.e. he his her excellency rt rev mr. mrs. ms. dr. prof. hon. majesty "
                       "highness royal sheikh sheikha shaikh".split())
# Titles that are also used on their own as a form of address ("Senator Warren", "Ambassador
# Juma"): when they end a longer title, they are a second role ("Secretary of State Senator").
ADDRESS_TITLES = frozenset("senator ambassador general admiral colonel governor congressman "
                           "congresswoman".split())
CONNECTORS = frozenset({"of", "for", "and", "the", "to", "on", "in", "&", ",", "-", "–"})
ABBREVIATIONS = {"cs": "Cabinet Secretary", "ps": "Principal Secretary",
                 "nsa": "National Security Advisor"}


@dataclass(frozen=True)
class Title:
    title: str
    organization: str | None
    country: str | None


# Offices whose holders are their country's "leaders": heads of state and of government.
LEADER_TITLES = frozenset({"president", "prime minister", "chancellor", "premier", "king", "queen",
                           "emir", "sultan", "taoiseach", "emperor"})


# Titles a government does not give its own officials: the United States has secretaries, not
# ministers, and no crown. A report's own officials are named bare, but one titled so is not one.
FOREIGN_TITLES = {"USA": frozenset({"minister", "prime", "crown", "prince", "princess", "king",
                                    "queen", "emir", "amir", "sultan", "chancellor", "premier",
                                    "taoiseach", "emperor"})}


def is_foreign_to(title: str, country: str | None) -> bool:
    """ "Minister of Defense" is no U.S. official's title."""
    words = set(re.sub(r"[^\w\s-]", " ", title.lower()).split())
    return bool(words & FOREIGN_TITLES.get(country or "", frozenset()))


def is_leader(title: str) -> bool:
    """ "President", "Prime Minister", "the President of Kenya"; not "Vice President"."""
    words = [w for w in re.sub(r"[^\w\s-]", " ", title.lower()).split() if w != "the"]
    for n in (2, 1):
        if len(words) >= n and " ".join(words[:n]) in LEADER_TITLES \
                and (len(words) == n or words[n] == "of"):
            return True
    return False


def is_head_word(word: str) -> bool:
    """ "Minister", "Taoiseach", and one elected or named but not yet in office
    ("President-elect", "Secretary-designate")."""
    bare = re.sub(r"-(?:elect|designate)$", "", word.lower().strip("."))
    return bare in HEAD_WORDS or is_plural_head(word)


def is_plural_head(word: str) -> bool:
    """ "Presidents" (Biden and Lula), "Ministers": a title shared by the names after it."""
    w = word.lower().strip(".")
    return len(w) > 3 and w.endswith("s") and w[:-1] in HEAD_WORDS


def has_head_word(phrase: str) -> bool:
    return any(is_head_word(w) for w in re.findall(r"[\w.\-]+", phrase))


def _leading_country(words: list[str]) -> tuple[str | None, int]:
    """The country named by the first one to four words, and how many words name it."""
    start = 1 if words and words[0].lower() == "the" else 0
    for n in range(min(4, len(words) - 1 - start), 0, -1):
        candidate = " ".join(words[start:start + n])
        if re.search(r"[A-Z]", candidate[:1]) and (code := country_code(candidate)):
            return code, start + n
    return None, 0


_AT_ORG = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s*(?:of\s+|for\s+|and\s+)?)+)$")


# Words before a title held now, or about to be, that say how rather than what ("former" is
# kept: a former minister holds no office).
TENURE = {"incoming", "outgoing", "acting", "interim", "new", "newly", "departing", "retiring"}


# "Foreign Minister of Nigeria", "Ambassador of Ukraine to the United States": the sender
_OF_COUNTRY_END = re.compile(
    r"\s+of\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?=\s+to\s|$)")


# Capitalised words that open a sentence before a title ("Today President Biden", "Thanks to
# President Ruto") and are never part of it.
NOT_TITLE_OPENERS = frozenset("""
today yesterday tonight tomorrow thanks thank meanwhile later earlier also then when after
before on in at as under with by from during following while since monday tuesday wednesday
thursday friday saturday sunday like support god bless what why how where who whom but so if
because said says congratulations congratulate dear welcome our my your his her their its this
that these those every all any no not only even just now here there and or
""".split())


# "... to the Republic | of Burundi": the country an ambassador is sent to, not theirs
_TO_THE = re.compile(r"\bto\s+the\s+(?:[A-Z][\w-]*\s*)+$")


def parse_title(phrase: str) -> Title:
    """Split "U.S. Deputy Secretary of State" into title, organisation and country.

    The country is the sender ("Kenyan Ambassador to the United States" is Kenyan); a trailing
    "at the State Department" is the organisation.
    """
    text = " ".join(phrase.replace("\u2019", "'").split()).strip(" ,;")
    words = text.split()
    while words and (words[0].lower().strip(".,") in HONORIFICS | NOT_TITLE_OPENERS | CONNECTORS | {"rt"}
                     or words[0].lower() in TENURE):
        words = words[1:]   # "The Honourable Minister of Trade", "incoming Israeli ..."
    country, used = _leading_country(words)
    text = " ".join(words[used:])
    organization = None
    m = _AT_ORG.search(text)
    if m and not has_head_word(m.group(1)):
        organization, text = m.group(1).strip(), text[:m.start()]
    # "Foreign Minister of Nigeria", "President of the United States": the country closes it
    of = _OF_COUNTRY_END.search(text)
    if of and (code := country_code(of.group(1))) and has_head_word(text[:of.start()]) \
            and not _TO_THE.search(text[:of.start()]):   # "Ambassador to the Republic of X"
        country, text = country or code, text[:of.start()] + text[of.end():]
    words = text.split()
    expanded = " ".join(ABBREVIATIONS.get(w.lower(), w) for w in words)
    return Title(expanded.strip(" ,"), organization, country)


def title_and_name(phrase: str) -> tuple[str, str]:
    """ "National Security Advisor Jake Sullivan" -> ("National Security Advisor", "Jake
    Sullivan"): the name is the capitalised words after the last word of the title."""
    words = phrase.split()
    cut = len(words)
    while cut > 0 and words[cut - 1][:1].isupper() and not is_head_word(words[cut - 1]) \
            and words[cut - 1].lower() not in CONNECTORS:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def split_titles(phrase: str) -> list[str]:
    """"Secretary of State Senator" is two roles; "Deputy Ambassador" is one."""
    words = phrase.split()
    if len(words) > 1 and words[-1].lower() in ADDRESS_TITLES and has_head_word(" ".join(words[:-1])) \
            and words[-2].lower() not in (
            "deputy", "vice", "special", "chief", "former", "acting", "assistant", "senior",
            # "Secretary General", "Attorney General", "Governor General": one office
            "secretary", "secretary-", "attorney", "governor", "surgeon", "inspector", "solicitor",
            "consul", "director", "postmaster", "judge", "advocate"):
        return [" ".join(words[:-1]), words[-1]]
    return [phrase]


@lru_cache(maxsize=1 << 14)   # resolution asks for the same few hundred titles millions of times
def title_key(title: str) -> str:
    """One spelling for the ways a title is written: "Minister of Foreign Affairs" and "Foreign
    Minister" are the same office, as are "Secretary for Trade" and "Trade Secretary"."""
    words = [w for w in re.sub(r"[^\w\s-]", " ", title.lower()).split()
             if w not in ("the", "affairs", "and")]
    for i, w in enumerate(words[:-1]):
        if w in ("minister", "secretary", "ministry") and words[i + 1] in ("of", "for") \
                and words[i + 2:] and words[i + 2] != "state":
            return " ".join(words[:i] + words[i + 2:] + [w])
    return " ".join(words)
