"""Whose country a well-known public figure is, when no report says.

A government's statements name foreign leaders bare ("President Yoon", "Prime Minister Ishiba",
"General Secretary Nguyen Phu Trong"), and no sentence says whose they are; the extractor can
only assume the publisher's country. An analyst knows better, and so should the knowledge base:
`data/public_figures.csv` lists heads of state and government, foreign ministers and a few
other figures of international relations since 2021, and the figures of the past that
statements since then recall (Shinzo Abe, Nelson Mandela), with their country. A person's country
does not change with the date, so the table is read for that alone, never to say who held an
office on a day (the user's dictionary of office holders, `dossier offices`, does that). No
package on PyPI ships such a list for use offline, so it ships here.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

from dossier.names import fold, same_person

MIN_BARE_SURNAME = 5   # letters: "Ishiba" alone is the Prime Minister; "Kim" or "Lee" is anyone


@lru_cache(maxsize=1)
def _figures() -> tuple[Mapping[str, str], Mapping[str, tuple[tuple[str, str], ...]]]:
    """(folded full name -> country, folded word of a name -> (name, country) pairs)."""
    by_name: dict[str, str] = {}
    by_word: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (files("dossier") / "data" / "public_figures.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            by_name[fold(row["name"])] = row["country"]
            for word in fold(row["name"]).split():
                by_word[word].append((row["name"], row["country"]))
    return MappingProxyType(by_name), MappingProxyType({w: tuple(p) for w, p in by_word.items()})


def figure_country(name: str, aliases: Iterable[str] = (), leader: bool = False) -> str | None:
    """The country of the public figure `name` (or one of its `aliases`) denotes, if the table
    knows one figure it can be.

    A short bare name is anyone's ("Kim", "Modi" the shopkeeper) unless a leader's title goes
    with it: "President Lula", "President Xi" are the ones the table knows (`leader`)."""
    by_name, by_word = _figures()
    for form in (name, *aliases):
        if (country := by_name.get(fold(form))) is not None:
            return country
    words = fold(name).split()
    if len(words) > 1:   # "Volodymyr Zelensky" is found by his given name, then compared
        found = {c for w in words for figure, c in by_word.get(w, ()) if same_person(name, figure)}
    elif words and (leader or len(words[0]) >= MIN_BARE_SURNAME):
        found = {c for _, c in by_word.get(words[0], ())}
    else:
        return None
    return found.pop() if len(found) == 1 else None
