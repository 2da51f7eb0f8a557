"""Countries in query parameters: a name ("Mexico", "the United States", "Kenyan") or an ISO
3166 alpha-3 code ("MEX"), always read as the code the store keys countries by.

A reader types names; the store holds codes. Reading both here, once, keeps `?country=Mexico`
from silently matching nothing, and an unknown country is an error that names it rather than
an empty list.
"""
from __future__ import annotations

from dossier.places import country_asked, country_name


class UnknownCountry(ValueError):
    """A country parameter that names no country; the message quotes it."""

    def __init__(self, text: str) -> None:
        super().__init__(f"no country is called {text!r} (give a name such as 'Kenya' or an "
                         "ISO 3166 alpha-3 code such as 'KEN')")
        self.text = text


def country_param(value: str | None) -> str | None:
    """The alpha-3 code `value` names (`places.country_asked`, as the command line reads it),
    or None when it is empty; UnknownCountry otherwise."""
    text = (value or "").strip()
    if not text:
        return None
    found = country_asked(text)
    if found is None:
        raise UnknownCountry(text)
    return found


def label(code: str | None) -> str:
    """A readable name for a code the store holds ("United States"); the code itself when it
    names no country (a store may hold codes from an older table)."""
    if not code:
        return ""
    try:
        return country_name(code)
    except (KeyError, LookupError):
        return code
