"""International organisations and armed groups: actors of their own, like countries.

An event between the United States and the European Union, Kenya and the IMF, or U.S. forces
and ISIS-K is an interaction between international actors even when only one country takes
part. The table (`data/organisations.csv`: code, name, aliases, kind) lists the intergovernmental
bodies and the armed groups that news about relations between countries names; no package on
PyPI keeps such a list, so it ships here.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

from dossier.places import fold_name

ORGANISATION_KEY = "org:"
"""How an event participant that is an organisation is written in a document ("org:EU")."""


ARMED_GROUP = "armed group"
"""The kind of an armed group (Hamas, ISIS-K, al-Shabaab), as opposed to an intergovernmental
body; both are actors of type "organization" unless the kind says otherwise."""


@lru_cache(maxsize=1)
def _table() -> tuple[Mapping[str, str], Mapping[str, str], frozenset[str], Mapping[str, str]]:
    """(folded name or alias -> code, code -> name, the keys of acronyms, code -> kind)."""
    by_name: dict[str, str] = {}
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    acronyms: set[str] = set()
    with (files("dossier") / "data" / "organisations.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            names[row["code"]] = row["name"]
            kinds[row["code"]] = row["kind"]
            for alias in [row["name"], row["code"], *filter(None, row["aliases"].split("|"))]:
                by_name.setdefault(fold_name(alias), row["code"])
                if alias.replace(".", "").isupper() and " " not in alias:
                    acronyms.add(fold_name(alias))
    return (MappingProxyType(by_name), MappingProxyType(names), frozenset(acronyms),
            MappingProxyType(kinds))


def organisation_code(text: str) -> str | None:
    """ "the European Union", "EU", "E.U.'s" -> "EU"; None for anything else. An acronym
    counts only in capitals ("WHO" is the organisation, "who" is not), or capitalised when it
    is four letters or more, as British style writes "Nato"."""
    by_name, _, acronyms, _ = _table()
    key = fold_name(text)
    if key in acronyms:
        written = re.sub(r"[’']s?$", "", re.sub(r"^the\s+", "", text.strip(), flags=re.I))
        written = written.replace(".", "")
        if not (written.isupper() or (len(written) >= 4 and written.istitle())):   # "Nato"
            return None
    return by_name.get(key)


def organisation_name(code: str) -> str:
    """The organisation's name; its code when the table no longer lists it (a store written by
    an earlier version keeps the codes that version knew)."""
    return _table()[1].get(code, code)


def is_armed_group(code: str) -> bool:
    return _table()[3].get(code) == ARMED_GROUP
